"""Kinds the learned reader trained on every spent author (a-q, s) proposed wrongly, each closed in the rules' context
that gates its proposals (red_flags._learned_flags), in the team's own words; the signs beside them still count.

- `learned_needs`: a reader-only suicidal or overdose flag needs a word worth the harm question or a farewell;
- `learned_unless`: medicine kept or dosed by its schedule, a platform or bridge on a journey, sleep until an everyday
  end, a machine that shakes; `learned_not_only`: a container or a drink alone, a fever and its degree alone;
- what the rules read around the carriers: a softening just after, a rule's near veto ("a small patch");
- the carriers: a denied word the reader only leans on may be outweighed; a denied sign word never is.
"""

import pytest

from intake import learned_flags
from intake.red_flags import find_red_flags


@pytest.mark.parametrize("text", [
    "he's going to go to the car and get his coat",
    "I'm done with this house, we're moving out tonight",
    "she wants to end her contract with the gym, can you help",
])
def test_going_ending_and_being_done_with_no_harm_word_are_no_suicide(text):
    assert "suicidal" not in find_red_flags(text)


def test_a_harm_word_lets_the_reader_add_it():
    assert "suicidal" in find_red_flags("I've got thirty tablets and I'm going to take them all tonight, the pharmacy gave me a month")


def test_tablets_missing_from_a_pharmacy_pack_are_no_overdose():
    assert find_red_flags("three of my tablets are missing from the box, I think the chemist short changed me") == []


@pytest.mark.parametrize("text", [
    "I'm on the edge of the platform and I'm sorry but my knee has given way",
    "we drove over the bridge and it'd be better for everyone if they fixed the road",
])
def test_a_platform_or_bridge_on_a_journey_is_no_suicide(text):
    assert "suicidal" not in find_red_flags(text)


@pytest.mark.parametrize("text", [
    "he had a drink from an old bottle in the shed, now his lips tingle",
    "she's been drinking out of a bottle she found in the garage and feels a bit odd",
])
def test_a_bottle_and_a_drink_alone_are_the_harm_questions_not_a_poisoning(text):
    assert "overdose_poisoning" not in find_red_flags(text)


def test_a_poison_named_as_drunk_is_still_a_poisoning():
    assert "overdose_poisoning" in find_red_flags("my son drank the spray from the shed, he is vomiting")


def test_a_denied_word_the_reader_only_leans_on_does_not_hide_a_choking():
    assert "choking" in find_red_flags("it's like a cork in her throat, nothing going in or out, it was a bit of carrot")


def proposing(flag: str, word: str):
    def propose(text, found, *args, **kwargs):
        at = text.find(word)
        return [] if at < 0 or flag in found else [(flag, [(at, at + len(word))])]
    return propose


@pytest.mark.parametrize(("flag", "word", "text", "added"), [
    # medicine dosed by its schedule, unless more than a dose is said
    ("overdose_poisoning", "tablets", "he has his tablets from the pharmacy and takes one every morning", False),
    ("overdose_poisoning", "tablets", "he has his tablets from the pharmacy and took the whole lot at once", True),
    # a journey's platform or bridge, unless a word of intent is there
    ("suicidal", "platform", "I'm stood on the platform with my bags and my ankle's swollen", False),
    ("suicidal", "platform", "he's on the platform and says he's going to jump in front of it", True),
    # sleep until an everyday end
    ("suicidal", "wake", "I want to go to bed and not wake up till this cold has gone", False),
    ("suicidal", "sleep", "I want to go to sleep till this is all over, I have got his pills here", True),
    # a machine that shakes, unless a body is said to
    ("seizure", "shaking", "the spin cycle on the washing machine is shaking the whole house", False),
    ("seizure", "shaking", "the washing machine was on and he is shaking, his eyes rolled back", True),
    # a fever and its degree alone are no child danger sign
    ("child_danger_signs", "very", "he has a very high temperature, he's a bit grizzly", False),
    # "deep" alone names no wound
    ("serious_injury", "deep", "he's in a deep sleep after his night shift and his knee is grazed", False),
    # a softening just after the carrier; a rule's near veto beside it
    ("breathing_difficulty", "breathing", "her breathing is a bit snuffly with her cold", False),
    ("severe_burns", "oven", "he burnt his wrist on the oven door, one small red patch", False),
    # means only at hand from the shed is no poisoning yet
    ("overdose_poisoning", "bleach", "he says they'd be better off and he's got the bleach out of the cupboard", False),
    ("overdose_poisoning", "bleach", "he's got the bleach out of the cupboard and drank some", True),
    # a fire that burnt a thing, the person said not burnt, unless a burn on them is said
    ("severe_burns", "fire", "the toaster caught fire and burnt the worktop, he isn't burnt at all, just shaken", False),
    ("severe_burns", "fire", "the toaster caught fire, she's not burnt on her face but it burnt her hand, the skin is peeling", True),
    # a denied sign word never lets the reader through
    ("chest_pain", "pain", "there's no pain in my chest at all, I'm just tired today", False),
])
def test_each_kind_gates_a_proposal_of_the_reader(flag, word, text, added, monkeypatch):
    monkeypatch.setattr(learned_flags, "proposals", proposing(flag, word))
    assert (flag in find_red_flags(text)) == added


@pytest.mark.parametrize("text", [
    "he cut his thumb on the fishing line at the Nile, the bleeding stopped when I pressed it with a cloth",
    "her nose bled all over the sink, it stopped once she sat forward",
])
def test_a_bleed_that_stopped_when_pressed_is_over(text):
    assert "heavy_bleeding" not in find_red_flags(text)


def test_a_bleed_that_stopped_when_pressed_and_came_back_is_not():
    assert "heavy_bleeding" in find_red_flags("the bleeding stopped when I pressed it but now it is pouring again")
