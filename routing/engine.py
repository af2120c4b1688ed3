"""Database engines for SQLite and PostgreSQL, and the bounded retry that rides out short outages."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from routing.errors import StoreUnavailable

logger = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 5000
PG_CONNECT_TIMEOUT_S = 5

T = TypeVar("T")


def make_engine(database_url: str) -> AsyncEngine:
    """An async engine for `database_url`: SQLite gets WAL, a busy timeout and serialized writers."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url)
        _configure_sqlite(engine)
        return engine
    return create_async_engine(url, pool_pre_ping=True, connect_args={"timeout": PG_CONNECT_TIMEOUT_S})


def _configure_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def on_begin(conn):
        # IMMEDIATE takes the write lock up front: claims are serialized across processes and a
        # reader never deadlocks upgrading to a writer.
        conn.exec_driver_sql("BEGIN IMMEDIATE")


@dataclass(frozen=True)
class RetryPolicy:
    """How long a write keeps trying through a database outage (bounded)."""

    attempts: int = 6
    first_delay_s: float = 0.1
    max_delay_s: float = 1.6


def is_transient(exc: BaseException) -> bool:
    """True for errors a reconnect can cure: refused or dropped connections, a busy database."""
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, (OperationalError, InterfaceError, DisconnectionError, OSError))


async def with_retry(op: Callable[[], Awaitable[T]], policy: RetryPolicy, what: str) -> T:
    """Run `op`, retrying transient errors with doubling delays; then raise StoreUnavailable."""
    delay = policy.first_delay_s
    for attempt in range(1, policy.attempts + 1):
        try:
            return await op()
        except Exception as exc:
            if not is_transient(exc):
                raise
            if attempt == policy.attempts:
                raise StoreUnavailable(f"{what}: database unavailable after {attempt} attempts") from exc
            logger.warning("%s: transient database error (attempt %d/%d), retrying in %.1fs: %s",
                           what, attempt, policy.attempts, delay, type(exc).__name__)
            await asyncio.sleep(delay)
            delay = min(delay * 2, policy.max_delay_s)
    raise AssertionError("unreachable")
