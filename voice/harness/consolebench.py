"""`triage bench console`: how long the console takes to answer with 1,000 cases in the database.

The database is a fresh one (SQLite in a temporary directory, or --database-url) filled with cases that look
like real ones: triage result, a transcript of 12 turns and a timeline, all encrypted as the server writes
them. The pages are asked for through the app in this process (Quart's test client: no network), signed in
as a coordinator, so the time is the console's own: queries, decryption, templates, audit line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import tempfile
import time
from pathlib import Path

from voice.harness import progress

TRIAGES = [
    {"protocol": "START", "start_category": "YELLOW", "urgency": "urgent", "complaint": "fell from a ladder, leg hurts",
     "answers": {"walk": "no", "breathing": "yes", "perfusion": "yes", "commands": "yes"}, "respiratory_rate": 20,
     "age_years": 40, "who": "other"},
    {"protocol": "START", "start_category": "RED", "urgency": "emergency", "complaint": "crash, not answering",
     "answers": {"walk": "no", "breathing": "yes", "commands": "no"}, "respiratory_rate": 34, "mechanism": ["vehicle"]},
    {"protocol": "START", "start_category": "GREEN", "urgency": "routine", "complaint": "cut on the hand",
     "answers": {"walk": "yes"}, "age_years": 25, "who": "self"},
]
TURN_TEXTS = ["Someone else, my neighbour.", "She fell from the ladder.", "About forty.", "No, she cannot stand.",
              "Yes, she is breathing.", "I counted five.", "Yes, it came back.", "Yes, she squeezed my hand.",
              "About twenty minutes.", "Seven.", "Tablets for blood pressure.", "None."]
PROMPTS = ["who", "complaint", "age", "walk", "breathing", "resp_count", "perfusion", "commands", "duration",
           "severity", "medications", "allergies"]


async def fill(store, cases: int, seed: int = 11) -> list[str]:
    """`cases` cases through the store's own writes (as finished calls leave them, waiting in the queue); returns
    their references."""
    from routing.calls import close_call
    from routing.models import CallState

    rng = random.Random(seed)
    references = []
    for n in range(cases):
        ref = await store.open_call(call_sid=f"CA-bench-{n}", caller=f"+23480312{n:05d}", region="NG")
        for seq, (prompt, text) in enumerate(zip(PROMPTS, TURN_TEXTS)):
            await store.record_turn(ref.case_id, seq=seq, prompt_id=prompt, raw_text=text, corrected_text=text,
                                    source="speech", latency_ms=rng.randrange(400, 3000))
        await store.save_triage(ref.case_id, rng.choice(TRIAGES), complete=True)
        await close_call(store, f"CA-bench-{n}", status=CallState.COMPLETED)
        references.append(ref.reference)
        if (n + 1) % 100 == 0:
            progress(f"  {n + 1}/{cases} cases written")
    return references


def _ms(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[max(0, int(round(q / 100 * len(ordered))) - 1)], 1)


async def bench_console(*, cases: int, views: int, database_url: str) -> dict:
    """Fill a database, then time the case list (first page, a filter, a search) and a case page."""
    from cryptography.fernet import Fernet

    from routing.coordinators import add_coordinator
    from routing.crypto import PhiCipher
    from routing.store import Store
    from sms.sender import OutboxSender
    from voice.console.session import COOKIE, Session, SessionCodec
    from voice.console.web import ConsoleContext, create_blueprint
    from quart import Quart

    with tempfile.TemporaryDirectory(prefix="triage-console-bench-") as tmp:
        url = database_url or f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}"
        store = await Store.connect(url, PhiCipher.from_keys(Fernet.generate_key().decode()),
                                    hash_key=os.urandom(32), photo_dir=Path(tmp) / "photos")
        try:
            await store.upgrade()
            progress(f"writing {cases} cases ({store.dialect})...")
            references = await fill(store, cases)
            coordinator = await add_coordinator(store, "+2348039990001", "bench")
            secret = os.urandom(32)
            app = Quart(__name__)
            app.register_blueprint(create_blueprint(ConsoleContext(store=store, sender=OutboxSender(store),
                                                                   secret=secret)))
            client = app.test_client()
            now = time.time()
            client.set_cookie("localhost", COOKIE,
                              SessionCodec(secret).dump(Session(coordinator=coordinator.id, since=now, seen=now)))
            pages = {"list": "/console/cases", "list_filtered": "/console/cases?category=RED&status=pending",
                     "search": f"/console/cases?reference={references[cases // 2][:6]}",
                     "case": f"/console/cases/{references[cases // 2]}", "live": "/console/live",
                     "charts": "/console/charts"}
            timings: dict[str, list[float]] = {name: [] for name in pages}
            for name, path in pages.items():
                for n in range(views + 1):
                    started = time.perf_counter()
                    response = await client.get(path)
                    body = await response.get_data()
                    elapsed_ms = (time.perf_counter() - started) * 1000
                    assert response.status_code == 200, (path, response.status_code)
                    if n:  # the first view compiles the templates
                        timings[name].append(elapsed_ms)
                progress(f"  {name}: p50 {_ms(timings[name], 50)} ms ({len(body)} bytes)")
            return {"database": store.dialect, "cases": cases, "views_per_page": views,
                    "pages_ms": {name: {"p50": _ms(v, 50), "p95": _ms(v, 95)} for name, v in timings.items()},
                    "load_avg_1m": round(os.getloadavg()[0], 2)}
        finally:
            await store.close()


def cmd_console(args: argparse.Namespace) -> int:
    """`triage bench console`."""
    out = asyncio.run(bench_console(cases=args.cases, views=args.views, database_url=args.database_url))
    print(json.dumps(out) if args.json else json.dumps(out, indent=2))
    return 0


def register(bench_sub) -> None:
    """Add `console` under `triage bench`."""
    console = bench_sub.add_parser("console", help="console page times with 1,000 cases in the database")
    console.add_argument("--cases", type=int, default=1000)
    console.add_argument("--views", type=int, default=20, help="timed views of each page (after one warm-up)")
    console.add_argument("--database-url", default="", help="default: SQLite in a temporary directory")
    console.add_argument("--json", action="store_true")
    console.set_defaults(func=cmd_console)
