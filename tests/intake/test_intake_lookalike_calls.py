"""Look-alikes said during a call to a patient with no red flag, and their twins with the sign said now (lk-* calls).

Kinds, each with the team's own paraphrases in several voices and the real signs that must still be heard:
- a yes followed by a denial of some other sign ("yes, breathing normal, no attack today"): a yes, not a doubt;
- "no" to "breathing normally?" with breaths that come hard ("no, he's wheezing badly"): breathing, with difficulty,
  not apnoea (the flag is then heard, not silenced by the airway path);
- an allergy's or a sign's old episode dated by childhood ("when she was a girl", Pidgin "when e small", "as a little
  fella"): history at the standing questions;
- a year with a Hindi or Tagalog postposition ("2019 mein", "noong 2020"): a date, yet a sign said now beside it
  ("abhi", "hai", "ngayon", "is") stays now, and so does a present-tense sign before any later dated clause;
- a teleserye's lead ("na-stroke daw yung bida"): fiction.
"""

import json
from pathlib import Path

import pytest

from intake.red_flags import find_red_flags
from intake.scenarios import mismatches, run_dialogue
from intake.understanding import parse_breathing, parse_yes_no
from intake.yes_no_words import yes_no_in_english

WALK = (r"walk\w*", r"stand\w*", r"waka\w*", r"limp\w*")
PERFUSION = (r"pink\w*", r"(came|come|comes) (right |straight )?back", r"quick\w*")


@pytest.mark.parametrize("said", [
    "yes e dey waka, e no knock out, e just dey limp",
    "yes, he's walking, no blood anywhere, just a graze",
    "yeah she walked to the car, no dizziness at all",
    "haan, chal raha hai, no chest pain",
    "opo, naglalakad siya, no bleeding na",
])
def test_yes_then_another_sign_denied_is_yes_at_walk(said):
    assert parse_yes_no(yes_no_in_english(said), keywords=WALK) == "yes"


@pytest.mark.parametrize("said", [
    "yes, the colour come back sharp sharp, e no pale",
    "yes it went pink again, no blue on the fingers",
])
def test_yes_then_another_sign_denied_is_yes_at_perfusion(said):
    assert parse_yes_no(said, keywords=PERFUSION) == "yes"


@pytest.mark.parametrize("said", [
    "yes, breathing normal, he has asthma but no attack today",
    "yes man, she breathing good, no wheezing nor nutten",
    "yes, no noise in the chest, breathing fine",
])
def test_yes_then_another_sign_denied_is_yes_at_breathing(said):
    assert parse_breathing(said) == "yes"


@pytest.mark.parametrize("said", [
    "yes he can, no he can't",  # a no before a person answers
    "yes, no",  # a no before a break answers
    "yes, he walked earlier, no strength now",  # a word of ability after the no
    "yes, e no fit waka",  # the question's own word denied
    "yes she is walking, no she fell again",
    "no, no chest pain",  # a no first is a no
])
def test_a_no_that_still_answers_keeps_the_doubt_or_the_no(said):
    assert parse_yes_no(said, keywords=WALK) in ("unsure", "no")


@pytest.mark.parametrize("said", [
    "no, he's having an attack, wheezing badly and can't finish a sentence",
    "no, he is wheezing badly",
    "no, she's struggling to breathe",
    "no, she's panting, one word at a time",
])
def test_not_normally_with_hard_breaths_is_breathing_and_the_flag_is_heard(said):
    assert parse_breathing(said) == "yes"
    assert "breathing_difficulty" in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "no", "no, not breathing, he was wheezing before", "no, his lips are blue", "no, she is struggling",
    "no, nothing, he was wheezing",
])
def test_a_no_that_may_be_apnoea_stays_no(said):
    assert parse_breathing(said) == "no"


@pytest.mark.parametrize("said", [
    "penicillin, her lips swelled once when she was a girl",
    "groundnut, e dey make im throat swell when e small, but e no chop am today",
    "none, he choked on a prawn as a little fella but that's not an allergy",
    "shellfish, his tongue swelled up when he was a little boy",
    "eggs, she had trouble breathing with them as a small girl",
    "ampicillin, im mouth swell when im dey small",
])
def test_a_childhood_episode_at_the_standing_questions_is_history(said):
    assert find_red_flags(said, standing=True) == []


@pytest.mark.parametrize("said,flag", [
    ("penicillin, and her lips are swelling up right now since she took that new tablet", "anaphylaxis"),
    ("groundnut, and e don chop am now now, im throat dey swell", "anaphylaxis"),
    ("her lips are swelling, she was a girl when it first happened", "anaphylaxis"),
    ("prawns, as a little boy he reacted, and now his throat is closing up", "anaphylaxis"),
])
def test_a_sign_now_beside_a_childhood_is_heard(said, flag):
    assert flag in find_red_flags(said, standing=True)


@pytest.mark.parametrize("said", [
    "papa ko bukhar hai, unko 2019 mein stroke aaya tha, ab bilkul theek hain",
    "ecosprin, dil ki goli, 2018 mein heart attack hua tha, abhi chest pain nahi",
    "na-stroke siya noong 2020, okay na siya",
    "mummy ko 2015 mein fits aate the, ab nahi",
])
def test_a_year_with_a_hindi_or_tagalog_postposition_dates_the_sign(said):
    assert find_red_flags(said) == []


@pytest.mark.parametrize("said,flag", [
    ("abhi unka face ek side se latak gaya hai, 2019 mein bhi stroke aaya tha", "stroke"),
    ("ecosprin, 2018 mein heart attack hua tha, abhi chest mein dard hai", "chest_pain"),
    ("2018 mein heart attack hua tha, abhi chest pain ho raha hai", "chest_pain"),
    ("na-stroke siya noong 2020, ngayon tabingi ang mukha niya", "stroke"),
    ("her face is drooping now, in 2019 she had a stroke too", "stroke"),
    ("his chest is hurting, in 2018 he had a heart attack", "chest_pain"),
])
def test_a_sign_now_beside_a_dated_clause_is_heard(said, flag):
    assert flag in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "my father took his own life, about fifteen years ago",
    "she took an overdose, years ago",
    "he had a fit, about two years ago",
    "my uncle has taken his own life, about ten years ago",  # the present perfect is a past event
    "she has had a stroke, some three years back",
    "he had a reaction to nuts as a little boy but has grown out of it",
])
def test_a_date_said_after_a_past_clause_still_dates_it(said):
    assert find_red_flags(said) == []


@pytest.mark.parametrize("said", [
    "nanonood si lola ng teleserye, na-stroke daw yung bida",
    "the lead in the telenovela had a heart attack and my mum cried, now she has a headache",
    "sa k drama, nalunod yung kontrabida",
])
def test_a_teleserye_is_fiction(said):
    assert find_red_flags(said) == []


def test_a_drama_in_other_words_is_not_fiction():
    assert "unconscious" in find_red_flags("she has a drama, she is not waking up")


CALLS = Path(__file__).resolve().parents[2] / "intake" / "corpus" / "calls.jsonl"


def _lk_calls():
    return [json.loads(line) for line in CALLS.read_text(encoding="utf-8").splitlines() if '"id": "lk-' in line]


def test_the_lk_calls_are_many_and_twinned():
    calls = _lk_calls()
    no_flag = [c for c in calls if not c["expect"]["red_flags"]]
    twins = [c for c in calls if c["expect"]["red_flags"]]
    assert len(no_flag) >= 60 and len(twins) >= 20


@pytest.mark.parametrize("call", _lk_calls(), ids=lambda c: c["id"])
def test_lk_call(call):
    record, dialogue = run_dialogue(call)
    assert mismatches(call, record, dialogue) == []


@pytest.mark.parametrize("text, flag", [
    ("the dog got bitten by a snake in the yard", None),
    ("our goat was bitten by a snake this morning", None),
    ("the calf was kicked by the cow and is bleeding from the leg", None),
    ("my son got bitten by a snake in the field", "overdose_poisoning"),
    ("the dog bit my son and he is bleeding badly", "heavy_bleeding"),
    ("he had asthma as a boy, but has grown out of it", None),
    ("she's completely out of it and won't answer", "unconscious"),
])
def test_what_was_done_to_an_animal_is_the_animals_and_grown_out_of_is_history(text, flag):
    """An animal bitten or kicked (the passive) has the sign itself; one that bit or kicked names the patient."""
    found = {getattr(f, "id", f) for f in find_red_flags(text)}
    assert (flag in found) if flag else not found
