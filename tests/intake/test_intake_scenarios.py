"""Scenario files and `triage eval-dialogue`: formats, answer scripts, and the corpus bars."""

import argparse
import json
from pathlib import Path

import pytest

from intake import cli
from intake.scenarios import answers_for, load_scenarios, run_text
from voice.harness import EXAMPLES

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
ONE = {"id": "one", "caller": "+2348031234567", "answers": {"who": "someone else", "walk": "yes"},
       "default": "I don't know", "expect": {"start_category": "GREEN"}}


@pytest.mark.parametrize("form", ["object", "array", "lines"])
def test_load_scenarios_reads_all_three_forms(tmp_path, form):
    two = [ONE, {**ONE, "id": "two"}]
    text = {"object": json.dumps(ONE), "array": json.dumps(two),
            "lines": "\n".join(json.dumps(s) for s in two) + "\n\n"}[form]
    path = tmp_path / "s.json"
    path.write_text(text)
    assert [s["id"] for s in load_scenarios(path)] == (["one"] if form == "object" else ["one", "two"])


def test_json_lines_keep_unicode_line_separators_inside_an_answer(tmp_path):
    silent = {**ONE, "id": "silent", "answers": {"who": "\u2028 \u0085 \u3000"}}
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps(silent, ensure_ascii=False) + "\n" + json.dumps(ONE) + "\n", encoding="utf-8")
    loaded = load_scenarios(path)
    assert [s["id"] for s in loaded] == ["silent", "one"]
    assert loaded[0]["answers"]["who"] == "\u2028 \u0085 \u3000"


def test_answers_for_consumes_lists_repeats_the_last_and_falls_back_to_default():
    nxt = answers_for({"answers": {"walk": ["hmm", "no"], "age": "40"}, "default": "dunno"})
    assert [nxt("walk"), nxt("walk"), nxt("walk")] == ["hmm", "no", "no"]
    assert nxt("age") == "40" and nxt("photo") == "dunno"


def test_run_text_record_has_the_call_json_shape():
    record = run_text(ONE)
    assert set(record) == {"id", "case_id", "start_category", "urgency", "red_flags", "prompts", "turns", "sms"}
    assert record["start_category"] == "GREEN" and record["case_id"] is None and record["sms"] == []
    assert record["prompts"][:2] == ["disclaimer", "who"] and record["prompts"][-1] == "closing"
    assert record["turns"][0] == {"prompt_id": "who", "heard": "someone else", "latency_ms": 0}


def test_examples_are_the_six_clear_categories_and_all_pass():
    scenarios = load_scenarios(EXAMPLES)
    assert len(scenarios) == 6
    assert sorted(s["expect"]["start_category"] for s in scenarios) == sorted(
        ["GREEN", "YELLOW", "RED", "RED", "RED", "BLACK"])
    report = cli.evaluate(scenarios)
    assert report["failures"] == []


def test_corpus_meets_the_bars():
    scenarios = load_scenarios(SCENARIOS / "corpus.jsonl")
    report = cli.evaluate(scenarios)
    assert report["failures"] == []
    assert report["category_accuracy"] == 1.0
    assert report["red_flag_recall"] == 1.0
    assert report["false_positive_rate"] < cli.FALSE_POSITIVE_BAR
    flagged = {f for s in scenarios for f in s["expect"]["red_flags"]}
    from intake.red_flags import load_red_flags
    assert flagged == {f.id for f in load_red_flags()}  # every red flag is in the corpus
    prompts = {p for r in report["records"] for p in r["prompts"]}
    assert {"reposition", "pulse", "rescue_breaths", "perfusion", "commands", "avpu", "cpr", "emergency"} <= prompts


def test_cli_json_prints_one_object_per_scenario_and_exit_code(tmp_path, capsys):
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps(ONE) + "\n" + json.dumps({**ONE, "id": "wrong", "expect": {"start_category": "RED"}}))
    parser = argparse.ArgumentParser()
    cli.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["eval-dialogue", "--scenarios", str(path), "--json"])
    assert args.func(args) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["one", "wrong"]
    args = parser.parse_args(["eval-dialogue", "--scenarios", str(path)])
    assert args.func(args) == 1
    out = capsys.readouterr().out
    assert "FAIL wrong: start_category: expected RED, got GREEN" in out and "category accuracy 50.0%" in out
    path.write_text(json.dumps(ONE))
    assert cli.main(["eval-dialogue", "--scenarios", str(path)]) == 0
