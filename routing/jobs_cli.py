"""`triage jobs list|run-due`: what the job loop has scheduled, and running what would be due at a given time.

`run-due --at` runs the jobs as if it were that time (the store's clock is set to it), so a demo can show the
24 h and 48 h follow-ups without waiting or editing the database. What those jobs write carries that time.
"""

from __future__ import annotations

import argparse
import json
import re
import socket
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from routing.jobs import Handler, JobStatus, run_once
from routing.models import Case, Job
from routing.notify import Notifier, RecordingNotifier
from routing.cli import OpenStore, store_command
from routing.store import Store
from routing.tasks import handlers

MakeNotifier = Callable[[Store], Notifier]
MakeHandlers = Callable[[Store, Notifier], Mapping[str, Handler]]
RELATIVE = re.compile(r"^\+(?P<n>\d+)\s*(?P<unit>[mhd])$")
UNITS = {"m": "minutes", "h": "hours", "d": "days"}


def at_time(value: str, *, now: datetime | None = None) -> datetime:
    """`--at`: an ISO time (naive is UTC) or "+25h" / "+2d" / "+30m" from now."""
    now = now or datetime.now(UTC)
    if match := RELATIVE.match(value.strip().lower()):
        return now + timedelta(**{UNITS[match["unit"]]: int(match["n"])})
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO time nor +N h/d/m: {value!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def register(subparsers, open_store: OpenStore, *, make_notifier: MakeNotifier | None = None,
             more_handlers: MakeHandlers | None = None) -> None:
    """Add `jobs list` and `jobs run-due` to the `triage` command (the notifier and handlers as `triage worker`'s)."""
    jobs = subparsers.add_parser("jobs", help="scheduled jobs: offers, escalations, follow-ups, digests, purge")
    sub = jobs.add_subparsers(dest="jobs_command", required=True)
    lst = sub.add_parser("list", help="jobs waiting to run (and running), soonest first")
    lst.add_argument("--all", action="store_true", help="also jobs done and failed")
    lst.add_argument("--json", action="store_true", help="one JSON object per job")
    lst.set_defaults(func=store_command(open_store, _list))
    due = sub.add_parser("run-due", help="run every job that would be due at --at (as if it were that time)")
    due.add_argument("--at", type=at_time, required=True, help="ISO time, or +25h / +2d / +30m from now")
    due.add_argument("--name", default=f"run-due:{socket.gethostname()}")
    due.set_defaults(func=store_command(open_store, lambda store, args: _run_due(store, args, make_notifier, more_handlers)))


async def scheduled(store: Store, *, include_finished: bool = False) -> list[dict]:
    """Jobs soonest first, each with its case's reference when it has one (no PHI: payloads hold ids)."""
    query = select(Job).order_by(Job.run_at, Job.id)
    if not include_finished:
        query = query.where(Job.status.in_([JobStatus.PENDING, JobStatus.RUNNING]))
    async def op(s) -> tuple[list[Job], dict[int, str]]:
        rows = (await s.execute(query)).scalars().all()
        case_ids = {j.payload.get("case_id") for j in rows if (j.payload or {}).get("case_id")}
        refs = dict((await s.execute(select(Case.id, Case.reference).where(Case.id.in_(case_ids)))).all()
                    ) if case_ids else {}
        return rows, refs

    rows, refs = await store.read("scheduled_jobs", op)
    return [{"id": j.id, "kind": j.kind, "status": j.status, "run_at": j.run_at.isoformat(), "attempts": j.attempts,
             "case": refs.get((j.payload or {}).get("case_id")), "last_error": j.last_error} for j in rows]


async def _list(store: Store, args) -> int:
    jobs = await scheduled(store, include_finished=args.all)
    now = store.now()
    for j in jobs:
        if args.json:
            print(json.dumps(j))
            continue
        wait = datetime.fromisoformat(j["run_at"]) - now
        when = f"in {_span(wait)}" if wait.total_seconds() > 0 else f"due {_span(-wait)} ago"
        print(f"#{j['id']:<5} {j['kind']:<15} {j['status']:<8} {j['run_at'][:19]}Z ({when})  {j['case'] or ''}"
              + (f"  [{j['last_error']}]" if j["last_error"] else ""))
    if not jobs and not args.json:
        print("no jobs scheduled")
    return 0


def _span(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if hours else f"{minutes} min"


async def _run_due(store: Store, args, make_notifier: MakeNotifier | None, more_handlers: MakeHandlers | None) -> int:
    store.clock = lambda: args.at
    notifier = make_notifier(store) if make_notifier else RecordingNotifier()
    jobs = {**handlers(store, notifier), **(more_handlers(store, notifier) if more_handlers else {})}
    ran = 0
    while (job := await run_once(store, jobs, args.name)) is not None:
        ran += 1
        print(f"ran #{job.id} {job.kind} {json.dumps(job.payload)}")
    print(f"{ran} jobs due by {args.at.isoformat()} ran")
    return 0
