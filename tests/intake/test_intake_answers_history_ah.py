"""The later questions' answers (medicines, allergies, duration, severity, age) tell standing history, issue 14.

A medicine's reason ("tablets for her angina"), the event a treatment began with ("aspirin since his heart attack"), a
known condition's or an allergy's usual episode told in the simple present beside what brings it on ("he can't breathe
when he has an attack", "her throat swells if she eats nuts"), and a past episode used as a yardstick ("nothing like
when she had her heart attack") are not signs now. The medicines and allergies questions ask what is always so, so a
sign told there in the simple present is the habit asked about ("nuts, my lips swell up"), while the same words at the
complaint still end the call. A sign told as happening now, a dose given now, or today's exposure still flags.
"""

import pytest

from intake import context as ctx
from intake.models import Category, Urgency
from intake.red_flags import find_red_flags, prepare
from tests.support.dialogue import dialogue_after

# --- kinds that are no sign now in any turn ----------------------------------------------------------------------

TREATMENT_REASON = [
    "he takes something for his seizures",
    "she's on tablets for her fits, the epilim",
    "tablets for her angina, for when she gets chest pain",
    "he have pump for him asthma, for when the breathing catch him",
    "he dey take drugs for him seizure every morning",
    "medicine for her fits, she takes it morning and night",
    "may gamot siya para sa seizure niya, iniinom niya araw-araw",
    "diazepam for when his fits go on too long",
    "blood thinner for the stroke she had",
]
TREATMENT_START = [
    "aspirin since his heart attack",
    "blood thinners since the stroke",
    "she takes tablets for her heart since her heart attack, and blood thinners since the stroke",
    "she's been on clopidogrel ever since the stroke",
    "he started on epilim after his first seizure",
    "he is taking Ecosprin from the time of his heart attack",
    "they put him on the inhalers after the asthma attack that landed him in hospital",
    "his heart tablets, he had a bypass after his heart attack",
]
USUAL_EPISODE = [
    "just his inhaler, he gets really wheezy and can't breathe when he has an attack",
    "her GTN spray for when the chest pain comes",
    "nitro pills, he puts one under his tongue when his chest hurts",
    "latex, her lips swell and she can't breathe if she touches it",
    "egg, the baby's lips swell when she eats it",
    "groundnut, him mouth dey swell if him chop am",
    "his epipen, he carries it because his throat swells with peanuts",
    "she's nine, she has fits sometimes, she's epileptic",
]
YARDSTICK_AND_AGE = [
    "four, it's nothing like when she had her heart attack",
    "six, not as bad as when he had his heart attack",
    "seventy two, he had a heart attack at sixty",
    "he takes Epilim for his seizures and he's been seizure free for a year",
]


@pytest.mark.parametrize("said", TREATMENT_REASON + TREATMENT_START + USUAL_EPISODE + YARDSTICK_AND_AGE)
def test_standing_history_in_a_later_answer_is_no_sign_now(said):
    assert find_red_flags(said) == []


@pytest.mark.parametrize(("said", "reason"), [
    ("aspirin since his heart attack", "treated"),
    ("tablets for her angina", "treated"),
    ("he gets really wheezy and can not breathe when he has an attack", "habitual"),
])
def test_the_reason_is_named(said, reason):
    t = prepare(said)
    words = {"treated": "heart attack" if "heart" in said else "angina", "habitual": "can not breathe"}[reason]
    start = t.index(words)
    assert ctx.why_not_current(t, start, start + len(words)) == reason


# --- the same answers with a sign now still flag ------------------------------------------------------------------

NOW = [
    ("he's swallowed the whole strip of his sleeping tablets", "overdose_poisoning"),
    ("it started an hour ago and the bleeding won't stop", "heavy_bleeding"),
    ("she's on blood thinners and now her face has dropped on one side", "stroke"),
    ("he has an inhaler but it isn't helping, he can't get his words out", "breathing_difficulty"),
    ("he takes tablets for his fits but he's fitting now and won't stop", "seizure"),
    ("aspirin since his heart attack, and now the same chest pain is back and going down his arm", "chest_pain"),
    ("twenty minutes, it's like when he had his heart attack, the pain in his chest is the same", "chest_pain"),
    ("he uses the inhaler when he has an attack and he's having one now, he can't breathe at all", "breathing_difficulty"),
    ("he has asthma and when he has an attack he can't breathe, he's got one, he can't talk", "breathing_difficulty"),
    ("I gave him aspirin for the chest pain, it's crushing", "chest_pain"),
    ("he took his GTN spray for the chest pain but it's not helping", "chest_pain"),
    ("can I give her something for the chest pain, it's really bad in her chest", "chest_pain"),
    ("her face has drooped since the stroke this morning", "stroke"),
    ("he's been fitting since the seizure started ten minutes ago", "seizure"),
    ("every time he breathes in his chest hurts badly", "chest_pain"),
    ("his mouth is bend and water coming out from one side when he drink", "stroke"),
    # a symptom a medicine is for may be today's: only a condition, or "for when it comes", is a standing reason
    ("paracetamol for the pain in his chest", "chest_pain"),
    ("a spray for chest pain, the GTN one, she keeps it in her handbag", "chest_pain"),
    ("since he banged his head he's thrown up three times and he's acting strange", "serious_injury"),
]


@pytest.mark.parametrize(("said", "flag"), NOW)
def test_a_sign_now_beside_history_still_flags(said, flag):
    assert flag in find_red_flags(said)


@pytest.mark.parametrize(("said", "flag"), NOW + [
    ("peanuts, and his lips are swelling right now", "anaphylaxis"),
    ("bees, she got stung just now and her lips swell up, they're huge", "anaphylaxis"),
    ("groundnut, him chop am now now and him mouth don swell, e no fit breathe well", "anaphylaxis"),
    ("nuts, his lips swell up and he's just had a biscuit with nuts", "anaphylaxis"),
    ("peanuts, she had one at school today and her throat swells", "anaphylaxis"),
    ("his epipen, I've just given it, his lips are still swelling", "anaphylaxis"),
    ("nitro pills, he put one under his tongue for the chest pain but it's still there", "chest_pain"),
    ("blood thinners since the stroke, and since lunch his arm's gone weak and his face droops", "stroke"),
])
def test_the_standing_questions_still_hear_a_sign_now(said, flag):
    assert flag in find_red_flags(said, standing=True)


# --- what only the medicines and allergies questions make a habit -------------------------------------------------

ALLERGY_ANSWERS = [
    "nuts, my lips swell up",
    "penicillin, she comes out in hives and her face swells",
    "prawns, my tongue goes fat and itchy",
    "shrimp, my throat swells shut",
    "he's allergic to bee stings, his throat closes, he's got an epipen",
    "aspirin, it makes his chest tight and wheezy",
    "peanuts se allergy hai, uske lips swell ho jaate hain",
]


@pytest.mark.parametrize("said", ALLERGY_ANSWERS)
def test_an_allergy_answer_in_the_simple_present_is_the_allergy(said):
    assert find_red_flags(said, standing=True) == []


@pytest.mark.parametrize("said", [
    "nuts, my lips swell up",
    "she's allergic to peanuts and her throat closes up, she can't swallow",
    "she has a nut allergy, her lips swell, her tongue swells",
])
def test_the_same_words_outside_those_questions_are_not_taken_the_mild_way(said):
    assert find_red_flags(said)


def _at(step: str):
    d = dialogue_after("my son", "he has a cough and a runny nose", "no", "fifteen", "yes he's walking about",
                       channel="text", region="GB", awaiting="duration")
    for answer in ("since monday", "three", "none"):
        if d.awaiting == step:
            break
        d.answer(answer)
    assert d.awaiting == step
    return d


@pytest.mark.parametrize(("step", "said"), [
    ("medications", "just his inhaler, he gets really wheezy and can't breathe when he has an attack"),
    ("medications", "he takes something for his seizures"),
    ("allergies", "nuts, his lips swell up"),
    ("allergies", "cats, he gets wheezy and can't breathe properly around them"),
])
def test_a_habit_at_the_medicines_or_allergies_question_goes_on_to_green(step, said):
    d = _at(step)
    d.answer(said)
    while not d.finished:
        d.answer("no")
    assert d.result.red_flags == [] and d.result.start_category == Category.GREEN


@pytest.mark.parametrize(("step", "said", "flag"), [
    ("allergies", "peanuts, and his lips are swelling right now", "anaphylaxis"),
    ("medications", "he's swallowed the whole strip of his sleeping tablets", "overdose_poisoning"),
    ("medications", "he has an inhaler but it isn't helping, he can't get his words out", "breathing_difficulty"),
])
def test_a_sign_now_at_the_medicines_or_allergies_question_ends_the_call(step, said, flag):
    d = _at(step)
    d.answer(said)
    assert flag in d.result.red_flags and d.result.urgency == Urgency.EMERGENCY and d.finished


def test_the_allergy_words_at_the_complaint_still_end_the_call():
    d = dialogue_after("my son", channel="text", region="GB", awaiting="complaint")
    d.answer("nuts, his lips swell up")
    assert "anaphylaxis" in d.result.red_flags and d.finished


@pytest.mark.parametrize("said", [
    "his lips swell up when he eats peanuts and he just ate some peanuts",
    "her throat swells if she eats nuts and she had a peanut cookie at the party",
])
def test_todays_exposure_told_after_the_habit_is_now(said):
    """The habit's frame ends where a clause of its own begins: today's exposure is then read, not folded into it."""
    assert "anaphylaxis" in find_red_flags(said, standing=True)


def test_a_frame_that_lists_what_brings_it_on_is_one_frame():
    assert find_red_flags("peanuts, his lips swell up when he eats peanuts and salted cashews", standing=True) == []
