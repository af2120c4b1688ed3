"""The labelled corpus (tests/corpus): its split, the bars on the development part, and the report.

Only the development split is held to bars here: the held-out split is what CLINICAL.md reports, and a
test on it would invite tuning the rules to it.
"""

import argparse
from pathlib import Path

import pytest

from intake import cli
from intake import evaluation as ev
from intake.red_flags import find_mechanisms, find_red_flags, load_red_flags
from intake.scenarios import load_scenarios

CORPUS = Path(__file__).resolve().parents[2] / "intake" / "corpus"
RECALL_BAR, FALSE_FLAG_BAR = 0.98, 0.05


@pytest.fixture(scope="module")
def dev_items():
    return [it for it in ev.in_split(load_scenarios(CORPUS / "utterances.jsonl"), "dev") if ev.is_utterance(it)]


@pytest.fixture(scope="module")
def dev_report(dev_items):
    return ev.utterance_report(dev_items)


def test_the_split_is_fixed_by_the_id_alone_and_holds_out_about_thirty_percent():
    items = load_scenarios(CORPUS / "utterances.jsonl")
    held = [it for it in items if ev.split_of(it["id"]) == "heldout"]
    assert 0.2 < len(held) / len(items) < 0.4
    assert ev.split_of("chest_pain-lay-001") == ev.split_of("chest_pain-lay-001")
    assert {ev.split_of(f"x-{n}") for n in range(50)} == {"dev", "heldout"}


def test_the_corpus_covers_every_flag_with_positives_and_negatives():
    items = [it for it in load_scenarios(CORPUS / "utterances.jsonl") if ev.is_utterance(it)]
    ids = {f.id for f in load_red_flags()}
    assert all(set(it["flags"]) <= ids for it in items)
    for flag in ids:
        assert sum(flag in it["flags"] for it in items) >= 30, flag
    assert sum(not it["flags"] for it in items) >= 200


def test_development_split_meets_the_recall_and_false_flag_bars(dev_report):
    assert dev_report["emergency_recall"] >= RECALL_BAR, [m for m in dev_report["misses"] if m["missed"]]
    assert dev_report["false_flag_rate"] <= FALSE_FLAG_BAR


def test_every_flag_is_found_in_most_of_its_development_utterances(dev_report):
    weak = {f: row["sensitivity"] for f, row in dev_report["flags"].items() if row["sensitivity"] < 0.9}
    assert not weak


def test_a_mechanism_alone_is_recorded_but_never_a_red_flag():
    for said in ["my brother fell from the mango tree, he is sitting up and talking",
                 "there was a bus crash, my sister has a cut on her hand",
                 "a motorbike hit my son, he is crying and has scratches",
                 "he fell off the okada but he is walking"]:
        assert find_red_flags(said) == [], said
        assert find_mechanisms(said), said


def test_crashed_and_rolled_over_name_a_road_crash_only_beside_a_vehicle_or_a_person_in_it():
    for said in ["my laptop crashed and now my head is pounding", "she rolled over in bed and her back went"]:
        assert find_mechanisms(said) == [], said
    for said in ["we crashed into a wall on the way home", "the jeep rolled over twice", "the keke crashed"]:
        assert find_mechanisms(said) == ["road_traffic"], said


def test_the_report_prints_per_flag_sensitivity_and_specificity(capsys, monkeypatch, dev_report, dev_items):
    # The CLI scores the very items the module already scored (~40 s on a loaded 2-core machine): it is given that
    # report for them, and any other items are scored afresh. What is tested here is what the CLI reads and prints.
    score = ev.utterance_report
    monkeypatch.setattr(ev, "utterance_report", lambda items, *a, **kw: (
        dev_report if not a and not kw and items == dev_items else score(items, *a, **kw)))
    args = argparse.Namespace(scenarios=CORPUS / "utterances.jsonl", split="dev", report=True, json=False)
    cli.run(args)
    out = capsys.readouterr().out
    assert "| flag | positives | sensitivity | negatives | specificity |" in out
    assert all(f"| {f.id} |" in out for f in load_red_flags())


def test_the_call_report_prints_the_start_confusion_matrix(capsys):
    args = argparse.Namespace(scenarios=CORPUS / "calls.jsonl", split="dev", report=True, json=False)
    cli.run(args)
    out = capsys.readouterr().out
    assert "| expected \\ got | GREEN | YELLOW | RED | BLACK | None |" in out
    assert "emergencies that reached the emergency number" in out


def test_flag_rate_counts_the_turns_of_real_speech_that_raise_a_flag(tmp_path, capsys):
    texts = tmp_path / "speech.jsonl"
    texts.write_text('{"id": "a", "text": "I have had a cough for a week"}\n'
                     '{"id": "b", "text": "he is not breathing"}\n', encoding="utf-8")
    parser = argparse.ArgumentParser()
    cli.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["flag-rate", "--texts", str(texts), "--list"])
    args.func(args)
    out = capsys.readouterr().out
    assert "b not_breathing: 'he is not breathing'" in out
    assert "1 of 2 turns raised a red flag (50.0%)" in out


def test_the_call_report_leaves_unclear_calls_out_of_the_clear_figure_and_tells_escalating_false_flags_apart():
    def call(kind, category, urgency, flags=()):
        return {"kind": kind, "expect": {"start_category": category, "urgency": urgency, "red_flags": list(flags)}}

    scenarios = [call("start_clear", "GREEN", "routine"), call("start_unclear", "RED", "emergency"),
                 call("no_answer", None, "urgent"), call("no_flag", "YELLOW", "urgent"),
                 call("start_clear", "RED", "emergency")]
    records = [{"start_category": "GREEN", "red_flags": []}, {"start_category": "YELLOW", "red_flags": []},
               {"start_category": None, "red_flags": []}, {"start_category": "RED", "red_flags": ["stroke"]},
               {"start_category": "RED", "red_flags": ["unconscious"]}]
    report = ev.call_report(scenarios, records)
    assert report["category_accuracy_clear"] == round(2 / 3, 4)  # the unclear and silent calls are not "clear"
    assert report["false_flag_calls"] == "2/5"
    assert report["false_flag_escalations"] == "1/5"  # the RED call's extra flag raised nothing START had not
