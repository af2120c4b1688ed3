"""A JumpSTART child's rescue breaths and pulse as bystanders report them (issue 14, tenth session). The team's wording.

Kinds, found in two new outside authors' BLACK calls that ended RED: (1) a chest that rose with the rescuer's own
breaths ("I gave the five breaths, his chest went up, but he's not breathing by himself") is the breath going in, not
the child breathing: it had made the answer a doubt, asked three times, then the urgent side; (2) a faint beat the
caller places ("yes, I feel something small at the wrist") is a pulse; a lone "I feel something" stays a doubt (it may
be the caller's own fingers).
"""

import pytest

from intake.dialogue import Dialogue
from intake.models import Category
from intake.prompts import PROMPTS
from intake.understanding import parse_breathing
from tests.support.dialogue import run_call, scenario_call

RESCUE = PROMPTS["rescue_breaths"].keywords


@pytest.mark.parametrize("said", [
    "I gave the five breaths, his chest went up, but he's not breathing by himself, nothing",
    "I did the 5 rescue breaths and her chest rose each time, but no breathing of her own",
    "i blew into his mouth five times, the chest went up, but he is not breathing on his own",
    "gave all five, the belly lifted a little, but no breath of her own at all",
    "he's not breathing on his own, the chest only goes up when I blow",
    "her chest rose with my breaths, still she does not breathe by herself",
    "we did the breaths them, chest go up, but him no dey breathe by himself",
])
def test_a_chest_raised_by_the_rescuers_breaths_is_no_breathing(said):
    assert parse_breathing(said, keywords=RESCUE) == "no"


@pytest.mark.parametrize("said, reading", [
    ("his chest rose when I blew, and now he is breathing by himself", "yes"),
    ("her chest went up with my breaths and then she coughed and started breathing", "yes"),
    ("yes, he is breathing on his own now", "yes"),
    ("her tummy goes up and down now", "yes"),
    ("his chest went up", None),  # the breath went in, or he breathes? asked again, never guessed
])
def test_a_child_breathing_after_the_breaths_is_still_heard(said, reading):
    assert parse_breathing(said, keywords=RESCUE) == reading


@pytest.mark.parametrize("said, reading", [
    ("Yes, I feel something small at the wrist", "yes"),
    ("I feel something faint on her wrist", "yes"),
    ("something weak at his wrist, I found something weak at the wrist yes", "yes"),
    ("I feel something", None),
    ("I feel something at the wrist but I think it is my own", None),
    ("I felt something weak at his neck, maybe my own fingers", None),
])
def test_a_faint_beat_placed_at_the_wrist_is_a_pulse(said, reading):
    d = Dialogue(channel="text", region="GH")
    assert d._interpret_as_said("pulse", said) == reading


def _apnoeic_toddler(pulse: str, rescue_breaths: str, category: str) -> dict:
    return scenario_call(
        "team-other-jumpstart-rescue-breaths",
        {"who": "the little boy next door", "who_confirm": "no, not me, the neighbour's boy",
         "complaint": "a wall fell on him in the rain, we have taken the blocks off him",
         "danger_signs": "no blood, no fit, he is just lying there", "age": "two years old", "walk": "no",
         "breathing": "no, no breath", "reposition": "I tilted the head, still nothing", "pulse": pulse,
         "rescue_breaths": rescue_breaths},
        {"start_category": category, "urgency": "emergency", "red_flags": [], "protocol": "JumpSTART"},
        caller="+233244123456", default="I don't know, please hurry")


@pytest.mark.parametrize("pulse, rescue_breaths, category", [
    ("yes, I feel something small at the wrist",
     "I gave the five breaths, his chest went up, but he's not breathing by himself", "BLACK"),
    ("yes it's there", "his chest rose with my breaths but nothing of his own", "BLACK"),
    ("yes, something faint on his wrist", "his chest went up with my breaths and now he's breathing on his own", "RED"),
])
def test_an_apnoeic_toddler_ends_as_jumpstart_says(pulse, rescue_breaths, category):
    record, wrong = run_call(_apnoeic_toddler(pulse, rescue_breaths, category))
    assert wrong == [] and record["start_category"] == Category(category).value
    assert "rescue_breaths" not in (record.get("assumed") or [])
