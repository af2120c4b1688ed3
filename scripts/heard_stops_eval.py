"""Red flags read over the heard text with the recogniser's punctuation normalised: re-scores nbest's decodes.

Issue 14, after branch `nbest`: Whisper's full stops and commas are its guess, not the caller's, and the rules bound a
sign's scope (what denies, ends or resolves it) by sentences. This reads the top-1 heard text of each decoded turn
(`scripts/nbest_eval.py decode`'s JSON; no N-best) and, for comparison, the same lines' text as written (what a
typed caller sends), under designs fixed before any figure was read:

    PYTHONPATH=$PWD .venv/bin/python scripts/heard_stops_eval.py /tmp/nbest/spent.json

(1) as today; (2) every sentence end (".", "?", "!", "...") inside the turn turned into "," (the last one kept);
(3) all punctuation removed (apostrophes and hyphens inside words and a decimal point between digits kept);
(4a) a flag kept only where (1) and (2) both read it; (4b) a flag read by (1) or (2). Prints emergency recall,
every expected flag and false flags on no-flag lines, spoken turns (kind != whatsapp) and all, pooled and per set.
Spent sets only: the held-out sets' names are refused.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.nbest_eval import HELD_OUT, TYPED_KIND, _flags, figures_by_group, print_figures  # noqa: E402

# A sentence end: a run of . ? ! (an ellipsis too) followed by more words (a decimal point is followed by a digit).
_INNER_END = re.compile(r"[.?!…]+(?=\s+\S)")
# Punctuation that is not part of a word: everything but letters, digits, spaces, and ' - . between word characters.
_PUNCT = re.compile(r"(?<!\w)['\-]|['\-](?!\w)|(?<!\d)\.|\.(?!\d)|[^\w\s'\-.]")


def stops_to_commas(text: str) -> str:
    """Every sentence end inside `text` read as a comma ("It stopped. Lol, anyway" -> "It stopped, Lol, anyway")."""
    return _INNER_END.sub(",", text.strip())


def no_punctuation(text: str) -> str:
    """`text` with no punctuation but apostrophes and hyphens inside words and decimal points ("3.5")."""
    return re.sub(r"\s+", " ", _PUNCT.sub(" ", text)).strip()


def designs(field: str) -> dict:
    """The designs over one field of a turn: "heard" (top-1 through the phone line) or "text" (as written)."""
    def today(turn):
        return _flags(turn, turn[field])

    def commas(turn):
        return _flags(turn, stops_to_commas(turn[field]))

    def bare(turn):
        return _flags(turn, no_punctuation(turn[field]))

    return {
        "(1) as today": today,
        "(2) stops -> commas": commas,
        "(3) no punctuation": bare,
        "(4a) (1) and (2) agree": lambda turn: today(turn) & commas(turn),
        "(4b) (1) or (2)": lambda turn: today(turn) | commas(turn),
    }


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("hypotheses", type=Path)
    p.add_argument("--changed", metavar="DESIGN", help="list the heard turns whose flags this design changes")
    p.add_argument("--steadiness", action="store_true",
                   help="also: how often the top-1 and the beam's 5 hypotheses read different flags, per normalisation")
    args = p.parse_args()
    turns = [t for t in json.loads(args.hypotheses.read_text(encoding="utf-8"))["turns"] if t["set"] not in HELD_OUT]
    for field, title in (("heard", "HEARD (top-1 through the phone line)"), ("text", "TEXT AS WRITTEN (same lines)")):
        found = {name: [d(t) for t in turns] for name, d in designs(field).items()}
        print(f"\n===== {title}")
        print_figures(figures_by_group(turns, found), width=24)
        if args.changed and field == "heard":
            for t, base, alt in zip(turns, found["(1) as today"], found[args.changed]):
                if base != alt:
                    print(f"\n{t['id']} want {t['flags']} (1) {sorted(base)} -> {sorted(alt)}\n  said:  {t['text']}"
                          f"\n  heard: {t['heard']}")
    if args.steadiness:
        _steadiness(turns)
    return 0


def _steadiness(turns: list[dict]) -> None:
    """A measure, not a design: turns whose top-1 and 5 beam hypotheses do not all read the same flags."""
    print("\n===== STEADINESS (top-1 and the beam's 5 hypotheses, spoken turns)")
    spoken = [t for t in turns if t["kind"] != TYPED_KIND]
    for name, norm in (("(1) as today", str.strip), ("(2) stops -> commas", stops_to_commas),
                       ("(3) no punctuation", no_punctuation)):
        texts = [[norm(t["heard"]), *(norm(a["heard"]) for a in t["alternatives"])] for t in spoken]
        distinct_texts = sum(len(set(x)) > 1 for x in texts)
        unsteady = sum(len({frozenset(_flags(t, x)) for x in xs}) > 1 for t, xs in zip(spoken, texts))
        print(f"  {name:24} hypotheses not all the same text {distinct_texts:>3}/{len(spoken)};"
              f" not all the same flags {unsteady:>3}/{len(spoken)} ({100 * unsteady / len(spoken):.1f}%)")


if __name__ == "__main__":
    raise SystemExit(main())
