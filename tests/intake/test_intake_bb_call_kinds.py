"""Two kinds spent set bb's whole calls showed, tested in the team's own words.

A danger-signs answer that names a sign only as the patient's unchanged baseline, with neither yes nor no in it ("her
mouth is a little crooked but that's from her stroke three years ago, it's the same as always"), is a no: the rules have
read it for anything new, and it must not be taken as a half-yes and raise a START call to an emergency. Anything new,
worse or sudden in it keeps it a sign. And yellow oleander seeds told by a local name at the harm question are a poisoning.
"""

import pytest

from intake.dialogue import Dialogue
from intake.models import Category
from tests.support.dialogue import run_call, scenario_call

_START_YELLOW = {"age": "seventy-eight", "walk": "no", "breathing": "yes", "resp_count": "four", "pulse": "yes",
                 "perfusion": "yes", "commands": "yes, she squeezed my hand", "duration": "half an hour",
                 "medications": "her pressure tablets", "allergies": "none"}


@pytest.mark.parametrize("said", [
    "her face is a bit bent on one side, that's from the stroke four years back, it's the same as always, she's chatting",
    "uska munh thoda tedha hai, purane stroke se, same as always, baat theek kar rahi hai",
    "his left hand is a little weak for years since the stroke, nothing new, he's talking to me",
])
def test_a_sign_told_as_the_unchanged_baseline_keeps_the_call_on_start(said):
    call = scenario_call("bb-kind-baseline", {"who": "my grandmother", "who_confirm": "no, my grandmother",
                                              "complaint": "she slipped off the bed and hurt her hip, she can't get up",
                                              "danger_signs": said, **_START_YELLOW},
                         {"start_category": "YELLOW", "urgency": "urgent", "red_flags": [], "protocol": "START"},
                         caller="+923001234999")
    record, wrong = run_call(call)
    assert not wrong, (wrong, record["red_flags"])


@pytest.mark.parametrize("said", [
    "her face droops from the old stroke, same as always, but now she can not talk",
    "his face is a bit crooked like always and today his arm is weak too",
    "maybe a little crooked, same as always, but it started again suddenly this morning",
])
def test_something_new_beside_the_baseline_is_still_an_emergency(said):
    d = Dialogue(channel="text", region="PK")
    d.start()
    for answer in ("my grandmother", "no, my grandmother", "she slipped off the bed and hurt her hip", said):
        d.answer(answer)
        if d.finished:
            break
    assert d.result.red_flags and d.result.start_category in (None, Category.RED)


@pytest.mark.parametrize("said", [
    "yes, he ate kaneru seeds, the yellow flowers' tree, after they argued",
    "haan, bhai ne kaner ke beej kha liye",
    "yes she swallowed arali seeds from the temple garden",
])
def test_oleander_seeds_at_the_harm_question_are_a_poisoning(said):
    call = scenario_call("bb-kind-oleander", {"who": "my brother", "who_confirm": "no, my brother",
                                              "complaint": "he keeps vomiting and says he is dizzy",
                                              "danger_signs": "no, none of those", "harm": said, "age": "twenty-two"},
                         {"urgency": "emergency", "red_flags": ["overdose_poisoning"]}, caller="+94771234999")
    record, wrong = run_call(call)
    assert not wrong, (wrong, record["red_flags"])
