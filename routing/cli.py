"""routing's `triage` subcommands: db upgrade|reencrypt, workers, coordinators, worker (the job loop), bench queue.

Each handler is set as `func` and takes the parsed `args`; it runs its own event loop and returns
an exit code. The app passes `open_store`, which builds a Store from the settings (DATABASE_URL, keys).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import signal
import socket
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path

from routing.bench import bench_queue
from routing.coordinators import add_coordinator, list_coordinators, remove_coordinator
from routing.errors import RoutingError
from routing.jobs import Handler, run_worker
from routing.notify import Notifier, RecordingNotifier
from routing.privacy import mask_phone
from routing.store import Store
from routing.tasks import ensure_purge_scheduled, handlers
from routing.workers import add_worker, import_workers_csv, list_workers, remove_worker, set_duty

logger = logging.getLogger(__name__)

OpenStore = Callable[[], Awaitable[Store]]
MakeNotifier = Callable[[Store], Notifier]
MakeHandlers = Callable[[Store, Notifier], Mapping[str, Handler]]  # job kinds another package sends (sms's digest)


def store_command(open_store: OpenStore, body: Callable[[Store, argparse.Namespace], Awaitable[int]]):
    """An argparse handler that runs `body` on an opened store, closes it, and prints a routing error as one line."""
    def run(args: argparse.Namespace) -> int:
        async def main() -> int:
            store = await open_store()
            try:
                return await body(store, args)
            except RoutingError as exc:
                print(f"error ({exc.code}): {exc}")
                return 1
            finally:
                await store.close()

        return asyncio.run(main())

    return run


def _csv_list(value: str) -> list[str]:
    return [x.strip() for x in value.split(",") if x.strip()]


def register(subparsers, open_store: OpenStore, *, make_notifier: MakeNotifier | None = None,
             more_handlers: MakeHandlers | None = None) -> None:
    """Add `db`, `workers` and `worker` to the `triage` command. `make_notifier` is sms's sender;
    `more_handlers` adds the job kinds the app's other packages send (sms's photo digest)."""
    db = subparsers.add_parser("db", help="database schema").add_subparsers(dest="db_command", required=True)
    upgrade = db.add_parser("upgrade", help="bring the schema to the latest migration")
    upgrade.set_defaults(func=store_command(open_store, _db_upgrade))
    reencrypt = db.add_parser("reencrypt", help="rewrite every PHI column and photo file under the newest PHI_KEY "
                                                "(key rotation; also encrypts photos stored before encryption)")
    reencrypt.set_defaults(func=store_command(open_store, _db_reencrypt))

    workers = subparsers.add_parser("workers", help="health workers").add_subparsers(dest="workers_command",
                                                                                     required=True)
    add = workers.add_parser("add", help="add or update a worker")
    add.add_argument("phone")
    add.add_argument("name")
    add.add_argument("--country", help="ISO code where licensed (default: from the number)")
    add.add_argument("--languages", type=_csv_list, default=[])
    add.add_argument("--skills", type=_csv_list, default=[])
    add.add_argument("--on-duty", action="store_true")
    add.set_defaults(func=store_command(open_store, _workers_add))
    lst = workers.add_parser("list", help="list active workers")
    lst.add_argument("--on-duty", action="store_true")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=store_command(open_store, _workers_list))
    rm = workers.add_parser("remove", help="deactivate a worker")
    rm.add_argument("phone")
    rm.set_defaults(func=store_command(open_store, _workers_remove))
    duty = workers.add_parser("duty", help="put a worker on or off duty")
    duty.add_argument("phone")
    duty.add_argument("state", choices=["on", "off"])
    duty.set_defaults(func=store_command(open_store, _workers_duty))
    imp = workers.add_parser("import", help="import workers from CSV (phone,name,country,languages,skills,on_duty)")
    imp.add_argument("csv", type=Path)
    imp.set_defaults(func=store_command(open_store, _workers_import))

    coordinators = subparsers.add_parser("coordinators", help="who may sign in to the console (besides "
                                                              "COORDINATOR_NUMBERS)").add_subparsers(
        dest="coordinators_command", required=True)
    c_add = coordinators.add_parser("add", help="register (or reactivate) a coordinator")
    c_add.add_argument("phone")
    c_add.add_argument("name", nargs="?", default="")
    c_add.set_defaults(func=store_command(open_store, _coordinators_add))
    c_list = coordinators.add_parser("list", help="list coordinators (numbers as their last 4 digits)")
    c_list.set_defaults(func=store_command(open_store, _coordinators_list))
    c_rm = coordinators.add_parser("remove", help="deactivate a coordinator: their sessions end at once")
    c_rm.add_argument("phone")
    c_rm.set_defaults(func=store_command(open_store, _coordinators_remove))

    worker = subparsers.add_parser("worker", help="run scheduled jobs (offers, escalations, follow-ups, purge)")
    worker.add_argument("--name", default=f"{socket.gethostname()}:{os.getpid()}")
    worker.add_argument("--idle", type=float, default=1.0, help="seconds between polls when idle")
    worker.set_defaults(func=store_command(open_store, lambda store, args: _worker(store, args, make_notifier,
                                                                              more_handlers)))


def register_bench(bench_subparsers, open_store: OpenStore) -> None:
    """Add `queue` under `triage bench` (the app owns `bench` and its other subcommands)."""
    queue = bench_subparsers.add_parser("queue", help="concurrent claims: double claims, throughput, latency")
    queue.add_argument("--cases", type=int, default=10000)
    queue.add_argument("--workers", type=int, default=8)
    queue.add_argument("--json", action="store_true")
    queue.set_defaults(func=store_command(open_store, _bench_queue))


async def _db_upgrade(store: Store, args) -> int:
    await store.upgrade()
    print(f"schema at head ({store.dialect})")
    return 0


async def _db_reencrypt(store: Store, args) -> int:
    count = await store.reencrypt()
    print(f"re-encrypted {count} values and photo files under the newest key")
    return 0


async def _coordinators_add(store: Store, args) -> int:
    try:
        coordinator = await add_coordinator(store, args.phone, args.name)
    except ValueError as exc:
        print(f"error: {exc}")
        return 1
    print(f"coordinator {coordinator.id} {coordinator.name or ''} ({coordinator.phone_last4}) may sign in")
    return 0


async def _coordinators_list(store: Store, args) -> int:
    for c in await list_coordinators(store):
        print(f"{c.id}\t{c.phone_last4}\t{'active' if c.active else 'removed'}\t{c.name}")
    return 0


async def _coordinators_remove(store: Store, args) -> int:
    removed = await remove_coordinator(store, args.phone)
    print(f"removed {mask_phone(args.phone)}" if removed else f"no coordinator {mask_phone(args.phone)}")
    return 0 if removed else 1


async def _workers_add(store: Store, args) -> int:
    worker, created = await add_worker(store, phone=args.phone, name=args.name, country=args.country,
                                       languages=args.languages, skills=args.skills, on_duty=args.on_duty)
    print(f"{'added' if created else 'updated'} worker {worker.id} {worker.name} ({worker.country})")
    return 0


async def _workers_import(store: Store, args) -> int:
    imported, errors = await import_workers_csv(store, args.csv)
    for error in errors:
        print(error)
    print(f"imported {imported} workers, {len(errors)} rows refused")
    return 1 if errors else 0


async def _workers_list(store: Store, args) -> int:
    rows = await list_workers(store, on_duty_only=args.on_duty)
    if args.json:
        print(json.dumps([{"id": w.id, "phone": w.phone, "name": w.name, "country": w.country,
                           "languages": list(w.languages), "skills": list(w.skills), "on_duty": w.on_duty}
                          for w in rows]))
        return 0
    for w in rows:
        print(f"{w.id:>4}  {mask_phone(w.phone):<9} {w.country}  {'ON ' if w.on_duty else 'off'}  {w.name}"
              f"  [{', '.join(w.skills)}]")
    return 0


async def _workers_remove(store: Store, args) -> int:
    found = await remove_worker(store, args.phone)
    print("removed" if found else "no such active worker")
    return 0 if found else 1


async def _workers_duty(store: Store, args) -> int:
    found = await set_duty(store, args.phone, args.state == "on")
    print(f"now {args.state} duty" if found else "no such active worker")
    return 0 if found else 1


async def _worker(store: Store, args, make_notifier: MakeNotifier | None, more_handlers: MakeHandlers | None) -> int:
    if make_notifier is None:
        logger.warning("no notifier wired: messages are logged, not sent")
    notifier = make_notifier(store) if make_notifier else RecordingNotifier()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await ensure_purge_scheduled(store)
    jobs = {**handlers(store, notifier), **(more_handlers(store, notifier) if more_handlers else {})}
    ran = await run_worker(store, jobs, worker_name=args.name, stop=stop, idle_s=args.idle)
    print(f"worker {args.name}: ran {ran} jobs", flush=True)  # what a stopped worker did, for operators and drills
    return 0


async def _bench_queue(store: Store, args) -> int:
    result = await bench_queue(store, cases=args.cases, workers=args.workers)
    print(json.dumps(result) if args.json else "\n".join(f"{k}: {v}" for k, v in result.items()))
    return 0 if result["double_claims"] == 0 else 1
