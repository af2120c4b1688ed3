"""An apnoeic child's pulse that stays unsure takes JumpSTART's pulse branch: the rescue breaths.

SAFETY.md's JumpSTART: still not breathing after the airway -> pulse? no -> BLACK; yes -> 5 rescue breaths -> breathing
RED, else BLACK. The pulse decides only whether the breaths are given; the category follows from the breathing told
after them. So an unsure pulse ("I think I can feel it", "I don't know how") is never the branch that drops the breaths:
it is asked again, then assumed present, and the breaths are asked for (fifteenth session; three outside authors wrote
a hedged pulse then no breathing after the breaths as BLACK, which the line had ended RED on the assumption alone).
"""

import pytest

from intake.models import Category
from tests.intake.test_intake_black_calls_bk import CHECK_STEPS, _through_check, dialogue_after
from tests.support.dialogue import run_call, scenario_call

_TODDLER = {"who": "my son", "who_confirm": "no, my boy, he's two",
            "complaint": "the bookcase came down on him, I've lifted it off, he's lying on the floor",
            "danger_signs": "no blood, he's just lying there", "harm": "no", "age": "two",
            "walk": "no", "breathing": "no, his chest isn't moving", "reposition": "no, still nothing"}

UNSURE = ["yes, I think I can feel it at his wrist", "I think so, maybe", "I don't know how to find it",
          "ahn ahn, I no sure o", "parang meron, hindi ko sure"]


@pytest.mark.parametrize("pulse", UNSURE)
def test_an_unsure_pulse_then_no_breathing_after_the_breaths_is_black_as_told(pulse):
    call = scenario_call("pd-unsure-black", {**_TODDLER, "pulse": pulse,
                                             "rescue_breaths": "I gave the five, his chest rose, still nothing"},
                         {"start_category": "BLACK", "protocol": "JumpSTART"}, caller="+447400123999")
    record, wrong = run_call(call)
    assert not wrong, wrong
    assert "rescue_breaths" in record["prompts"]  # the breaths were not lost to the doubt


@pytest.mark.parametrize("pulse", UNSURE[:2])
def test_an_unsure_pulse_then_breathing_after_the_breaths_is_red(pulse):
    call = scenario_call("pd-unsure-red", {**_TODDLER, "pulse": pulse,
                                           "rescue_breaths": "yes! he coughed, he's breathing now"},
                         {"start_category": "RED"}, caller="+447400123999")
    record, wrong = run_call(call)
    assert not wrong, wrong


def test_an_unsure_pulse_and_unclear_breaths_stay_on_the_urgent_side():
    call = scenario_call("pd-unsure-unclear", {**_TODDLER, "pulse": "I think so", "rescue_breaths": "I don't know"},
                         {"start_category": "RED"}, caller="+447400123999")
    record, wrong = run_call(call)
    assert not wrong, wrong


def test_a_pulse_told_absent_is_still_black_without_the_breaths():
    call = scenario_call("pd-no-pulse", {**_TODDLER, "pulse": "no, there's nothing at all"},
                         {"start_category": "BLACK"}, caller="+447400123999")
    record, wrong = run_call(call)
    assert not wrong, wrong
    assert "rescue_breaths" not in record["prompts"]


def test_after_the_number_an_unsure_pulse_still_gets_the_breaths():
    d = dialogue_after("my niece", "she fell in the water tank on the roof, we pulled her out and she won't wake up",
                       channel="voice", region="NG")
    assert d.awaiting in CHECK_STEPS
    _through_check(d, {"age": "three", "breathing": "no", "reposition": "no", "pulse": "I no sure o",
                       "rescue_breaths": "I don give the five, she still no dey breathe"})
    assert d.result.start_category == Category.BLACK and d.result.protocol == "JumpSTART"
