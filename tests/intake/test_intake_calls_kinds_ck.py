"""Kinds the spent whole-call sets still showed going wrong (issue 14), in the team's own words.

Walking claimed but not shown, a lost milk tooth's little blood, a jerk at the pinch test, a tantrum's breath-holding
that ended: each is read as SAFETY.md reads it, and the signs beside them still end the call.
"""

import pytest

from intake.dialogue import Dialogue
from intake.models import Category, Urgency
from intake.red_flags import find_red_flags
from tests.support.dialogue import dialogue_after


def adult_at_walk() -> Dialogue:
    return dialogue_after("my uncle", "he slipped off the veranda step and hurt his hip", "no", "sixty-eight",
                          channel="text", region="GB", awaiting="walk")


def walk_answered(said: str) -> Dialogue:
    """The walk answer given as often as it is asked (as a caller who says it again would)."""
    d = adult_at_walk()
    while d.awaiting == "walk":
        d.answer(said)
    return d


# --- 1. walking claimed, hedged or helped is not walking shown ----------------------------------------------------


@pytest.mark.parametrize("said", [
    "he reckons he could walk, but he hasn't stood up yet, he's still on the floor",
    "she tells me she's fine to walk but she's still sitting on the kitchen tiles",
    "he thinks he can walk, he hasn't tried to get up",
    "I think so, but he hasn't got up yet",
    "maybe, I'm not sure",
    "only if we hold him up on both sides",
    "yes, with my help, he has to lean on me",
    "he can walk if he holds on to the wall",
])
def test_walking_not_shown_never_takes_the_green_branch(said):
    """"He says he can walk, but he hasn't got up yet" had ended GREEN: a claim was read as a walk."""
    d = walk_answered(said)
    assert d.result.start_category != Category.GREEN
    assert d.awaiting == "breathing" and d.result.answers["walk"] == "no"


def test_walking_not_shown_is_asked_again_before_it_is_assumed():
    d = adult_at_walk()
    d.answer("she says she can walk, she hasn't got up off the bed yet")
    assert d.awaiting == "walk"  # asked again in other words: the unclear path, never a guess
    d.answer("she says she can walk, she hasn't got up off the bed yet")
    d.answer("she says she can walk, she hasn't got up off the bed yet")
    assert "walk" in d.result.assumed and d.awaiting == "breathing"


@pytest.mark.parametrize("said", [
    "yes, he walked to the car on his own",
    "he says he can walk and he's walked over to the bench",
    "yes, she got up and she's walking about",
    "yes he is standing now",
])
def test_walking_shown_is_still_green(said):
    d = adult_at_walk()
    d.answer(said)
    assert d.result.start_category == Category.GREEN


def adult_at_commands() -> Dialogue:
    return dialogue_after("my neighbour", "he fell off the scaffold plank onto the grass", "no", "fifty", "no", "yes",
                          "four", "yes", "yes", channel="text", region="GB", awaiting="commands")


@pytest.mark.parametrize("said", [
    "he says he can squeeze my hand but he hasn't done it",
    "she said yes but her fingers didn't move",
])
def test_commands_claimed_but_not_done_is_not_a_yes(said):
    d = adult_at_commands()
    while d.awaiting == "commands":
        d.answer(said)
    assert d.result.start_category == Category.RED  # cannot follow commands, or unclear taken the urgent way


def test_commands_done_is_yellow():
    d = adult_at_commands()
    d.answer("he says he can and he squeezed my fingers")
    assert d.result.start_category == Category.YELLOW


# --- 2. a small bleed from a lost milk tooth is not heavy bleeding --------------------------------------------------


@pytest.mark.parametrize("said", [
    "she was on the climbing frame and there's some blood in her mouth, her wobbly front tooth has come out",
    "there was blood on his pillow this morning, his loose milk tooth fell out in the night",
    "she pulled out her wobbly tooth and spat a bit of blood in the sink",
])
def test_blood_from_a_lost_milk_tooth_is_no_red_flag(said):
    assert "heavy_bleeding" not in find_red_flags(said, child=True)


@pytest.mark.parametrize("said", [
    "her baby tooth came out and the blood is pouring from her mouth, it won't stop",
    "he got punched, two teeth came out and there's a lot of blood from his mouth",
    "blood coming from his mouth, he lost a tooth in the fight and it keeps pouring",
    "there's blood coming out of her mouth, she hit it on the table",
])
def test_heavy_or_unexplained_blood_from_the_mouth_stays_flagged(said):
    assert "heavy_bleeding" in find_red_flags(said)


def test_a_lost_milk_tooth_that_stopped_bleeding_and_walks_is_green():
    d = dialogue_after("my daughter", "she fell on the playground and there was blood from her mouth, her wobbly baby "
                       "tooth came out", "no, just a little blood and it's stopped now", "six", channel="text",
                       region="GB", awaiting="walk")
    d.answer("yes, she's running about")
    assert d.result.red_flags == [] and d.result.start_category == Category.GREEN


# --- 3. a jerk at the pinch test is not a fit --------------------------------------------------------------------


def child_at_avpu() -> Dialogue:
    return dialogue_after("my son", "he fell off the bunk bed ladder", "no", "three", "no", "yes", "eight", "yes",
                          channel="text", region="GB", awaiting="avpu")


@pytest.mark.parametrize("said", [
    "when I pinched his hand his arm twitched once, I don't know if he pulled it back or not",
    "his leg jerked when I pressed his toenail, I can't tell if that was him moving it away",
])
def test_one_jerk_at_the_pinch_is_no_seizure(said):
    d = child_at_avpu()
    while d.awaiting == "avpu":
        d.answer(said)
    assert "seizure" not in d.result.red_flags and "child_danger_signs" not in d.result.red_flags
    assert d.result.start_category == Category.RED  # a jerk, or an unclear response: the urgent branch either way


@pytest.mark.parametrize("said", [
    "when I pinched her she went stiff and started jerking, her eyes rolled back",
    "he's shaking all over and not responding when I pinch him",
])
def test_a_fit_told_at_the_pinch_test_is_still_a_seizure(said):
    assert "seizure" in find_red_flags(said, child=True)


# --- 4. a tantrum's breath-holding that ended is not choking -------------------------------------------------------


@pytest.mark.parametrize("said", [
    "my little girl held her breath in a paddy and her lips went a bit purple, then she let out a yell",
    "he held his breath when I said no to the biscuit, went a bit grey for a second and then howled",
])
def test_breath_holding_that_ended_is_no_red_flag(said):
    assert find_red_flags(said, child=True) == []


def test_breath_holding_that_ended_and_a_child_who_runs_is_green():
    d = dialogue_after("my son", "he held his breath in a tantrum and his face went a bit blue for a moment, then he "
                       "screamed the house down", channel="text", region="GB", awaiting="danger_signs")
    for said in ("no", "three", "yes, he's running around the garden"):
        d.answer(said)
    assert d.result.red_flags == [] and d.result.start_category == Category.GREEN
    assert d.result.urgency == Urgency.ROUTINE


@pytest.mark.parametrize("said, flag", [
    ("he held his breath in a tantrum and went blue and now he is floppy and not breathing", "not_breathing"),
    ("she held her breath and went blue and she is still blue", "breathing_difficulty"),
    ("a bit of apple went down the wrong way and he is going blue", "choking"),
])
def test_a_child_still_blue_or_not_breathing_stays_flagged(said, flag):
    assert flag in find_red_flags(said, child=True)
