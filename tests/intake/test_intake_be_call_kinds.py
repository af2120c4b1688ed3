"""Kinds spent set be's whole calls showed (UK, Irish, North American, Australian and New Zealand callers), tested in the
team's own words and other voices.

Scots and Northern negatives are one word, as "can't" is ("he cannae get up", "she disnae wake", "naw"): read as two,
or "get up" after "cannae" is a walking yes and a patient who cannot stand is GREEN. "Ma" is "my" before a relation
("ma neighbour", "ma wee boy"). The edge of a thing that cut someone is no ledge to stand on. The harm question is not
asked for a gas bill, a child drinking her juice or tears and upset after a knock (asked, an "I don't know" there raises
a GREEN call to urgent). And "fell out the window" (no "of"), a pedestrian carried up onto the bonnet and a car that
"came round the corner doing fifty and hit" someone are high-risk mechanisms: recorded, never a red flag.
"""

import pytest

from intake.red_flags import find_mechanisms, find_red_flags, harm_cue_said
from intake.understanding import normalize, parse_who, parse_yes_no
from tests.support.dialogue import run_call, scenario_call

CALLER = "+447400123999"

_NOT_WALKING_RED = {"danger_signs": "no, none of that, he's awake", "age": "fifty", "breathing": "aye",
                    "resp_count": "nine", "duration": "ten minutes", "medications": "none", "allergies": "none"}


def _call(call_id: str, answers: dict, expect: dict, default: str = "I don't know") -> dict:
    return scenario_call(call_id, answers, expect, caller=CALLER, default=default)


# --- 1. Scots negatives ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("walk", [
    "naw, he cannae get up",
    "he cannae stand, hen, his legs are away",
    "naw, he canna walk at aw",
    "he wisnae able tae get up, he's still on the landing",
    "naw he disnae get up, just groans",
])
def test_a_scots_no_at_the_walking_question_is_no_green(walk):
    call = _call("be-kind-cannae", {"who": "ma neighbour", "complaint": "he fell down the stair in the close",
                                    "walk": walk, **_NOT_WALKING_RED},
                 {"start_category": "RED", "urgency": "emergency", "who": "other", "protocol": "START"})
    record, wrong = run_call(call)
    assert not wrong, wrong


@pytest.mark.parametrize("walk", ["aye, he can get up and walk, he's at the door", "aye, he's up walking about"])
def test_a_scots_yes_still_walks(walk):
    call = _call("be-kind-aye", {"who": "ma neighbour", "complaint": "he fell on the stair and hurt his wrist",
                                 "danger_signs": "naw, none of that", "age": "fifty", "walk": walk,
                                 "duration": "ten minutes", "severity": "three", "medications": "none",
                                 "allergies": "none"},
                 {"start_category": "GREEN", "who": "other"})
    record, wrong = run_call(call)
    assert not wrong, wrong


@pytest.mark.parametrize("said, reads", [
    ("she disnae wake", "does not wake"), ("he wisnae breathing right", "was not breathing"),
    ("I dinnae ken", "do not know"), ("they couldnae stop it", "could not stop"), ("he hasnae moved", "has not moved"),
])
def test_scots_negatives_read_as_two_words(said, reads):
    assert reads in normalize(said)


@pytest.mark.parametrize("said", ["the arena", "dona maria", "a canny lad", "nae bother"])
def test_words_that_only_end_alike_are_left(said):
    assert " not" not in normalize(said)


def test_naw_is_no_and_dinnae_ken_is_unsure():
    assert parse_yes_no("naw") == "no"
    assert parse_yes_no("I dinnae ken, hen") == "unsure"


@pytest.mark.parametrize("said", ["ma neighbour", "ma wee boy", "ma da", "it's ma husband"])
def test_ma_before_a_relation_is_someone_else(said):
    assert parse_who(said) == "other"


# --- 2. The edge of a thing that cut someone --------------------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "he slipped off the shed roof, it's only low, and cut his leg on the edge of the corrugated sheet",
    "she came down off the garage roof and caught her arm on the edge of a metal sheet",
    "he tripped on the balcony and split his head on the edge of the table",
    "my son fell off the bunk and hit his chin on the edge of the step",
])
def test_a_cut_on_an_edge_is_no_standoff(said):
    assert "suicidal" not in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "he is standing on the edge of the roof and says he will jump",
    "she's up on the roof sitting on the edge, she won't come down",
    "he climbed onto the ledge of the bridge and he's not coming back",
])
def test_someone_on_the_edge_of_a_height_is_still_suicidal(said):
    assert "suicidal" in find_red_flags(said)


def test_the_cut_at_the_complaint_goes_on_to_start():
    call = _call("be-kind-edge", {"who": "my husband", "complaint":
                                  "he slipped off the shed roof, it's only low, and cut his leg on the edge of the "
                                  "corrugated sheet", "danger_signs": "no", "age": "fifty", "walk": "no",
                                  "breathing": "yes", "resp_count": "five", "perfusion": "yes", "pulse": "yes",
                                  "commands": "yes"},
                 {"red_flags": [], "protocol": "START"})
    record, wrong = run_call(call)
    assert not wrong, wrong


# --- 3. No harm question for a bill, a drink of juice or upset after a knock ------------------------------------------

@pytest.mark.parametrize("said", [
    "my heart stopped when I opened the gas bill, then I kicked the door and my toe's gone black",
    "she fell off the swing and bumped her elbow, she's got a graze . no, none of those, she's just upset",
    "he rolled off the couch and bumped his head . no, he's drinking his milk and watching telly",
    "she came off her bike and scraped her knee, she's a bit upset",
    "no, none of those, she's laughing and drinking her juice",
])
def test_everyday_words_ask_no_harm_question(said):
    assert not harm_cue_said(said)


@pytest.mark.parametrize("said", [
    "he's been drinking since lunchtime and fell down the steps",
    "she drank some of the bleach from under the sink",
    "I can smell gas in the kitchen and she's drowsy",
    "she's been upset for weeks and now she's locked in her room",
    "she's really upset, she said she wants to die",
])
def test_drink_gas_and_despair_still_ask(said):
    assert harm_cue_said(said)


def test_a_child_who_fell_and_is_upset_stays_routine():
    call = _call("be-kind-upset", {"who": "my daughter", "complaint":
                                   "she fell off the swing at the park and bumped her elbow, she's crying",
                                   "danger_signs": "no, none of those, she's just upset", "age": "four",
                                   "walk": "yes, she's running round again", "duration": "ten minutes",
                                   "severity": "two", "medications": "no", "allergies": "none", "photo": "yes"},
                 {"start_category": "GREEN", "urgency": "routine", "red_flags": [], "protocol": "JumpSTART"},
                 default="not sure, sorry")
    record, wrong = run_call(call)
    assert not wrong, wrong


# --- 4. Mechanisms in British and American words ----------------------------------------------------------------------

@pytest.mark.parametrize("said, mechanism", [
    ("he fell out the upstairs window, the second floor, onto the grass", "fall_from_height"),
    ("she fell out the bedroom window onto the patio", "fall_from_height"),
    ("our boy fell out the treehouse, the big one", "fall_from_height"),
    ("a car came round the corner doing fifty and hit a lady on the crossing", "pedestrian_struck"),
    ("this truck come flying down the road and hit my cousin", "pedestrian_struck"),
    ("she went up on the bonnet and she's lying in the road", "pedestrian_struck"),
    ("he rolled over the hood and landed in the street", "pedestrian_struck"),
])
def test_mechanisms_in_everyday_words(said, mechanism):
    assert mechanism in find_mechanisms(said)
    assert find_red_flags(said) == []


@pytest.mark.parametrize("said", [
    "he fell out of bed and bumped his head",
    "she fell out with her sister and won't eat",
    "he fell out the back door onto the step",
    "a car came round the corner slowly and hit the bollard",
    "the cat jumped up on the bonnet",
])
def test_look_alikes_are_no_mechanism(said):
    assert find_mechanisms(said) == []


def test_the_pedestrian_call_records_the_mechanism():
    call = _call("be-kind-bonnet", {"who": "a woman in the road", "complaint":
                                    "a car came round the corner doing fifty and hit a lady on the crossing, she went "
                                    "up on the bonnet and she's lying in the road", "danger_signs": "no, she's talking",
                                    "age": "sixty", "walk": "no, she can't get up", "breathing": "yes",
                                    "resp_count": "six", "perfusion": "yes, it goes back", "pulse": "yes",
                                    "commands": "yes, she squeezed me"},
                 {"start_category": "YELLOW", "red_flags": [], "mechanism": True, "protocol": "START"})
    record, wrong = run_call(call)
    assert not wrong, wrong
