"""`triage tts-eval`: can a caller understand what the line says? Every prompt through the voice, the phone, Whisper.

Each prompt the dialogue can say (both pronoun forms, re-asks, keypad offers, the disclaimer and the endings
with a sample emergency number per region) is rendered by the configured prompt engine, which already hands
back the 8 kHz mu-law a phone carries; that is decoded as the far end would (voice/codec.py) and transcribed by
the project's local Whisper (tiny.en) with no hint of the expected words. Reported per prompt and overall: the
round-trip word error rate, and the key words lost (the number to dial, "not a doctor", "not medical advice",
the question's key verb). Intelligibility measured, not taste.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sys
import time
from collections.abc import Iterable

import jiwer

from voice.prompt_texts import PromptText, spoken_prompts

TARGET_WER = 0.05
# Where the callers are, and regions whose numbers or notes are unusual (000, 998, five digits).
SAMPLE_REGIONS = ("NG", "IN", "PH", "US", "GB", "AU", "AE", "ZA")
DISCLAIMER_WORDS = ("not a doctor", "not medical advice")
# The words of each prompt a caller must not miss, in scoring form; a prompt requires those its text contains.
KEY_WORDS: dict[str, tuple[str, ...]] = {
    "disclaimer": DISCLAIMER_WORDS,
    "who": ("calling", "someone else", "who needs help"),
    "who_confirm": ("person", "ill", "hurt"),
    "complaint": ("happening", "problem"),
    "danger_signs": ("chest", "bleeding", "yes or no"),
    "harm": ("swallowed", "medicine"),
    "age": ("how old", "age"),
    "walk": ("walk",),
    "breathing": ("breathing", "chest"),
    "reposition": ("tilt", "breathing", "chest"),
    "pulse": ("pulse", "beat"),
    "jump_pulse": ("pulse",),
    "rescue_breaths": ("rescue breaths", "breathing"),
    "count_start": ("count", "counting"),
    "resp_count": ("breaths", "count"),
    "perfusion": ("press", "pink"),
    "commands": ("squeeze", "squeezing"),
    "avpu": ("awake", "pinch"),
    "duration": ("how long", "start"),
    "severity": ("scale", "how bad", "number"),
    "medications": ("medicines", "tablets"),
    "allergies": ("allergic", "medicine"),
    "photo": ("photo", "link"),
    "keypad": ("press", "type"),
    "assumed": ("serious",),
    "hold": ("moment",),
    "emergency": ("emergency", "call", *DISCLAIMER_WORDS[1:]),
    "cpr": ("call", "push", "chest"),
    "closing": ("call", *DISCLAIMER_WORDS),
    "no_answer": ("call", *DISCLAIMER_WORDS),
}
_DIAL = re.compile(r"(?:(?<=\bcall )|(?<=\bdial ))\d+\b|\b\d{3,}\b", re.IGNORECASE)


class Said(PromptText):
    """One thing the line says, and what of it must be heard (its kind is a KEY_WORDS entry)."""

    def key_words(self) -> tuple[str, ...]:
        """The kind's key words this text contains, and every number to dial in it."""
        form = " ".join(scoring_words(self.text))
        wanted = [k for k in KEY_WORDS.get(self.kind, ()) if re.search(rf"\b{k}\b", form)]
        return tuple(dict.fromkeys(wanted + _DIAL.findall(self.text)))


def catalogue() -> list[Said]:
    """Everything the voice dialogue can say, each distinct text once; the endings once each, regions in turn."""
    return [Said(s.id, s.text, s.kind) for s in spoken_prompts(SAMPLE_REGIONS, every_ending=False)]


def scoring_words(text: str) -> list[str]:
    """stt's scoring form (lower case, numbers as digits), with digits read one by one joined: "1 1 2" -> "112"."""
    from stt.eval import words

    out: list[str] = []
    run = False
    for word in words(text.replace("-", " ")):
        single = len(word) == 1 and word.isdigit()
        if single and run:
            out[-1] += word
        else:
            out.append(word)
        run = single
    return out


def lost_key_words(said: Said, heard: str) -> list[str]:
    """Key words of `said` missing from what was heard (a number must come through whole)."""
    form = " " + " ".join(scoring_words(heard)) + " "
    return [k for k in said.key_words() if f" {' '.join(scoring_words(k))} " not in form]


def evaluate(items: Iterable[Said], engine, transcriber, progress=None) -> dict:
    """Render, phone, transcribe and score each item; the report as a dict."""
    from voice.codec import SAMPLE_RATE, ulaw_to_pcm16

    rows = []
    items = list(items)
    for n, said in enumerate(items, 1):
        t0 = time.perf_counter()
        ulaw = engine.synthesize(said.text)
        synth_ms = (time.perf_counter() - t0) * 1000
        heard = transcriber.transcribe(ulaw_to_pcm16(ulaw), SAMPLE_RATE).text
        ref, hyp = " ".join(scoring_words(said.text)), " ".join(scoring_words(heard))
        measures = jiwer.process_words(ref, hyp or "<empty>")
        rows.append({
            "id": said.id, "text": said.text, "heard": heard, "ref_words": len(ref.split()),
            "errors": measures.substitutions + measures.deletions + measures.insertions,
            "wer": round(measures.wer, 4), "key_words": list(said.key_words()),
            "lost": lost_key_words(said, heard), "synth_ms": round(synth_ms), "audio_s": round(len(ulaw) / SAMPLE_RATE, 2),
        })
        if progress:
            progress(f"\r{n}/{len(items)} prompts heard")
    words_total = sum(r["ref_words"] for r in rows)
    synth = sorted(r["synth_ms"] for r in rows)
    audio = sum(r["audio_s"] for r in rows)
    return {
        "engine": f"{engine.name}/{engine.voice}",
        "prompts": len(rows),
        "words": words_total,
        "wer": round(sum(r["errors"] for r in rows) / max(1, words_total), 4),
        "key_words_lost": [{"id": r["id"], "lost": r["lost"], "heard": r["heard"]} for r in rows if r["lost"]],
        "synth_ms_median": synth[len(synth) // 2] if synth else None,
        "synth_ms_max": synth[-1] if synth else None,
        "real_time_factor": round(sum(synth) / 1000 / audio, 3) if audio else None,
        "rows": rows,
    }


def register(subparsers) -> None:
    """Add `tts-eval [--backend] [--voice] [--only] [--json]` to `triage`."""
    p = subparsers.add_parser("tts-eval", help="every prompt through the voice, a phone line and Whisper: WER")
    p.add_argument("--backend", default="auto", help="TTS backend as TTS_BACKEND: auto, piper, espeak-ng, flite")
    p.add_argument("--voice", default="en-us", help="as TTS_VOICE")
    p.add_argument("--noise", default="", help="Piper's noise_scale,noise_w instead of voice/tts.py's (e.g. 0.667,0.8)")
    p.add_argument("--only", default="", help="comma-separated prompt ids or id prefixes (default: all)")
    p.add_argument("--json", action="store_true", help="the whole report, every prompt, as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the report; exit 1 when the WER is over 5 % or any key word was lost."""
    from stt.faster_whisper import LocalWhisperTranscriber
    from voice.tts import build_tts

    load_avg = os.getloadavg()
    items = catalogue()
    if args.only:
        wanted = tuple(p.strip() for p in args.only.split(",") if p.strip())
        items = [s for s in items if s.id.startswith(wanted)]
    rss_before = _max_rss_mb()
    t0 = time.perf_counter()
    if args.noise:
        from voice.tts import PiperTts

        engine = PiperTts(noise=tuple(float(x) for x in args.noise.split(",")))
    else:
        engine = build_tts(args.backend, args.voice)
    load_s = time.perf_counter() - t0
    rss_engine = _max_rss_mb()
    report = evaluate(items, engine, LocalWhisperTranscriber(),
                      progress=lambda m: print(m, end="", file=sys.stderr, flush=True))
    print(file=sys.stderr)
    report.update({"engine_load_s": round(load_s, 2), "rss_mb_before_engine": rss_before,
                   "rss_mb_after_engine": rss_engine, "rss_mb_peak": _max_rss_mb(),
                   "load_avg": [round(x, 2) for x in load_avg], "cpus": os.cpu_count()})
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        for r in sorted(report["rows"], key=lambda r: -r["wer"])[:15]:
            print(f"{r['wer']:6.1%}  {r['id']:<28} heard: {r['heard']}")
        summary = {k: v for k, v in report.items() if k != "rows"}
        print(json.dumps(summary, indent=1))
    return 0 if report["wer"] <= TARGET_WER and not report["key_words_lost"] else 1


def _max_rss_mb() -> int:
    """Peak resident memory of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
