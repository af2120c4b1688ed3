"""Real `triage worker` processes on one database: every job runs once, and a worker killed mid-send loses nothing.

Workers talk to a loopback Twilio (tests/support/fake_twilio.py) through the real SDK, configured only by the
environment, as in production. Each test gets a scratch database: a SQLite file, or a PostgreSQL database
created for it and dropped after.
"""

from __future__ import annotations

import asyncio
import os
import re
import secrets
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import asyncpg
import pytest
from cryptography.fernet import Fernet
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from routing.crypto import PhiCipher
from routing.jobs import enqueue, job_counts
from routing.migrate import upgrade_database
from routing.models import AuditEntry, Case, Job
from routing.outbox import list_messages
from routing.policy import RoutingPolicy
from routing.store import Store
from tests.support.fake_twilio import ACCOUNT_SID, AUTH_TOKEN, FROM_NUMBER, FakeTwilio
from tests.support.store import queued_case

TRIAGE = str(Path(sys.executable).with_name("triage"))
DEFAULT_POSTGRES_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
COORDINATORS = ("+2348070000001", "+2348070000002")
PROCESSES = 3
CASES = 100  # each: offer + escalate, then the escalation's offer and one alert per coordinator = 5 jobs
IDLE_S = "0.1"  # seconds a worker waits between polls when nothing is due
# Deadlines only catch a hang: a loaded 2-core machine took over 60 s for the 501 jobs of three workers, and a
# worker process imports the whole server before its first job.
SETTLE_TIMEOUT_S = 300.0
START_TIMEOUT_S = 120.0
STOP_TIMEOUT_S = 60.0
LEASE_S = 6  # short, so the retry comes soon; the dead worker's send window is half of it
RAN = re.compile(r"worker (\S+): ran (\d+) jobs")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def scratch_database(request, tmp_path):
    """A migrated database of this test's own: a SQLite file, or a PostgreSQL database dropped afterwards."""
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'db' / 'triage.db'}"
        await upgrade_database(url)
        yield url
        return
    base = make_url(os.environ.get("TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL))
    name = f"tl_proc_{os.getpid()}_{secrets.token_hex(3)}"
    admin = base.set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        await _admin(admin, f'CREATE DATABASE "{name}"')
    except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"PostgreSQL unreachable: {exc} (CI=true: PostgreSQL tests must run)")
        pytest.skip(f"PostgreSQL unreachable: {type(exc).__name__}: {exc}")
    try:
        url = base.set(database=name).render_as_string(hide_password=False)
        await upgrade_database(url)
        yield url
    finally:
        await _admin(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def _admin(dsn: str, sql: str) -> None:
    conn = await asyncpg.connect(dsn, timeout=5)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


class Deployment:
    """What every worker of one deployment shares, through the environment only: database, keys, Twilio."""

    def __init__(self, database_url: str, twilio: FakeTwilio, tmp_path: Path, **settings: str) -> None:
        self.tmp_path = tmp_path
        self.phi_key = Fernet.generate_key().decode()
        self.hash_key = secrets.token_hex(32)
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path), "LANG": "C.UTF-8",
            "DATABASE_URL": database_url, "PHI_KEY": self.phi_key, "PHI_HASH_KEY": self.hash_key,
            "DATA_DIR": str(tmp_path / "var"), "TWILIO_ACCOUNT_SID": ACCOUNT_SID, "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
            "TWILIO_FROM_NUMBER": FROM_NUMBER, "TWILIO_API_BASE_URL": twilio.url, **settings,
        }
        self.workers: list[WorkerProcess] = []

    async def store(self, policy: RoutingPolicy = RoutingPolicy()) -> Store:
        """Our own connection, with the deployment's keys (and a policy of our choosing for what we schedule)."""
        return await Store.connect(self.env["DATABASE_URL"], PhiCipher.from_keys(self.phi_key),
                                   hash_key=self.hash_key.encode(), policy=policy)

    def start(self, name: str) -> "WorkerProcess":
        """`triage worker --name <name>` in a subprocess."""
        worker = WorkerProcess(name, self.env, self.tmp_path)
        self.workers.append(worker)
        return worker

    def stop_all(self) -> None:
        for worker in self.workers:
            worker.stop()


class WorkerProcess:
    """One `triage worker` process; its output goes to files in tmp_path."""

    def __init__(self, name: str, env: dict[str, str], tmp_path: Path) -> None:
        self.name = name
        self.out = tmp_path / f"{name}.out"
        self.err = tmp_path / f"{name}.err"
        with open(self.out, "wb") as out, open(self.err, "wb") as err:
            self.process = subprocess.Popen([TRIAGE, "worker", "--name", name, "--idle", IDLE_S],
                                            env=env, cwd=tmp_path, stdout=out, stderr=err)

    def kill(self) -> None:
        """SIGKILL: no cleanup, no finally, nothing written."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=STOP_TIMEOUT_S)

    def stop(self) -> None:
        """SIGTERM, as a deploy does: the worker finishes its job and exits."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=STOP_TIMEOUT_S)

    @property
    def ran(self) -> int:
        """Jobs it ran, from the line a worker prints when it stops."""
        found = RAN.search(self.out.read_text())
        assert found and found.group(1) == self.name, f"{self.name} did not stop cleanly: {self.log()}"
        return int(found.group(2))

    def log(self) -> str:
        return self.err.read_text()[-3000:]


async def settled(store: Store, done: int, timeout_s: float = SETTLE_TIMEOUT_S) -> None:
    """Wait until `done` jobs are done and nothing due is left pending or running."""
    async def poll() -> None:
        while True:
            counts = await job_counts(store)
            if counts.get("done", 0) >= done and counts["overdue"] == 0 and counts.get("running", 0) == 0:
                return
            await asyncio.sleep(0.2)

    await asyncio.wait_for(poll(), timeout=timeout_s)


async def jobs_by_status(store: Store) -> Counter[str]:
    async with store.transaction() as s:
        return Counter(dict((await s.execute(select(Job.status, func.count()).group_by(Job.status))).all()))


async def test_three_worker_processes_run_every_job_exactly_once(scratch_database, tmp_path):
    with FakeTwilio() as twilio:
        deployment = Deployment(scratch_database, twilio, tmp_path, COORDINATOR_NUMBERS=",".join(COORDINATORS))
        # Cases that waited too long already: each has an offer and an escalation due now.
        store = await deployment.store(RoutingPolicy(escalate_after_s=0))
        try:
            case_ids = [await queued_case(store, f"CA-{n}", caller=f"+23480312{n:05d}") for n in range(CASES)]
            expected_done = CASES * 5 + 1  # and today's retention purge
            started = time.monotonic()
            for n in range(PROCESSES):
                deployment.start(f"worker-{n}")
            try:
                await settled(store, expected_done)
            finally:
                deployment.stop_all()
            elapsed_s = time.monotonic() - started

            ran = {w.name: w.ran for w in deployment.workers}
            statuses = await jobs_by_status(store)
            assert statuses == {"done": expected_done, "pending": 1}, statuses  # pending: tomorrow's purge
            async with store.transaction() as s:
                attempts = (await s.execute(select(func.sum(Job.attempts)).where(Job.status == "done"))).scalar_one()
                escalations = Counter(dict((await s.execute(
                    select(AuditEntry.case_id, func.count()).where(AuditEntry.detail.like("%waited too long%"))
                    .group_by(AuditEntry.case_id))).all()))
                references = dict((await s.execute(select(Case.id, Case.reference))).all())
            assert attempts == expected_done  # no job was claimed twice
            assert sum(ran.values()) == expected_done and sum(1 for n in ran.values() if n > 0) > 1, ran
            assert escalations == Counter({case_id: 1 for case_id in case_ids})

            messages = await list_messages(store, limit=10 * CASES)
            assert len(messages) == CASES * len(COORDINATORS)
            assert all(m.kind == "escalation" and m.status == "queued" and m.provider_sid for m in messages)
            sent = Counter((r["form"]["To"], r["form"]["Body"]) for r in twilio.created())
            assert set(sent.values()) == {1} and len(twilio.requests) == len(sent)
            assert set(sent) == {(m.to, m.body) for m in messages}
            assert {(coordinator, references[case_id]) for coordinator in COORDINATORS for case_id in case_ids} == {
                (m.to, references[m.case_id]) for m in messages}
            assert {m["sid"] for m in twilio.messages} == {m.provider_sid for m in messages}
            print(f"\n{store.dialect}: {expected_done} jobs, {len(messages)} messages, {PROCESSES} processes "
                  f"ran {sorted(ran.values())}, {attempts} attempts, {elapsed_s:.1f} s")
        finally:
            await store.close()


@pytest.mark.parametrize("kill_point", ["hold", "accept-hold"])
async def test_a_worker_killed_mid_send_is_retried_and_the_message_exists_once(scratch_database, tmp_path,
                                                                                kill_point):
    """hold: Twilio never accepted the request. accept-hold: Twilio accepted it, the answer never came back."""
    coordinator = COORDINATORS[0]
    with FakeTwilio() as twilio:
        twilio.script[coordinator] = [kill_point, 201]
        deployment = Deployment(scratch_database, twilio, tmp_path, COORDINATOR_NUMBERS=coordinator,
                                JOB_LEASE_S=str(LEASE_S))
        store = await deployment.store()
        try:
            case = await store.open_call(call_sid="CA-kill", caller="+2348031234567")
            await enqueue(store, "notify", {"case_id": case.case_id, "audience": "coordinator", "index": 0,
                                            "kind": "escalation", "hours": 2.0})
            started = time.monotonic()
            first = deployment.start("first")
            held = await asyncio.to_thread(twilio.holding.acquire, timeout=START_TIMEOUT_S)
            assert held, f"the first worker never sent: {first.log()}"
            first.kill()  # while its handler waits inside messages.create
            (row,) = await list_messages(store)
            assert row.status == "sending" and row.provider_sid is None  # what a dead worker leaves behind

            second = deployment.start("second")
            try:
                await settled(store, done=2, timeout_s=LEASE_S + SETTLE_TIMEOUT_S)  # the notify and the purge
            finally:
                second.stop()
            elapsed_s = time.monotonic() - started

            async with store.transaction() as s:
                (job,) = (await s.execute(select(Job).where(Job.kind == "notify"))).scalars().all()
            assert (job.status, job.attempts) == ("done", 2)
            assert len(twilio.messages) == 1  # Twilio has the alert exactly once
            (message,) = twilio.messages
            assert message["to"] == coordinator and case.reference in message["body"]
            (row,) = await list_messages(store)
            assert (row.status, row.provider_sid, row.body) == ("queued", message["sid"], message["body"])
            assert len(twilio.list_requests) == 1  # the retry asked Twilio before sending again
            assert len(twilio.requests) == (2 if kill_point == "hold" else 1)
            assert second.ran == 2, second.log()
            print(f"\n{store.dialect} {kill_point}: retried and settled in {elapsed_s:.1f} s, "
                  f"{len(twilio.requests)} POSTs, {len(twilio.list_requests)} list")
        finally:
            await store.close()
