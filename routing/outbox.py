"""The outbox: every SMS/WhatsApp message we send is written here before it is sent, and what became of it.

Bodies and addresses are PHI (encrypted); a message's idempotency key makes a retried job send nothing twice.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from routing.errors import NotFound
from routing.models import Message, MessageStatus
from routing.store import Store
from routing.views import MessageView


async def add_message(store: Store, *, to: str, body: str, kind: str, case_id: int | None = None, channel: str = "sms",
                      status: MessageStatus = MessageStatus.QUEUED,
                      idempotency_key: str | None = None) -> tuple[int, bool]:
    """Record an outbound message; the same idempotency key returns the first row, created=False."""

    async def op(s: AsyncSession) -> tuple[int, bool]:
        if idempotency_key:
            found = (await s.execute(select(Message.id).where(Message.idempotency_key == idempotency_key))
                     ).scalar_one_or_none()
            if found is not None:
                return found, False
        now = store.now()
        message = Message(case_id=case_id, channel=channel, to_hash=store.hash(to),
                          to_enc=store.cipher.encrypt(to), body_enc=store.cipher.encrypt(body), kind=kind,
                          status=status, idempotency_key=idempotency_key, created_at=now, updated_at=now)
        s.add(message)
        await s.flush()
        return message.id, True

    return await store.write("add_message", op)


async def update_message(store: Store, message_id: int, *, status: MessageStatus, provider_sid: str | None = None,
                         error: str | None = None) -> None:
    """Record what the provider did with a message (sent, delivered, failed...)."""

    async def op(s: AsyncSession) -> None:
        message = await s.get(Message, message_id)
        if message is None:
            raise NotFound(f"no message {message_id}", code="message-not-found")
        message.status, message.updated_at = status, store.now()
        if provider_sid is not None:
            message.provider_sid = provider_sid
        if error is not None:
            message.error = error

    await store.write("update_message", op)


async def update_message_by_provider_sid(store: Store, provider_sid: str, *, status: MessageStatus,
                                         error: str | None = None) -> bool:
    """The provider's word on a message it has (by its sid); False when the sid is unknown."""

    async def op(s: AsyncSession) -> bool:
        message = (await s.execute(select(Message).where(Message.provider_sid == provider_sid))
                   ).scalar_one_or_none()
        if message is None:
            return False
        message.status, message.updated_at = status, store.now()
        if error is not None:
            message.error = error
        return True

    return await store.write("update_message_by_provider_sid", op)


async def retry_message(store: Store, message_id: int, *, error_prefix: str, status: MessageStatus,
                        stale_status: MessageStatus | None = None,
                        stale_before: datetime | None = None) -> datetime | None:
    """Take back, for one more try, a message whose send failed with an error starting `error_prefix`,
    or that was left in `stale_status` since before `stale_before` (its sender died mid-send).

    Only the one caller that takes it gets the message's created_at (the row is then `status`, updated
    now); everyone else gets None. A retried job may resend what failed for a passing reason or was
    abandoned, and never what was sent or refused for good.
    """

    async def op(s: AsyncSession) -> datetime | None:
        message = (await s.execute(select(Message).where(Message.id == message_id).with_for_update())
                   ).scalar_one_or_none()
        if message is None:
            return None
        failed = message.status == MessageStatus.FAILED and (message.error or "").startswith(error_prefix)
        abandoned = (stale_status is not None and stale_before is not None
                     and message.status == stale_status and message.updated_at < stale_before)
        if not (failed or abandoned):
            return None
        message.status, message.error, message.updated_at = status, None, store.now()
        return message.created_at

    return await store.write("retry_message", op)


async def message_status(store: Store, message_id: int) -> str | None:
    """A message's status (None if there is no such message)."""
    async def op(s: AsyncSession) -> str | None:
        return (await s.execute(select(Message.status).where(Message.id == message_id))).scalar_one_or_none()

    return await store.read("message_status", op)


async def list_messages(store: Store, *, limit: int = 50, case_id: int | None = None) -> list[MessageView]:
    """Messages, decrypted, newest first (the outbox view)."""
    query = select(Message).order_by(Message.id.desc()).limit(limit)
    if case_id is not None:
        query = query.where(Message.case_id == case_id)

    async def op(s: AsyncSession) -> list[Message]:
        return list((await s.execute(query)).scalars().all())

    dec = store.cipher.decrypt
    return [MessageView(m.id, m.case_id, m.channel, dec(m.to_enc), dec(m.body_enc), m.kind, m.status,
                        m.provider_sid, m.error, m.idempotency_key, m.created_at, m.updated_at)
            for m in await store.read("list_messages", op)]
