"""`triage bench latency` and `triage bench load`: turn latency and capacity, measured by the server itself."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import tempfile
from pathlib import Path

from voice.harness import EXAMPLES, progress

LATENCY_STAGES = ("endpointing", "stt", "correction", "dialogue", "tts")
LINE_NUMBER = "+2348030000001"  # a line in Nigeria, where most example callers are: its prompts are warmed
WARM_TIMEOUT_S = 1800.0  # ~135 prompts with the neural voice on a loaded 2-core machine; only a hang waits this long


def cmd_latency(args: argparse.Namespace) -> int:
    """Calls one after another in real time on the embedded defaults; latency as the server logged it.

    Latency is also given by the kind of answer the question waited for, and the callers' side gives the
    cut-off rate: the share of spoken answers whose reply began while the caller still had words to say.
    """
    from intake.scenarios import load_scenarios
    from voice.harness.callrun import call_ended, serve_in_process, watch
    from voice.harness.loadgen import stub_remote_stt
    from voice.harness.percentiles import percentiles_ms
    from voice.harness.turnstats import cut_offs, latency_by_answer_kind
    from voice.runtime import run
    from voice.settings import Settings
    from voice.harness.simulator import default_voice, simulate_call

    scenarios = load_scenarios(args.scenarios)
    picked = [scenarios[i % len(scenarios)] for i in range(args.calls)]
    load_before: list[float] = []  # as the calls start (after any warm-up)
    warm_s: list[float] = []

    async def main():
        loop_time = asyncio.get_running_loop().time
        voice = default_voice(args.voice)
        traces = []
        with tempfile.TemporaryDirectory(prefix="triage-bench-") as tmp, contextlib.ExitStack() as stack:
            stt = {} if args.stt == "local" else stack.enter_context(stub_remote_stt(scenarios, args.voice))
            # The line's own number (TWILIO_FROM_NUMBER), as a deployment sets it, names a region to warm.
            settings = Settings(_env_file=None, data_dir=Path(tmp), database_url="", twilio_from_number=LINE_NUMBER,
                                **stt)
            progress("starting the server (loads Whisper and the voices)...")
            async with serve_in_process(settings) as (base, services):
                if args.warm:  # as `triage serve` does; the disk cache keeps them warm across restarts
                    progress("rendering the prompts ahead (once per voice and wording)...")
                    warmup = services.warm_prompts()
                    t0 = loop_time()
                    await asyncio.wait_for(warmup.done.wait(), timeout=WARM_TIMEOUT_S)
                    warm_s.append(round(loop_time() - t0, 1))
                load_before.append(os.getloadavg()[0])
                for n, scenario in enumerate(picked, 1):
                    progress(f"[{n}/{len(picked)}] calling as {scenario.get('id') or 'caller'} (real time)...")
                    trace = await simulate_call(scenario, base, voice, speed=1.0)
                    traces.append(trace)
                    await asyncio.wait_for(call_ended(services, trace.call_sid).wait(), timeout=60)
                progress("stopping the server...")
                return watch(services).latency, traces

    log, traces = run(main())  # the loop `triage serve` runs on
    medians = log.stage_medians()
    out = {
        "calls": len(picked),
        "stt": args.stt,
        "turns": len(log.turns_ms),
        "turn_latency_ms": percentiles_ms(log.turns_ms),
        "by_answer_kind": latency_by_answer_kind(log.by_prompt),
        "cut_offs": cut_offs([t for trace in traces for t in trace.turns]),
        "stages_ms": {stage: medians.get(stage) for stage in LATENCY_STAGES},
        "load_avg_1m": round(load_before[0], 2),
        "prompts_warmed_s": warm_s[0] if warm_s else None,
    }
    print(json.dumps(out) if args.json else json.dumps(out, indent=2))
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    """N concurrent callers against one server process, or several on one database (see voice/harness/loadgen.py)."""
    from intake.scenarios import load_scenarios
    from voice.harness.loadgen import run_load

    if args.servers > 1 and not args.database_url.startswith(("postgres://", "postgresql")):
        progress("triage bench load: --servers N needs --database-url postgresql://... (a server the processes share; "
                 "the bench creates a scratch database there and drops it after)")
        return 2
    out = run_load(load_scenarios(args.scenarios), calls=args.calls, stt=args.stt, duration_s=args.duration,
                   voice=args.voice, database_url=args.database_url, servers=args.servers)
    print(json.dumps(out) if args.json else json.dumps(out, indent=2))
    return 0 if out["cases_lost"] == 0 and out["turns"] else 1


def cmd_floor(args: argparse.Namespace) -> int:
    """hypercorn's own cost of receiving N calls' media messages (see voice/harness/floor.py)."""
    from voice.harness.floor import run_floor

    progress(f"{args.calls} receive-only callers for {args.seconds:g} s...")
    out = run_floor(calls=args.calls, seconds=args.seconds, loop=args.loop)
    print(json.dumps(out) if args.json else json.dumps(out, indent=2))
    return 0


def register(bench_sub) -> None:
    """Add `latency`, `load`, `floor`, `photos` and `console` under `triage bench`."""
    from voice.harness.consolebench import register as register_console
    from voice.harness.photobench import register as register_photos

    latency = bench_sub.add_parser("latency", help="turn latency of simulated calls (real time)")
    latency.add_argument("--calls", type=int, default=3)
    latency.add_argument("--scenarios", default=str(EXAMPLES))
    latency.add_argument("--voice", default="slt")
    latency.add_argument("--stt", choices=("local", "stub-remote"), default="local",
                         help="local Whisper, or a loopback OpenAI-style server with a fixed 300 ms delay")
    latency.add_argument("--json", action="store_true")
    latency.add_argument("--no-warm", dest="warm", action="store_false",
                         help="call at once, before the prompts are rendered ahead (a server's very first start)")
    latency.set_defaults(func=cmd_latency)

    load = bench_sub.add_parser("load", help="concurrent simulated calls against one server process (or --servers N)")
    load.add_argument("--calls", type=int, required=True, help="concurrent callers")
    load.add_argument("--stt", choices=("local", "stub-remote"), default="stub-remote",
                      help="local Whisper, or a loopback OpenAI-style server with a fixed 300 ms delay")
    load.add_argument("--duration", type=float, default=None,
                      help="keep every caller redialling for this many seconds (default: one call each)")
    load.add_argument("--scenarios", default=str(EXAMPLES))
    load.add_argument("--voice", default="slt")
    load.add_argument("--database-url", default="", help="default: SQLite in a temporary directory")
    load.add_argument("--servers", type=int, default=1,
                      help="server processes sharing one PostgreSQL database (a scratch one created on the "
                           "--database-url server and dropped after); calls spread over them")
    load.add_argument("--json", action="store_true")
    load.set_defaults(func=cmd_load)

    floor = bench_sub.add_parser("floor", help="hypercorn's own CPU for N calls' inbound media, nothing else")
    floor.add_argument("--calls", type=int, default=100)
    floor.add_argument("--seconds", type=float, default=15.0)
    floor.add_argument("--loop", choices=("uvloop", "asyncio"), default="uvloop")
    floor.add_argument("--json", action="store_true")
    floor.set_defaults(func=cmd_floor)

    register_photos(bench_sub)
    register_console(bench_sub)
