"""Scope of a red flag's context: a date, a clinician's word or a denial reaches only what it is said of."""

import pytest

from intake.red_flags import find_red_flags

# A present-tense sign stays a sign now when another clause of the sentence is dated.
PRESENT_BESIDE_A_DATE = [
    ("my chest feels tight and heavy, the doctor saw me last week", "chest_pain"),
    ("we saw the gp a couple of weeks ago and now there is a crushing weight on his chest", "chest_pain"),
    ("the nurse came round two weeks ago, he can not lift his left arm and his speech is slurred", "stroke"),
    ("the doctor saw him last month and now he can not move his arm", "stroke"),
    ("he had a stroke two years ago and now his face is drooping again", "stroke"),
    ("she has a big burn across her arm from the kettle, we only moved in last month", "severe_burns"),
    ("my baby is floppy and will not feed, she had her jabs last week", "child_danger_signs"),
    ("i had my operation last month and i want to end my life", "suicidal"),
    ("he has swallowed a whole bottle of pills, his wife left him three months ago", "overdose_poisoning"),
    ("we moved here two years ago, her tongue is swelling up right now", "anaphylaxis"),
    ("i am pregnant and bleeding heavily, the midwife saw me last week", "pregnancy_emergency"),
    ("when i was pregnant i bled a lot, now my lips are swelling up", "anaphylaxis"),
]

# The sign itself is the dated or past-told event, or points back to it.
STILL_HISTORY = [
    "he had a stroke two years ago, his face droops since then",
    "two years ago he had a heart attack, crushing pain in the chest",
    "i had chest pain last year and was in hospital for it",
    "my dad had a stroke in 2019, he has been unable to speak properly since",
    "last year she had a seizure and she is on tablets now",
    "when i was pregnant i bled heavily after the birth",
    "my mum had a stroke a few years ago, her left arm is weak since then, today it is a sore throat",
    "grandad had a stroke three years back, his right leg is weak as always, he has a chesty cough now",
    "her brother has taken an overdose, oh, about twenty years ago",
    "i get chest tightness on the stairs, compared to a few months ago",
    # "still" carries the dated event on; the caller's own asking is no present of the sign
    "my mum had a stroke last year and her mouth still droops a bit, i'm asking about her tablets",
    "i've had shingles since march and my face is still a bit droopy",
    "she was in a coma after her crash in 2018, she's fine now, i'm asking about her epilepsy tablets",
    "i had a bad reaction to penicillin as a child, my throat swelled, so i'm asking if the new tablets are safe",
]


@pytest.mark.parametrize("text,flag", PRESENT_BESIDE_A_DATE)
def test_a_date_in_another_clause_does_not_make_a_present_sign_history(text, flag):
    assert flag in find_red_flags(text)


@pytest.mark.parametrize("text", STILL_HISTORY)
def test_a_sign_told_in_the_past_stays_history(text):
    assert find_red_flags(text) == []


SIGNS = {
    "chest_pain": "my chest feels tight and heavy",
    "stroke": "his face is drooping on one side",
    "breathing_difficulty": "i can not catch my breath and my lips are going blue",
    "choking": "she is choking on a sweet",
    "heavy_bleeding": "the blood is pouring out and will not stop",
    "serious_injury": "the bone is sticking out of his leg",
    "severe_burns": "she has a big burn all over her arm from boiling water",
    "seizure": "he is fitting right now",
    "unconscious": "she is unconscious and we can not wake her",
    "anaphylaxis": "her lips and tongue are swelling up",
    "suicidal": "i want to kill myself",
    "overdose_poisoning": "he has swallowed a whole bottle of pills",
    "pregnancy_emergency": "i am pregnant and bleeding heavily",
    "child_danger_signs": "my baby is floppy and will not feed",
    "not_breathing": "he is not breathing",
}
DATED = ["the doctor saw me last week", "we moved house two years ago"]


@pytest.mark.parametrize("flag", sorted(SIGNS))
def test_every_flag_survives_a_dated_clause_before_or_after(flag):
    sign = SIGNS[flag]
    for dated in DATED:
        for text in (f"{sign}, {dated}", f"{dated}, {sign}", f"{dated} and {sign}", f"{sign} and {dated}"):
            assert flag in find_red_flags(text), text


# A clinician's benign verdict on the sign told is not the sign now; the present told after it is.
@pytest.mark.parametrize("text,flags", [
    ("the gp told me the chest pain was a pulled muscle", []),
    ("the nurse said the tightness in his chest was only indigestion", []),
    ("the doctor said the crushing chest pain was just anxiety", []),
    ("the doctor said the chest pain was muscular but now it is spreading down my left arm", ["chest_pain"]),
    ("the gp said the chest pain was a pulled muscle but it is crushing and going into my jaw", ["chest_pain"]),
    ("my chest is tight and heavy, the doctor said it was anxiety", ["chest_pain"]),
])
def test_a_clinicians_benign_verdict_reaches_only_the_sign_it_was_about(text, flags):
    assert find_red_flags(text) == flags


# The caller says the question back and answers it; a "no" that confirms something missing is the sign.
@pytest.mark.parametrize("text,flags", [
    ("Chest pain? No.", []),
    ("any pain in your chest? nope, none at all", []),
    ("is she bleeding heavily? no, it is a graze", []),
    ("does he have chest pain? not really", []),
    ("Chest pain? Yes, crushing.", ["chest_pain"]),
    ("Chest pain? yeah, and it goes into my arm", ["chest_pain"]),
])
def test_a_question_said_back_then_denied_is_a_denial(text, flags):
    assert find_red_flags(text) == flags


@pytest.mark.parametrize("text,flag,raised", [
    ("this mortgage is a noose around my neck", "suicidal", False),
    ("that job has become a noose round his neck", "suicidal", False),
    ("there is a noose around his neck", "suicidal", True),
    ("we would all be better off without him as captain", "suicidal", False),
    ("the club is better off without her as manager", "suicidal", False),
    ("my family would be better off without me", "suicidal", True),
    ("the drain is blocked, nothing going in or out of it", "unconscious", False),
    ("he keeps drifting in and out of it", "unconscious", True),
])
def test_figures_of_speech_and_their_literal_look_alikes(text, flag, raised):
    assert (flag in find_red_flags(text)) is raised


# An adult's age said in the turn: the IMCI child signs are not his; a child's age still gives them.
@pytest.mark.parametrize("text,raised", [
    ("he's 30 and he's fitting", False),
    ("my husband keeps nodding off, he's seventy", False),
    ("she is forty two and keeps falling asleep on me", False),
    ("he's 3 and he's fitting", True),
    ("my son keeps nodding off, he's seven", True),
    ("she is eleven and having a fit", True),
])
def test_an_adults_age_said_in_the_turn_is_no_child(text, raised):
    assert ("child_danger_signs" in find_red_flags(text)) is raised
