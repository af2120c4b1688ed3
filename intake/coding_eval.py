"""`triage eval-coding`: the ICD-11 coder scored on a labelled set of complaints, at chapter and code level.

The set (corpus/coding.jsonl) was written by the same person who wrote the concept table, so its figures
flatter the coder: every 4th line (the held-out part) was not looked at while tuning, and is reported apart.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from intake.coding import chapter_of, code_complaint

CORPUS = Path(__file__).parent / "corpus" / "coding.jsonl"
HELD_OUT_EVERY = 4  # line numbers 4, 8, 12 …: never used to tune the table


def load(path: Path = CORPUS) -> list[dict]:
    """The labelled complaints, each with its split ('dev' or 'heldout') by line number."""
    lines = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return [{**item, "split": "heldout" if n % HELD_OUT_EVERY == 0 else "dev"} for n, item in enumerate(lines, 1)]


def _scores(records: list[dict]) -> dict:
    n = len(records)
    per_chapter = Counter(r["chapter"] for r in records)
    right_chapter = Counter(r["chapter"] for r in records if r["chapter_ok"])
    return {
        "n": n,
        "code_accuracy": round(sum(r["code_ok"] for r in records) / n, 3) if n else None,
        "chapter_accuracy": round(sum(r["chapter_ok"] for r in records) / n, 3) if n else None,
        "uncoded": sum(r["got"] is None for r in records),
        "per_chapter": {ch: {"n": per_chapter[ch], "chapter_ok": right_chapter[ch]} for ch in sorted(per_chapter)},
    }


def evaluate(items: list[dict]) -> dict:
    """Every item coded and compared; scores for all, the tuned part ('dev') and the held-out part."""
    records = []
    for item in items:
        got = code_complaint(item["text"], item.get("red_flags", []))
        code = got.code if got else None
        records.append({"text": item["text"], "split": item["split"], "code": item["code"],
                        "chapter": item.get("chapter") or chapter_of(item["code"]), "got": code,
                        "code_ok": code == item["code"],
                        "chapter_ok": code is not None and chapter_of(code) == (item.get("chapter") or chapter_of(item["code"]))})
    return {"all": _scores(records),
            "dev": _scores([r for r in records if r["split"] == "dev"]),
            "heldout": _scores([r for r in records if r["split"] == "heldout"]),
            "misses": [r for r in records if not r["code_ok"]]}
