"""Scoring red flags and START against a labelled corpus: per-flag sensitivity and specificity, the confusion matrix.

The corpus (tests/corpus/) has two kinds of line: utterances `{"id", "text", "flags", "mechanism", "kind",
"child", "context"}` and whole calls in the scenario format. A stable hash of each id puts about 30 % of
it in a held-out split that nobody tunes the rules on; figures in CLINICAL.md come from that split.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from intake.red_flags import find_mechanisms, find_red_flags, load_red_flags

HELD_OUT_PERCENT = 30
SPLITS = ("all", "dev", "heldout")
CATEGORIES = ("GREEN", "YELLOW", "RED", "BLACK", None)


def split_of(item_id: str) -> str:
    """'heldout' or 'dev', fixed by the id alone so that adding lines never moves old ones."""
    bucket = int(hashlib.sha256(f"triageline-corpus:{item_id}".encode()).hexdigest(), 16) % 100
    return "heldout" if bucket < HELD_OUT_PERCENT else "dev"


def in_split(items: Iterable[dict], split: str) -> list[dict]:
    """The items of one split ('all' keeps everything)."""
    return [it for it in items if split == "all" or split_of(str(it["id"])) == split]


def is_utterance(item: dict) -> bool:
    """An utterance line (text and its flags), as opposed to a whole call."""
    return "text" in item and "answers" not in item


def detect(item: dict, text: str | None = None) -> tuple[list[str], list[str]]:
    """(flags, mechanisms) found in an utterance; `text` replaces its words (what ASR heard)."""
    said = item["text"] if text is None else text
    child = item.get("child")
    flags = find_red_flags(said, context=item.get("context") or "", child=False if child is False else child)
    return flags, find_mechanisms(said)


def flag_table(items: list[dict], found: list[list[str]]) -> dict[str, dict]:
    """Per flag: true and false positives and negatives, sensitivity and specificity."""
    out = {}
    for flag in [f.id for f in load_red_flags()]:
        tp = fn = fp = tn = 0
        for item, got in zip(items, found):
            want = flag in item.get("flags", [])
            has = flag in got
            tp += want and has
            fn += want and not has
            fp += has and not want
            tn += not want and not has
        out[flag] = {"tp": tp, "fn": fn, "fp": fp, "tn": tn,
                     "sensitivity": tp / (tp + fn) if tp + fn else None,
                     "specificity": tn / (tn + fp) if tn + fp else None}
    return out


def utterance_report(items: list[dict], heard: Callable[[dict], str] | None = None) -> dict:
    """Scores over utterances: per-flag table, any-flag recall, false-flag rate, mechanism recall, misses."""
    found, mechanisms, misses = [], [], []
    for item in items:
        flags, mech = detect(item, heard(item) if heard else None)
        found.append(flags)
        mechanisms.append(mech)
        want = set(item.get("flags", []))
        if want - set(flags) or (set(flags) - want):
            misses.append({"id": item["id"], "kind": item.get("kind"), "text": item["text"],
                           "heard": heard(item) if heard else None,
                           "missed": sorted(want - set(flags)), "extra": sorted(set(flags) - want)})
    positives = [i for i, it in enumerate(items) if it.get("flags")]
    negatives = [i for i, it in enumerate(items) if not it.get("flags")]
    mech_pos = [i for i, it in enumerate(items) if it.get("mechanism")]
    mech_flagged = [i for i in mech_pos if not items[i].get("flags") and found[i]]
    return {
        "n": len(items),
        "flags": flag_table(items, found),
        # An emergency is caught when any flag fires: the caller then hears the emergency number.
        "emergency_recall": _share(sum(bool(found[i]) for i in positives), len(positives)),
        "all_flags_recall": _share(sum(set(items[i]["flags"]) <= set(found[i]) for i in positives), len(positives)),
        "false_flag_rate": _share(sum(bool(found[i]) for i in negatives), len(negatives)),
        "mechanism_recall": _share(sum(bool(mechanisms[i]) for i in mech_pos), len(mech_pos)),
        "mechanism_alone_flagged": len(mech_flagged),
        "by_kind": _by_kind(items, found),
        "misses": misses,
    }


def _by_kind(items: list[dict], found: list[list[str]]) -> dict[str, dict]:
    right: Counter = Counter()
    total: Counter = Counter()
    for item, got in zip(items, found):
        kind = item.get("kind", "?")
        total[kind] += 1
        right[kind] += set(got) == set(item.get("flags", [])) or (bool(got) and bool(item.get("flags")))
    return {k: {"n": total[k], "right": right[k]} for k in sorted(total)}


# Call kinds whose answers are unclear or missing by design (the team's and the outside authors' names): their
# category is SAFETY.md's urgent side, not START read from clear answers, so they stay out of the "clear" figure.
UNCLEAR_KINDS = frozenset({"ambiguous_counts_ages", "silence_and_partial", "start_unclear", "no_answer"})


def call_report(scenarios: list[dict], records: list[dict]) -> dict:
    """Scores over whole calls: START confusion matrix, emergencies that reached the number, false flags. A false flag
    on a call is counted twice: any flag at all, and a flag that raised the call to an emergency its answers alone
    (START) did not make; the second is the false alarm a caller and an ambulance service pay for."""
    matrix: dict[str, Counter] = defaultdict(Counter)
    clear_right = clear_total = emergencies = reached = negatives = flagged = escalated = 0
    for scenario, record in zip(scenarios, records):
        expect = scenario.get("expect", {})
        if "start_category" in expect:
            matrix[str(expect["start_category"])][str(record["start_category"])] += 1
            if scenario.get("kind") not in UNCLEAR_KINDS:
                clear_total += 1
                clear_right += expect["start_category"] == record["start_category"]
        if expect.get("red_flags"):
            emergencies += 1
            reached += bool(record["red_flags"])
        elif "red_flags" in expect:
            negatives += 1
            flagged += bool(record["red_flags"])
            escalated += bool(record["red_flags"]) and expect.get("urgency") not in (None, "emergency")
    return {
        "calls": len(scenarios),
        "confusion": {want: dict(got) for want, got in matrix.items()},
        "category_accuracy_clear": _share(clear_right, clear_total),
        "emergencies_reached": f"{reached}/{emergencies}",
        "false_flag_calls": f"{flagged}/{negatives}",
        "false_flag_escalations": f"{escalated}/{negatives}",
    }


def _share(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def format_flag_table(report: dict) -> str:
    """The per-flag table as Markdown."""
    lines = ["| flag | positives | sensitivity | negatives | specificity |", "|---|---|---|---|---|"]
    for flag, row in report["flags"].items():
        pos, neg = row["tp"] + row["fn"], row["tn"] + row["fp"]
        sens = "n/a" if row["sensitivity"] is None else f"{row['sensitivity']:.3f} ({row['tp']}/{pos})"
        spec = "n/a" if row["specificity"] is None else f"{row['specificity']:.3f} ({row['tn']}/{neg})"
        lines.append(f"| {flag} | {pos} | {sens} | {neg} | {spec} |")
    return "\n".join(lines)


def format_call_summary(report: dict) -> str:
    """The whole-call figures of `call_report` as one line, the same for text (`eval-dialogue`) and audio (`call`)."""
    clear = report["category_accuracy_clear"]
    return (f"START category on clear answers {'n/a' if clear is None else f'{clear:.1%}'}; emergencies that reached "
            f"the emergency number {report['emergencies_reached']}; calls without a red flag that were flagged "
            f"{report['false_flag_calls']} (raised to an emergency by the flag: {report['false_flag_escalations']})")


def format_confusion(report: dict) -> str:
    """The START confusion matrix as Markdown: rows expected, columns got."""
    cols = [str(c) for c in CATEGORIES]
    lines = ["| expected \\ got | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for want in cols:
        row = report["confusion"].get(want)
        if row:
            lines.append(f"| {want} | " + " | ".join(str(row.get(c, 0)) for c in cols) + " |")
    return "\n".join(lines)
