"""Kinds spent set ar's whole calls showed going wrong (issue 14), in the team's own words.

A fit told as "long over" or as having "stopped hours ago" was still read as a fit happening; "knocked out tired after
the double shift" (exhausted) was read as knocked unconscious and a head injury; "the purple is the fruit" at the
danger-sign question was read as cyanosis (a fruit was no stain the look-alike knew); fingers that "just twitched" told at
the response question were read as a fit; a grown man "lying on the couch mumbling, very drowsy" was read as a stroke's
speech and, being "my brother", as a child's danger sign, so the call ended before the harm question heard of the empty
bottle of sleeping pills.
"""

import pytest

from intake.red_flags import find_red_flags
from tests.support.dialogue import run_call, scenario_call


CALLER = "+923001230000"


def _call(call_id: str, answers: dict, expect: dict, default: str = "I don't know") -> dict:
    return scenario_call(call_id, answers, expect, caller=CALLER, default=default)


# --- 1. A fit told as long over is over ------------------------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "I have epilepsy, I had one of my fits this morning, it's long over, but I cut my chin on the sink when I fell",
    "I had a fit this morning, it's long over",
    "she had one of her fits at breakfast, that was long over by lunch, now she has a cut lip",
    "mujhe mirgi hai, subah ek fit aaya tha, it's long over, bas chin kat gayi",
    "I had one of my fits this morning, it stopped hours ago, I bumped my elbow",
])
def test_a_fit_told_as_long_over_is_no_fit_now(said):
    assert "seizure" not in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "he is having a fit, it's been going on for long",
    "the fit is not over, he's still jerking",
    "he fell over and is having a fit",
    "she had a fit an hour ago and now she had another one again",
    "he had a fit this morning, it's long over but he's still not waking up",
])
def test_a_fit_going_on_or_back_is_still_a_fit(said):
    assert {"seizure", "unconscious"} & set(find_red_flags(said))


# --- 2. "Knocked out tired" is exhaustion -------------------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "he was knocked out tired after the double shift, fell asleep on the bicycle and fell off, his ankle is bad",
    "bhai knocked out tired tha after duty, cycle se gir gaya, ankle bahut kharab hai",
    "she was knocked out from the night shift and tripped on the stairs, her wrist is sore",
    "he's knocked out with tiredness, he dozed at the wheel of the rickshaw and it tipped, his knee is cut",
])
def test_knocked_out_tired_is_no_blackout(said):
    assert not {"unconscious", "serious_injury"} & set(find_red_flags(said))


@pytest.mark.parametrize("said", [
    "he fell off the bicycle and was knocked out for a minute",
    "he was knocked out when he fell off the bicycle, he's still drowsy",
    "he got knocked out by a brick on the site",
    "he was knocked out cold after the fall",
])
def test_knocked_out_by_a_blow_or_a_fall_still_counts(said):
    assert {"unconscious", "serious_injury"} & set(find_red_flags(said))


# --- 3. A colour a fruit explains is no cyanosis -------------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "no, no swelling, the purple is the fruit, she's laughing now",
    "nahi, the purple is from the phalsa, woh theek hai",
    "no, her lips are purple from the fruit, she's talking",
    "na, the blue colour is only the kalo jam, she's playing",
    "his tongue is purple from the shahtoot, he fell off the wall and cut his elbow",
    "she fell from the low step and grazed her knee, and her lips and tongue are all purple, she was eating jamun",
])
def test_a_colour_the_caller_explains_by_a_fruit_is_not_cyanosis(said):
    assert "breathing_difficulty" not in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "her lips are purple and she is struggling to breathe",
    "her lips went purple after eating the fruit and she can't breathe",
    "his lips are purple, it's not the fruit, he's gasping",
])
def test_purple_lips_with_breathing_trouble_still_count(said):
    assert "breathing_difficulty" in find_red_flags(said)


# --- 4. A finger's twitch told at the response question is no fit ----------------------------------------------------

def _fall_call(call_id: str, commands: str, expect: dict) -> dict:
    return _call(call_id, {
        "who": "my grandmother", "who_confirm": "no, my grandmother",
        "complaint": "she fell off her chair on the veranda, she's on the floor",
        "danger_signs": "no", "age": "eighty", "walk": "no", "breathing": "yes", "resp_count": "five",
        "pulse": "yes", "perfusion": "yes", "commands": commands}, expect)


@pytest.mark.parametrize("commands", [
    "her fingers moved a little, I think, maybe she did it or maybe they just twitched, I don't know",
    "her hand twitched, I'm not sure she meant it",
    "maybe his thumb twitched, I can't tell",
    "ungli thodi twitch hui, pata nahi she did it or not",
])
def test_a_twitch_of_a_finger_at_the_response_question_is_no_fit(commands):
    record, wrong = run_call(_fall_call("ar-twitch", commands, {"urgency": "emergency", "red_flags": []}))
    assert "seizure" not in record["red_flags"], record
    assert wrong == []


@pytest.mark.parametrize("commands", [
    "her fingers keep twitching and it won't stop",
    "no, her whole body is twitching and jerking",
    "her arms and legs are jerking, she's shaking all over",
])
def test_a_twitch_that_goes_on_or_a_body_convulsing_at_the_response_question_is_a_fit(commands):
    record, _ = run_call(_fall_call("ar-twitch-fit", commands, {}))
    assert "seizure" in record["red_flags"], record


# --- 5. Mumbling in someone drowsy; a grown-up told by their work -----------------------------------------------------

@pytest.mark.parametrize("said", [
    "he came home from his cab shift late and he's lying on the couch mumbling, he's very drowsy",
    "he's half asleep on the charpai, mumbling, he worked all night at the kiln",
    "she's mumbling in her sleep, she had a fall earlier and her knee hurts",
    "my brother came back from work and he's very drowsy, mumbling a bit",
    "bhai office theke phirlo, khub drowsy, mumbling korche",
])
def test_mumbling_in_someone_drowsy_is_no_stroke_and_a_working_man_no_child(said):
    assert not {"stroke", "child_danger_signs"} & set(find_red_flags(said))


@pytest.mark.parametrize("said", [
    "he's mumbling, I can't understand a word, it came on suddenly",
    "my dad is mumbling and one side of his face has dropped",
    "he is very drowsy and mumbling, his face has dropped on one side",
    "suddenly he started mumbling, his words make no sense",
])
def test_mumbling_with_a_strokes_signs_is_a_stroke(said):
    assert "stroke" in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "my son came home from school very drowsy, he can't stay awake",
    "my little brother is very drowsy and floppy",
    "the baby is very drowsy, she won't feed",
])
def test_a_child_told_drowsy_keeps_the_child_sign(said):
    assert "child_danger_signs" in find_red_flags(said)


@pytest.mark.parametrize("complaint,harm", [
    ("he came home from his cab shift late and he's lying on the couch mumbling, he's very drowsy",
     "yes, oh God, the bottle of his sleeping pills is empty on the floor"),
    ("bhai duty se aaya, he's on the sofa mumbling, bahut drowsy hai",
     "yes, his sleeping tablets strip is empty, he took all of them"),
])
def test_a_drowsy_grown_up_reaches_the_harm_question_and_the_overdose(complaint, harm):
    call = _call("ar-drowsy-pills", {
        "who": "my brother", "who_confirm": "no, my older brother", "complaint": complaint,
        "danger_signs": "no, he's breathing, he answers me, just slow", "harm": harm, "age": "thirty-three"},
        {"start_category": "RED", "urgency": "emergency", "red_flags": ["overdose_poisoning"], "protocol": None})
    record, wrong = run_call(call)
    assert "harm" in [t["prompt_id"] for t in record["turns"]]
    assert wrong == []
