"""Kinds of whole calls set p showed going wrong, in the team's own words: each never ends on the milder side."""

import pytest

from intake.dialogue import Dialogue
from intake.models import Category, Urgency
from tests.support.dialogue import dialogue_after


def child_at_walk(age: str = "two") -> Dialogue:
    return dialogue_after("my grandson", "he tumbled into the pond and we got him out", "no", age, channel="text",
                          region="GB", awaiting="walk")


# --- walking at another time than now ------------------------------------------------------------------------


@pytest.mark.parametrize("said", [
    "he toddles about most days but right now he just isn't moving",
    "usually he's running around, today he won't budge off the floor",
    "he was walking before we found him, now he's lying there still",
    "he could stand up earlier, now he is not moving",
])
def test_walking_said_of_another_time_is_never_a_yes(said):
    """A toddler who "walks normally" but "now doesn't move" had ended GREEN: the walk step heard only the habit."""
    d = child_at_walk()
    while d.awaiting == "walk":  # a no, or asked again and then taken as a no: never GREEN
        d.answer(said)
    if d.result.red_flags:  # "lying there still" is itself a sign: the emergency number at once, then the breathing
        assert d.result.start_category == Category.RED and (d.finished or d.awaiting == "breathing")
    else:
        assert d.awaiting == "breathing" and d.result.answers["walk"] == "no" and d.result.start_category is None


@pytest.mark.parametrize("said", ["yes, he's walking around now", "he walks normally, he's fine on his feet",
                                  "he got up and walked over to his mum"])
def test_walking_now_is_still_a_yes(said):
    d = child_at_walk()
    d.answer(said)
    assert d.result.start_category == Category.GREEN


# --- cannot be woken, said only at the commands or AVPU step -------------------------------------------------


def adult_at_commands() -> Dialogue:
    return dialogue_after("my nan", "she tripped over the rug and hurt her wrist", "no", "seventy-nine", "no", "yes",
                          "four", "yes", "yes", channel="text", region="GB", awaiting="commands")


@pytest.mark.parametrize("said", [
    "no, she's gone off and I can't wake her, I've been shaking her shoulders",
    "she was chatting a minute ago, now she won't come round at all",
    "no, she's out cold on the carpet",
])
def test_cannot_be_woken_at_the_commands_step_is_the_unconscious_flag(said):
    """"Won't wake up" told only as the commands answer was RED without the flag or its first aid."""
    d = adult_at_commands()
    d.answer(said)
    assert d.finished and d.result.red_flags == ["unconscious"] and d.result.start_category == Category.RED


@pytest.mark.parametrize("said", ["no, she doesn't answer me", "no response, she just looks at the wall",
                                  "she doesn't squeeze, she's awake but confused"])
def test_a_failed_commands_test_alone_is_red_without_a_flag(said):
    d = adult_at_commands()
    d.answer(said)
    assert d.finished and d.result.red_flags == [] and d.result.start_category == Category.RED
    assert d.result.decided_by == "START"


def test_cannot_be_woken_at_the_avpu_step_is_the_unconscious_flag():
    d = dialogue_after("my daughter", "she bumped her head on the slide", "no", "five", "no", "yes", "six", "yes",
                       channel="text", region="GB", awaiting="avpu")
    d.answer("I can't wake her up, I've called her name and shaken her")
    assert "unconscious" in d.result.red_flags and d.result.start_category == Category.RED


# --- a red flag after START had found a milder category -------------------------------------------------------


@pytest.mark.parametrize("at, said", [
    ("severity", "the knee maybe five, but there's a squeezing in my chest now that goes up into my jaw"),
    ("medications", "none, oh and my speech has gone funny in the last few minutes, my mouth is drooping"),
    ("photo", "wait, I took all of my sleeping tablets an hour ago, the whole box"),
])
def test_a_red_flag_after_a_green_makes_the_case_red_and_keeps_the_green(at, said):
    d = dialogue_after("it's me", "I bashed my knee on the table", "no", "fifty-eight", "yes, I can walk on it",
                       channel="text", region="GB")
    assert d.result.start_category == Category.GREEN
    while d.awaiting != at:
        d.answer("none" if d.awaiting in ("medications", "allergies") else "two hours" if d.awaiting == "duration"
                 else "four")
    d.answer(said)
    r = d.result
    assert d.finished and r.red_flags and r.urgency == Urgency.EMERGENCY
    assert r.start_category == Category.RED and r.decided_by == "red_flag"
    assert r.answers["start_before_red_flag"] == "GREEN" and "GREEN" not in r.summary.split(";")[0]


def test_a_red_flag_after_a_jumpstart_yellow_keeps_the_yellow():
    d = dialogue_after("my little girl", "she fell off the swing", "no", "four", "no", "yes", "seven", "yes",
                       "she's crying, talking", channel="text", region="GB")
    assert d.result.start_category == Category.YELLOW
    d.answer("twenty minutes, and now she's fitting, jerking all over")
    assert d.result.start_category == Category.RED and d.result.answers["start_before_red_flag"] == "YELLOW"


def test_no_red_flag_after_a_green_leaves_the_green():
    d = dialogue_after("it's me", "I bashed my knee on the table", "no", "fifty-eight", "yes, I can walk on it",
                       "two hours", "four", "none", "none", "no", channel="text", region="GB")
    assert d.finished and d.result.start_category == Category.GREEN and "start_before_red_flag" not in d.result.answers


# --- a doubted AVPU response ----------------------------------------------------------------------------------


def child_at_avpu() -> Dialogue:
    return dialogue_after("my son", "he fell off the bench at school and he's lying quiet", "no", "six", "no", "yes",
                          "seven", "yes", channel="text", region="MW", awaiting="avpu")


@pytest.mark.parametrize("said", [
    "I think his eyelids flickered when I said his name, but I'm not sure, it could have been the wind",
    "maybe he pulled his hand back when I squeezed it, it's hard to tell",
    "I don't know if he heard me, perhaps he turned his head, maybe not",
])
def test_a_doubted_avpu_response_is_taken_the_urgent_way(said):
    """"Maybe she moved her eyes, or maybe it was the car" had been read as a response to voice: YELLOW."""
    d = child_at_avpu()
    assert d.answer(said).awaiting == "avpu"  # asked again
    d.answer(said)
    d.answer(said)
    r = d.result
    assert d.finished and r.start_category == Category.RED and r.answers["avpu"] == "unresponsive"
    assert "avpu" in r.assumed


@pytest.mark.parametrize("said, level", [("he's awake and telling me his leg hurts", "alert"),
                                         ("he opens his eyes when I call his name", "voice")])
def test_a_plain_avpu_response_is_still_yellow(said, level):
    d = child_at_avpu()
    d.answer(said)
    assert d.result.start_category == Category.YELLOW and d.result.answers["avpu"] == level
