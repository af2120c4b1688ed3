"""Durable scheduled jobs in the database: claimed under a lease, retried with backoff, run once.

A job is claimed with `FOR UPDATE SKIP LOCKED` on PostgreSQL (serialized transactions on SQLite) and
leased for `job_lease_s`; a worker killed mid-job leaves the lease to expire and another worker
retries it. Finishing is fenced by the attempt number, so a job completes exactly once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from routing.models import Job

logger = logging.getLogger(__name__)

ERROR_TEXT_LIMIT = 500
WORKER_NAME_LIMIT = 64  # jobs.locked_by: a long host name must not make every claim fail on PostgreSQL


class JobStatus(StrEnum):
    """Where a job stands (`jobs.status`)."""

    PENDING = "pending"  # waiting for its run_at, or for a retry
    RUNNING = "running"  # leased to a worker until locked_until
    DONE = "done"
    FAILED = "failed"  # out of attempts


@dataclass(frozen=True)
class ClaimedJob:
    """A job this worker holds the lease on."""

    id: int
    kind: str
    payload: dict
    attempt: int


Handler = Callable[[ClaimedJob], Awaitable[None]]


async def schedule(session: AsyncSession, kind: str, payload: dict, *, run_at: datetime, now: datetime,
                   dedupe_key: str | None = None, max_attempts: int = 5) -> bool:
    """Add a job inside the caller's transaction (atomic with the change that needs it); False if deduplicated."""
    if dedupe_key and (await session.execute(select(Job.id).where(Job.dedupe_key == dedupe_key))).first():
        return False
    session.add(Job(kind=kind, payload=payload, run_at=run_at, status=JobStatus.PENDING, attempts=0,
                    max_attempts=max_attempts, dedupe_key=dedupe_key, created_at=now, updated_at=now))
    return True


async def enqueue(store, kind: str, payload: dict, *, run_at: datetime | None = None,
                  dedupe_key: str | None = None) -> bool:
    """Add a job in its own transaction; False when `dedupe_key` was already used."""
    now = store.now()
    return await store.write("enqueue", lambda s: schedule(
        s, kind, payload, run_at=run_at or now, now=now, dedupe_key=dedupe_key,
        max_attempts=store.policy.job_max_attempts))


async def claim_job(store, worker_name: str) -> ClaimedJob | None:
    """Lease the most overdue runnable job (pending and due, or running with an expired lease)."""

    async def op(s: AsyncSession) -> ClaimedJob | None:
        now = store.now()
        job = (await s.execute(
            select(Job).where(or_(and_(Job.status == JobStatus.PENDING, Job.run_at <= now),
                                  and_(Job.status == JobStatus.RUNNING, Job.locked_until < now)))
            .order_by(Job.run_at, Job.id).limit(1).with_for_update(skip_locked=True))).scalar_one_or_none()
        if job is None:
            return None
        if job.status == JobStatus.RUNNING:
            logger.warning("job %d (%s): lease of %s expired, retrying", job.id, job.kind, job.locked_by)
        job.status, job.attempts, job.locked_by = JobStatus.RUNNING, job.attempts + 1, worker_name[-WORKER_NAME_LIMIT:]
        job.locked_until = now + timedelta(seconds=store.policy.job_lease_s)
        job.updated_at = now
        return ClaimedJob(job.id, job.kind, dict(job.payload or {}), job.attempts)

    return await store.write("claim_job", op)


async def finish_job(store, job: ClaimedJob, *, error: str | None = None) -> bool:
    """Mark the job done, or schedule its retry with backoff (failed after max attempts).

    Returns False when this worker's lease was lost (another worker took the job over).
    """

    async def op(s: AsyncSession) -> bool:
        now = store.now()
        row = (await s.execute(select(Job).where(Job.id == job.id, Job.status == JobStatus.RUNNING,
                                                 Job.attempts == job.attempt).with_for_update())).scalar_one_or_none()
        if row is None:
            return False
        row.locked_by, row.locked_until, row.updated_at = None, None, now
        if error is None:
            row.status = JobStatus.DONE
        elif row.attempts >= row.max_attempts:
            row.status, row.last_error = JobStatus.FAILED, error[:ERROR_TEXT_LIMIT]
        else:
            row.status, row.last_error = JobStatus.PENDING, error[:ERROR_TEXT_LIMIT]
            row.run_at = now + timedelta(seconds=store.policy.job_backoff_s * 2 ** (row.attempts - 1))
        return True

    return await store.write("finish_job", op)


async def run_once(store, handlers: Mapping[str, Handler], worker_name: str) -> ClaimedJob | None:
    """Claim one due job, run its handler, record the outcome; None when nothing is due."""
    job = await claim_job(store, worker_name)
    if job is None:
        return None
    handler = handlers.get(job.kind)
    error = None
    try:
        if handler is None:
            raise LookupError(f"no handler for job kind {job.kind!r}")
        await handler(job)
    except asyncio.CancelledError:
        raise  # the lease expires and another worker retries
    except Exception as exc:  # noqa: BLE001 - a failing job is retried, it must not stop the worker
        error = f"{type(exc).__name__}: {exc}"
        logger.warning("job %d (%s) attempt %d failed: %s", job.id, job.kind, job.attempt, error)
    if not await finish_job(store, job, error=error):
        logger.warning("job %d (%s): lease lost before finishing", job.id, job.kind)
    return job


async def run_worker(store, handlers: Mapping[str, Handler], *, worker_name: str, stop: asyncio.Event,
                     idle_s: float = 1.0) -> int:
    """`triage worker`: run due jobs until `stop` is set; returns how many ran."""
    ran = 0
    logger.info("job worker %s started", worker_name)
    while not stop.is_set():
        try:
            job = await run_once(store, handlers, worker_name)
        except Exception as exc:  # noqa: BLE001 - the database may be down for a while: wait, keep going
            logger.warning("job worker %s: %s; waiting", worker_name, type(exc).__name__)
            job = None
        if job is not None:
            ran += 1
            continue
        try:
            await asyncio.wait_for(stop.wait(), timeout=idle_s)
        except TimeoutError:
            pass
    logger.info("job worker %s stopped after %d jobs", worker_name, ran)
    return ran


async def job_counts(store) -> dict[str, int]:
    """Jobs by status, plus "overdue" (pending and due): for /metrics."""
    async def op(s: AsyncSession) -> tuple[list, int]:
        rows = (await s.execute(select(Job.status, func.count()).group_by(Job.status))).all()
        overdue = (await s.execute(select(func.count()).where(Job.status == JobStatus.PENDING,
                                                              Job.run_at <= store.now()))).scalar_one()
        return rows, overdue

    rows, overdue = await store.read("job_counts", op)
    counts = {status: n for status, n in rows}
    counts["overdue"] = overdue
    return counts



LATE_AFTER_S = 60  # a job still pending this long after its run time: no job loop is running, or it is stuck


@dataclass(frozen=True)
class Lateness:
    """Jobs overdue by more than LATE_AFTER_S, and how overdue the oldest is (for /healthz and /metrics)."""

    late: int
    oldest_overdue_s: float


async def job_lateness(store, *, late_after_s: float = LATE_AFTER_S) -> Lateness:
    """How many pending jobs are more than `late_after_s` past due, and the oldest one's delay in seconds."""
    now = store.now()
    async def op(s: AsyncSession) -> tuple[int, datetime | None]:
        return tuple((await s.execute(
            select(func.count(), func.min(Job.run_at))
            .where(Job.status == JobStatus.PENDING, Job.run_at <= now - timedelta(seconds=late_after_s)))).one())

    late, oldest = await store.read("job_lateness", op)
    if oldest is not None and oldest.tzinfo is None:  # SQLite hands back naive UTC
        oldest = oldest.replace(tzinfo=now.tzinfo)
    return Lateness(late, round((now - oldest).total_seconds(), 1) if oldest is not None else 0.0)
