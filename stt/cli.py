"""`triage stt-eval` and `triage correct-eval`: the commands that prove the transcription numbers."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .lexicon import Lexicon
from .synth import VOICES
from .window import FULL_WINDOW_S

_SUMMARY_SKIP = ("utterances",)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add stt-eval and correct-eval to the `triage` command; each sets `func(args) -> int`."""
    stt_eval = subparsers.add_parser("stt-eval", help="measure transcription + correction on audio")
    source = stt_eval.add_mutually_exclusive_group(required=True)
    source.add_argument("--manifest", type=Path, help='JSON Lines {"audio", "text", "terms"}')
    source.add_argument("--synthesize", type=Path, metavar="TEXTFILE", help="one sentence a line -> manifest")
    stt_eval.add_argument("--voices", default=",".join(VOICES), help="engine:voice list, used in turn")
    stt_eval.add_argument("--out", type=Path, help="directory for synthesized audio and manifest.jsonl")
    stt_eval.add_argument("--backend", choices=("local", "openai"), default="local")
    stt_eval.add_argument("--bias", choices=("on", "off"), default="on",
                          help="on: a second, primed decode lends drug and disease names through the phonetic gate")
    stt_eval.add_argument("--correct", choices=("none", "lexicon", "llm"), default="lexicon",
                          help="llm: lexicon, then Claude (ANTHROPIC_API_KEY) or OpenAI (OPENAI_API_KEY), guarded")
    stt_eval.add_argument("--model-dir", type=Path, default=None, help="CTranslate2 Whisper model (default tiny.en)")
    stt_eval.add_argument("--threads", type=int, default=0, help="CPU threads for local Whisper (0: all cores)")
    stt_eval.add_argument("--beam-size", type=int, default=1, help="local Whisper beam (1: greedy)")
    stt_eval.add_argument("--compute-type", default="int8", help="CTranslate2 compute type (int8, float32, ...)")
    stt_eval.add_argument("--encoder-window-s", type=float, default=FULL_WINDOW_S,
                          help="seconds Whisper's encoder hears a short turn in, as STT_ENCODER_WINDOW_S (30: off)")
    stt_eval.add_argument("--split", choices=("all", "dev", "heldout"), default="all",
                          help="heldout: utterances 0-2 of every 10, never used for tuning")
    stt_eval.add_argument("--seconds", type=_seconds, metavar="MIN-MAX", help="only turns this long, e.g. 2-4")
    stt_eval.add_argument("--incremental", action="store_true",
                          help="feed turns at real-time pace, decoding at pauses; latency from the turn's close")
    stt_eval.add_argument("--concurrency", type=int, default=1,
                          help="turns transcribed at once, as that many calls would (local Whisper batches them)")
    stt_eval.add_argument("--json", action="store_true", help="one JSON object, utterances included")
    stt_eval.set_defaults(func=run_stt_eval)

    correct_eval = subparsers.add_parser("correct-eval", help="measure the correction step on ASR text")
    given = correct_eval.add_mutually_exclusive_group(required=True)
    given.add_argument("--file", type=Path, help='JSON Lines {"hypothesis", "reference", "terms"}')
    given.add_argument("--primock", type=Path, metavar="DIR", help="PriMock57 dev folder (hypotheses.jsonl)")
    correct_eval.add_argument("--split", choices=("dev", "heldout"), default="dev", help="with --primock")
    correct_eval.add_argument("--json", action="store_true")
    correct_eval.set_defaults(func=run_correct_eval)


def run_stt_eval(args: argparse.Namespace) -> int:
    """Synthesize a manifest, or transcribe one and print the scores."""
    from .eval import evaluate_audio, synthesize_manifest

    lexicon = Lexicon()
    if args.synthesize:
        if not args.out:
            print("--synthesize needs --out DIR", file=sys.stderr)
            return 2
        sentences = [s for s in args.synthesize.read_text(encoding="utf-8").splitlines() if s.strip()]
        manifest = synthesize_manifest(sentences, args.voices.split(","), args.out, lexicon)
        print(manifest)
        return 0
    correct = _corrector(args.correct, lexicon)
    if correct is False:
        print("--correct llm needs ANTHROPIC_API_KEY or OPENAI_API_KEY", file=sys.stderr)
        return 2
    report = evaluate_audio(
        args.manifest, _transcriber(args), correct, args.bias == "on", lexicon, seconds=args.seconds,
        incremental=args.incremental, split=args.split, concurrency=args.concurrency,
    )
    report.update(backend=args.backend, bias=args.bias, correct=args.correct, incremental=args.incremental,
                  split=args.split)
    _print(report, args.json)
    return 0


def run_correct_eval(args: argparse.Namespace) -> int:
    """Score the corrector on recogniser output that already exists."""
    from .correction import MedicalCorrector
    from .eval import evaluate_text, primock_entries, read_jsonl

    lexicon = Lexicon()
    entries = read_jsonl(args.file) if args.file else primock_entries(args.primock, args.split)
    corrector = MedicalCorrector(lexicon)
    _print(evaluate_text(entries, lambda text: corrector.correct(text).text, lexicon), args.json)
    return 0


def _corrector(kind: str, lexicon: Lexicon):
    """text -> corrected text for --correct; None for none, False when llm has no key."""
    from .correction import MedicalCorrector

    if kind == "none":
        return None
    offline = MedicalCorrector(lexicon)
    if kind == "lexicon":
        return lambda text: offline.correct(text).text
    import os

    from .llm_correction import LlmCorrector, build_rewriter

    rewriter = build_rewriter(
        openai_api_key=os.environ.get("OPENAI_API_KEY"),
        openai_base_url=os.environ.get("OPENAI_BASE_URL"),
        anthropic_api_key=os.environ.get("ANTHROPIC_API_KEY"),
        anthropic_base_url=os.environ.get("ANTHROPIC_BASE_URL"),
    )
    if rewriter is None:
        return False
    llm = LlmCorrector(rewriter, offline)
    return lambda text: llm.correct(text).text


def _seconds(value: str) -> tuple[float, float]:
    """"2-4" -> (2.0, 4.0)."""
    low, _, high = value.partition("-")
    try:
        return float(low), float(high)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected MIN-MAX seconds, e.g. 2-4, not {value!r}") from None


def _transcriber(args: argparse.Namespace):
    """The backend under test, alone (no fallback, so its own failures show), primed as the server primes it."""
    from .primed import PrimedTermsTranscriber

    if args.backend == "openai":
        import os

        from .openai_api import OpenAITranscriber

        remote = OpenAITranscriber(os.environ["OPENAI_API_KEY"], base_url=os.environ.get("OPENAI_BASE_URL"))
        return PrimedTermsTranscriber(remote, second_decode=False)
    from .faster_whisper import LocalWhisperTranscriber

    return PrimedTermsTranscriber(LocalWhisperTranscriber(
        model_dir=args.model_dir, compute_type=args.compute_type, cpu_threads=args.threads, beam_size=args.beam_size,
        shared_runs=getattr(args, "concurrency", 1) > 1,  # turns at once share model runs, as STT_SHARED_RUNS does
        encoder_window_s=getattr(args, "encoder_window_s", FULL_WINDOW_S),
    ))


def _print(report: dict, as_json: bool) -> None:
    """JSON with --json; otherwise the summary, one figure a line."""
    if as_json:
        print(json.dumps(report))
        return
    for key, value in report.items():
        if key not in _SUMMARY_SKIP:
            print(f"{key}: {value}")


def main(argv: list[str] | None = None) -> int:
    """Run these commands without the rest of triage: python -m stt.cli stt-eval ..."""
    parser = argparse.ArgumentParser(prog="python -m stt.cli")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
