"""Score the heard texts of `triage eval-audio --transcripts T` again with the rules as they stand now.

A run through audio takes 10-15 minutes; the rules change in seconds. This reads the transcripts an earlier run
wrote, joins each to its corpus line by id (labels, child, context) and scores the same turns twice, as written and
as heard, so a change to the flag reading is measured on the very texts Whisper made:

    PYTHONPATH=$PWD .venv/bin/python scripts/heard_score.py --corpus intake/corpus/blind_o_utterances.jsonl T [--lost]

--lost lists the turns whose emergency the text catches and the heard text does not, and the no-flag turns only the
heard text flags (what to sort into kinds). Never point it at a held-out set's transcripts: the list prints lines.
The figures are given twice: over every transcribed turn, and over the spoken turns only. A `whatsapp` turn is
written as people type ("pls", "dnt", "stopd breathin"): read aloud by a synthetic voice it is no caller's speech, and
what Whisper makes of "PLS" measures the test, not the line. It belongs to the text channel's figures.
--recorrect scores each turn's raw decode corrected by this tree's corrector (stt/correction.py and its lexicon), not the
corrected text the run stored: a lexicon change is measured on the same decodes, without a new run through audio.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from intake import evaluation as ev  # noqa: E402
from intake.scenarios import load_scenarios  # noqa: E402


def scored(corpus: Path, transcripts: Path, recorrect: bool = False) -> dict:
    """Text and heard reports over the transcribed turns, and the turns that differ."""
    by_id = {it["id"]: it for it in load_scenarios(corpus) if ev.is_utterance(it)}
    correct = _corrector() if recorrect else None
    heard = {}
    for line in transcripts.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if correct:
                row["heard"] = correct(row["raw"])
            heard[row["id"]] = row
    every = [by_id[i] for i in heard if i in by_id]
    out = _reports(every, heard)
    out["spoken"] = _reports([it for it in every if it.get("kind") != TYPED_KIND], heard)
    return out


TYPED_KIND = "whatsapp"


def _reports(items: list[dict], heard: dict) -> dict:
    """The same turns scored as written and as heard, and those the two readings disagree on."""
    negatives = {it["id"] for it in items if not it.get("flags")}
    text = ev.utterance_report(items)
    audio = ev.utterance_report(items, heard=lambda it: heard[it["id"]]["heard"])
    text_found = {m["id"]: m for m in text["misses"]}
    audio_found = {m["id"]: m for m in audio["misses"]}
    lost, invented = [], []
    for it in items:
        want = bool(it.get("flags"))
        caught_text, caught_audio = want and _any_flag(it, text_found), want and _any_flag(it, audio_found)
        if caught_text and not caught_audio:
            lost.append({"id": it["id"], "flags": it["flags"], "text": it["text"], "heard": heard[it["id"]]["heard"],
                         "raw": heard[it["id"]]["raw"]})
        if not want and it["id"] in audio_found and it["id"] not in text_found:
            invented.append({"id": it["id"], "extra": audio_found[it["id"]]["extra"], "text": it["text"],
                             "heard": heard[it["id"]]["heard"]})
    return {"n": len(items), "positives": sum(bool(it.get("flags")) for it in items),
            "text": {k: text[k] for k in ("emergency_recall", "all_flags_recall", "false_flag_rate")},
            "audio": {k: audio[k] for k in ("emergency_recall", "all_flags_recall", "false_flag_rate")},
            "audio_false_flags": sum(1 for m in audio["misses"] if m["extra"] and m["id"] in negatives),
            "lost": lost, "invented": invented}


def _corrector():
    """This tree's offline correction, as `triage eval-audio` applies it to a decode."""
    from stt.correction import MedicalCorrector

    corrector = MedicalCorrector()
    return lambda raw: corrector.correct(raw).text


def _any_flag(item: dict, misses: dict) -> bool:
    """Whether any flag fired on the turn (the caller hears the number), from its miss record if it has one."""
    miss = misses.get(item["id"])
    return miss is None or bool(miss["extra"]) or set(miss["missed"]) != set(item.get("flags", []))


def main() -> int:
    """Print the two reports' figures (and, with --lost, the turns that differ)."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", required=True, type=Path)
    p.add_argument("transcripts", type=Path)
    p.add_argument("--lost", action="store_true", help="list the turns lost or flagged only through audio")
    p.add_argument("--json", action="store_true")
    p.add_argument("--recorrect", action="store_true", help="correct the stored raw decodes again with this tree's corrector")
    args = p.parse_args()
    out = scored(args.corpus, args.transcripts, args.recorrect)
    if not args.lost:
        out = {k: v if k not in ("lost", "invented") else len(v) for k, v in out.items()}
        out["spoken"] = {k: v if k not in ("lost", "invented") else len(v) for k, v in out["spoken"].items()}
    if args.json:
        print(json.dumps(out, indent=1))
        return 0
    for label, part in (("every turn", out), (f"spoken turns (kind not {TYPED_KIND})", out["spoken"])):
        print(f"{label}: {part['n']} turns, {part['positives']} emergencies")
        for mode in ("text", "audio"):
            r = part[mode]
            print(f"  {mode:5}: emergency recall {_pct(r['emergency_recall'])}; every flag "
                  f"{_pct(r['all_flags_recall'])}; false flags {_pct(r['false_flag_rate'])}")
    if args.lost:
        for row in out["lost"]:
            print(f"LOST {row['id']} {row['flags']}\n  said:  {row['text']}\n  heard: {row['heard']}")
        for row in out["invented"]:
            print(f"ADDED {row['id']} {row['extra']}\n  said:  {row['text']}\n  heard: {row['heard']}")
    else:
        print(f"lost through audio {out['lost']} ({out['spoken']['lost']} spoken), flagged only through audio "
              f"{out['invented']} ({out['spoken']['invented']} spoken)")
    return 0


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.1%}"


if __name__ == "__main__":
    sys.exit(main())
