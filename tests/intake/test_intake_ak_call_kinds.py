"""What spent set ak's calls showed, as kinds (the team's own paraphrases and look-alikes).

A patient heard shouting is no one shouted at in vain; a jump off a ferry or a bus before it stopped is an accident
told by its landing, while a jump with a farewell note is a suicide whatever it was off; a colour that wipes off, or
is told beside the berries eaten, is a stain, not cyanosis.
"""

import pytest

from intake.red_flags import find_red_flags


@pytest.mark.parametrize("said", [
    "no, nothing, he's standing up shouting at me not to call",
    "nothing like that, she is sitting up talking to us",
])
def test_a_patient_heard_speaking_is_not_unresponsive(said):
    assert "unconscious" not in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "I shook him and shouted, nothing, he's not answering",
    "I'm shouting at him, nothing, he's just lying there",
])
def test_shouted_at_in_vain_is_still_unresponsive(said):
    assert "unconscious" in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "I jumped off the ferry before it was tied up properly and landed wrong on the pier, my ankle is swelling",
    "he jumped off the bus before it stopped and fell on the kerb by the bridge",
    "she jumped down from the tractor near the water tank and twisted her knee",
])
def test_a_jump_off_a_vehicle_is_an_accident(said):
    assert "suicidal" not in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "he jumped off the ferry in the night, he left a note",
    "she left a goodbye letter and jumped off the boat",
    "she says she will jump off the bridge tonight",
])
def test_a_jump_with_a_farewell_or_from_a_height_by_intent_is_suicidal(said):
    assert "suicidal" in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "she fell off the fence and scraped her knee, her lips and chin are all purple, she was eating the mulberries",
    "no, she's breathing fine, the purple is the tut, the mulberries, it wipes off",
    "his mouth is all blue but it washes off, it's the ink from his pen",
])
def test_a_colour_from_food_or_one_that_wipes_off_is_a_stain(said):
    assert "breathing_difficulty" not in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "his lips are blue, it won't come off, he's gasping", "her lips are purple and she is struggling to breathe",
    "his lips and face are going blue, he was eating and now he can't breathe",
])
def test_blue_lips_with_breathing_trouble_still_flag(said):
    assert "breathing_difficulty" in find_red_flags(said)


def test_a_baby_grabbing_a_necklace_is_not_clutching_her_neck():
    assert "choking" not in find_red_flags("awake, she's looking at me and grabbing my necklace")
    assert "choking" in find_red_flags("he's grabbing his neck and can't make a sound")
