"""High-risk mechanisms as set p's calls showed them: recorded for the queue, never a red flag (SAFETY.md).

A fall off a bicycle, a kick scooter, a garden wall or the back of a stopped pickup is no high-risk mechanism of itself
(every author d-p labelled it so); a height said beside the fall, or a human tower's top, is one."""

import pytest

from intake.red_flags import find_mechanisms, find_red_flags


@pytest.mark.parametrize("text", [
    "my lad went over the handlebars of his bicycle on the gravel and cut his chin",
    "she fell off her bike on the cycle lane and her knee is all scraped",
    "he came off his kick scooter at the skate park and hurt his elbow",
    "he tumbled off the low garden wall while playing tag",
    "she fell off the back of the parked ute and bumped her hip",
])
def test_ordinary_falls_are_no_high_risk_mechanism(text):
    assert find_mechanisms(text) == []


@pytest.mark.parametrize("text, mechanism", [
    ("the girl at the top of the human tower at the festival slipped and came down onto the cobbles", "fall_from_height"),
    ("she fell from the pinnacle of the castell into the crowd", "fall_from_height"),
    ("he came off the retaining wall by the quarry, it must be five metres", "fall_from_height"),
    ("he dropped from the hayloft, about fifteen feet, onto the concrete", "fall_from_height"),
    ("he came off his motorbike on the bend and slid into the ditch", "road_traffic"),
    ("she got knocked off her bicycle by a taxi going fast", "pedestrian_struck"),
    # the vehicle smashed into something by its rider or driver
    ("my brother smashed his motorbike into a wall and he's lying by it holding his leg", "road_traffic"),
    ("she wrapped her car round a tree on the back road, she's cut her head", "road_traffic"),
    ("he steered the van straight into the crash barrier and his knee is swollen", "road_traffic"),
])
def test_high_risk_mechanisms_are_still_heard(text, mechanism):
    assert mechanism in find_mechanisms(text)
    assert not find_red_flags(text)  # a mechanism alone is never a red flag


@pytest.mark.parametrize("text", ["he fell from the wall, barely a metre, and hurt his wrist",
                                  "she slipped down two metres of the bank, not high"])
def test_a_low_height_said_is_no_fall_from_height(text):
    assert "fall_from_height" not in find_mechanisms(text)
