"""`triage eval-dialogue`: scenario files through the dialogue in text mode, scored against `expect`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from intake.scenarios import load_scenarios, mismatches, run_dialogue

FALSE_POSITIVE_BAR = 0.05


def register(subparsers, **context) -> None:
    """Add `eval-dialogue --scenarios FILE [--json]` to the `triage` command (context: the CLI's helpers, unused)."""
    p = subparsers.add_parser("eval-dialogue", help="run scenarios through the dialogue in text mode (no audio)")
    p.add_argument("--scenarios", required=True, type=Path, help="JSON object, JSON array or JSON Lines file")
    p.add_argument("--json", action="store_true", help="one JSON object per scenario, as `triage call --json`")
    p.set_defaults(func=run)


def evaluate(scenarios: list[dict]) -> dict:
    """Per-scenario records and the scores: category accuracy, red-flag recall, false-positive rate."""
    records, failures = [], []
    flags_expected = flags_found = negatives = false_positives = correct = scored = 0
    for scenario in scenarios:
        record, dialogue = run_dialogue(scenario)
        records.append(record)
        expect = scenario.get("expect", {})
        if "start_category" in expect:
            scored += 1
            correct += expect["start_category"] == record["start_category"]
        want = set(expect.get("red_flags", []))
        flags_expected += len(want)
        flags_found += len(want & set(record["red_flags"]))
        if "red_flags" in expect and not want:
            negatives += 1
            false_positives += bool(record["red_flags"])
        problems = mismatches(scenario, record, dialogue)
        if problems:
            failures.append({"id": record["id"], "problems": problems})
    return {
        "records": records,
        "failures": failures,
        "scenarios": len(scenarios),
        "category_accuracy": correct / scored if scored else None,
        "red_flag_recall": flags_found / flags_expected if flags_expected else None,
        "false_positive_rate": false_positives / negatives if negatives else None,
    }


def run(args: argparse.Namespace) -> int:
    """Print the run; exit 1 when any scenario misses its expectation."""
    report = evaluate(load_scenarios(args.scenarios))
    if args.json:
        for record in report["records"]:
            print(json.dumps(record))
    else:
        for record in report["records"]:
            flags = ",".join(record["red_flags"]) or "-"
            print(f"{record['id']:<40} {record['start_category'] or '-':<7} {record['urgency']:<10} {flags}")
        for failure in report["failures"]:
            print(f"FAIL {failure['id']}: " + "; ".join(failure["problems"]))

        def pct(x: float | None) -> str:
            return "n/a" if x is None else f"{x:.1%}"

        print(
            f"\n{report['scenarios']} scenarios, {len(report['failures'])} failed; category accuracy "
            f"{pct(report['category_accuracy'])}; red-flag recall {pct(report['red_flag_recall'])}; "
            f"false positives {pct(report['false_positive_rate'])} (bar < {FALSE_POSITIVE_BAR:.0%})"
        )
    return 1 if report["failures"] else 0


def main(argv: list[str] | None = None) -> int:
    """Run eval-dialogue alone (`python -m intake.cli eval-dialogue ...`) until `triage` wires it."""
    parser = argparse.ArgumentParser(prog="triage")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
