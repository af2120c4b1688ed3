"""The `triage` command: serve, simulate calls, benchmarks, and each package's own subcommands."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import statistics
import sys

from intake.cli import register as intake_commands
from voice.cases_cli import register as cases_commands
from routing.cli import register as routing_commands
from routing.jobs_cli import register as jobs_commands
from routing.cli import register_bench as routing_bench
from sms.cli import register as sms_commands
from stt.cli import register as stt_commands
from voice.settings import ConfigError, Settings

logger = logging.getLogger(__name__)



def _settings() -> Settings:
    return Settings()


async def _open_store():
    from voice.services import open_store

    return await open_store(_settings())


def _make_notifier(store):
    """routing's jobs send through sms as the web app does: Twilio with delivery reports, else the outbox."""
    from voice.services import sms_sender

    settings = _settings()
    return sms_sender(store, settings, settings.secrets())


def _sms_job_handlers(store, notifier):
    """The job kinds sms sends for routing: the photo digest, with the case link signed as the web app signs it."""
    from sms.digest import photo_digest_handlers

    settings = _settings()
    return photo_digest_handlers(store, notifier, secret=settings.secrets().server_secret,
                                 public_base_url=settings.public_base_url)


def cmd_serve(args: argparse.Namespace) -> int:
    """Run the web server (what the Procfile's web: line runs); the port is claimed before Whisper loads."""
    from voice.runtime import run
    from voice.startup import claim_port, serve

    settings = _settings()
    sock = claim_port(args.host, settings.port if args.port is None else args.port)
    run(serve(settings, sock))
    return 0


def cmd_call(args: argparse.Namespace) -> int:
    """Play scenarios as a caller against the server and print what happened."""
    from intake import evaluation as ev
    from intake.scenarios import load_scenarios
    from voice.harness.callrun import latency_summary, run_calls
    from voice.harness.simulator import default_voice

    scenarios = ev.in_split(load_scenarios(args.scenario), args.split)

    async def main() -> list[dict]:
        results = []
        async for result in run_calls(
            scenarios,
            server=args.server,
            speed=args.speed,
            voice=default_voice(args.voice),
            auth_token=os.environ.get("TWILIO_AUTH_TOKEN") if args.server else None,
            starting=lambda n, scenario: print(  # progress on stderr: --json's stdout stays one object a line
                f"[{n}/{len(scenarios)}] calling as {scenario.get('id') or 'caller'}"
                f"{' (first call loads the server: Whisper, voices)' if n == 1 and not args.server else ''}...",
                file=sys.stderr, flush=True),
        ):
            results.append(result)
            if args.json:
                print(json.dumps(result), flush=True)
            else:
                _print_transcript(result, scenarios[len(results) - 1])
        return results

    results = asyncio.run(main())
    if not args.json:
        print("turn latency (ms, end of caller speech to first reply audio):", json.dumps(latency_summary(results)))
    if args.report:
        calls = ev.call_report(scenarios, results)
        print(ev.format_call_summary(calls), file=sys.stderr if args.json else sys.stdout)
        print(ev.format_confusion(calls), file=sys.stderr if args.json else sys.stdout)
        if times := sorted(r["emergency_by_s"] for r in results if r.get("emergency_by_s") is not None):
            print(f"emergency number heard by (seconds into the call, {len(times)} calls): median "
                  f"{statistics.median(times):.0f} s, slowest {times[-1]:.0f} s",
                  file=sys.stderr if args.json else sys.stdout)
    failed = [r for r, s in zip(results, scenarios) if not _meets_expectation(r, s)]
    return 1 if failed else 0


def _meets_expectation(result: dict, scenario: dict) -> bool:
    expect = scenario.get("expect") or {}
    return all(result.get(key) == value for key, value in expect.items() if key in ("start_category", "urgency"))


def _print_transcript(result: dict, scenario: dict) -> None:
    from intake.prompts import question_text

    print(f"=== {result['id']}  case {result['case_id']}")
    for turn in result["turns"]:
        pad = " " * (len(turn["prompt_id"]) + 3)
        if (question := question_text(turn["prompt_id"], result.get("who"))) is not None:
            print(f"  [{turn['prompt_id']}] server asked: {question}")
            print(f"{pad}  caller said: {turn['said']!r}")
        else:
            print(f"  [{turn['prompt_id']}] caller said: {turn['said']!r}")
        print(f"{pad}  server heard: {turn['heard']!r}  ({turn['latency_ms']} ms)")
    print(f"  -> START {result['start_category']}  urgency {result['urgency']}  red flags {result['red_flags']}"
          + (f"  emergency number heard by {result['emergency_by_s']:.0f} s" if result.get("emergency_by_s") else ""))
    expect = scenario.get("expect")
    if expect:
        print(f"  expected {expect}: {'OK' if _meets_expectation(result, scenario) else 'MISMATCH'}")
    for sms in result["sms"]:
        print(f"  SMS to {sms['to']}: {sms['body']}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="triage", description="triageline: voice-first telephone triage")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the web server")
    serve.add_argument("--host", default="0.0.0.0")
    serve.add_argument("--port", type=int, help="default: the PORT setting (8000)")
    serve.set_defaults(func=cmd_serve)

    call = sub.add_parser("call", help="simulate phone calls from a scenario file")
    call.add_argument("--scenario", required=True, help="JSON object, JSON array or JSON Lines")
    call.add_argument("--server", help="base URL of a running server (default: start one in-process)")
    call.add_argument("--speed", type=float, default=1.0, help="audio clock speed (1 = real time)")
    call.add_argument("--voice", default="slt", help="flite voice of the caller: slt, rms, awb, kal16")
    call.add_argument("--json", action="store_true", help="one JSON object per scenario")
    call.add_argument("--split", choices=("all", "dev", "heldout"), default="all",
                      help="corpus split of the scenario file (tests/corpus): 'heldout' is what CLINICAL.md reports")
    call.add_argument("--report", action="store_true", help="START confusion matrix and emergencies reached")
    call.set_defaults(func=cmd_call)

    bench = sub.add_parser("bench", help="measure speed and capacity")
    bench_sub = bench.add_subparsers(dest="bench", required=True)
    from voice.harness.bench import register as register_bench

    register_bench(bench_sub)

    intake_commands(sub)
    from voice.harness.eval_audio import register as register_eval_audio

    register_eval_audio(sub)
    from voice.harness.tts_eval import register as register_tts_eval

    register_tts_eval(sub)
    stt_commands(sub)
    sms_commands(sub, _open_store)
    routing_commands(sub, _open_store, make_notifier=_make_notifier, more_handlers=_sms_job_handlers)
    routing_bench(bench_sub, _open_store)
    cases_commands(sub, _open_store)
    jobs_commands(sub, _open_store, make_notifier=_make_notifier, more_handlers=_sms_job_handlers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO if args.command == "serve" else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        return int(args.func(args) or 0)
    except ConfigError as exc:  # one line naming every setting to fix, not a traceback
        print(f"triage {args.command}: cannot start: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
