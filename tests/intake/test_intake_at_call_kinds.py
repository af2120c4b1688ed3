"""Kinds spent set at's whole calls showed going wrong (issue 14), in the team's own words.

A patient who "can only say one word" while gasping was read at START's breathing question as agonal breathing (asked to
reposition three times, no breathing-difficulty flag): words need breath, so she breathes, with difficulty. "It's me,
nobody else" was read as naming someone else. A crash death "in the front passenger seat" was not read as the crash's,
so a self caller became "other". A workshop called a "fitting shop" was read as a fit and ended a START call before its
count. Jumping down from a trotro before it stopped asked the self-harm question (a vehicle West Africans ride, as the
bus and the okada already were). A climb up a coconut tree told with a comma and "he fell" was no fall from a height.
"Choking with laughing" flagged choking.
"""

import pytest

from intake.red_flags import find_mechanisms, harm_cue_said
from intake.understanding import parse_breathing, parse_who
from tests.support.dialogue import run_call, scenario_call

CALLER = "+233241230000"


def _call(call_id: str, answers: dict, expect: dict, default: str = "I don't know") -> dict:
    return scenario_call(call_id, answers, expect, caller=CALLER, default=default)


# --- 1. Words said while gasping are breath --------------------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "not normal, she's gasping, she can only say one word at a time",
    "no, he is gasping, he could only manage two words",
    "no, not normal, she can only say a few words, her lips are grey",
    "I don't know, he is gasping but he can only get out one word",
])
def test_a_patient_who_speaks_words_is_breathing(said):
    assert parse_breathing(said) == "yes"


@pytest.mark.parametrize("said", [
    "no, he is gasping",
    "only the odd gasp, like a fish out of water",
])
def test_gasps_with_no_words_stay_agonal(said):
    assert parse_breathing(said) == "agonal"


def test_gasping_with_one_word_at_starts_breathing_question_is_breathing_difficulty():
    call = _call("at-kind-gasp-one-word", {
        "who": "my neighbour", "who_confirm": "no, my neighbour", "complaint": "a motorbike knocked him down on the street",
        "danger_signs": "no blood that I see", "age": "fifty", "walk": "no, he can't stand",
        "breathing": "not normal, he is gasping, he can only say one word, his lips look grey"},
        {"start_category": "RED", "urgency": "emergency", "red_flags": ["breathing_difficulty"], "protocol": "START"})
    record, wrong = run_call(call)
    assert not wrong, wrong
    assert "reposition" not in [t["prompt_id"] for t in record["turns"]]


# --- 2. "Nobody else" names nobody -----------------------------------------------------------------------------------

@pytest.mark.parametrize("said", ["it's me, nobody else", "it is me, no one else", "nobody else, only me, I'm the one"])
def test_nobody_else_is_the_caller(said):
    assert parse_who(said) == "self"


@pytest.mark.parametrize("said", ["not me, someone else", "my brother, no one else is hurt"])
def test_someone_else_named_is_still_other(said):
    assert parse_who(said) == "other"


# --- 3. A death in the front passenger seat is the crash's -----------------------------------------------------------

def test_a_self_caller_whose_front_seat_passenger_died_stays_self():
    call = _call("at-kind-front-passenger", {
        "who": "it's me", "who_confirm": "yes, me",
        "complaint": "our bus overturned near Kumasi, the woman in the front passenger seat died, I climbed out",
        "danger_signs": "no", "age": "thirty", "walk": "yes, I'm walking", "duration": "half an hour",
        "severity": "three"},
        {"start_category": "GREEN", "red_flags": [], "who": "self", "protocol": "START"})
    record, wrong = run_call(call)
    assert not wrong, wrong
    assert "death_in_same_vehicle" in find_mechanisms(call["answers"]["complaint"])


# --- 4. A fitting shop, jumping off a trotro, choking with laughing: no sign, no harm question ---------------------

def test_a_fitting_shop_is_no_fit():
    call = _call("at-kind-fitting-shop", {
        "who": "my apprentice", "who_confirm": "no, my apprentice", "complaint":
        "at the fitting shop the engine fell off the stand onto his foot", "danger_signs": "no, none",
        "age": "nineteen", "walk": "no", "breathing": "yes", "resp_count": "five", "radial_pulse": "yes",
        "commands": "yes"},
        {"red_flags": [], "protocol": "START"})
    record, wrong = run_call(call)
    assert not wrong, wrong


@pytest.mark.parametrize("said", [
    "I jumped down from the trotro before it stopped and twisted my knee",
    "she jumped off the keke at the junction and fell on her wrist",
    "he jumped from the poda poda at Lumley and grazed his leg",
])
def test_jumping_off_a_vehicle_asks_no_harm_question(said):
    assert not harm_cue_said(said)


@pytest.mark.parametrize("said", ["he says he will jump from the bridge", "she jumped in front of the trotro"])
def test_a_jump_to_harm_still_asks(said):
    assert harm_cue_said(said)


def test_choking_with_laughing_is_no_choking():
    call = _call("at-kind-choking-laughing", {
        "who": "my son", "who_confirm": "no, my son, he is seven", "complaint":
        "he was choking from laughing at his cousin and fell off the chair, his elbow hurts",
        "danger_signs": "no, he is laughing again", "age": "seven", "walk": "yes, he's running"},
        {"start_category": "GREEN", "red_flags": [], "protocol": "JumpSTART"})
    record, wrong = run_call(call)
    assert not wrong, wrong


# --- 5. A climb, a comma, a fall -------------------------------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "he climbed the palm tree behind the house, very tall, and he slipped from the top",
    "my brother climbed up the mango tree, he fell onto the rocks",
    "she was painting up on the water tank, about four metres, and she fell off",
])
def test_a_climb_and_a_fall_told_with_commas_is_a_fall_from_height(said):
    assert "fall_from_height" in find_mechanisms(said)


@pytest.mark.parametrize("said", [
    "he climbed the stairs and fell asleep on the sofa",
    "he went up on the roof, fixed the zinc, and came down by the ladder safely",
])
def test_a_climb_with_no_fall_is_no_mechanism(said):
    assert "fall_from_height" not in find_mechanisms(said)
