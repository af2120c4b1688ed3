"""`triage eval-dialogue`: scenario files through the dialogue in text mode, scored against `expect`;
`triage eval-coding`: the ICD-11 coder on its labelled complaints."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from intake import evaluation as ev
from intake.red_flags import find_red_flags
from intake.scenarios import load_scenarios, mismatches, run_dialogue

FALSE_POSITIVE_BAR = 0.05


def register(subparsers, **context) -> None:
    """Add `eval-dialogue --scenarios FILE [--json]` to the `triage` command (context: the CLI's helpers, unused)."""
    p = subparsers.add_parser("eval-dialogue", help="run scenarios through the dialogue in text mode (no audio)")
    p.add_argument("--scenarios", required=True, type=Path, help="JSON object, JSON array or JSON Lines file")
    p.add_argument("--json", action="store_true", help="one JSON object per scenario, as `triage call --json`")
    p.add_argument("--split", choices=ev.SPLITS, default="all",
                   help="corpus split: 'heldout' is the part no rule was tuned on (CLINICAL.md reports it)")
    p.add_argument("--report", action="store_true",
                   help="per-flag sensitivity and specificity, START confusion matrix, and every miss")
    p.set_defaults(func=run)
    c = subparsers.add_parser("eval-coding", help="score the ICD-11 coder on the labelled complaints (chapter and code)")
    c.add_argument("--corpus", type=Path, default=None, help="JSON Lines of {text, red_flags, code, chapter}")
    c.add_argument("--json", action="store_true", help="the scores and every miss as one JSON object")
    c.set_defaults(func=run_coding)
    q = subparsers.add_parser("flag-rate", help="how many turns of real speech raise a red flag (PriMock57: GP consultations, nearly every flag false)")
    q.add_argument("--texts", required=True, type=Path, help="JSON Lines with a 'text' key, e.g. ../shared/data/primock57/utterances.jsonl")
    q.add_argument("--list", action="store_true", help="print every flagged turn")
    q.set_defaults(func=run_flag_rate)


def run_coding(args) -> int:
    """Print the coder's accuracy: all, the tuned part and the held-out part; the misses with --json."""
    from intake import coding_eval

    result = coding_eval.evaluate(coding_eval.load(args.corpus or coding_eval.CORPUS))
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    for split in ("all", "dev", "heldout"):
        s = result[split]
        print(f"{split:8} n={s['n']:4} code {s['code_accuracy']:.3f} chapter {s['chapter_accuracy']:.3f} "
              f"uncoded {s['uncoded']}")
    for miss in result["misses"]:
        print(f"  miss [{miss['split']}] {miss['text']!r}: want {miss['code']}, got {miss['got']}")
    return 0


def run_flag_rate(args: argparse.Namespace) -> int:
    """Count the turns with any red flag: on GP consultations (PriMock57) nearly every one is a false flag."""
    lines = [json.loads(line) for line in args.texts.read_text(encoding="utf-8").splitlines() if line.strip()]
    flagged = [(line, found) for line in lines if (found := find_red_flags(line.get("text") or ""))]
    if args.list:
        for line, found in flagged:
            print(f"{line.get('id', '')} {','.join(found)}: {line['text']!r}")
    print(f"{len(flagged)} of {len(lines)} turns raised a red flag ({_pct(len(flagged) / len(lines) if lines else None)})")
    return 0


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
    items = ev.in_split(load_scenarios(args.scenarios), args.split)
    utterances = [it for it in items if ev.is_utterance(it)]
    scenarios = [it for it in items if not ev.is_utterance(it)]
    failed = False
    if utterances:
        failed |= print_utterance_report(ev.utterance_report(utterances), args.split)
    if scenarios:
        failed |= run_scenarios(scenarios, args)
    return 1 if failed else 0


def print_utterance_report(report: dict, split: str, mode: str = "text") -> bool:
    """The utterance scores; True when any utterance was scored wrong."""
    for miss in report["misses"]:
        heard = f" (heard {miss['heard']!r})" if miss.get("heard") is not None else ""
        print(f"MISS {miss['id']} [{miss['kind']}] missed={miss['missed']} extra={miss['extra']}: "
              f"{miss['text']!r}{heard}")
    print(f"\n{report['n']} utterances ({split}, {mode})")
    print(ev.format_flag_table(report))
    print(f"\nemergency recall (any flag on an emergency) {_pct(report['emergency_recall'])}; every expected flag "
          f"{_pct(report['all_flags_recall'])}; false flags on utterances without one {_pct(report['false_flag_rate'])}; "
          f"mechanism recall {_pct(report['mechanism_recall'])}")
    print("by kind: " + ", ".join(f"{k} {v['right']}/{v['n']}" for k, v in report["by_kind"].items()))
    return bool(report["misses"])


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.1%}"


def run_scenarios(scenarios: list[dict], args: argparse.Namespace) -> bool:
    """Whole calls through the text dialogue; True when any missed its expectation."""
    report = evaluate(scenarios)
    if args.json:
        for record in report["records"]:
            print(json.dumps(record))
    else:
        for record in report["records"]:
            flags = ",".join(record["red_flags"]) or "-"
            print(f"{record['id']:<40} {record['start_category'] or '-':<7} {record['urgency']:<10} {flags}")
        for failure in report["failures"]:
            print(f"FAIL {failure['id']}: " + "; ".join(failure["problems"]))

        print(
            f"\n{report['scenarios']} scenarios, {len(report['failures'])} failed; category accuracy "
            f"{_pct(report['category_accuracy'])}; red-flag recall {_pct(report['red_flag_recall'])}; "
            f"false positives {_pct(report['false_positive_rate'])} (bar < {FALSE_POSITIVE_BAR:.0%})"
        )
        if args.report:
            calls = ev.call_report(scenarios, report["records"])
            print(ev.format_call_summary(calls))
            print(ev.format_confusion(calls))
    return bool(report["failures"])


def main(argv: list[str] | None = None) -> int:
    """Run eval-dialogue alone (`python -m intake.cli eval-dialogue ...`) until `triage` wires it."""
    parser = argparse.ArgumentParser(prog="triage")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
