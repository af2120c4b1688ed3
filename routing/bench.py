"""`triage bench queue`: many workers claiming at once; counts double claims and measures claim latency."""

from __future__ import annotations

import asyncio
import random
import statistics
import time

from sqlalchemy import func, insert, select

from routing.errors import RoutingError
from routing.lifecycle import Status
from routing.models import Case
from routing.priority import base_priority
from routing.queue import claim_next
from routing.store import Store, new_reference
from routing.workers import add_worker

# One synthetic, valid worker number pattern per region; the bench cases come from these regions.
WORKER_NUMBERS = {"NG": "+23480310{:05d}", "IN": "+9198100{:05d}", "PH": "+6391710{:05d}"}
CATEGORIES = [("RED", "urgent"), ("YELLOW", "urgent"), ("GREEN", "routine"), ("BLACK", "emergency")]
INSERT_BATCH = 1000


def _percentile(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


async def bench_queue(store: Store, *, cases: int, workers: int, seed: int = 7) -> dict:
    """Fill an empty database with `cases` queued cases and let `workers` claim them concurrently."""
    async def count_cases(s) -> int:
        return (await s.execute(select(func.count()).select_from(Case))).scalar_one()

    if await store.read("bench_queue", count_cases):
        raise RoutingError("the queue bench needs an empty database (it writes thousands of cases)",
                               code="bench-needs-empty-database")
    regions = list(WORKER_NUMBERS)[:max(1, min(workers, len(WORKER_NUMBERS)))]
    staff = []
    for i in range(workers):
        region = regions[i % len(regions)]
        worker, _ = await add_worker(store, phone=WORKER_NUMBERS[region].format(i), name=f"bench-{i}",
                                     country=region, on_duty=True)
        staff.append(worker.id)

    rng = random.Random(seed)
    now = store.now()
    now_s = int(now.timestamp())
    references: set[str] = set()
    while len(references) < cases:
        references.add(new_reference())
    for start in range(0, cases, INSERT_BATCH):
        rows = []
        for n in range(start, min(cases, start + INSERT_BATCH)):
            category, urgency = rng.choice(CATEGORIES)
            rows.append(dict(reference=references.pop(), channel="voice", contact_hash=store.hash(f"bench-{n}"),
                             contact_enc=None, region=rng.choice(regions), status=Status.PENDING.value,
                             category=category, urgency=urgency, follow_up=False,
                             priority_base=base_priority(category, urgency),
                             queued_at_s=now_s - rng.randrange(0, 7200), created_at=now, updated_at=now))
        await store.write("bench_insert", lambda s, rows=rows: s.execute(insert(Case), rows))

    latencies_ms: list[float] = []
    claimed: list[int] = []

    async def work(worker_id: int) -> None:
        while True:
            started = time.perf_counter()
            claim = await claim_next(store, worker_id)
            latencies_ms.append((time.perf_counter() - started) * 1000)
            if claim is None:
                return
            claimed.append(claim.case_id)

    started = time.perf_counter()
    await asyncio.gather(*(work(w) for w in staff))
    elapsed = time.perf_counter() - started
    unique = len(set(claimed))
    return {
        "database": store.dialect,
        "cases": cases,
        "workers": workers,
        "claimed": len(claimed),
        "double_claims": len(claimed) - unique,
        "unclaimed": cases - unique,
        "claims_per_s": round(len(claimed) / elapsed, 1) if elapsed else 0.0,
        "claim_latency_ms": {"p50": round(_percentile(latencies_ms, 50), 2),
                             "p95": round(_percentile(latencies_ms, 95), 2)},
    }
