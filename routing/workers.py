"""Health workers: who they are, where they are licensed, and whether they are on duty."""

from __future__ import annotations

import csv
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from routing.errors import RoutingError
from routing.models import HealthWorker
from routing.phones import parse_caller
from routing.privacy import mask_phone
from routing.store import Store

logger = logging.getLogger(__name__)

TRUE_WORDS = frozenset({"1", "true", "yes", "y", "on"})


class WorkerError(RoutingError):
    """A worker record that cannot be accepted (bad number, unknown country)."""

    code = "worker-invalid"


@dataclass(frozen=True)
class WorkerView:
    """A health worker, decrypted."""

    id: int
    phone: str
    name: str
    country: str
    languages: tuple[str, ...]
    skills: tuple[str, ...]
    on_duty: bool
    active: bool


def _view(store: Store, w: HealthWorker) -> WorkerView:
    return WorkerView(w.id, store.cipher.decrypt(w.phone_enc), w.name, w.country, tuple(w.languages or ()),
                      tuple(w.skills or ()), w.on_duty, w.active)


def _e164(phone: str) -> str:
    number = parse_caller(phone)
    if not number.valid:
        raise WorkerError(f"not a valid international number: {mask_phone(phone)}")
    return number.e164


async def _by_phone(store: Store, s: AsyncSession, phone: str) -> HealthWorker | None:
    return (await s.execute(select(HealthWorker).where(HealthWorker.phone_hash == store.hash(_e164(phone))))
            ).scalar_one_or_none()


async def add_worker(store: Store, *, phone: str, name: str, country: str | None = None,
                     languages: list[str] | tuple[str, ...] = (), skills: list[str] | tuple[str, ...] = (),
                     on_duty: bool = False) -> tuple[WorkerView, bool]:
    """Add a worker, or update (and reactivate) the one with this number; returns (worker, created)."""
    e164 = _e164(phone)
    country = (country or parse_caller(e164).region or "").upper()
    if len(country) != 2:
        raise WorkerError("country must be an ISO 3166 two-letter code (where the worker is licensed)")

    async def op(s: AsyncSession) -> tuple[WorkerView, bool]:
        now = store.now()
        worker = await _by_phone(store, s, e164)
        created = worker is None
        if created:
            worker = HealthWorker(phone_hash=store.hash(e164), phone_enc=store.cipher.encrypt(e164), created_at=now)
            s.add(worker)
        worker.name, worker.country, worker.on_duty, worker.active = name, country, on_duty, True
        worker.languages = [x.strip().lower() for x in languages if x.strip()]
        worker.skills = [x.strip().lower() for x in skills if x.strip()]
        worker.updated_at = now
        await s.flush()
        return _view(store, worker), created

    worker, created = await store.write("add_worker", op)
    logger.info("worker %d %s (%s, licensed in %s)", worker.id, "added" if created else "updated",
                mask_phone(e164), country)
    return worker, created


ENROLLED_NAME = "HEALTH_WORKER_NUMBERS"


async def enroll_numbers(store: Store, numbers: tuple[str, ...] | list[str]) -> int:
    """Register each HEALTH_WORKER_NUMBERS number that is not a worker yet, on duty: they then get cases the
    one way every worker does (an offer to ACCEPT). Registered workers are left as they are (their duty,
    name and licence country are `triage workers`' to change); returns how many were added."""
    added = 0
    for phone in numbers:
        try:
            if await find_worker(store, phone) is None and not await _known(store, phone):
                await add_worker(store, phone=phone, name=ENROLLED_NAME, on_duty=True)
                added += 1
        except WorkerError as exc:
            logger.error("HEALTH_WORKER_NUMBERS: %s; that number gets no cases", exc)
    return added


async def _known(store: Store, phone: str) -> bool:
    """A worker with this number exists, active or removed (a removed worker is not brought back by a setting)."""
    async def op(s: AsyncSession) -> bool:
        return await _by_phone(store, s, phone) is not None

    return await store.read("known_worker", op)


async def find_worker(store: Store, phone: str) -> WorkerView | None:
    """The active worker with this number (an SMS command's sender), or None."""
    if not parse_caller(phone).valid:
        return None
    async def op(s: AsyncSession) -> WorkerView | None:
        worker = await _by_phone(store, s, phone)
        return _view(store, worker) if worker and worker.active else None

    return await store.read("find_worker", op)


async def get_worker(store: Store, worker_id: int) -> WorkerView | None:
    """The worker with this id (active or not), or None."""
    async def op(s: AsyncSession) -> WorkerView | None:
        worker = await s.get(HealthWorker, worker_id)
        return _view(store, worker) if worker else None

    return await store.read("get_worker", op)


async def list_workers(store: Store, *, on_duty_only: bool = False, include_inactive: bool = False) -> list[WorkerView]:
    """Workers ordered by country then name."""
    query = select(HealthWorker).order_by(HealthWorker.country, HealthWorker.name)
    if not include_inactive:
        query = query.where(HealthWorker.active.is_(True))
    if on_duty_only:
        query = query.where(HealthWorker.on_duty.is_(True))
    async def op(s: AsyncSession) -> list[WorkerView]:
        return [_view(store, w) for w in (await s.execute(query)).scalars().all()]

    return await store.read("list_workers", op)


async def _update(store: Store, phone: str, what: str, **fields) -> bool:
    async def op(s: AsyncSession) -> bool:
        worker = await _by_phone(store, s, phone)
        if worker is None or not worker.active:
            return False
        for key, value in fields.items():
            setattr(worker, key, value)
        worker.updated_at = store.now()
        return True

    changed = await store.write(what, op)
    logger.info("%s %s: %s", what, mask_phone(phone), "done" if changed else "no such active worker")
    return changed


async def remove_worker(store: Store, phone: str) -> bool:
    """Deactivate a worker (kept for the audit trail of cases they handled); False if unknown."""
    return await _update(store, phone, "remove_worker", active=False, on_duty=False)


async def set_duty(store: Store, phone: str, on_duty: bool) -> bool:
    """Put a worker on or off duty; False if unknown."""
    return await _update(store, phone, "set_duty", on_duty=on_duty)


def _split(cell: str | None) -> list[str]:
    return [x for x in (cell or "").replace("|", ";").replace(",", ";").split(";") if x.strip()]


async def import_workers_csv(store: Store, path: Path) -> tuple[int, list[str]]:
    """Import phone,name,country,languages,skills,on_duty rows; returns (imported, per-row errors)."""
    imported, errors = 0, []
    with open(path, newline="", encoding="utf-8-sig") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            row = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
            try:
                await add_worker(store, phone=row.get("phone", ""), name=row.get("name", ""),
                                 country=row.get("country") or None, languages=_split(row.get("languages")),
                                 skills=_split(row.get("skills")),
                                 on_duty=row.get("on_duty", row.get("on-duty", "")).lower() in TRUE_WORDS)
                imported += 1
            except WorkerError as exc:
                errors.append(f"line {line}: {exc}")
    return imported, errors
