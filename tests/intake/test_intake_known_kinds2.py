"""Misreadings left open by the fourteenth session, mended as kinds (fifteenth session), in the team's own words.

(1) Self-harm told as meant ("he did it to himself deliberately", "she burnt herself on purpose", "he meant to") is
suicidal, and a poisoning too where a swallowing is said; a thing done on purpose to annoy someone, a meal skipped on
purpose, a task done oneself, or a cut "not on purpose" is not. (2) A cloth soaked by a bath, the rain, sweat, a hose or
a drink, said anywhere in its sentence, is no bleed; soaked with blood, or beside a wound, still is. (3) A vehicle that
hits a pothole, a bump, a kerb or a speed breaker struck no pedestrian and had no crash by that alone. (4) Kin words in
the languages the line reads settle "who": "mia sorella", "mama yangu", "meri maa", "ibni". (5) Child danger signs of a
patient named only as someone's ("my son ... very sleepy") wait for the age: a child's age raises them, a grown-up's
drops them. (6) Every yes/no answer to a question is read with all of the question's own words (`Prompt.read_yes_no`).
"""

import pytest

from intake import prompts as P
from intake.dialogue import Dialogue
from intake.red_flags import find_mechanisms, find_red_flags, prepare
from intake.understanding import names_an_adult, parse_who
from tests.support.red_flag_kinds import turn_kind_tests

FLAGGED = [
    # (1) harm done to oneself, told as meant
    ("he did it to himself deliberately", "suicidal", False),
    ("yes, she did this to herself, she meant to", "suicidal", False),
    ("he did it to himself, he meant it", "suicidal", False),
    ("my brother cut his arm deliberately with a razor", "suicidal", False),
    ("she burnt herself with the iron on purpose", "suicidal", False),
    ("he stabbed himself intentionally, in the leg", "suicidal", False),
    ("she deliberately cut herself again", "suicidal", False),
    ("e cut imsef on purpose, the blood plenty", "suicidal", False),  # Nigerian Pidgin
    ("he cut himself jaan boojh ke, usne khud kiya", "suicidal", False),  # Hinglish
    ("sinadya niya, she cut herself with the blade", "suicidal", False),  # Taglish
    ("she scalded herself on purpose with the kettle, she wanted to feel something", "suicidal", False),
    ("the burns on his arms, he did them to himself deliberately", "suicidal", False),
    # a swallowing told as meant: a poisoning too
    ("he swallowed the bleach purposely", "overdose_poisoning", False),
    ("she swallowed the pills intentionally", "overdose_poisoning", False),
    ("he drank the weed killer, he meant to", "overdose_poisoning", False),
]

QUIET = [
    # (1) on purpose, but no harm to oneself
    "he did it on purpose to annoy me",
    "she did it on purpose just to wind me up, she's fine",
    "she deliberately skipped lunch",
    "he left the gate open on purpose so the dog could go out",
    "he did it deliberately to get out of school",
    "she did the painting herself on purpose, to save money",
    "he fixed the car himself",
    "the dog did it on purpose",
    "he meant to call you earlier",
    "he cut himself when he meant to cut the bread",
    "he cut himself by accident, not on purpose",
    "he cut himself shaving but not on purpose, it's a small nick",
    "he hurt himself playing football, he didn't do it on purpose",
    "he did it to himself but he didn't do it deliberately, he tripped",
    # (2) a cloth soaked by water, sweat, rain or a drink
    "bathed the dog and the towel is soaked",
    "we got caught in the rain and his shirt is soaked",
    "I bathed the baby and the towel is soaked through",
    "we were hosing the car and her t-shirt is soaked through",
    "he was sweating so much in the heat, his shirt is drenched",
    "he spilled his tea and the cloth is soaked",
    "mi just bathe di dog an di towel soak",
    "she spill di juice, di cloth soak through",
    "after the rain his jumper is soaked right through",
]

NOT_ALSO = [
    # (1) a deliberate burn is suicidal; a severe burn only where it is said severe
    ("she burnt herself with the iron on purpose", "suicidal", "heavy_bleeding", False),
]

TWINS = [
    # (1) still flagged: the harm told as meant, or a swallowing told as meant
    ("he took all his tablets on purpose", "suicidal", False),
    ("he did it on purpose because he wanted to die", "suicidal", False),
    ("she did it to herself on purpose", "suicidal", False),
    # (2) soaked with blood, through cloths, or beside a wound
    ("the towel is soaked with blood", "heavy_bleeding", None),
    ("soaked through three cloths", "heavy_bleeding", None),
    ("the towel is soaked", "heavy_bleeding", None),
    ("bit by the dog, the towel is soaked", "heavy_bleeding", None),
    ("he cut his hand in the shower and the towel is soaked", "heavy_bleeding", None),
    ("slipped in the shower and hit his head, the towel is soaked through", "heavy_bleeding", None),
    ("he was swimming and cut his foot on a rock, the towel is soaked red", "heavy_bleeding", None),
    ("it's raining and the blood has soaked through the bandage", "heavy_bleeding", None),
    ("the towel is soaked through from the bath, and his leg is pouring blood", "heavy_bleeding", None),
    # a tea towel is a cloth, not tea; a motorbike hit at speed is struck as a pedestrian is (below)
    ("I'm pressing the tea towel on it, it's soaked already, I've put another on top", "heavy_bleeding", None),
    ("it's soaked three tea towels and it's still running", "heavy_bleeding", None),
]

test_heard, test_unflagged, test_without_the_look_alike, test_twin_heard = turn_kind_tests(FLAGGED, QUIET, NOT_ALSO, TWINS)


# --- (3) a bump in the road is no pedestrian struck -------------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "the car hit a pothole",
    "we hit a pothole and he hit his head on the window",
    "our tricycle hit a hump and he fell off",
    "the bus hit a speed breaker and we all jumped in our seats",
    "the okada hit one big gallop and the man fall",  # Nigerian "gallop": a speed bump
    "the jeepney hit a lubak and my lola bumped her head",  # Tagalog "lubak": a pothole
    "the matatu hit a tuta and she hit her head on the seat",  # Swahili "tuta": a speed bump
    "the auto hit a gaddha and he fell out",  # Hindi "gaddha": a pothole
])
def test_a_bump_in_the_road_is_no_pedestrian_struck_and_no_crash(said):
    assert find_mechanisms(said) == [], prepare(said)


@pytest.mark.parametrize("said, mechanism", [
    ("the car hit a bump at speed and flipped", "road_traffic"),
    ("the car hit a pothole at eighty and rolled over", "road_traffic"),
    ("a car hit my son on the road", "pedestrian_struck"),
    ("the taxi hit the old man crossing", "pedestrian_struck"),
    ("a speeding car hit the boy on his bicycle", "pedestrian_struck"),
    ("a truck going flat out just hit a motorbike taxi at the junction", "pedestrian_struck"),
    ("he was thrown off the motorbike when it hit a pothole at speed", "road_traffic"),
])
def test_a_crash_or_a_person_struck_is_still_recorded(said, mechanism):
    assert mechanism in find_mechanisms(said), prepare(said)


@pytest.mark.parametrize("said", ["the bus hit a wall", "the lorry hit a cow and rolled"])
def test_a_vehicle_hitting_a_thing_is_a_crash_not_a_pedestrian(said):
    found = find_mechanisms(said)
    assert "road_traffic" in found and "pedestrian_struck" not in found, found


# --- (4) kin words in the languages the line reads ---------------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "mia sorella", "è mia sorella", "per mio figlio", "il mio bambino", "sorella mia, ha la febbre",  # Italian
    "mama yangu", "ni mtoto wangu", "kaka yangu ameanguka",  # Swahili
    "meri maa", "mere pati", "meri biwi ko chakkar aa raha hai",  # Hindi / Urdu
    "ibni", "ukhti", "zawji",  # Arabic, "my" inside the word
    "anak ko", "ate ko", "asawa ko po",  # Tagalog
    "ma soeur", "minha mae", "mi madre", "mi padre",  # French, Portuguese, Spanish
    "meri bilong mi", "papa bilong mi",  # Tok Pisin
    "na my pikin", "mi bredda",  # Pidgin, Patois
])
def test_a_kin_word_settles_other(said):
    assert parse_who(said) == "other"


@pytest.mark.parametrize("said", ["Mamma mia, it is me, I can't breathe", "ay madre mia, soy yo", "it's me, myself"])
def test_a_cry_or_the_caller_is_no_kin(said):
    assert parse_who(said) == "self"


@pytest.mark.parametrize("said", ["mia madre non respira", "mio marito", "meri saas", "minha mae", "mama yangu"])
def test_grown_up_kin_in_other_languages(said):
    assert names_an_adult(said)


def test_mia_sorella_is_asked_who_once():
    d = Dialogue()
    d.start()
    d.answer("mia sorella")
    assert d.awaiting == "complaint" and d.result.who == "other"


# --- (5) child danger signs wait for the age of a "son" or a "daughter" ------------------------------------------------

def _call(*answers: str) -> Dialogue:
    d = Dialogue()
    d.start()
    for said in answers:
        if d.finished:
            break
        d.answer(said)
    return d


@pytest.mark.parametrize("complaint", [
    "my son came home from a party and he's very sleepy",
    "my daughter is very sleepy, she can't stay awake",
    "he's gone all floppy",
    "our boy keeps vomiting everything",
])
def test_child_signs_of_a_son_wait_for_the_age(complaint):
    d = _call("my son", complaint)
    assert not d.finished and d.awaiting == "age"


@pytest.mark.parametrize("age", ["seventeen", "he's forty", "she's a teenager"])
def test_a_grown_ups_age_drops_the_held_child_signs(age):
    d = _call("my son", "my son came home from a party and he's very sleepy", age)
    assert not d.finished and d.awaiting == "danger_signs"
    assert "child_danger_signs" not in d.result.red_flags


def test_the_seventeen_year_old_goes_on_to_the_harm_question():
    d = _call("my son", "my son came home from a party and he's very sleepy", "seventeen", "no")
    assert d.awaiting == "harm"
    d.answer("yes, he took a whole strip of his mum's tablets")
    assert d.finished and d.result.urgency.value == "emergency"


@pytest.mark.parametrize("age", ["he's three", "two", "eighteen months"])
def test_a_childs_age_raises_the_held_signs(age):
    d = _call("my son", "my son came home and he's very sleepy", age)
    assert d.finished and "child_danger_signs" in d.result.red_flags


def test_a_complaint_with_held_signs_and_a_doubt_is_taken_not_asked_again():
    d = _call("my son", "my son is very sleepy and he threw up, I don't know what's wrong with him")
    assert d.awaiting == "age"


def test_an_age_never_given_takes_the_urgent_side():
    d = _call("my son", "he's very sleepy", "I don't know", "I don't know", "I don't know")
    assert d.finished and "child_danger_signs" in d.result.red_flags


@pytest.mark.parametrize("answers", [
    ("my son", "my 3 year old son is very sleepy"),
    ("my baby", "she's very sleepy and won't feed"),
    ("my daughter", "she won't breastfeed and she's floppy"),
    ("my son", "my little boy is floppy and very sleepy"),
])
def test_words_that_say_a_child_keep_the_flag_at_once(answers):
    d = _call(*answers)
    assert d.finished and "child_danger_signs" in d.result.red_flags


def test_another_flag_beside_held_signs_is_acted_on_at_once():
    d = _call("my son", "he's very sleepy", "he's two and now he's not breathing")
    assert set(d.result.red_flags) >= {"not_breathing", "child_danger_signs"}
    d = _call("my son", "he's very sleepy", "he's forty and now he's not breathing")
    assert "not_breathing" in d.result.red_flags and "child_danger_signs" not in d.result.red_flags


def test_someone_lying_still_is_not_held_the_breathing_check_decides():
    d = _call("my son", "we pulled him out of the canal, he's limp")
    assert d.result.urgency.value == "emergency" and "child_danger_signs" in d.result.red_flags


def test_an_adult_who_will_not_wake_is_still_unconscious():
    assert "unconscious" in find_red_flags("he won't wake up", child=False)
    d = _call("my son", "he won't wake up")
    assert "unconscious" in d.result.red_flags


def test_held_signs_survive_a_stored_state():
    d = _call("my son", "he's very sleepy")
    d = Dialogue.from_state(d.to_state())
    d.answer("four")
    assert d.finished and "child_danger_signs" in d.result.red_flags


# --- (6) one reader of a question's yes/no ------------------------------------------------------------------------------

@pytest.mark.parametrize("step, said, expected", [
    ("pulse", "yes, I think so, yes, I can feel it", "yes"),  # confirmations
    ("walk", "he usually walks, but not today", "unsure"),  # the question's own doubt
    ("breathing", "she is breathing", "yes"),
])
def test_a_prompt_reads_its_own_yes_no(step, said, expected):
    assert P.PROMPTS[step].read_yes_no(said) == expected
