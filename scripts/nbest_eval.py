"""Red flags read over Whisper's N best hypotheses, not only its top one: decode once, score designs many times.

Issue 14: through a phone line tiny.en loses the one word that carries a sign ("fitting" heard "sitting"). This asks
whether the sign survives in one of the decoder's other likely hypotheses. `decode` speaks each turn as
`triage eval-audio` does (voice/harness/eval_audio.py: flite slt, 8 kHz mu-law, the complaint question as prompt, the
live path's plain + primed decodes and the correction step) and keeps today's top-1 text; then, over the very encoder
output and prompt of the plain decode, it asks CTranslate2 for N hypotheses of a beam search (`generate(beam_size=5,
num_hypotheses=N, return_scores=True)`), each put through the same correction. All of it is written once to a JSON
file:

    PYTHONPATH=$PWD .venv/bin/python scripts/nbest_eval.py decode --sets az au ay:6 aw:6 --step 3 --out H.json
    PYTHONPATH=$PWD .venv/bin/python scripts/nbest_eval.py score H.json

`score` reads the flags (intake.evaluation.detect: the line's context and child) over top-1 and over the alternatives
under each design fixed before the results were read, and prints emergency recall, every expected flag and false flags
on the no-flag lines, spoken turns only (kind != whatsapp) and all, with decode CPU per turn. Spent sets only: the
script refuses the held-out sets' names.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from intake import evaluation as ev  # noqa: E402
from intake.scenarios import load_scenarios  # noqa: E402
from scripts.held_out import HELD_OUT as _HELD  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "intake" / "corpus"
HELD_OUT = frozenset(_HELD)
TYPED_KIND = "whatsapp"
BEAM = 5


def _items(name: str, step: int) -> list[dict]:
    """Every `step`-th utterance of spent set `name`, as `eval-audio --limit` spaces them."""
    if name in HELD_OUT:
        raise SystemExit(f"set {name} is held out: never decoded or scored here")
    rows = [it for it in load_scenarios(CORPUS / f"blind_{name}_utterances.jsonl") if ev.is_utterance(it)]
    return rows[::step]


def _set_step(spec: str) -> tuple[str, int]:
    """"ay:6" -> ("ay", 6); "az" -> ("az", 0): the default step."""
    name, _, step = spec.partition(":")
    return name, int(step or 0)


def decode(args: argparse.Namespace) -> int:
    """Write each turn's top-1 (today's path) and N beam hypotheses, with CPU seconds, to args.out (resumable)."""
    chosen = [(name, _items(name, step or args.step)) for name, step in map(_set_step, args.sets)]  # refuses held-out
    from intake.prompts import PROMPTS
    from stt.correction import MedicalCorrector
    from stt.faster_whisper import LocalWhisperTranscriber, _echoes
    from stt.lexicon import bias_hints
    from stt.primed import PrimedTermsTranscriber
    from stt.synth import PHONE_RATE, synthesize

    corrector = MedicalCorrector()
    whisper = LocalWhisperTranscriber(cpu_threads=args.cpu_threads)
    transcriber = PrimedTermsTranscriber(whisper, corrector)
    hints = bias_hints(PROMPTS["complaint"].voice)
    model = whisper._model
    seen: dict = {}  # the plain decode's (encoder output, prompt, tokenizer, options), and encoder CPU

    encode, generate_with_fallback = model.encode, model.generate_with_fallback

    def timed_encode(features):
        started = time.process_time()
        out = encode(features)
        seen["encode_cpu_s"] = seen.get("encode_cpu_s", 0.0) + time.process_time() - started
        return out

    def first_call(encoder_output, prompt, tokenizer, options):
        seen.setdefault("call", (encoder_output, prompt, tokenizer, options))  # the plain decode comes first
        return generate_with_fallback(encoder_output, prompt, tokenizer, options)

    model.encode, model.generate_with_fallback = timed_encode, first_call
    done = {}
    if args.out.exists():
        done = {row["id"]: row for row in json.loads(args.out.read_text(encoding="utf-8"))["turns"]}
    turns = list(done.values())
    todo = [(name, it) for name, items in chosen for it in items if it["id"] not in done]
    for n, (name, item) in enumerate(todo, 1):
        pcm16 = synthesize(item["text"], args.voice)
        seen.clear()
        started = time.process_time()
        raw = transcriber.transcribe(pcm16, PHONE_RATE, hints).text
        top1_cpu = time.process_time() - started
        encode_cpu = seen.get("encode_cpu_s", 0.0)
        alternatives, nbest_cpu = [], 0.0
        if "call" in seen:
            encoder_output, prompt, tokenizer, options = seen["call"]
            started = time.process_time()
            result = model.model.generate(
                encoder_output, [prompt], beam_size=BEAM, num_hypotheses=args.n, patience=options.patience,
                length_penalty=options.length_penalty, repetition_penalty=options.repetition_penalty,
                no_repeat_ngram_size=options.no_repeat_ngram_size, max_length=model.max_length,
                return_scores=True, return_no_speech_prob=True, suppress_blank=options.suppress_blank,
                suppress_tokens=options.suppress_tokens,
            )[0]
            nbest_cpu = time.process_time() - started
            for tokens, score in zip(result.sequences_ids, result.scores):
                text = tokenizer.decode(tokens).strip()
                if _echoes(text, hints.initial_prompt):
                    continue
                alternatives.append({"raw": text, "heard": corrector.correct(text).text, "score": round(score, 4)})
        turns.append({
            "id": item["id"], "set": name, "kind": item.get("kind"), "flags": item.get("flags", []),
            "child": item.get("child"), "context": item.get("context") or "", "text": item["text"],
            "raw": raw, "heard": corrector.correct(raw).text, "alternatives": alternatives,
            "top1_cpu_s": round(top1_cpu, 3), "encode_cpu_s": round(encode_cpu, 3), "nbest_cpu_s": round(nbest_cpu, 3),
        })
        print(f"\r{n}/{len(todo)} turns decoded", end="", file=sys.stderr, flush=True)
        if n % 20 == 0 or n == len(todo):
            _write(args.out, turns, args)
    print(file=sys.stderr)
    _write(args.out, turns, args)
    return 0


def _write(path: Path, turns: list[dict], args: argparse.Namespace) -> None:
    """The decodes so far, atomically (a run stopped half way resumes from them)."""
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"n": args.n, "beam": BEAM, "voice": args.voice, "cpu_threads": args.cpu_threads,
                               "turns": turns}, indent=0), encoding="utf-8")
    tmp.replace(path)


# --- designs, fixed before any result was read: each returns the flags a turn's screen acts on ----------------------

_READ: dict[tuple[str, str], frozenset[str]] = {}


def _flags(turn: dict, text: str) -> set[str]:
    """The flags intake reads in `text` as this turn's line (its context and child), each text read once."""
    key = (turn["id"], text)
    if key not in _READ:
        _READ[key] = frozenset(ev.detect(turn, text)[0])
    return set(_READ[key])


def top1(turn: dict) -> set[str]:
    """Today: the top-1 heard text alone."""
    return _flags(turn, turn["heard"])


def any_of(n: int):
    """(a) top-1, or any of the beam's n best."""
    def design(turn: dict) -> set[str]:
        found = top1(turn)
        for alt in turn["alternatives"][:n]:
            found |= _flags(turn, alt["heard"])
        return found
    return design


def within(margin: float):
    """(b) top-1, or a beam hypothesis whose length-normalised log-prob is within `margin` of the beam's best."""
    def design(turn: dict) -> set[str]:
        found = top1(turn)
        alts = turn["alternatives"]
        best = max((a["score"] for a in alts), default=0.0)
        for alt in alts:
            if alt["score"] >= best - margin:
                found |= _flags(turn, alt["heard"])
        return found
    return design


def voted(k: int):
    """(c) top-1, or a flag read in at least k of the beam's hypotheses."""
    def design(turn: dict) -> set[str]:
        found = top1(turn)
        counts: dict[str, int] = {}
        for alt in turn["alternatives"]:
            for flag in _flags(turn, alt["heard"]):
                counts[flag] = counts.get(flag, 0) + 1
        return found | {f for f, c in counts.items() if c >= k}
    return design


def beam_top(turn: dict) -> set[str]:
    """Reference: the beam's best alone (the wider beam CLINICAL.md did not adopt)."""
    alts = turn["alternatives"]
    return _flags(turn, alts[0]["heard"]) if alts else set()


DESIGNS = {
    "text (as written)": lambda turn: _flags(turn, turn["text"]),
    "top-1 (today)": top1,
    "beam-5 best alone": beam_top,
    "top-1 + beam best": any_of(1),  # reference: what a second decode alone adds, before any lower hypothesis
    "(a) any of top 3": any_of(3),
    "(a) any of top 5": any_of(5),
    "(b) within 0.10": within(0.10),
    "(b) within 0.30": within(0.30),
    "(c) in >= 2 of 5": voted(2),
    "(c) in >= 3 of 5": voted(3),
}


def _figures(turns: list[dict], found: list[set[str]]) -> dict:
    pos = [i for i, t in enumerate(turns) if t["flags"]]
    neg = [i for i, t in enumerate(turns) if not t["flags"]]
    return {
        "emergencies": len(pos), "no_flag": len(neg),
        "emergency_recall": sum(bool(found[i]) for i in pos) / max(1, len(pos)),
        "every_flag": sum(set(turns[i]["flags"]) <= found[i] for i in pos) / max(1, len(pos)),
        "false_flags": sum(bool(found[i]) for i in neg) / max(1, len(neg)),
        "caught": sum(bool(found[i]) for i in pos), "false": sum(bool(found[i]) for i in neg),
    }


def figures_by_group(turns: list[dict], found: dict[str, list[set[str]]]) -> dict[str, dict]:
    """Each design's figures over the spoken turns and over all, pooled and per set: {"spoken pooled": {design: ...}}."""
    out = {}
    for scope, keep in (("spoken", lambda t: t["kind"] != TYPED_KIND), ("all", lambda t: True)):
        for group in ["pooled", *sorted({t["set"] for t in turns})]:
            idx = [i for i, t in enumerate(turns) if keep(t) and (group == "pooled" or t["set"] == group)]
            sub = [turns[i] for i in idx]
            out[f"{scope} {group}"] = {name: _figures(sub, [f[i] for i in idx]) for name, f in found.items()}
    return out


def print_figures(out: dict[str, dict], width: int) -> None:
    """One table per scope and group, a row per design."""
    for where, table in out.items():
        first = next(iter(table.values()))
        print(f"\n{where}: {first['emergencies']} emergencies, {first['no_flag']} no-flag")
        print(f"  {'design':{width}} {'emerg. recall':>14} {'every flag':>11} {'false flags':>16}")
        for name, fig in table.items():
            print(f"  {name:{width}} {100 * fig['emergency_recall']:13.1f}% {100 * fig['every_flag']:10.1f}%"
                  f" {100 * fig['false_flags']:8.1f}% ({fig['false']:>3})")


def score(args: argparse.Namespace) -> int:
    """Print each design's figures, spoken turns and all, per set and pooled; and decode CPU per turn."""
    data = json.loads(args.hypotheses.read_text(encoding="utf-8"))
    turns = [t for t in data["turns"] if t["set"] not in HELD_OUT]
    found = {name: [design(t) for t in turns] for name, design in DESIGNS.items()}
    out = figures_by_group(turns, found)
    n = max(1, len(turns))
    cpu = {key: sum(t[key] for t in turns) / n for key in ("top1_cpu_s", "encode_cpu_s", "nbest_cpu_s")}
    if args.json:
        print(json.dumps({"turns": len(turns), "cpu_per_turn": cpu, "figures": out}, indent=1))
        return 0
    print_figures(out, width=22)
    print(f"\ndecode CPU per turn ({len(turns)} turns, {data['cpu_threads']} threads): top-1 path (plain + primed)"
          f" {cpu['top1_cpu_s']:.3f} s, of it encoder {cpu['encode_cpu_s']:.3f} s;"
          f" N-best on the same encoder output +{cpu['nbest_cpu_s']:.3f} s")
    if args.lost:
        for t, base, alt in zip(turns, found["top-1 (today)"], found[args.lost]):
            if base != alt:
                print(f"\n{t['id']} want {t['flags']} top-1 {sorted(base)} -> {sorted(alt)}\n  said:  {t['text']}"
                      f"\n  top-1: {t['heard']}" + "".join(f"\n  {a['score']:7.3f} {a['heard']}" for a in t["alternatives"]))
    return 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(required=True)
    d = sub.add_parser("decode", help="synthesize, decode top-1 and N-best, write JSON")
    d.add_argument("--sets", nargs="+", required=True, help="spent set names, each with its own step if given: az au ay:6 aw:6")
    d.add_argument("--step", type=int, default=3, help="every step-th utterance of each set")
    d.add_argument("--n", type=int, default=5, help="hypotheses kept (at most the beam, 5)")
    d.add_argument("--voice", default="flite:slt")
    d.add_argument("--cpu-threads", type=int, default=2)
    d.add_argument("--out", type=Path, required=True)
    d.set_defaults(func=decode)
    s = sub.add_parser("score", help="figures per design from a decode's JSON")
    s.add_argument("hypotheses", type=Path)
    s.add_argument("--json", action="store_true")
    s.add_argument("--lost", metavar="DESIGN", help="list the turns whose flags this design changes against top-1")
    s.set_defaults(func=score)
    args = p.parse_args()
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
