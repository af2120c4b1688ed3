"""The learned red-flag reader behind the rules: same numbers as scikit-learn, adds what the rules miss, never
removes a rule's flag, and stays quiet on denials, short answers and history."""

import json
from pathlib import Path

import pytest

from intake import learned_flags
from intake.red_flags import find_red_flags
from intake.scenarios import run_dialogue

GOLDEN = Path(__file__).with_name("data") / "learned_flags_golden.json"
CORPUS = Path(__file__).resolve().parents[2] / "intake" / "corpus"


def test_probabilities_match_scikit_learn_on_the_golden_texts():
    rows = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert len({r["text"] for r in rows}) >= 50
    for r in rows:
        assert learned_flags.probabilities(r["text"])[r["flag"]] == pytest.approx(r["probability"], abs=1e-6), r


def test_the_weights_ship_small():
    assert learned_flags.DATA_FILE.stat().st_size <= 2_000_000


# Written for this test (not corpus lines): signs in words the rules' concept lists do not reach.
@pytest.mark.parametrize("text, flag", [
    ("the pan of oil went over and his whole arm has gone white and waxy", "severe_burns"),
    ("I've written goodbye to everyone and I'm so tired", "suicidal"),
    ("the oil spat out of the wok and the skin on her face and neck has gone white and come off", "severe_burns"),
])
def test_adds_a_flag_the_rules_miss(text, flag):
    assert flag not in find_red_flags(text, learned=False)
    assert flag in find_red_flags(text)


@pytest.mark.parametrize("text", [
    # short answers to the dialogue's questions
    "No, not at all.",
    "On the left side.",
    "Yes, he is.",
    "No, nothing.",
    # denials and history said in a whole sentence
    "There is no pain in my chest and I am not short of breath at all",
    "He has not had a fit and he is breathing normally, it is just a high temperature",
    "My grandfather died of a heart attack ten years ago, I am calling about my own sore knee",
    "She had a stroke three years ago and she is fine, today it is her cough",
    "What should I do if he ever stops breathing in his sleep?",
    # the pregnancy alone, which a pregnancy emergency requires, is not the sign
    "My wife is twenty weeks pregnant and she has had a heavy cold all week",
])
def test_quiet_on_denials_short_answers_and_history(text):
    assert find_red_flags(text) == find_red_flags(text, learned=False) == []


@pytest.mark.parametrize("item", [json.loads(s) for s in (CORPUS / "blind_h_utterances.jsonl").read_text(
    encoding="utf-8").splitlines()[::7]], ids=lambda it: it["id"])
def test_never_removes_a_rule_flag(item):
    rules = find_red_flags(item["text"], learned=False)
    with_reader = find_red_flags(item["text"])
    assert with_reader[: len(rules)] == rules


TEXTBOOK_CALLS = [json.loads(s) for s in (CORPUS / "calls.jsonl").read_text(encoding="utf-8").splitlines()
                  if '"textbook' in s or '"start_clear"' in s][:6]


@pytest.mark.parametrize("call", TEXTBOOK_CALLS, ids=lambda c: c["id"])
def test_a_textbook_call_goes_exactly_as_with_the_rules_alone(call, monkeypatch):
    with_reader, _ = run_dialogue(call)
    monkeypatch.setattr(learned_flags, "proposals", lambda *a, **k: [])
    rules_alone, _ = run_dialogue(call)
    assert with_reader == rules_alone


@pytest.mark.parametrize("said, added", [
    ("my uncle is lying on the kitchen floor and looks very grey", True),
    ("he's breathing but he's gone somewhere else, his eyes are open and he won't answer me", False),
])
def test_the_cpr_flag_is_never_the_readers_for_a_patient_said_to_breathe(said, added, monkeypatch):
    def proposes_not_breathing(text, found, *args, **kwargs):
        first_word = text.split()[0]
        return [("not_breathing", [(0, len(first_word))])]

    monkeypatch.setattr(learned_flags, "proposals", proposes_not_breathing)
    assert ("not_breathing" in find_red_flags(said)) == added
