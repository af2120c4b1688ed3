"""Bring a database's schema to head with the Alembic migrations shipped in routing/migrations."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, text
from sqlalchemy.ext.asyncio import AsyncEngine

from routing.engine import make_engine

logger = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
PG_MIGRATION_LOCK = 0x7472_6961_6765  # "triage": one migrator at a time across processes


def alembic_config(connection: Connection | None = None) -> Config:
    """An in-memory Alembic config pointing at the packaged migrations."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def _upgrade(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        # web and worker processes may start together; the second waits, then finds nothing to do
        connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_MIGRATION_LOCK})
    command.upgrade(alembic_config(connection), "head")


async def upgrade_engine(engine: AsyncEngine) -> None:
    """Run all pending migrations in one transaction on `engine`."""
    async with engine.begin() as conn:
        await conn.run_sync(_upgrade)
    logger.info("database schema is at head")


async def upgrade_database(database_url: str) -> None:
    """`triage db upgrade`: migrate the database `database_url` names, then let go of it."""
    engine = make_engine(database_url)
    try:
        await upgrade_engine(engine)
    finally:
        await engine.dispose()
