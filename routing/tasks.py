"""What each scheduled job does: offers, timeouts, escalation, follow-ups, retention. Sends through a Notifier."""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from routing.contacts import purge_received
from routing.errors import NotifyFailed
from routing.jobs import ClaimedJob, Handler, JobStatus, enqueue, schedule
from routing.lifecycle import Status
from routing.coordinators import registered_coordinators
from routing.models import Assignment, Case, Coordinator, HealthWorker, Job, MessageKind, Turn
from routing.notify import FollowUpWording, Notifier, OfferWording
from routing.photos import purge_photos
from routing.queue import Offer, offer
from routing.store import Store

logger = logging.getLogger(__name__)

FOLLOW_UP_TEXT = ("triageline {ref}: how is the patient now? Reply 1 better, 2 same, 3 worse. "
                  "If there is any danger sign, call your local emergency number now. This is not medical advice.")
OFFER_TEXT = ("New case {ref}: {category}, {urgency}{flags}. Reply ACCEPT {ref} to take it or PASS {ref}.")
ESCALATION_TEXT = "triageline: case {ref} ({category}, {urgency}) has waited {waited} without a health worker."
PURGE_INTERVAL = timedelta(days=1)


async def _send(notifier: Notifier, job: ClaimedJob, to: str, body: str, *, kind: str, case_id: int,
                send_within_s: float) -> None:
    """Send one job's message, keyed by the job, so a retried job never sends it twice (nor loses it)."""
    delivery = await notifier.send(to, body, kind=kind, case_id=case_id, idempotency_key=f"job:{job.id}",
                                   send_within_s=send_within_s)
    if delivery is not None and delivery.retry:
        raise NotifyFailed(f"{kind} for case {case_id} not sent yet")


def follow_up_text(notifier: Notifier, reference: str, region: str | None, language: str | None = None) -> str:
    """The notifier's own wording of the follow-up when it has one (in the case's language), else the generic text."""
    if isinstance(notifier, FollowUpWording):
        return notifier.follow_up_text(reference, region, language)
    return FOLLOW_UP_TEXT.format(ref=reference)


def waited_text(seconds: float) -> str:
    """A wait in the units people use: "2 h 5 min", "45 min", "1 d 3 h", "under 1 min" (never "0.0 h")."""
    minutes = int(seconds // 60)
    if minutes < 1:
        return "under 1 min"
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} d {hours} h" if hours else f"{days} d"
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    return f"{minutes} min"


def offer_text(notifier: Notifier, reference: str, view) -> str:
    """The notifier's own wording of a case offer when it has one (sms), else the generic text."""
    if isinstance(notifier, OfferWording):
        return notifier.offer_text(reference, view.triage or {}, view.caller, view.region)
    flags = (view.triage or {}).get("red_flags") or []
    return OFFER_TEXT.format(ref=reference, category=view.category_text, urgency=view.urgency or "urgent",
                             flags=f", red flags: {', '.join(flags)}" if flags else "")


def handlers(store: Store, notifier: Notifier) -> dict[str, Handler]:
    """The job kinds `triage worker` runs, bound to a store and a notifier."""

    async def on_offer(job: ClaimedJob) -> None:
        await offer(store, job.payload["case_id"])

    async def on_offer_timeout(job: ClaimedJob) -> None:
        case_id, assignment_id = job.payload["case_id"], job.payload["assignment_id"]

        async def op(s: AsyncSession) -> None:
            case = await store.locked_case(s, case_id)
            assignment = await s.get(Assignment, assignment_id)
            if assignment.status != Offer.OFFERED or case.status != Status.ASSIGNED:
                return  # accepted or passed in time
            assignment.status, assignment.responded_at = Offer.TIMED_OUT, store.now()
            await store.move(s, case, Status.PENDING, actor="system", detail="offer not accepted in time")

        await store.write("offer_timeout", op)

    async def on_escalate(job: ClaimedJob) -> None:
        case_id = job.payload["case_id"]

        async def op(s: AsyncSession) -> dict | None:
            case = await store.locked_case(s, case_id)
            if case.queued_at_s != job.payload["queued_at_s"] or case.status not in (Status.PENDING, Status.ASSIGNED):
                return None  # taken by a worker, or re-queued since (a later job watches that wait)
            now = store.now()
            await s.execute(update(Assignment).where(Assignment.case_id == case_id, Assignment.status == Offer.OFFERED)
                            .values(status=Offer.TIMED_OUT, responded_at=now))
            await store.move(s, case, Status.ESCALATED, actor="system", detail="waited too long")
            await schedule(s, "offer", {"case_id": case_id}, run_at=now, now=now)
            alert = {"case_id": case_id, "audience": "coordinator", "kind": MessageKind.ESCALATION,
                     "waited_s": int(now.timestamp() - case.queued_at_s)}
            recipients = [{"index": i} for i in range(len(store.policy.coordinator_numbers))]
            recipients += [{"coordinator_id": i} for i in await registered_coordinators(store, s)]
            for recipient in recipients:
                await schedule(s, "notify", alert | recipient, run_at=now, now=now)
            return {"reference": case.reference, "alerted": len(recipients)}

        escalated = await store.write("escalate", op)
        if escalated and not escalated["alerted"]:
            logger.error("case %s escalated but there is no coordinator to alert: set COORDINATOR_NUMBERS or "
                         "run `triage coordinators add`", escalated["reference"])

    async def on_notify(job: ClaimedJob) -> None:
        p = job.payload
        async def read_notified(s: AsyncSession) -> tuple[Case, HealthWorker | Coordinator | None]:
            person = (await s.get(HealthWorker, p["worker_id"]) if p.get("worker_id")
                      else await s.get(Coordinator, p["coordinator_id"]) if p.get("coordinator_id") else None)
            return await s.get(Case, p["case_id"]), person

        case, person = await store.read("notify", read_notified)
        view = await store.get_case(case.id)
        if p["audience"] == "worker":
            to, body = store.cipher.decrypt(person.phone_enc), offer_text(notifier, case.reference, view)
        else:
            waited_s = p["waited_s"] if "waited_s" in p else float(p.get("hours") or 0) * 3600  # jobs queued before
            to = (store.policy.coordinator_numbers[p["index"]] if person is None
                  else store.cipher.decrypt(person.phone_enc))
            body = ESCALATION_TEXT.format(ref=case.reference, category=view.category_text,
                                          urgency=case.urgency or "urgent", waited=waited_text(waited_s))
        await _send(notifier, job, to, body, kind=p["kind"], case_id=case.id,
                    send_within_s=store.policy.send_within_s)

    async def on_follow_up(job: ClaimedJob) -> None:
        case_id = job.payload["case_id"]
        async def read_follow_up(s: AsyncSession) -> tuple[str, str, str | None, str | None] | None:
            case = await s.get(Case, case_id)
            if case.status != Status.FOLLOW_UP_SCHEDULED:
                return None
            return store.cipher.decrypt(case.contact_enc), case.reference, case.region, case.language

        if (due := await store.read("follow_up", read_follow_up)) is None:
            return
        contact, reference, region, language = due
        await _send(notifier, job, contact, follow_up_text(notifier, reference, region, language), kind=MessageKind.FOLLOW_UP,
                    case_id=case_id, send_within_s=store.policy.send_within_s)
        if job.payload.get("last"):
            await enqueue(store, "close_if_quiet", {"case_id": case_id}, dedupe_key=f"close_if_quiet:{case_id}",
                          run_at=store.now() + timedelta(seconds=store.policy.close_after_last_follow_up_s))

    async def on_close_if_quiet(job: ClaimedJob) -> None:
        async def op(s: AsyncSession) -> None:
            case = await store.locked_case(s, job.payload["case_id"])
            if case.status == Status.FOLLOW_UP_SCHEDULED:
                await store.move(s, case, Status.CLOSED, actor="system", detail="no reply to follow-ups")

        await store.write("close_if_quiet", op)

    async def on_purge(job: ClaimedJob) -> None:
        purged = await purge_transcripts(store)
        logger.info("retention: purged %d turns older than %d days", purged, store.policy.retention_days)
        if store.photos is not None:
            photos = await purge_photos(store, before=store.now() - timedelta(days=store.policy.retention_days))
            logger.info("retention: deleted %d photos older than %d days", photos, store.policy.retention_days)
        else:
            logger.error("retention: photos not purged, this worker was started without a photo directory")
        logger.info("retention: forgot %d inbound messages", await purge_received(store))
        await ensure_purge_scheduled(store, after=PURGE_INTERVAL)

    return {"offer": on_offer, "offer_timeout": on_offer_timeout, "escalate": on_escalate, "notify": on_notify,
            "follow_up": on_follow_up, "close_if_quiet": on_close_if_quiet, "purge": on_purge}


async def purge_transcripts(store: Store) -> int:
    """Erase transcript texts older than the retention period (the turn rows and their timing stay)."""
    now = store.now()
    cutoff = now - timedelta(days=store.policy.retention_days)

    async def op(s: AsyncSession) -> int:
        result = await s.execute(update(Turn).where(Turn.created_at < cutoff, Turn.purged_at.is_(None))
                                 .values(raw_text_enc=None, corrected_text_enc=None, purged_at=now))
        return result.rowcount

    return await store.write("purge_transcripts", op)


async def ensure_purge_scheduled(store: Store, *, after: timedelta = timedelta(0)) -> bool:
    """One retention purge per day, whichever worker schedules it first."""
    run_at = store.now() + after
    return await enqueue(store, "purge", {}, run_at=run_at, dedupe_key=f"purge:{run_at.date().isoformat()}")


async def pending_jobs(store: Store, kind: str | None = None) -> list[tuple[str, dict]]:
    """Pending jobs (kind, payload), soonest first: for tests and operators."""
    query = select(Job.kind, Job.payload).where(Job.status == JobStatus.PENDING).order_by(Job.run_at, Job.id)
    if kind:
        query = query.where(Job.kind == kind)
    async def op(s: AsyncSession) -> list[tuple[str, dict]]:
        return [(k, p) for k, p in (await s.execute(query)).all()]

    return await store.read("pending_jobs", op)
