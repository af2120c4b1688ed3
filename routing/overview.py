"""Read-only views of the whole service for the coordinator console: cases, the queue, live calls, workers, figures.

Nothing here changes a row. Only what a view shows is decrypted (a caller's number only for its last 4 digits).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, UTC

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from routing.lifecycle import QUEUED, Status
from routing.models import Assignment, AuditEntry, Call, CallState, Case, HealthWorker, ReceivedMessage, Turn
from routing.priority import score_parts
from routing.privacy import mask_phone
from routing.queue import HELD, Offer
from routing.store import Store

PAGE_SIZE = 50
LIVE_CALL_STATES = (CallState.LIVE, CallState.RECONNECTING, CallState.FINALISING)


@dataclass(frozen=True)
class CaseFilters:
    """What the case list is narrowed to; empty fields do not narrow it."""

    status: str = ""
    category: str = ""
    urgency: str = ""
    region: str = ""
    channel: str = ""
    since: date | None = None  # created on or after this day (UTC)
    until: date | None = None  # created on or before this day (UTC)
    reference: str = ""  # the whole reference or its start ("TL-7K3", "7k3")
    page: int = 1


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list (no PHI)."""

    id: int
    reference: str
    status: str
    category: str | None
    urgency: str | None
    region: str | None
    channel: str
    created_at: datetime


@dataclass(frozen=True)
class CasePage:
    """One page of the filtered list, and how many cases match in all."""

    rows: list[CaseRow]
    total: int
    page: int
    pages: int


def _filtered(f: CaseFilters):
    query = select(Case)
    for column, value in ((Case.status, f.status), (Case.category, f.category), (Case.urgency, f.urgency),
                          (Case.region, f.region.upper()), (Case.channel, f.channel)):
        if value:
            query = query.where(column == value)
    if f.since:
        query = query.where(Case.created_at >= datetime.combine(f.since, time.min, UTC))
    if f.until:
        query = query.where(Case.created_at < datetime.combine(f.until + timedelta(days=1), time.min, UTC))
    if f.reference.strip():
        wanted = f.reference.strip().upper()
        wanted = wanted if wanted.startswith("TL-") else "TL-" + wanted
        query = query.where(Case.reference.like(wanted.replace("%", "").replace("_", "") + "%"))
    return query


async def list_cases(store: Store, f: CaseFilters) -> CasePage:
    """The cases matching `f`, newest first, one page of them."""
    query = _filtered(f)

    async def op(s: AsyncSession) -> tuple[int, int, int, list[Case]]:
        total = (await s.execute(select(func.count()).select_from(query.subquery()))).scalar_one()
        pages = max(1, -(-total // PAGE_SIZE))
        page = min(max(1, f.page), pages)
        rows = (await s.execute(query.order_by(Case.id.desc()).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE))
                ).scalars().all()
        return total, pages, page, list(rows)

    total, pages, page, rows = await store.read("list_cases", op)
    return CasePage([CaseRow(c.id, c.reference, c.status, c.category, c.urgency, c.region, c.channel, c.created_at)
                     for c in rows], total, page, pages)


async def filter_choices(store: Store) -> dict[str, list[str]]:
    """The values the list's filters can take, from the cases themselves (countries, channels)."""
    async def op(s: AsyncSession) -> tuple[list[str], list[str]]:
        return (list((await s.execute(select(Case.region).distinct().where(Case.region.is_not(None)))).scalars()),
                list((await s.execute(select(Case.channel).distinct())).scalars()))

    regions, channels = await store.read("filter_choices", op)
    return {"status": [st.value for st in Status], "category": ["RED", "YELLOW", "GREEN", "BLACK"],
            "urgency": ["emergency", "urgent", "routine"], "region": sorted(regions), "channel": sorted(channels)}


@dataclass(frozen=True)
class QueueRow:
    """A waiting case with its score taken apart (routing/priority.py)."""

    id: int
    reference: str
    status: str
    category: str | None
    urgency: str | None
    region: str | None
    skill: str | None
    waited_s: int
    parts: dict[str, int]

    @property
    def score(self) -> int:
        """The score any worker sees, before their own country (+20) and skill (+15) points."""
        return sum(self.parts.values())


@dataclass(frozen=True)
class Queue:
    """The first waiting cases in claim order, and how many wait in all."""

    rows: list[QueueRow]
    total: int


async def queue(store: Store, *, limit: int = PAGE_SIZE) -> Queue:
    """The `limit` waiting cases with the highest scores (ties: oldest first, as claim_next breaks them)."""
    now_s = int(store.now().timestamp())
    async def op(s: AsyncSession) -> list[Case]:
        return list((await s.execute(select(Case).where(Case.status.in_([q.value for q in QUEUED])))).scalars())

    cases = await store.read("queue_view", op)
    rows = [QueueRow(c.id, c.reference, c.status, c.category, c.urgency, c.region, c.skill,
                     max(0, now_s - (c.queued_at_s or now_s)),
                     score_parts(c.category, c.urgency, follow_up=c.follow_up, escalated=c.status == Status.ESCALATED,
                                 mechanism=bool(c.high_risk_mechanism), queued_at_s=c.queued_at_s, now_s=now_s))
            for c in cases]
    return Queue(sorted(rows, key=lambda r: (-r.score, r.id))[:limit], len(rows))


@dataclass(frozen=True)
class LiveCall:
    """A call (or text conversation) whose dialogue is under way."""

    case_id: int
    reference: str
    channel: str
    status: str
    step: str | None  # the prompt id the last answer was to
    turns: int
    duration_s: int
    caller_last4: str


@dataclass(frozen=True)
class LiveCalls:
    """The oldest calls under way, and how many are under way in all."""

    rows: list[LiveCall]
    total: int


async def live_calls(store: Store, *, limit: int = PAGE_SIZE) -> LiveCalls:
    """Calls whose stream is up (or being recovered), and text conversations still in intake; oldest first."""
    now = store.now()

    async def op(s: AsyncSession) -> tuple[list, dict[int, tuple[str | None, int]]]:
        rows = (await s.execute(
            select(Call, Case).join(Case, Call.case_id == Case.id)
            .where(or_(Call.status.in_([c.value for c in LIVE_CALL_STATES]),
                       (Call.status == CallState.OPEN) & (Case.status == Status.CREATED)))
            .order_by(Call.started_at))).all()
        steps = {}
        if rows:
            ids = [case.id for _, case in rows[:limit]]
            last = (select(Turn.case_id, func.max(Turn.seq).label("seq"), func.count().label("n"))
                    .where(Turn.case_id.in_(ids)).group_by(Turn.case_id).subquery())
            for case_id, prompt_id, n in (await s.execute(
                    select(Turn.case_id, Turn.prompt_id, last.c.n)
                    .join(last, (Turn.case_id == last.c.case_id) & (Turn.seq == last.c.seq)))).all():
                steps[case_id] = (prompt_id, n)
        return list(rows), steps

    rows, steps = await store.read("live_calls", op)
    total = len(rows)
    rows = rows[:limit]
    return LiveCalls([LiveCall(case.id, case.reference, case.channel, call.status, steps.get(case.id, (None, 0))[0],
                               steps.get(case.id, (None, 0))[1], max(0, int((now - call.started_at).total_seconds())),
                               mask_phone(store.cipher.decrypt(case.contact_enc)).removeprefix("***"))
                      for call, case in rows], total)


@dataclass(frozen=True)
class WorkerLoad:
    """A health worker and the cases they hold."""

    id: int
    name: str
    country: str
    skills: tuple[str, ...]
    on_duty: bool
    offered: int
    accepted: int


async def workers(store: Store, *, on_duty_only: bool = True) -> list[WorkerLoad]:
    """Active workers (on duty by default) with how many cases are offered to and accepted by each."""
    query = select(HealthWorker).where(HealthWorker.active.is_(True)).order_by(HealthWorker.name, HealthWorker.id)
    if on_duty_only:
        query = query.where(HealthWorker.on_duty.is_(True))

    async def op(s: AsyncSession) -> tuple[list[HealthWorker], list]:
        found = list((await s.execute(query)).scalars())
        held = (await s.execute(select(Assignment.worker_id, Assignment.status, func.count())
                                .where(Assignment.status.in_(HELD)).group_by(Assignment.worker_id, Assignment.status)
                                )).all()
        return found, list(held)

    found, held = await store.read("workers_view", op)
    load = {(w, st): n for w, st, n in held}
    return [WorkerLoad(w.id, w.name, w.country, tuple(w.skills or ()), w.on_duty, load.get((w.id, Offer.OFFERED), 0),
                       load.get((w.id, Offer.ACCEPTED), 0)) for w in found]


async def change_mark(store: Store) -> tuple:
    """Something that changes whenever the live views would: the newest case change, turn, call change and offer."""
    async def op(s: AsyncSession) -> tuple:
        return tuple((await s.execute(select(
            select(func.max(Case.updated_at)).scalar_subquery(), select(func.max(Turn.id)).scalar_subquery(),
            select(func.max(Call.updated_at)).scalar_subquery(), select(func.max(Assignment.id)).scalar_subquery()))
                      ).one())

    return await store.read("change_mark", op)


@dataclass(frozen=True)
class Figures:
    """The raw material of the console's charts over a window ending `now` (timestamps, not yet bucketed)."""

    now: datetime
    calls: list[datetime] = field(default_factory=list)
    texts: list[datetime] = field(default_factory=list)
    categories: dict[str, int] = field(default_factory=dict)
    urgencies: dict[str, int] = field(default_factory=dict)
    accept_s: list[float] = field(default_factory=list)  # case created -> a worker accepted it
    escalations: list[datetime] = field(default_factory=list)
    turn_latency_ms: list[int] = field(default_factory=list)


async def figures(store: Store, *, days: int = 7) -> Figures:
    """Calls, texts, case mix, time to accept, escalations and turn latency of the last `days` days."""
    now = store.now()
    since = now - timedelta(days=days)

    async def op(s: AsyncSession) -> tuple:
        calls = (await s.execute(select(Call.started_at).join(Case, Call.case_id == Case.id)
                                 .where(Case.channel == "voice", Call.started_at >= since))).scalars().all()
        texts = (await s.execute(select(ReceivedMessage.received_at).where(ReceivedMessage.received_at >= since))
                 ).scalars().all()
        mix = (await s.execute(select(Case.category, Case.urgency, func.count()).where(Case.created_at >= since)
                               .group_by(Case.category, Case.urgency))).all()
        accepted = (await s.execute(
            select(Case.created_at, func.min(AuditEntry.at)).join(AuditEntry, AuditEntry.case_id == Case.id)
            .where(AuditEntry.action == "status", AuditEntry.detail.like("% -> in_progress%"), Case.created_at >= since)
            .group_by(Case.id, Case.created_at))).all()
        escalations = (await s.execute(select(AuditEntry.at).where(
            AuditEntry.action == "status", AuditEntry.detail.like("% -> escalated%"), AuditEntry.at >= since))
                       ).scalars().all()
        latency = (await s.execute(select(Turn.latency_ms).where(Turn.created_at >= since,
                                                                 Turn.latency_ms.is_not(None)))).scalars().all()
        return calls, texts, mix, accepted, escalations, latency

    calls, texts, mix, accepted, escalations, latency = await store.read("figures", op)
    categories: dict[str, int] = {}
    urgencies: dict[str, int] = {}
    for category, urgency, n in mix:
        categories[category or "none"] = categories.get(category or "none", 0) + n
        urgencies[urgency or "none"] = urgencies.get(urgency or "none", 0) + n
    return Figures(now, list(calls), list(texts), categories, urgencies,
                   [max(0.0, (at - created).total_seconds()) for created, at in accepted if at is not None],
                   list(escalations), list(latency))
