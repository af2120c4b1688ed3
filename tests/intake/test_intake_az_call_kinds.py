"""A whole call spent set az showed (issue 14), in the team's own words: a fever's shivering likened to a fit in the
complaint ("shaking like a fit under the blankets, teeth chattering") ended the call as a seizure before the danger-sign
question could ask. Told with what shows it is no fit (chattering teeth, feeling cold, talking), the likeness is no
flag; the danger-sign question still asks, and a fit said there is one."""

import pytest

from tests.support.dialogue import run_call, scenario_call

CALLER = "+447700900123"


def _shivers_call(danger_signs: str, expect: dict) -> dict:
    answers = {"who": "my wife", "who_confirm": "no, my wife",
               "complaint": "she has a high temperature and she is trembling like a fit under the duvet, her teeth "
                            "are chattering, she says she's freezing",
               "danger_signs": danger_signs, "age": "thirty-eight", "walk": "yes, she got up and walked to the kitchen",
               "duration": "since lunchtime", "severity": "five", "medications": "ibuprofen", "allergies": "no"}
    return scenario_call("az-kind-shivers", answers, expect, caller=CALLER)


def test_shivers_likened_to_a_fit_are_no_seizure():
    record, wrong = run_call(_shivers_call("no, no fit, she's just shivering and talking to me",
                                           {"red_flags": [], "start_category": "GREEN"}))
    assert "seizure" not in record["red_flags"] and record["start_category"] == "GREEN", (record, wrong)


@pytest.mark.parametrize("said", ["yes, now she's gone stiff and jerking and not answering me",
                                  "yes, her eyes rolled back and her arms and legs are jerking"])
def test_a_fit_told_at_the_danger_sign_question_is_one(said):
    record, _ = run_call(_shivers_call(said, {"red_flags": ["seizure"]}))
    assert "seizure" in record["red_flags"] and record["urgency"] == "emergency", record


# A fit's own signs raise the child's danger sign only for a child; one named as a baby or a toddler at "who" is one,
# before the age is asked.
@pytest.mark.parametrize("who, child_sign", [("my baby girl", True), ("our toddler", True), ("my wife", False)])
def test_a_fit_after_who_names_a_baby_is_also_the_childs_danger_sign(who, child_sign):
    answers = {"who": who, "who_confirm": "no, not me", "complaint": "her eyes rolled back and she is twitching all over",
               "age": "I don't know"}
    record, _ = run_call(scenario_call("az-kind-fit-after-who", answers, {"red_flags": ["seizure"]}, caller=CALLER))
    assert "seizure" in record["red_flags"]
    assert ("child_danger_signs" in record["red_flags"]) == child_sign, record
