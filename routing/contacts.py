"""What a phone number has told us: STOP/START, and how many texts it sent today (with the replies we gave).

Both are kept per keyed hash of the number's E.164 form, so "+234..." and "whatsapp:+234..." are one
person: a STOP on either channel stops both.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from routing.models import ContactPreference, ReceivedMessage
from routing.phones import parse_caller
from routing.privacy import mask_phone
from routing.store import Store, contact_key

logger = logging.getLogger(__name__)

RECEIVED_KEPT = timedelta(days=2)  # long enough for Twilio's retries and today's count; replies are PHI


@dataclass(frozen=True)
class Received:
    """An inbound message as the ledger saw it."""

    first: bool  # False: Twilio retried a message we already have
    today: int  # messages from this number since midnight UTC, this one included
    answered: bool = False  # a retry of a message already answered: send `reply` again
    reply: str | None = None


def phone_hash(store: Store, address: str) -> str:
    """The keyed hash of a number in E.164 form (channel prefix dropped), or of the address as given."""
    return store.hash(parse_caller(address).e164 or contact_key(address))


async def set_opted_out(store: Store, address: str, opted_out: bool) -> None:
    """Record STOP (True) or START (False) from `address`."""

    async def op(s: AsyncSession) -> None:
        key = phone_hash(store, address)
        row = (await s.execute(select(ContactPreference).where(ContactPreference.phone_hash == key))
               ).scalar_one_or_none()
        if row is None:
            row = ContactPreference(phone_hash=key)
            s.add(row)
        row.opted_out, row.updated_at = opted_out, store.now()

    await store.write("set_opted_out", op)
    logger.info("%s %s", mask_phone(address), "opted out" if opted_out else "opted in")


async def is_opted_out(store: Store, address: str) -> bool:
    """True when `address` (on any channel) has sent STOP and not START since."""
    async def op(s: AsyncSession) -> bool:
        return bool((await s.execute(select(ContactPreference.opted_out)
                                     .where(ContactPreference.phone_hash == phone_hash(store, address)))).scalar())

    return await store.read("is_opted_out", op)


async def receive(store: Store, message_sid: str, address: str) -> Received:
    """Enter an inbound message in the ledger (once per MessageSid) and count the sender's day."""

    async def op(s: AsyncSession) -> Received:
        key, now = phone_hash(store, address), store.now()
        seen = (await s.execute(select(ReceivedMessage).where(ReceivedMessage.message_sid == message_sid))
                ).scalar_one_or_none()
        if seen is None:
            s.add(ReceivedMessage(message_sid=message_sid, phone_hash=key, received_at=now, answered=False))
            await s.flush()
        midnight = datetime.combine(now.date(), datetime.min.time(), tzinfo=now.tzinfo)
        today = (await s.execute(select(func.count()).where(ReceivedMessage.phone_hash == key,
                                                            ReceivedMessage.received_at >= midnight))).scalar_one()
        if seen is None:
            return Received(first=True, today=today)
        return Received(first=False, today=today, answered=seen.answered, reply=store.cipher.decrypt(seen.reply_enc))

    return await store.write("receive", op)


async def record_reply(store: Store, message_sid: str, reply: str | None) -> None:
    """Keep the reply we gave to `message_sid` (None: an empty answer), so a retry gets the same one."""

    async def op(s: AsyncSession) -> None:
        row = (await s.execute(select(ReceivedMessage).where(ReceivedMessage.message_sid == message_sid))
               ).scalar_one_or_none()
        if row is not None:
            row.reply_enc, row.answered = store.cipher.encrypt(reply), True

    await store.write("record_reply", op)


async def purge_received(store: Store) -> int:
    """Forget inbound messages older than RECEIVED_KEPT (the ledger is for retries and today's count only)."""
    cutoff = store.now() - RECEIVED_KEPT

    async def op(s: AsyncSession) -> int:
        return (await s.execute(delete(ReceivedMessage).where(ReceivedMessage.received_at < cutoff))).rowcount

    return await store.write("purge_received", op)
