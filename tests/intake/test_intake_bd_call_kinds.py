"""Three kinds spent set bd's whole calls showed, tested in the team's own words.

A caller whose complaint is sleep lost for days or weeks, or "thinking too much" (Swahili "mawazo mengi", Shona
"kufungisisa"), is asked the harm question: the intent to die may come only there (a self caller with daily headaches
and weeks without sleep was saving tablets, and was never asked). A fall off a ladder with no height told is no fall
from height (SAFETY.md: more than ~3 m or a roof); a height told in the turn (the top, a roof, a storey, the gutters at
a roof's edge, "really high") still is. And a vehicle named in the caller's region (daladala, bajaji, pikipiki, nduthi), or a speed told as the
vehicle's own state ("the kombi was going very fast and it hit this lady"), is a pedestrian struck at speed; its door
or boot that hits someone, or a vehicle that rolls back, is no crash.
"""

import pytest

from intake.red_flags import find_mechanisms, find_red_flags, harm_cue_said
from tests.support.dialogue import run_call, scenario_call

_SELF = {"who": "it's me", "who_confirm": "yes, me"}


@pytest.mark.parametrize("complaint, harm, caller", [
    ("I get headaches all day and I have not slept properly for two weeks", "yes, I have the rope ready, I want to die",
     "+254712345999"),
    ("ndine kufungisisa, my head is full, I'm thinking too much", "yes, I want to die, I keep thinking of the tick dip in the shed",
     "+263771234999"),
    ("nina mawazo mengi, I can't sleep at night anymore", "I want to end it, I've been collecting my pills",
     "+255712123999"),
    ("haven't been able to sleep in weeks, no appetite, just tired", "honestly yes, I've thought about jumping off "
     "the bridge on my way home", "+447400123999"),
])
def test_sleep_lost_or_thinking_too_much_asks_the_harm_question(complaint, harm, caller):
    call = scenario_call("bd-kind-sleep-harm", {**_SELF, "complaint": complaint, "danger_signs": "no, none",
                                                "harm": harm},
                         {"urgency": "emergency", "red_flags": ["suicidal"], "protocol": None}, caller=caller)
    record, wrong = run_call(call)
    assert not wrong, (wrong, record["prompts"])


@pytest.mark.parametrize("complaint", [
    "I have not slept for three nights, my chest is tight when I cough",
    "she is thinking too much about her exams, she can't sleep properly",
])
def test_a_sleep_complaint_with_no_harm_at_the_question_raises_nothing(complaint):
    call = scenario_call("bd-kind-sleep-no-harm", {**_SELF, "complaint": complaint,
                                                   "danger_signs": "no, none of those", "harm": "no, nothing like that",
                                                   "age": "thirty", "walk": "yes"},
                         {"red_flags": [], "start_category": "GREEN"}, caller="+256772123999")
    record, wrong = run_call(call)
    assert not wrong, (wrong, record["prompts"])
    assert "harm" in record["prompts"]


@pytest.mark.parametrize("said", [
    "she can't sleep tonight because her ear hurts",
    "my back hurts when I sleep on it",
    "he slept well and woke with a sore knee",
    "the baby sleeps a lot in the afternoon",
])
def test_sleep_words_with_no_lasting_loss_ask_nothing(said):
    assert not harm_cue_said(said)


_START_YELLOW = {"age": "fifty", "walk": "no", "breathing": "yes", "resp_count": "five", "pulse": "yes",
                 "perfusion": "yes", "commands": "yes, he squeezed"}


@pytest.mark.parametrize("complaint, caller", [
    ("he fell off the ladder fixing the signboard, onto the tarmac, his hip hurts", "+254712345998"),
    ("my uncle came off his ladder in the shamba picking avocados, he's on the ground", "+256772123998"),
    ("baba yangu alianguka from the ladder at the garage, his leg is bad", "+255712123998"),
    ("he fell from the ladder while whitewashing the kitchen, he is lying on the floor", "+27821234998"),
])
def test_a_ladder_fall_with_no_height_told_records_no_mechanism(complaint, caller):
    call = scenario_call("bd-kind-ladder-plain", {"who": "my uncle", "who_confirm": "no, my uncle",
                                                  "complaint": complaint, "danger_signs": "no", **_START_YELLOW},
                         {"start_category": "YELLOW", "red_flags": [], "mechanism": False}, caller=caller)
    record, wrong = run_call(call)
    assert not wrong, wrong


@pytest.mark.parametrize("complaint", [
    "he fell off the top of the ladder on the second floor scaffolding, onto the concrete",
    "he came off the ladder from the roof of the church, it was really high",
    "he fell off the ladder cleaning the gutters of the three storey flats",
    "she fell off the ladder. it was very high, she is on the ground",
    "he fell off the ladder while he was clearing the gutters, he is on the patio",
])
def test_a_ladder_fall_with_a_height_told_is_still_a_mechanism(complaint):
    call = scenario_call("bd-kind-ladder-high", {"who": "my uncle", "who_confirm": "no, my uncle",
                                                 "complaint": complaint, "danger_signs": "no", **_START_YELLOW},
                         {"start_category": "YELLOW", "red_flags": [], "mechanism": True}, caller="+260977123998")
    record, wrong = run_call(call)
    assert not wrong, wrong


@pytest.mark.parametrize("said", [
    "he fell off the ladder, it is not high",
    "he fell off the ladder. it was not that high",
    "he fell off the ladder stocking the top shelf",
    "he climbed the ladder to change the bulb and fell",
])
def test_a_ladder_fall_told_low_or_with_no_height_is_no_fall_from_height(said):
    assert "fall_from_height" not in find_mechanisms(said)


@pytest.mark.parametrize("complaint, caller", [
    ("a daladala going very fast knocked down this mama crossing the road, she flew onto the side", "+255712123997"),
    ("a speeding bajaji hit my grandfather at the stage", "+255712123996"),
    ("the kombi was going very fast and it hit this lady on the zebra crossing", "+263771234997"),
    ("a nduthi was speeding and it knocked down my son outside the school", "+254712345997"),
])
def test_a_pedestrian_hit_by_a_regional_vehicle_at_speed_is_a_mechanism(complaint, caller):
    call = scenario_call("bd-kind-vehicle", {"who": "a woman on the road", "who_confirm": "no, someone else",
                                             "complaint": complaint, "danger_signs": "no, no blood", **_START_YELLOW},
                         {"start_category": "YELLOW", "red_flags": [], "mechanism": True}, caller=caller)
    record, wrong = run_call(call)
    assert not wrong, wrong


@pytest.mark.parametrize("said", [
    "the daladala was parked and he walked into its mirror",
    "a daladala hit him slowly at the stage",
    "the pikipiki was going very fast and nearly hit my son",
    "the car was going fast and we hit a pothole",
    "I was on the daladala when my chest started hurting",
    "the kombi door hit his head when it slammed shut",
    "my brother, the taxi boot came down on his hand",
    "his leg was caught under the bajaji when it rolled back on the hill",
    "the car rolled backwards onto his foot in the driveway",
])
def test_a_regional_vehicle_with_no_speed_or_no_impact_is_no_mechanism(said):
    assert not find_mechanisms(said), find_mechanisms(said)


def test_the_vehicle_words_raise_no_red_flag():
    assert find_red_flags("a daladala going very fast hit my brother, he is sitting up talking") == []
