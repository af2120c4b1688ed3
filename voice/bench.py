"""`triage bench latency`: turn latency of simulated calls on the embedded defaults."""

from __future__ import annotations

import argparse
import asyncio
import json
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "tests" / "scenarios" / "examples.jsonl"


def cmd_latency(args: argparse.Namespace) -> int:
    from intake.scenarios import load_scenarios
    from voice.callrun import latency_summary, run_calls
    from voice.simulator import default_voice

    scenarios = load_scenarios(args.scenarios)
    picked = [scenarios[i % len(scenarios)] for i in range(args.calls)]

    async def main() -> tuple[list[dict], dict]:
        results = [r async for r in run_calls(picked, speed=1.0, voice=default_voice(args.voice))]
        return results, {}

    results, _ = asyncio.run(main())
    summary = latency_summary(results)
    out = {
        "calls": len(results),
        "turns": summary.get("turns", 0),
        "turn_latency_ms": {k: summary.get(k) for k in ("p50", "p95", "max")},
    }
    print(json.dumps(out) if args.json else json.dumps(out, indent=2))
    return 0


def register(bench_sub) -> None:
    latency = bench_sub.add_parser("latency", help="turn latency of simulated calls (real time)")
    latency.add_argument("--calls", type=int, default=3)
    latency.add_argument("--scenarios", default=str(EXAMPLES))
    latency.add_argument("--voice", default="slt")
    latency.add_argument("--json", action="store_true")
    latency.set_defaults(func=cmd_latency)
