"""Kinds spent set bh's whole calls (the START answers themselves) showed, tested in the team's own words.

- A "no" to "breathing normally?" that goes on to tell breaths coming hard ("pulling for each breath", "can't say two
  words", "breathing very fast", the skin under the ribs sucking in, a grunt with each breath) is breathing with
  difficulty, the flag's emergency, not the apnoea path; a "no" that tells no breath at all still is.
- A refill time with a second reading after its unit ("two seconds, or three?") is a range that may be over 2 s, and a
  time read where the colour cannot be seen ("it's dark, I can't really see the colour") is no reading: both take the
  urgent branch (SAFETY.md).
- A child who stood holding the furniture and sat back down has not walked (not GREEN).
- "Fell (forward) out of it" is out of the vehicle, not "out of it" (dazed); said of the patient it still is.
- A child who jumped off steps or a bench at play is no harm cue; a jump off a bridge still is.
- Italian counts and ages ("cinque", "diciotto") are read as numbers.
- Mechanisms: a roof fall told with a longer aside between the roof and the slip, a tree named in the local word and
  then in English, are falls from height; a ground-floor window or "a small drop" is none; slowness told as an aside
  ("skidded on the gravel, slow lang, ...") takes a vehicle fall back, unless a speed or another vehicle follows.
"""

import pytest

from intake.dialogue import Dialogue
from intake.quantities import parse_refill_seconds
from intake.red_flags import find_mechanisms, find_red_flags, harm_cue_said
from intake.understanding import parse_breathing
from tests.support.dialogue import run_call, scenario_call

_OTHER = {"who": "my dad", "who_confirm": "no, it's my dad"}


# --- breathing "no" told as breaths coming hard --------------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "no, it's not right, he is heaving for each breath like he's fighting, he can't say two words",
    "no no, she's breathing very fast and the skin under her ribs pulls in",
    "not normal, she's making a little grunt with each breath",
    "no, he is pulling for every breath, he can't get out more than one word",
])
def test_a_no_that_tells_breaths_coming_hard_is_breathing(said):
    assert parse_breathing(said) == "yes"


@pytest.mark.parametrize("said", [
    "no, nothing, his chest isn't moving at all",
    "no, she's not breathing",
])
def test_a_no_that_tells_no_breath_stays_no(said):
    assert parse_breathing(said) == "no"


@pytest.mark.parametrize("breathing, flags, age", [
    ("no, not okay, he's pulling for each breath, he can't say two words, his lips look grey", ["breathing_difficulty"],
     "sixty"),
    ("no, she's breathing very fast, and under her ribs it sucks in every time, and she grunts", ["breathing_difficulty",
                                                                                                  "child_danger_signs"],
     "five months"),
])
def test_breathing_hard_told_at_the_breathing_step_is_the_emergency(breathing, flags, age):
    call = scenario_call("bh-kind-breathing-hard", {**_OTHER, "complaint": "fell off the low bench in the yard",
                                                    "danger_signs": "no, none", "age": age, "walk": "no, can't",
                                                    "breathing": breathing},
                         {"urgency": "emergency", "red_flags": flags}, caller="+447700900123")
    record, wrong = run_call(call)
    assert not wrong, (wrong, record["turns"])


# --- refill: a straddled time, a colour not seen --------------------------------------------------------------------

@pytest.mark.parametrize("said, low, high", [
    ("it came back in two seconds, or three?", 2, 3),
    ("2 secs or maybe 3", 2, 3),
    ("took two seconds or three seconds", 2, 3),
    ("one second, or two", 1, 2),
])
def test_a_second_reading_after_the_unit_is_a_range(said, low, high):
    q = parse_refill_seconds(said)
    assert (q.low, q.high) == (low, high)


def test_two_seconds_or_so_is_not_a_range():
    assert parse_refill_seconds("two seconds or so").kind != "range"


def _at_refill(perfusion: str) -> dict:
    return scenario_call("bh-kind-refill", {**_OTHER, "complaint": "he came off his bicycle in the lane",
                                            "danger_signs": "no, none", "age": "forty", "walk": "no, he can't",
                                            "breathing": "yes", "resp_count": "five", "pulse": "yes, at the wrist",
                                            "perfusion": perfusion, "commands": "yes, he squeezed"},
                         {}, caller="+447700900123")


@pytest.mark.parametrize("perfusion", [
    "I pressed, I think two seconds, or maybe three, hard to say",
    "it's too dark here to tell, I think it came back",
    "pink quick I think, but I can't really see the colour with this torch",
])
def test_a_straddled_or_unseen_refill_takes_the_urgent_branch(perfusion):
    record, _ = run_call(_at_refill(perfusion))
    assert record["start_category"] == "RED", record["turns"]


def test_a_clear_quick_refill_stays_yellow():
    record, _ = run_call(_at_refill("yes, it went pink again straight away"))
    assert record["start_category"] == "YELLOW", record["turns"]


# --- walk: stood holding the furniture, sat back down ----------------------------------------------------------------

def _toddler_walk(walk: str) -> dict:
    return scenario_call("bh-kind-walk", {"who": "my little girl", "who_confirm": "no, my girl",
                                          "complaint": "she slipped on the porch step", "danger_signs": "no",
                                          "age": "she's two", "walk": walk, "breathing": "yes", "resp_count": "seven",
                                          "pulse": "yes", "perfusion": "yes, quick", "avpu": "awake, crying"},
                         {}, caller="+18768123999")


@pytest.mark.parametrize("walk", [
    "she got up holding the table and then she sits back down, she hasn't walked",
    "he stood gripping the sofa, then sat back down",
])
def test_stood_holding_the_furniture_then_sat_is_not_walking(walk):
    record, _ = run_call(_toddler_walk(walk))
    assert record["start_category"] != "GREEN", record["turns"]


def test_walking_round_on_her_own_is_green():
    record, _ = run_call(_toddler_walk("yes, she's walking round the room on her own"))
    assert record["start_category"] == "GREEN", record["turns"]


# --- "out of it": the vehicle, or the patient ------------------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "the auto stopped hard and she fell forward out of it onto the road, she hurt her wrist",
    "the cart tipped and he tumbled out of it, his ankle is sore",
])
def test_fell_out_of_it_is_the_vehicle(said):
    assert "unconscious" not in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "she fell off the bike and now she's completely out of it, not answering me",
    "we pulled him out of the car and he is out of it, he won't wake",
])
def test_out_of_it_said_of_the_patient_still_counts(said):
    assert "unconscious" in find_red_flags(said)


# --- a child's jump at play ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "he jumped off the school steps and bumped his chin",
    "she jumped off the garden bench and hurt her ankle",
])
def test_a_jump_off_steps_or_a_bench_is_no_harm_cue(said):
    assert not harm_cue_said(said)


def test_a_jump_off_a_bridge_is_still_a_cue():
    assert harm_cue_said("he jumped off the railway bridge")


# --- Italian numbers -------------------------------------------------------------------------------------------------

def test_italian_count_and_age_are_read():
    call = scenario_call("bh-kind-italian", {"who": "mio fratello", "who_confirm": "no, my brother",
                                             "complaint": "he slipped on the wet floor of the bar", "danger_signs": "no",
                                             "age": "diciotto", "walk": "no, he can't", "breathing": "sì",
                                             "resp_count": "sei", "pulse": "sì", "perfusion": "sì, subito",
                                             "commands": "yes he squeezes"},
                         {"start_category": "YELLOW", "respiratory_rate": 24}, caller="+393123456999")
    record, wrong = run_call(call)
    assert not wrong, (wrong, record["turns"])


# --- mechanisms ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "my uncle was up on the roof of the shop clearing the leaves from the gutter, it's a tall shop, and he slipped",
    "he climbed the mnazi, the coconut tree by the gate, it's really tall, and he fell from near the top",
])
def test_a_roof_or_tree_fall_told_with_an_aside_is_a_fall_from_height(said):
    assert "fall_from_height" in find_mechanisms(said)


@pytest.mark.parametrize("said", [
    "he climbed out of the window of the ground floor room and fell onto the path, it's a small drop",
    "she fell off the ground floor balcony into the flower bed",
])
def test_a_ground_floor_or_small_drop_is_no_fall_from_height(said):
    assert "fall_from_height" not in find_mechanisms(said)


def test_a_second_floor_window_is_still_one():
    assert "fall_from_height" in find_mechanisms("he fell out of the second floor window onto the street")


@pytest.mark.parametrize("said", [
    "the scooter slid on the sand near the market, slowly only, and I fell on my arm",
    "the tricycle tipped over at the corner, it was slow, and he fell on his hip",
])
def test_slowness_told_as_an_aside_takes_a_vehicle_fall_back(said):
    assert find_mechanisms(said) == []


@pytest.mark.parametrize("said", [
    "the tricycle tipped over at the corner, it was slow, then a truck hit him",
    "the car was going slow but a truck crashed into us at 80",
])
def test_slowness_with_a_speed_or_another_vehicle_after_it_stays(said):
    assert find_mechanisms(said)
