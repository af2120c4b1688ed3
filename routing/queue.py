"""The health-worker queue: who gets which case next, claimed atomically, and what the worker does with it.

Score (design): RED 100 / YELLOW 50 / GREEN 10, +5 per 15 min waiting, +20 same country, +15 specialty,
+10 follow-up; BLACK/emergency always first. Matching is legal first: a worker only ever sees cases
from countries where they may treat. `claim_next` locks with FOR UPDATE SKIP LOCKED on PostgreSQL, so
two workers never get the same case; SQLite serializes the transactions (BEGIN IMMEDIATE).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum
from datetime import timedelta

from sqlalchemy import BigInteger, and_, case as when, func, literal, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from routing.errors import NotFound, RoutingError
from routing.jobs import schedule
from routing.lifecycle import QUEUED, Status
from routing.models import Assignment, AuditEntry, Case, HealthWorker, Message, MessageKind
from routing.phones import open_regions, routable_regions
from routing.priority import COUNTRY_POINTS, LANGUAGE_POINTS, SKILL_POINTS, WAIT_POINTS, WAIT_STEP_S
from routing.store import Store

logger = logging.getLogger(__name__)

FOLLOW_UP_ANSWERS = {"1": "better", "2": "same", "3": "worse"}


class Offer(StrEnum):
    """Where a case's offer to one worker stands (`assignments.status`)."""

    OFFERED = "offered"  # waiting for ACCEPT or PASS, until offer_timeout_s
    ACCEPTED = "accepted"
    DECLINED = "declined"  # PASS
    TIMED_OUT = "timed_out"
    DONE = "done"


HELD = (Offer.OFFERED, Offer.ACCEPTED)  # the worker holds the case: it counts as theirs


class QueueError(RoutingError):
    """A worker acted on a case that is not theirs to act on (or not in a state that allows it)."""

    code = "queue-error"


@dataclass(frozen=True)
class Claim:
    """A case now assigned (offered) to a worker."""

    case_id: int
    reference: str
    assignment_id: int
    worker_id: int
    score: int


def _score(worker: HealthWorker, now_s: int):
    now = literal(now_s, BigInteger)
    waited = (now - func.coalesce(Case.queued_at_s, now)) // WAIT_STEP_S
    return (Case.priority_base + WAIT_POINTS * waited
            + when((Case.region == worker.country, COUNTRY_POINTS), else_=0)
            + when((Case.skill.in_(list(worker.skills or [])), SKILL_POINTS), else_=0)
            + when((Case.language.in_(list(worker.languages or [])), LANGUAGE_POINTS), else_=0))


def _eligible(worker: HealthWorker, *, again: bool = False):
    """Legal first: routable country, and the worker licensed there (unless the country needs no local licence).

    A case the worker passed on or let time out is not offered to them again, unless `again` (a coordinator's
    choice of worker).
    """
    legal = and_(Case.status.in_([s.value for s in QUEUED]), Case.region.in_(sorted(routable_regions())),
                 or_(Case.region == worker.country, Case.region.in_(sorted(open_regions()))))
    if again:
        return legal
    # uncorrelated: evaluated once per claim (a hashed set), not once per candidate row
    turned_down = select(Assignment.case_id).where(Assignment.worker_id == worker.id,
                                                   Assignment.status.in_([Offer.DECLINED, Offer.TIMED_OUT]))
    return and_(legal, Case.id.not_in(turned_down))


async def _assign(store: Store, s: AsyncSession, case: Case, worker: HealthWorker, actor: str) -> int:
    now = store.now()
    await store.move(s, case, Status.ASSIGNED, actor=actor, detail=f"worker {worker.id}")
    assignment = Assignment(case_id=case.id, worker_id=worker.id, status=Offer.OFFERED, offered_at=now)
    s.add(assignment)
    await s.flush()
    await schedule(s, "offer_timeout", {"case_id": case.id, "assignment_id": assignment.id}, now=now,
                   run_at=now + timedelta(seconds=store.policy.offer_timeout_s))
    return assignment.id


async def claim_next(store: Store, worker_id: int) -> Claim | None:
    """Atomically assign the highest-scoring case this worker may treat ("NEXT"); None when none waits."""

    async def op(s: AsyncSession) -> Claim | None:
        worker = await s.get(HealthWorker, worker_id)
        if worker is None or not worker.active:
            raise NotFound(f"no active worker {worker_id}", code="worker-not-found")
        score = _score(worker, int(store.now().timestamp())).label("score")
        row = (await s.execute(select(Case, score).where(_eligible(worker))
                               .order_by(score.desc(), Case.id).limit(1)
                               .with_for_update(skip_locked=True, of=Case))).first()
        if row is None:
            return None
        case, points = row
        assignment_id = await _assign(store, s, case, worker, actor=f"worker:{worker.id}")
        return Claim(case.id, case.reference, assignment_id, worker.id, int(points))

    return await store.write("claim_next", op)


async def offer(store: Store, case_id: int) -> Claim | None:
    """Push a queued case to the least busy eligible on-duty worker; None when nobody can take it now."""

    async def op(s: AsyncSession) -> Claim | None:
        case = await store.locked_case(s, case_id)
        if case.status not in QUEUED:
            return None
        busy = (select(func.count()).where(Assignment.worker_id == HealthWorker.id,
                                           Assignment.status.in_(HELD)).scalar_subquery())
        candidates = (await s.execute(
            select(HealthWorker).where(HealthWorker.active.is_(True), HealthWorker.on_duty.is_(True))
            .order_by(busy, HealthWorker.id))).scalars().all()
        # A worker who speaks the case's language first, then the least busy: preferred, never required.
        candidates = sorted(candidates, key=lambda w: case.language not in (w.languages or ()))
        for worker in candidates:
            eligible = (await s.execute(select(Case.id).where(Case.id == case_id, _eligible(worker)))).first()
            if eligible:
                assignment_id = await _assign(store, s, case, worker, actor="system")
                now = store.now()
                await schedule(s, "notify", {"case_id": case_id, "audience": "worker", "worker_id": worker.id,
                                             "kind": MessageKind.CASE_OFFER}, run_at=now, now=now)
                return Claim(case.id, case.reference, assignment_id, worker.id, case.priority_base)
        logger.info("case %s: no eligible worker on duty", case.reference)
        if case.status == Status.PENDING and (case.urgency == "emergency" or case.category == "RED"):
            # An emergency nobody on duty may take does not wait out the 2 h: coordinators hear of it now.
            now = store.now()
            await schedule(s, "escalate", {"case_id": case_id, "queued_at_s": case.queued_at_s}, run_at=now, now=now,
                           dedupe_key=f"escalate-now:{case_id}:{case.queued_at_s}")
        return None

    return await store.write("offer", op)


async def assign_to(store: Store, case_id: int, worker_id: int, *, actor: str) -> Claim:
    """A coordinator offers a queued case to one worker, who answers ACCEPT or PASS as to any offer."""

    async def op(s: AsyncSession) -> Claim:
        case = await store.locked_case(s, case_id)
        worker = await s.get(HealthWorker, worker_id)
        if worker is None or not worker.active:
            raise NotFound(f"no active worker {worker_id}", code="worker-not-found")
        if case.status not in QUEUED:
            raise QueueError(f"case {case.reference} is {case.status}, not waiting in the queue", code="not-queued")
        if (await s.execute(select(Case.id).where(Case.id == case_id, _eligible(worker, again=True)))).first() is None:
            raise QueueError(f"worker {worker_id} may not take case {case.reference}", code="not-eligible")
        assignment_id = await _assign(store, s, case, worker, actor=actor)
        now = store.now()
        await schedule(s, "notify", {"case_id": case_id, "audience": "worker", "worker_id": worker.id,
                                     "kind": MessageKind.CASE_OFFER}, run_at=now, now=now)
        return Claim(case.id, case.reference, assignment_id, worker.id, case.priority_base)

    return await store.write("assign_to", op)


async def _open_assignment(s: AsyncSession, case_id: int, worker_id: int, status: str) -> Assignment:
    found = (await s.execute(select(Assignment).where(Assignment.case_id == case_id,
                                                      Assignment.worker_id == worker_id,
                                                      Assignment.status == status)
                             .order_by(Assignment.id.desc()).limit(1))).scalar_one_or_none()
    if found is None:
        raise QueueError(f"case {case_id} is not {status} to worker {worker_id}", code="not-your-case")
    return found


async def accept(store: Store, case_id: int, worker_id: int) -> None:
    """The worker takes the case offered to them ("ACCEPT <ref>")."""

    async def op(s: AsyncSession) -> None:
        case = await store.locked_case(s, case_id)
        assignment = await _open_assignment(s, case_id, worker_id, Offer.OFFERED)
        assignment.status, assignment.responded_at = Offer.ACCEPTED, store.now()
        await store.move(s, case, Status.IN_PROGRESS, actor=f"worker:{worker_id}")

    await store.write("accept", op)


async def pass_case(store: Store, case_id: int, worker_id: int) -> None:
    """The worker turns the case down ("PASS <ref>"); it goes back to the queue and to the next worker."""

    async def op(s: AsyncSession) -> None:
        case = await store.locked_case(s, case_id)
        open_status = Offer.OFFERED if case.status == Status.ASSIGNED else Offer.ACCEPTED
        assignment = await _open_assignment(s, case_id, worker_id, open_status)
        assignment.status, assignment.responded_at = Offer.DECLINED, store.now()
        await store.move(s, case, Status.PENDING, actor=f"worker:{worker_id}", detail="passed")

    await store.write("pass_case", op)


async def resolve(store: Store, case_id: int, worker_id: int, note: str = "") -> None:
    """The worker is done ("DONE <ref> [note]"); follow-ups are scheduled, or the case closes."""

    async def op(s: AsyncSession) -> None:
        case = await store.locked_case(s, case_id)
        assignment = await _open_assignment(s, case_id, worker_id, Offer.ACCEPTED)
        assignment.status, assignment.responded_at = Offer.DONE, store.now()
        actor = f"worker:{worker_id}"
        await store.move(s, case, Status.RESOLVED, actor=actor, detail="note given" if note else "")
        nxt = Status.FOLLOW_UP_SCHEDULED if store.policy.follow_up_after_s else Status.CLOSED
        await store.move(s, case, nxt, actor=actor)
        if note:  # notes may hold PHI: encrypted in case_notes, which key rotation reaches
            await store.add_note(s, case_id, author=actor, text=note)

    await store.write("resolve", op)


async def record_follow_up_reply(store: Store, case_id: int, answer: str) -> str | None:
    """A patient's follow-up reply 1/2/3; "worse" re-enters the queue with the follow-up bonus.

    Returns "better" / "same" / "worse", or None when the case is not awaiting a follow-up.
    """
    meaning = FOLLOW_UP_ANSWERS.get(answer.strip())

    async def op(s: AsyncSession) -> str | None:
        case = await store.locked_case(s, case_id)
        if meaning is None or case.status != Status.FOLLOW_UP_SCHEDULED:
            return None
        if meaning == "better":
            await store.move(s, case, Status.CLOSED, actor="patient", detail="follow-up: better")
        elif meaning == "worse":
            case.follow_up = True
            await store.move(s, case, Status.PENDING, actor="patient", detail="follow-up: worse")
        else:
            s.add(AuditEntry(case_id=case_id, actor="patient", action="follow_up", detail="same", at=store.now()))
        return meaning

    return await store.write("record_follow_up_reply", op)


async def case_id_for_reference(store: Store, reference: str) -> int | None:
    """The case id behind a reference a worker typed ("tl-7k3qx" works too)."""
    async def op(s: AsyncSession) -> int | None:
        return (await s.execute(select(Case.id).where(Case.reference == reference.strip().upper()))).scalar()

    return await store.read("case_id_for_reference", op)


async def queue_depth(store: Store) -> dict[str, int]:
    """Queued cases by category ("none" when intake reached none): for /metrics and STATUS."""
    async def op(s: AsyncSession) -> list:
        return (await s.execute(select(Case.category, func.count()).where(Case.status.in_([q.value for q in QUEUED]))
                                .group_by(Case.category))).all()

    rows = await store.read("queue_depth", op)
    return {(category or "none"): n for category, n in rows}


@dataclass(frozen=True)
class WorkerStatus:
    """A worker's open cases and how many queued cases they could take ("STATUS")."""

    open_cases: tuple[tuple[str, str], ...]  # (reference, "offered" | "accepted"), oldest first
    waiting: int  # queued cases this worker may legally take
    waiting_urgent: int  # of which emergency or RED


async def worker_status(store: Store, worker_id: int) -> WorkerStatus:
    """What "STATUS" answers: the worker's offered and accepted cases, and the queue they can draw from."""
    async def op(s: AsyncSession) -> WorkerStatus:
        worker = await s.get(HealthWorker, worker_id)
        if worker is None or not worker.active:
            raise NotFound(f"no active worker {worker_id}", code="worker-not-found")
        rows = (await s.execute(select(Case.reference, Assignment.status).join(Case, Assignment.case_id == Case.id)
                                .where(Assignment.worker_id == worker_id, Assignment.status.in_(HELD))
                                .order_by(Assignment.id))).all()
        urgent = or_(Case.urgency == "emergency", Case.category == "RED")
        waiting, waiting_urgent = (await s.execute(
            select(func.count(), func.count().filter(urgent)).where(_eligible(worker)))).one()
        return WorkerStatus(tuple((r, st) for r, st in rows), waiting, waiting_urgent)

    return await store.read("worker_status", op)


async def follow_up_case(store: Store, address: str) -> int | None:
    """The latest case of this address that is waiting for a follow-up reply, if any."""
    async def op(s: AsyncSession) -> int | None:
        return (await s.execute(select(Case.id).where(Case.contact_hash == store.hash(address),
                                                      Case.status == Status.FOLLOW_UP_SCHEDULED.value)
                                .order_by(Case.id.desc()).limit(1))).scalar()

    return await store.read("follow_up_case", op)


async def current_worker(store: Store, case_id: int) -> int | None:
    """The worker the case is offered to or accepted by right now, if any."""
    async def op(s: AsyncSession) -> int | None:
        return (await s.execute(select(Assignment.worker_id).where(Assignment.case_id == case_id,
                                                                   Assignment.status.in_(HELD))
                                .order_by(Assignment.id.desc()).limit(1))).scalar()

    return await store.read("current_worker", op)


async def recent_follow_up_case(store: Store, address: str) -> int | None:
    """The case this address was last sent a follow-up about, within the reply window: their replies belong to it."""
    since = store.now() - timedelta(seconds=store.policy.follow_up_reply_window_s)
    async def op(s: AsyncSession) -> int | None:
        return (await s.execute(select(Message.case_id).join(Case, Case.id == Message.case_id)
                                .where(Case.contact_hash == store.hash(address), Message.kind == MessageKind.FOLLOW_UP,
                                       Message.created_at >= since)
                                .order_by(Message.id.desc()).limit(1))).scalar()

    return await store.read("recent_follow_up_case", op)


async def record_later_follow_up_reply(store: Store, case_id: int, answer: str) -> str | None:
    """A follow-up reply after the first ("2 same" once more): kept on the case's timeline, the case not moved
    again. None when it is not a 1/2/3 answer, or when a closed case got worse (that is a new triage)."""
    meaning = FOLLOW_UP_ANSWERS.get(answer.strip())

    async def op(s: AsyncSession) -> str | None:
        case = await store.locked_case(s, case_id)
        if meaning is None or (meaning == "worse" and case.status == Status.CLOSED):
            return None
        s.add(AuditEntry(case_id=case_id, actor="patient", action="follow_up", detail=f"{meaning} (again)",
                         at=store.now()))
        return meaning

    return await store.write("record_later_follow_up_reply", op)

