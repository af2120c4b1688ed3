"""The job loop inside `triage serve`: one process offers, escalates, follows up and sends digests by itself.

On the embedded defaults a deployment is one process; nobody has to know that a second command exists.
With separate `triage worker` processes on PostgreSQL, JOBS_IN_SERVE=false leaves the jobs to them (the
loop here would also be correct, as every job is leased, but the web process's event loop carries live audio).
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket

from routing.jobs import Handler, run_worker
from routing.notify import Notifier
from routing.store import Store
from routing.tasks import ensure_purge_scheduled, handlers
from sms.digest import photo_digest_handlers

logger = logging.getLogger(__name__)

IDLE_POLL_S = 1.0  # a due job waits at most this long; a poll is one indexed query


def job_handlers(store: Store, notifier: Notifier, *, secret: bytes, public_base_url: str) -> dict[str, Handler]:
    """Every job kind the app runs: routing's (offers, escalation, follow-ups, purge) and sms's photo digest."""
    return {**handlers(store, notifier),
            **photo_digest_handlers(store, notifier, secret=secret, public_base_url=public_base_url)}


class JobLoop:
    """`triage worker`'s loop as a task of the serving process, stopped before the store closes."""

    def __init__(self, store: Store, jobs: dict[str, Handler], *, idle_s: float = IDLE_POLL_S) -> None:
        self.store, self.jobs, self.idle_s = store, jobs, idle_s
        self.name = f"serve:{socket.gethostname()}:{os.getpid()}"
        self._stop = asyncio.Event()
        self._task: asyncio.Task | None = None

    def start(self) -> None:
        """Run jobs from now on, in this event loop."""
        self._task = asyncio.create_task(self._run(), name="job-loop")

    async def _run(self) -> None:
        try:
            await ensure_purge_scheduled(self.store)
        except Exception as exc:  # noqa: BLE001 - the database may be down at start; the next start schedules it
            logger.warning("job loop: retention purge not scheduled (%s)", type(exc).__name__)
        await run_worker(self.store, self.jobs, worker_name=self.name, stop=self._stop, idle_s=self.idle_s)

    @property
    def running(self) -> bool:
        """The loop is alive (for /healthz)."""
        return self._task is not None and not self._task.done()

    async def stop(self) -> None:
        """Let the running job finish its step, then end; a job cut short is retried when its lease ends."""
        self._stop.set()
        if self._task is not None:
            try:
                await asyncio.wait_for(asyncio.shield(self._task), timeout=self.store.policy.send_within_s)
            except TimeoutError:
                self._task.cancel()
                await asyncio.gather(self._task, return_exceptions=True)
