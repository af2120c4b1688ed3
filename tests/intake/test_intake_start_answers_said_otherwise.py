"""START's answers as callers give them: in their other language, by the patient's voice, or carried not walked.

Found by the team's own probe of each START question with answers written in several voices (not a blind set's
lines): an English call's answer in Tagalog, Pidgin or Hindi was asked again until the urgent side was assumed; a
patient heard talking or crying was asked about again ("are they breathing?"); "yes, but we carried him" walked.
"""

import pytest

from intake.scenarios import run_text
from tests.support.dialogue import dialogue_after


def _at_breathing():
    return dialogue_after("someone else", "my neighbour", "he fell in the yard and hurt his leg", "no", "sixty", "no",
                          awaiting="breathing")


def _calm_call(**answers) -> dict:
    base = {"who": "my neighbour", "who_confirm": "no, my neighbour", "complaint": "he fell in the yard and hurt his leg",
            "danger_signs": "no", "harm": "no", "age": "sixty", "walk": "no", "breathing": "yes", "resp_count": "five",
            "perfusion": "yes it comes back", "pulse": "yes", "commands": "yes he squeezes"}
    return {"id": "calm", "answers": {**base, **answers}, "default": "no"}


@pytest.mark.parametrize("said", ["hindi humihinga", "e no dey breathe", "no respira", "não está respirando"])
def test_not_breathing_in_the_callers_other_language_is_the_no(said):
    d = _at_breathing()
    d.answer(said)
    assert d.awaiting == "reposition"


@pytest.mark.parametrize("said", ["he's talking to me", "he's crying", "she keeps moaning", "he is shouting at us"])
def test_a_patient_heard_now_is_breathing(said):
    d = _at_breathing()
    d.answer(said)
    assert d.awaiting == "resp_count"


@pytest.mark.parametrize("said", ["he was crying, now he's quiet", "he's not talking", "he stopped talking"])
def test_a_voice_gone_or_in_the_past_is_asked_again(said):
    d = _at_breathing()
    d.answer(said)
    assert d.awaiting == "breathing"


@pytest.mark.parametrize("walk, category", [
    ("naglalakad siya", "GREEN"), ("haan, chal raha hai", "GREEN"), ("hindi siya makalakad", "YELLOW"),
    ("yes, but we carried him to the car", "YELLOW"), ("they lifted the boy onto the bed", "YELLOW"),
    ("he walked, he carried the bag himself", "GREEN"),
])
def test_walking_said_otherwise(walk, category):
    assert run_text(_calm_call(walk=walk))["start_category"] == category


@pytest.mark.parametrize("commands, category", [("haan, daba raha hai", "YELLOW"), ("hindi niya pinisil", "RED")])
def test_commands_in_the_callers_other_language(commands, category):
    assert run_text(_calm_call(commands=commands))["start_category"] == category


@pytest.mark.parametrize("pulse, category", [
    ("may pulso siya", "YELLOW"), ("meron po", "YELLOW"), ("walang pulso", "RED"),
    ("haan, nabz chal rahi hai", "YELLOW"), ("nahi, nabz nahi mil rahi", "RED"),
])
def test_the_wrist_pulse_in_the_callers_other_language(pulse, category):
    """The pulse is asked at three steps (apnoea, JumpSTART, the wrist): each is re-read in the other language."""
    assert run_text(_calm_call(pulse=pulse))["start_category"] == category
