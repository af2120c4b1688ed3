"""A voice call's stream lifecycle while its case is open: heartbeat, a dropped stream, a resumed one, an orphan.

Twilio's Media Stream can drop mid-dialogue; the call itself may still be up. These functions decide,
under the call's row lock, which stream owns the case, whether a new stream may take it, and who
finishes a case whose stream is gone. The case itself is opened by `Store.open_call`.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from routing.lifecycle import Status
from routing.models import AuditEntry, Call, CallState, Case, TriageRecord
from routing.store import Store

logger = logging.getLogger(__name__)

C = CallState
CALL_ENDED = frozenset({C.COMPLETED, C.HUNG_UP, C.DROPPED, C.BUSY, C.FAILED, C.NO_ANSWER, C.CANCELED})  # over for good
AUDIT_RESUME_OFFERED, AUDIT_RESUMED = "stream_resume_offered", "stream_resumed"  # counted per case


class Suspended(StrEnum):
    """What became of a call whose stream dropped (`suspend_call`)."""

    RECONNECTING = "reconnecting"  # a new stream may resume the case
    FINAL = "final"  # no resume is possible: finish the case now
    SUPERSEDED = "superseded"  # a newer stream owns the case


class Resumed(StrEnum):
    """What a new stream for a known call got (`resume_call`)."""

    RESUMED = "resumed"  # it now owns the case
    BUSY = "busy"  # the old stream has not saved its state yet: ask again
    ENDED = "ended"  # the call or its intake is over, or no after-stream offered this stream


async def _locked_call(s: AsyncSession, call_sid: str) -> Call | None:
    return (await s.execute(select(Call).where(Call.call_sid == call_sid).with_for_update())).scalar_one_or_none()


async def _case_finished(s: AsyncSession, case_id: int) -> bool:
    complete = (await s.execute(select(TriageRecord.complete).where(TriageRecord.case_id == case_id))).scalar()
    return bool(complete)


async def _count_audit(s: AsyncSession, case_id: int, action: str) -> int:
    return (await s.execute(select(func.count()).select_from(AuditEntry)
                            .where(AuditEntry.case_id == case_id, AuditEntry.action == action))).scalar_one()


async def touch_call(store: Store, call_sid: str, *, stream_sid: str) -> None:
    """A live stream's heartbeat: a call that keeps being touched is never taken for an orphan."""

    async def op(s: AsyncSession) -> None:
        await s.execute(update(Call).where(Call.call_sid == call_sid, Call.stream_sid == stream_sid,
                                           Call.status == C.LIVE).values(updated_at=store.now()))

    await store.write("touch_call", op)


async def suspend_call(store: Store, call_sid: str, *, stream_sid: str, max_resumes: int) -> Suspended:
    """Stream `stream_sid` dropped mid-dialogue: reconnecting, final or superseded (see `Suspended`)."""

    async def op(s: AsyncSession) -> Suspended:
        call = await _locked_call(s, call_sid)
        if call is None:
            return Suspended.FINAL
        if call.stream_sid != stream_sid:
            return Suspended.SUPERSEDED
        if call.ended_at is not None or call.status != C.LIVE:
            return Suspended.FINAL
        if await _count_audit(s, call.case_id, AUDIT_RESUMED) >= max_resumes:
            return Suspended.FINAL
        now = store.now()
        call.status, call.updated_at = C.RECONNECTING, now
        s.add(AuditEntry(case_id=call.case_id, actor="system", action="stream_dropped", detail="", at=now))
        return Suspended.RECONNECTING

    return await store.write("suspend_call", op)


async def offer_resume(store: Store, call_sid: str, *, max_resumes: int, retry_window_s: float = 0.0) -> bool:
    """True (and counted) when a dropped call may get a new stream: still up, intake open, offers left.

    An offer no stream has taken yet, made within `retry_window_s`, is the same drop's webhook retried:
    True again, not counted again (under the call's row lock, so across processes too).
    """

    async def op(s: AsyncSession) -> bool:
        call = await _locked_call(s, call_sid)
        if call is None or call.ended_at is not None or call.status not in (C.LIVE, C.RECONNECTING):
            return False
        if await _case_finished(s, call.case_id):
            return False
        offers = await _count_audit(s, call.case_id, AUDIT_RESUME_OFFERED)
        if offers > await _count_audit(s, call.case_id, AUDIT_RESUMED):
            last = (await s.execute(select(AuditEntry.at).where(
                AuditEntry.case_id == call.case_id, AuditEntry.action == AUDIT_RESUME_OFFERED)
                .order_by(AuditEntry.id.desc()).limit(1))).scalar_one()
            if store.now() - last <= timedelta(seconds=retry_window_s):
                return True
        if offers >= max_resumes:
            return False
        s.add(AuditEntry(case_id=call.case_id, actor="system", action=AUDIT_RESUME_OFFERED, detail="", at=store.now()))
        return True

    return await store.write("offer_resume", op)


async def resume_call(store: Store, call_sid: str, *, stream_sid: str, take_over: bool = False) -> Resumed:
    """A new stream for a known call: resumed, busy or ended (see `Resumed`). Only a stream after-stream
    offered may resume; `take_over` also takes a call whose old stream never let go (its server died)."""

    async def op(s: AsyncSession) -> Resumed:
        call = await _locked_call(s, call_sid)
        if call is None or call.ended_at is not None or await _case_finished(s, call.case_id):
            return Resumed.ENDED
        if call.stream_sid == stream_sid:
            return Resumed.RESUMED  # our own claim, committed before a retry
        if call.status not in (C.LIVE, C.RECONNECTING):
            return Resumed.ENDED  # being finished by a deferred step or the sweep
        if await _count_audit(s, call.case_id, AUDIT_RESUME_OFFERED) <= await _count_audit(
                s, call.case_id, AUDIT_RESUMED):
            return Resumed.ENDED  # no after-stream offered this stream: a token alone never takes a call over
        if call.status == C.LIVE and not take_over:
            return Resumed.BUSY
        now = store.now()
        detail = "took over from a stream that never let go" if call.status == C.LIVE else ""
        call.stream_sid, call.status, call.updated_at = stream_sid, C.LIVE, now
        s.add(AuditEntry(case_id=call.case_id, actor="system", action=AUDIT_RESUMED, detail=detail, at=now))
        return Resumed.RESUMED

    return await store.write("resume_call", op)


async def claim_unfinished_call(store: Store, call_sid: str, *, stream_sid: str | None = None,
                                idle_before: datetime | None = None) -> bool:
    """Take the job of finishing a call's case, once: after a dropped stream's grace (`stream_sid` must still
    own it) or as an orphan idle since before `idle_before`. The claim is a lease: it lapses when idle again."""

    async def op(s: AsyncSession) -> bool:
        call = await _locked_call(s, call_sid)
        if call is None or await _case_finished(s, call.case_id):
            return False
        if stream_sid is not None and (call.stream_sid != stream_sid or call.status in (C.LIVE, C.FINALISING)):
            return False
        if idle_before is not None:
            case = await store.locked_case(s, call.case_id)
            if call.updated_at >= idle_before or case.updated_at >= idle_before:
                return False
        now = store.now()
        call.status, call.updated_at = C.FINALISING, now
        reason = "stream dropped, not resumed" if stream_sid is not None else "call left unfinished"
        s.add(AuditEntry(case_id=call.case_id, actor="system", action="call_finalising", detail=reason, at=now))
        return True

    return await store.write("claim_unfinished_call", op)


async def unfinished_calls(store: Store, *, idle_before: datetime, limit: int) -> list[str]:
    """CallSids of voice cases with no final triage whose call and case have been idle since `idle_before`."""

    async def op(s: AsyncSession) -> list[str]:
        rows = await s.execute(
            select(Call.call_sid).join(Case, Call.case_id == Case.id)
            .outerjoin(TriageRecord, TriageRecord.case_id == Case.id)
            .where(Case.channel == "voice", Call.updated_at < idle_before, Case.updated_at < idle_before,
                   (TriageRecord.id.is_(None)) | (TriageRecord.complete.is_(False)))
            .order_by(Call.id).limit(limit))
        return list(rows.scalars())

    return await store.read("unfinished_calls", op)


async def close_call(store: Store, call_sid: str, *, status: CallState) -> None:
    """The stream ended; a case whose intake never finished still goes to the queue."""
    await _end_call(store, call_sid, status, None, "close_call")


async def record_call_status(store: Store, call_sid: str, status: CallState, *, duration_s: int | None = None) -> None:
    """The telephony provider's word on the call; an unknown CallSid (no stream ever started) is logged and ignored."""
    await _end_call(store, call_sid, status, duration_s, "record_call_status")


async def _end_call(store: Store, call_sid: str, status: CallState, duration_s: int | None, what: str) -> None:
    async def op(s: AsyncSession) -> None:
        call = (await s.execute(select(Call).where(Call.call_sid == call_sid))).scalar_one_or_none()
        if call is None:
            logger.info("%s: unknown call %s (status %s) ignored", what, call_sid, status)
            return
        now = store.now()
        if what == "close_call" or call.status not in (C.RECONNECTING, C.FINALISING):
            call.status = status  # the provider's status events never undo where our stream handling stands
        call.updated_at = now
        if duration_s is not None:
            call.duration_s = duration_s
        ended = what == "close_call" or status in CALL_ENDED
        if ended and call.ended_at is None:
            call.ended_at = now
        case = await store.locked_case(s, call.case_id)
        if ended and case.status == Status.CREATED and case.channel == "voice":
            # a dropped call is a person who may still need help: a human calls back
            reason = f"call ended ({status}) before intake finished"
            await store.move(s, case, Status.INTAKE_COMPLETE, actor="system", detail=reason)
            await store.move(s, case, Status.PENDING, actor="system")

    await store.write(what, op)
