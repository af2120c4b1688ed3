"""The CPR script is for a patient who is not breathing. A caller describing someone awake and fighting for breath
("can't get her breath", "no air going in" beside wheezing, sitting bolt upright, one word at a time) had been given
it, because a phrase in the turn reads like no breath; such a patient gets the breathing-difficulty advice. Anything
that says the breathing stopped, or that they cannot be woken, keeps CPR."""

import pytest

from intake.red_flags import find_red_flags


@pytest.mark.parametrize(
    "text",
    ["she can't get her breath, she's sat bolt upright on the bed, one word at a time",
     "my grandad is wheezing badly and can't get his breath, his puffer isn't helping",
     "he's not getting any air, breathing really fast, leaning forward with his hands on his knees"],
)
def test_awake_and_fighting_for_breath_is_breathing_difficulty_not_cpr(text):
    found = find_red_flags(text)
    assert "breathing_difficulty" in found and "not_breathing" not in found


@pytest.mark.parametrize(
    "text",
    ["he was wheezing all evening and now he's stopped breathing, his chest isn't moving",
     "she was sitting up talking, then she went floppy and there's no breath at all",
     "he's wheezing and now he won't wake up and he's not breathing"],
)
def test_breathing_that_stopped_or_a_patient_who_cannot_be_woken_keeps_cpr(text):
    assert "not_breathing" in find_red_flags(text)
