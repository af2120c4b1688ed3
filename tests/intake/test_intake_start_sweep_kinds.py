"""Clear START/JumpSTART answers the dialogue re-asked and then took the urgent way (branch start-sweep), in the team's
own words, with the look-alikes that must stay a no or unclear.

An attempt told with what came of it after "and" in the past tense ("she tried to stand and went straight back down");
steps taken or not taken, and legs that fold; a wrist where the caller found "nothing there", and Pidgin's "feel am";
a Tagalog answer with its courtesy "po" read in the caller's language; the nail's colour back said as the colour ("it
went red again"), and Pidgin's "e no come back" at the nail test, which is the colour, not a patient who has not come
round; the hand grabbed or clutched on request, eyes opened and closed on request, "she did everything"; a Jamaican
child who "wake" and "a bawl".
"""

import pytest

from intake.models import Category
from intake.prompts import PROMPTS
from intake.understanding import parse_avpu
from tests.support.dialogue import run_call, scenario_call

_BASE = {"who": "someone else", "complaint": "my aunt slipped on the wet steps outside the church and hurt her ankle",
         "danger_signs": "no, none of those", "harm": "no", "age": "sixty-one", "walk": "no, she can't get up",
         "breathing": "yes", "resp_count": "five", "perfusion": "yes, straight away", "pulse": "yes",
         "commands": "yes, she squeezed my hand", "avpu": "awake", "duration": "twenty minutes", "severity": "six",
         "medications": "none", "allergies": "none", "photo": "no"}
_CHILD = dict(_BASE, complaint="my grandson fell off the swing at the park and hurt his wrist", age="four",
              walk="no, he won't stand", resp_count="six")


def _said(step: str, text: str):
    return PROMPTS[step].read_yes_no(text)


def _call(step: str, said: str, expect: dict, base: dict = _BASE, caller: str = "+447700900999") -> None:
    record, wrong = run_call(scenario_call(f"sweep-{step}", dict(base, **{step: said}), expect, caller=caller))
    assert not wrong, (wrong, [t["prompt_id"] for t in record["turns"]])


@pytest.mark.parametrize("said", [
    "she tried to get up and fell straight back on her bum",
    "he tried to stand and collapsed again",
    "she attempted it and sank down onto the step",
    "we lifted her up but she can't take one step",
    "she tried, her knees just crumpled",
])
def test_an_attempt_told_with_its_outcome_is_the_no(said):
    assert _said("walk", said) == "no"


@pytest.mark.parametrize("said", [
    "she took a few steps on her own to the wall",
    "he managed some steps to the car on his own",
])
def test_steps_taken_or_an_attempt_that_walked_is_the_yes(said):
    assert _said("walk", said) == "yes"


@pytest.mark.parametrize("said", [
    "she tried to get up and walk",  # the attempt, nothing of what came of it
    "he is trying to stand up",
    "we tried to help her up and walk her to the car",
])
def test_an_attempt_with_no_outcome_stays_unclear(said):
    assert _said("walk", said) not in ("yes", "no")


@pytest.mark.parametrize("said", [
    "I held her wrist the way you told me and there's nothing there",
    "I no fit feel am at all",
    "there was nothing at all, I tried for ages",
])
def test_nothing_found_at_the_wrist_is_the_no(said):
    assert _said("pulse", said) == "no"


@pytest.mark.parametrize("said", ["I fit feel am, e dey knock", "yes I found it, steady", "I don find am for im wrist"])
def test_a_pulse_felt_in_other_words_is_the_yes(said):
    assert _said("pulse", said) == "yes"


@pytest.mark.parametrize("said", ["there is nothing wrong with her wrist", "maybe, I feel something, not sure"])
def test_pulse_look_alikes_are_no_finding(said):
    assert _said("pulse", said) not in ("yes", "no")


@pytest.mark.parametrize("said", ["it turned normal again as soon as I let go", "it went red again in a flash",
                                  "back to normal colour straight after"])
def test_the_colour_back_said_as_the_colour_is_the_yes(said):
    assert _said("perfusion", said) == "yes"


@pytest.mark.parametrize("said", ["it stayed white", "it went pink again but slowly", "it went red again after ages"])
def test_a_slow_or_absent_return_stays_the_no(said):
    assert _said("perfusion", said) == "no"


@pytest.mark.parametrize("said", ["e no come back, e still white", "the colour no come back o"])
def test_the_nail_that_did_not_come_back_is_no_unconscious_patient(said):
    _call("perfusion", said, {"start_category": "RED", "red_flags": [], "assumed": []}, caller="+2348035550199")


def test_passed_out_at_the_nail_question_still_flags():
    record, _ = run_call(scenario_call("sweep-perfusion-out", dict(_BASE, perfusion="I can't, she's passed out now"),
                                       {}, caller="+447700900999"))
    assert "unconscious" in record["red_flags"]


@pytest.mark.parametrize("said", [
    "he clutched my fingers when I told him",
    "she grabbed hold of my hand, yes",
    "he shut and opened his eyes for me",
    "she did it all, no bother",
    "he does whatever I tell him",
])
def test_the_request_done_in_other_words_is_the_yes(said):
    assert _said("commands", said) == "yes"


@pytest.mark.parametrize("said", [
    "she won't do what I tell her",
    "he didn't do any of it, he just stares",
    "she will not do everything I say",
    "I asked her to grab my hand, she only looked at me",
])
def test_the_request_not_done_stays_the_no(said):
    assert _said("commands", said) == "no"


def test_commands_done_in_other_words_end_yellow():
    _call("commands", "she opened and closed her eyes like I asked", {"start_category": "YELLOW", "assumed": []})


@pytest.mark.parametrize("said, level", [("him wake, him a bawl", "alert"), ("she a bawl fi her mumma", "alert"),
                                         ("him nah wake", None)])
def test_a_jamaican_childs_response(said, level):
    assert parse_avpu(said) == level


def test_a_jamaican_child_awake_and_crying_ends_yellow():
    _call("avpu", "him wake, him a bawl", {"start_category": "YELLOW", "protocol": "JumpSTART", "assumed": []},
          base=_CHILD, caller="+18765550199")


def test_an_unclear_walk_still_takes_the_urgent_branch():
    record, wrong = run_call(scenario_call("sweep-walk-unclear", dict(_BASE, walk="she tried to get up and walk"),
                                           {"assumed": ["walk"]}, caller="+447700900999"))
    assert not wrong and record["start_category"] == Category.YELLOW.value


@pytest.mark.parametrize("said", ["she no fit stand up talkless of waka", "she stood up for a moment then dropped",
                                  "he got to his feet and then collapsed", "he got up but fell over again"])
def test_a_stand_that_ended_on_the_ground_is_no_walk(said):
    assert _said("walk", said) == "no"


@pytest.mark.parametrize("said", ["he fell off the bike, then got up and walked to the kerb",
                                  "she got up and walked off, she dropped her phone earlier"])
def test_a_fall_before_the_walk_is_still_the_walk(said):
    assert _said("walk", said) == "yes"


@pytest.mark.parametrize("step, said, category", [
    ("walk", "kaya niya, naglakad siya papunta sa kotse", "GREEN"),
    ("commands", "hindi niya pinisil", "RED"),
    ("commands", "di niya pinisil yung kamay ko", "RED"),
])
def test_taglish_walking_and_squeezing(step, said, category):
    _call(step, said, {"start_category": category, "assumed": []}, caller="+639175550199")


@pytest.mark.parametrize("said", ["pink again after ages", "it came back in the end, took a while",
                                  "yeah it went normal eventually", "it turned red again, very slowly"])
def test_a_late_return_is_the_no(said):
    assert _said("perfusion", said) == "no"
