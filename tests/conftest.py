"""Shared database fixtures: every storage test runs on SQLite and on PostgreSQL.

PostgreSQL: TEST_POSTGRES_URL (default postgresql+asyncpg://postgres@127.0.0.1:5432/test). Each test
session creates its own database from it and drops it at the end, so concurrent runs never meet.
When the server is unreachable the PostgreSQL half is skipped, except under CI=true, where it fails.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor

import asyncpg
import pytest
from cryptography.fernet import Fernet
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from quart import Quart
from quart.testing import TestApp
from sqlalchemy.engine import make_url

from routing.crypto import PhiCipher
from routing.migrate import upgrade_database
from routing.models import Base
from routing.store import Store
from tests.support.settings import SHARED_PROMPT_AUDIO_ENV

APP_START_TIMEOUT_S = 120  # the app's startup loads Whisper: Quart's test default (6 s) fails on a loaded machine


class PatientTestApp(TestApp):
    """Quart's test app, with startup and shutdown deadlines a busy 2-core machine meets."""

    def __init__(self, app, startup_timeout: int = APP_START_TIMEOUT_S, shutdown_timeout: int = APP_START_TIMEOUT_S):
        super().__init__(app, startup_timeout=startup_timeout, shutdown_timeout=shutdown_timeout)


Quart.test_app_class = PatientTestApp

# The suite's servers run no job loop unless a test asks for one (Settings(jobs_in_serve=True)): most tests
# drive jobs one step at a time with run_once, and a loop of the server's own would race them.
os.environ.setdefault("JOBS_IN_SERVE", "false")

# hypothesis' speed checks (a 200 ms deadline per example, too_slow when generating data takes long) measure the
# machine, not the code: on a loaded 2-core machine they failed properties that hold. The properties stay as they
# are; only the stopwatch goes. A test's own @settings still override the rest of hypothesis' defaults.
hypothesis_settings.register_profile("any-machine-speed", deadline=None,
                                     suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("any-machine-speed")

# The files that took longest in a CI run (`--durations`, slowest first). They start first, and xdist keeps the
# collection's order instead of putting the files with most tests first (its default, which left the bench and the
# whole calls, a few tests each, to run at the end on one worker while the other sat idle). Order only: a stale list
# costs wall time, never a verdict; a file not listed keeps its place after these.
LONGEST_FILES = (
    "tests/voice/test_voice_bench.py", "tests/voice/test_call_e2e.py", "tests/voice/test_voice_hostile.py",
    "tests/voice/test_voice_orphans.py", "tests/voice/test_voice_call_cli.py", "tests/console/test_console_browser.py",
    "tests/intake/test_intake_corpus.py", "tests/routing/test_routing_worker_processes.py",
    "tests/voice/test_voice_cluster.py", "tests/voice/test_voice_startup.py", "tests/voice/test_voice_drills.py",
    "tests/voice/test_voice_turn_taking.py", "tests/voice/test_voice_call_server.py", "tests/voice/test_barge_in.py",
    "tests/stt/test_stt_batching.py",
)


def pytest_configure(config):
    if hasattr(config.option, "loadscopereorder"):  # pytest-xdist's --loadscope-reorder
        config.option.loadscopereorder = False
    # One prompt-audio cache for the run (tests/support/settings.py): made here in the main process, before xdist
    # starts its workers, which inherit the variable; removed when the run ends.
    if not hasattr(config, "workerinput") and SHARED_PROMPT_AUDIO_ENV not in os.environ:
        config._shared_prompt_audio = tempfile.mkdtemp(prefix="triageline-test-prompts-")
        os.environ[SHARED_PROMPT_AUDIO_ENV] = config._shared_prompt_audio


def pytest_unconfigure(config):
    if shared := getattr(config, "_shared_prompt_audio", None):
        shutil.rmtree(shared, ignore_errors=True)
        os.environ.pop(SHARED_PROMPT_AUDIO_ENV, None)


def pytest_collection_modifyitems(config, items):
    """The longest files first, each file's tests still together and in their own order."""
    rank = {path: n for n, path in enumerate(LONGEST_FILES)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))  # stable: the rest keep order


DEFAULT_POSTGRES_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
TEST_PHI_KEY = Fernet.generate_key().decode()
TEST_HASH_KEY = secrets.token_bytes(32)


def run_async(make_coro):
    """Run a coroutine to completion on a private loop in a thread: safe whether or not a loop is running."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(make_coro())).result()


def _asyncpg_dsn(url) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


async def _admin(url, sql: str) -> None:
    conn = await asyncpg.connect(_asyncpg_dsn(url), timeout=5)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


@pytest.fixture(scope="session")
def postgres_url():
    """URL of a fresh, migrated PostgreSQL database private to this test session."""
    base = make_url(os.environ.get("TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL))
    name = f"tl_test_{os.getpid()}_{secrets.token_hex(3)}"
    try:
        run_async(lambda: _admin(base, f'CREATE DATABASE "{name}"'))
    except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
        reason = f"PostgreSQL unreachable at {base.render_as_string()}: {type(exc).__name__}: {exc}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason + " (CI=true: PostgreSQL tests must run)")
        pytest.skip(reason)
    url = base.set(database=name)
    try:
        run_async(lambda: upgrade_database(url.render_as_string(hide_password=False)))
        yield url.render_as_string(hide_password=False)
    finally:
        run_async(lambda: _admin(base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def _truncate_postgres(url: str) -> None:
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    await _admin(make_url(url), f"TRUNCATE {tables} RESTART IDENTITY CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request, tmp_path):
    """An empty database at the head schema: a temporary SQLite file, or this session's PostgreSQL database."""
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'db' / 'triage.db'}"
        run_async(lambda: upgrade_database(url))
        return url
    url = request.getfixturevalue("postgres_url")
    run_async(lambda: _truncate_postgres(url))
    return url


@pytest.fixture
def phi_cipher() -> PhiCipher:
    """The test PHI cipher (one key per test session)."""
    return PhiCipher.from_keys(TEST_PHI_KEY)


@pytest.fixture
def hash_key() -> bytes:
    """The test key for phone-number hashes."""
    return TEST_HASH_KEY


@pytest.fixture
async def store(database_url, phi_cipher, hash_key, tmp_path):
    """A connected Store on `database_url` (already upgraded), photos under tmp_path/photos, closed after the test."""
    s = await Store.connect(database_url, phi_cipher, hash_key=hash_key, photo_dir=tmp_path / "photos")
    yield s
    await s.close()
