"""What a coordinator may do to a case from the console, beside offering it to a worker (queue.assign_to).

The same moves the job loop and the workers' texts make, through the same lifecycle table and audit log.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from routing.jobs import schedule
from routing.lifecycle import ALLOWED, Status
from routing.models import Assignment
from routing.queue import HELD, Offer, QueueError
from routing.store import Store


async def _end_offers(s: AsyncSession, case_id: int, now: datetime, *, to: Offer, held=HELD) -> None:
    await s.execute(update(Assignment).where(Assignment.case_id == case_id, Assignment.status.in_(list(held)))
                    .values(status=to, responded_at=now))


async def escalate(store: Store, case_id: int, *, actor: str) -> None:
    """Raise the case's priority now and offer it again, as a case that waited too long would be."""

    async def op(s: AsyncSession) -> None:
        case = await store.locked_case(s, case_id)
        if Status.ESCALATED not in ALLOWED[Status(case.status)]:
            raise QueueError(f"case {case.reference} is {case.status}: it cannot be escalated", code="not-escalatable")
        now = store.now()
        await _end_offers(s, case_id, now, to=Offer.TIMED_OUT, held=(Offer.OFFERED,))
        await store.move(s, case, Status.ESCALATED, actor=actor, detail="by a coordinator")
        await schedule(s, "offer", {"case_id": case_id}, run_at=now, now=now)

    await store.write("escalate_now", op)


async def resolve(store: Store, case_id: int, *, actor: str, note: str = "") -> None:
    """Mark the case dealt with (follow-ups as after a worker's DONE), with a note kept encrypted on the case."""

    async def op(s: AsyncSession) -> None:
        case = await store.locked_case(s, case_id)
        now = store.now()
        if case.status == Status.ASSIGNED:  # offered, not yet accepted: the offer is withdrawn first
            await _end_offers(s, case_id, now, to=Offer.DONE)
            await store.move(s, case, Status.PENDING, actor=actor, detail="offer withdrawn by a coordinator")
        allowed = ALLOWED[Status(case.status)]
        if Status.RESOLVED in allowed:
            await _end_offers(s, case_id, now, to=Offer.DONE)
            await store.move(s, case, Status.RESOLVED, actor=actor, detail="note given" if note else "")
            nxt = Status.FOLLOW_UP_SCHEDULED if store.policy.follow_up_after_s else Status.CLOSED
            await store.move(s, case, nxt, actor=actor)
        elif Status.CLOSED in allowed:  # waiting, nobody holds it: closed without follow-up
            await _end_offers(s, case_id, now, to=Offer.DONE)
            await store.move(s, case, Status.CLOSED, actor=actor, detail="resolved by a coordinator")
        else:
            raise QueueError(f"case {case.reference} is {case.status}: it cannot be resolved now", code="not-resolvable")
        if note:
            await store.add_note(s, case_id, author=actor, text=note)

    await store.write("resolve_by_coordinator", op)
