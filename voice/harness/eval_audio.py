"""`triage eval-audio`: the red-flag corpus through a phone line, the way a call hears it.

Each utterance is spoken by a Debian TTS voice, put through an 8 kHz mu-law round trip, transcribed
by local Whisper as a live call's complaint is (the question as its prompt; a plain decode, drug names
lent by a primed one only through the phonetic gate), corrected, and only then searched for red flags.
The same per-flag table as `triage eval-dialogue --report`, so the text and audio figures in CLINICAL.md
sit side by side.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from intake import evaluation as ev
from intake.cli import print_utterance_report
from intake.prompts import PROMPTS
from intake.scenarios import load_scenarios
from stt.window import FULL_WINDOW_S


def register(subparsers) -> None:
    """Add `eval-audio --corpus FILE [--split] [--voice] [--limit] [--json]` to `triage`."""
    p = subparsers.add_parser("eval-audio", help="red-flag corpus through TTS, a phone line and local Whisper")
    p.add_argument("--corpus", required=True, type=Path, help="utterances JSON Lines (tests/corpus/utterances.jsonl)")
    p.add_argument("--split", choices=ev.SPLITS, default="heldout")
    p.add_argument("--voice", default="flite:slt", help="engine:voice for stt.synth (flite:slt, flite:rms, espeak:en-us)")
    p.add_argument("--limit", type=int, default=0,
                   help="about N utterances, evenly spaced through the split so every author is in it (0: all)")
    p.add_argument("--beam-size", type=int, default=1, help="Whisper's beam for the complaint (1: greedy)")
    p.add_argument("--encoder-window-s", type=float, default=FULL_WINDOW_S,
                   help="seconds Whisper's encoder hears a short turn in, as STT_ENCODER_WINDOW_S (30: off)")
    p.add_argument("--json", action="store_true", help="the report as JSON")
    p.add_argument("--transcripts", type=Path, help="also write each turn's raw and corrected text here (JSON Lines)")
    p.set_defaults(func=run)


def heard_texts(items: list[dict], voice: str, beam_size: int = 1,
                encoder_window_s: float = FULL_WINDOW_S) -> dict[str, dict]:
    """id -> {"raw", "heard"}: what local Whisper, then the correction, make of each utterance over the phone."""
    from stt.correction import MedicalCorrector
    from stt.faster_whisper import LocalWhisperTranscriber
    from stt.lexicon import bias_hints
    from stt.primed import PrimedTermsTranscriber
    from stt.synth import PHONE_RATE, synthesize

    corrector = MedicalCorrector()
    # The live path's transcriber (stt.fallback.build_transcriber): hotwords handed straight to Whisper
    # wrote "Drugs, salbutamol, ibuprofen," over a whole turn here, which no call hears.
    whisper = LocalWhisperTranscriber(beam_size=beam_size, encoder_window_s=encoder_window_s)
    transcriber = PrimedTermsTranscriber(whisper, corrector)
    hints = bias_hints(PROMPTS["complaint"].voice)
    heard, decode_cpu_s = {}, 0.0
    for n, item in enumerate(items, 1):
        pcm16 = synthesize(item["text"], voice)
        started = time.process_time()  # this process's CPU, all decoder threads; the TTS runs in a child
        raw = transcriber.transcribe(pcm16, PHONE_RATE, hints).text
        decode_cpu_s += time.process_time() - started
        heard[item["id"]] = {"raw": raw, "heard": corrector.correct(raw).text}
        print(f"\r{n}/{len(items)} utterances heard", end="", file=sys.stderr, flush=True)
    print(f"\ndecode CPU {decode_cpu_s / max(len(items), 1):.3f} s per turn (beam {beam_size})", file=sys.stderr)
    return heard


def run(args: argparse.Namespace) -> int:
    """Print the per-flag report of what was heard; exit 1 when any utterance was scored wrong."""
    items = [it for it in ev.in_split(load_scenarios(args.corpus), args.split) if ev.is_utterance(it)]
    if args.limit and len(items) > args.limit:
        items = items[:: -(-len(items) // args.limit)]
    heard = heard_texts(items, args.voice, args.beam_size, args.encoder_window_s)
    if args.transcripts:
        args.transcripts.write_text("".join(
            json.dumps({"id": it["id"], "text": it["text"], **heard[it["id"]]}) + "\n" for it in items), encoding="utf-8")
    report = ev.utterance_report(items, heard=lambda item: heard[item["id"]]["heard"])
    if args.json:
        print(json.dumps({k: v for k, v in report.items()}, indent=1))
        return 1 if report["misses"] else 0
    return 1 if print_utterance_report(report, args.split, mode=f"audio, {args.voice}") else 0
