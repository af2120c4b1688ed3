"""Coordinators, the people who run the line, and the one-time codes they sign in to the console with.

A code is six digits sent by SMS. Only its keyed hash is stored; it works once, until it expires, and a few
wrong guesses burn it, so guessing one is a matter of luck the sign-in rate limit keeps small.
"""

from __future__ import annotations

import hmac
import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from routing.models import Coordinator, SignInCode
from routing.phones import parse_caller
from routing.privacy import mask_phone
from routing.store import Store

logger = logging.getLogger(__name__)

CODE_DIGITS = 6
CODE_TTL_S = 300
CODE_MAX_ATTEMPTS = 5  # wrong guesses before a code is burned


@dataclass(frozen=True)
class CoordinatorView:
    """A coordinator, without their number (the console shows only its last 4 digits)."""

    id: int
    name: str
    phone_last4: str
    active: bool


def e164(phone: str) -> str | None:
    """The number in E.164, or None when it is not a valid number."""
    number = parse_caller(phone)
    return number.e164 if number.valid else None


def phone_key(store: Store, phone: str) -> str | None:
    """The keyed hash a coordinator's number is found by (None for an invalid number)."""
    number = e164(phone)
    return store.hash(number) if number else None


async def add_coordinator(store: Store, phone: str, name: str = "") -> CoordinatorView:
    """Register (or reactivate) a coordinator by number."""
    number = e164(phone)
    if number is None:
        raise ValueError(f"not a valid international number: {mask_phone(phone)}")

    async def op(s: AsyncSession) -> CoordinatorView:
        row = (await s.execute(select(Coordinator).where(Coordinator.phone_hash == store.hash(number)))
               ).scalar_one_or_none()
        if row is None:
            row = Coordinator(phone_hash=store.hash(number), phone_enc=store.cipher.encrypt(number), name=name,
                              active=True, created_at=store.now())
            s.add(row)
            await s.flush()
        row.active = True
        if name:
            row.name = name
        return CoordinatorView(row.id, row.name, mask_phone(number), True)

    return await store.write("add_coordinator", op)


async def remove_coordinator(store: Store, phone: str) -> bool:
    """Deactivate a coordinator: their sessions stop at their next request. False when unknown."""
    key = phone_key(store, phone)

    async def op(s: AsyncSession) -> bool:
        result = await s.execute(update(Coordinator).where(Coordinator.phone_hash == key).values(active=False))
        return result.rowcount > 0

    return key is not None and await store.write("remove_coordinator", op)


async def find_coordinator(store: Store, phone: str, *, configured: tuple[str, ...] = ()) -> CoordinatorView | None:
    """The active coordinator with this number; a number in COORDINATOR_NUMBERS (`configured`) is registered now."""
    number = e164(phone)
    if number is None:
        return None
    if number in {e164(n) for n in configured}:
        return await add_coordinator(store, number)
    async def op(s: AsyncSession) -> Coordinator | None:
        return (await s.execute(select(Coordinator).where(Coordinator.phone_hash == store.hash(number),
                                                          Coordinator.active.is_(True)))).scalar_one_or_none()

    row = await store.read("find_coordinator", op)
    return None if row is None else CoordinatorView(row.id, row.name, mask_phone(number), row.active)


async def active_coordinator(store: Store, coordinator_id: int) -> CoordinatorView | None:
    """The coordinator a session names, if they may still sign in."""
    async def op(s: AsyncSession) -> Coordinator | None:
        return await s.get(Coordinator, coordinator_id)

    row = await store.read("active_coordinator", op)
    if row is None or not row.active:
        return None
    return CoordinatorView(row.id, row.name, mask_phone(store.cipher.decrypt(row.phone_enc)), True)


async def list_coordinators(store: Store) -> list[CoordinatorView]:
    """Every coordinator ever registered (for `triage coordinators list`)."""
    async def op(s: AsyncSession) -> list[Coordinator]:
        return list((await s.execute(select(Coordinator).order_by(Coordinator.id))).scalars())

    rows = await store.read("list_coordinators", op)
    return [CoordinatorView(r.id, r.name, mask_phone(store.cipher.decrypt(r.phone_enc)), r.active) for r in rows]


async def registered_coordinators(store: Store, s: AsyncSession) -> list[int]:
    """Active coordinators to alert beside COORDINATOR_NUMBERS (whose own rows would alert them twice)."""
    configured = {phone_key(store, n) for n in store.policy.coordinator_numbers}
    rows = await s.execute(select(Coordinator.id, Coordinator.phone_hash).where(Coordinator.active.is_(True))
                           .order_by(Coordinator.id))
    return [row.id for row in rows if row.phone_hash not in configured]


def _code_hash(store: Store, phone_hash: str, code: str) -> str:
    return store.hash(f"sign-in-code:{phone_hash}:{code}")


async def issue_code(store: Store, phone_hash: str, *, ttl_s: int = CODE_TTL_S) -> str:
    """A new code for this number; any earlier unused code of the number stops working."""
    code = "".join(secrets.choice("0123456789") for _ in range(CODE_DIGITS))

    async def op(s: AsyncSession) -> None:
        now = store.now()
        await s.execute(update(SignInCode).where(SignInCode.phone_hash == phone_hash, SignInCode.used_at.is_(None))
                        .values(used_at=now))
        s.add(SignInCode(phone_hash=phone_hash, code_hash=_code_hash(store, phone_hash, code), attempts=0,
                         expires_at=now + timedelta(seconds=ttl_s), created_at=now))

    await store.write("issue_code", op)
    return code


async def redeem_code(store: Store, phone_hash: str, code: str) -> bool:
    """True once for the newest unexpired code of this number; each wrong guess counts against the code."""
    given = _code_hash(store, phone_hash, "".join(code.split()))

    async def op(s: AsyncSession) -> bool:
        now = store.now()
        row = (await s.execute(select(SignInCode).where(SignInCode.phone_hash == phone_hash,
                                                        SignInCode.used_at.is_(None), SignInCode.expires_at > now)
                               .order_by(SignInCode.id.desc()).limit(1).with_for_update())).scalar_one_or_none()
        if row is None:
            return False
        row.attempts += 1
        if hmac.compare_digest(row.code_hash, given):
            row.used_at = now
            return True
        if row.attempts >= CODE_MAX_ATTEMPTS:
            row.used_at = now  # burned
        return False

    return await store.write("redeem_code", op)


async def coordinator_by_key(store: Store, phone_hash: str) -> CoordinatorView | None:
    """The active coordinator whose number hashes to `phone_hash`."""
    async def op(s: AsyncSession) -> Coordinator | None:
        return (await s.execute(select(Coordinator).where(Coordinator.phone_hash == phone_hash,
                                                          Coordinator.active.is_(True)))).scalar_one_or_none()

    row = await store.read("coordinator_by_key", op)
    return None if row is None else CoordinatorView(row.id, row.name, mask_phone(store.cipher.decrypt(row.phone_enc)),
                                                    row.active)
