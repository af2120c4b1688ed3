"""The console's read-only views and a coordinator's actions, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, strategies as st

from routing.coordinating import escalate, resolve
from routing.coordinators import add_coordinator, find_coordinator, issue_code, redeem_code, remove_coordinator
from routing.lifecycle import Status
from routing.overview import CaseFilters, change_mark, figures, list_cases, live_calls, queue, workers
from routing.priority import base_priority, score_parts, wait_points
from routing.queue import QueueError, accept, assign_to
from routing.workers import add_worker

T0 = datetime(2027, 1, 10, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


async def a_case(store, n: int, category: str, urgency: str, *, region: str = "NG", mechanism: bool = False) -> int:
    ref = await store.open_call(call_sid=f"CA-{n}", caller=f"+23480312{n:05d}", region=region)
    result = {"start_category": category, "urgency": urgency, "mechanism": ["fall"] if mechanism else []}
    await store.save_triage(ref.case_id, result, complete=True)
    return ref.case_id


@given(st.sampled_from([None, "RED", "YELLOW", "GREEN", "BLACK"]), st.sampled_from([None, "emergency", "urgent", "routine"]),
       st.booleans(), st.booleans(), st.booleans(), st.integers(0, 10**6))
def test_the_parts_add_up_to_the_queue_score(category, urgency, follow_up, escalated, mechanism, waited_s):
    parts = score_parts(category, urgency, follow_up=follow_up, escalated=escalated, mechanism=mechanism,
                        queued_at_s=1000, now_s=1000 + waited_s)
    assert sum(parts.values()) == (base_priority(category, urgency, follow_up=follow_up, escalated=escalated,
                                                 mechanism=mechanism) + wait_points(1000, 1000 + waited_s))


async def test_the_queue_is_in_claim_order_with_its_score_taken_apart(store):
    clock = Clock(T0)
    store.clock = clock
    green = await a_case(store, 1, "GREEN", "routine")
    clock.now = T0 + timedelta(minutes=1)
    red = await a_case(store, 2, "RED", "emergency")
    yellow = await a_case(store, 3, "YELLOW", "urgent", mechanism=True)
    clock.now = T0 + timedelta(minutes=31)
    waiting = await queue(store)
    rows = waiting.rows
    assert [r.id for r in rows] == [red, yellow, green] and waiting.total == 3
    top = await queue(store, limit=1)
    assert ([r.id for r in top.rows], top.total) == ([red], 3)
    assert rows[2].parts == {"category": 10, "waiting": 10, "follow_up": 0, "escalation": 0, "mechanism": 0}
    assert rows[1].parts["mechanism"] == 30 and rows[1].score == 50 + 30 + 10
    assert rows[2].waited_s == 31 * 60


async def test_the_list_filters_and_searches(store):
    store.clock = Clock(T0)
    ids = [await a_case(store, n, c, u, region=r) for n, (c, u, r) in
           enumerate([("RED", "emergency", "NG"), ("GREEN", "routine", "IN"), ("GREEN", "routine", "NG")])]
    everything = await list_cases(store, CaseFilters())
    assert [r.id for r in everything.rows] == ids[::-1] and everything.total == 3
    assert [r.id for r in (await list_cases(store, CaseFilters(category="GREEN", region="ng"))).rows] == [ids[2]]
    reference = everything.rows[0].reference
    assert [r.id for r in (await list_cases(store, CaseFilters(reference=reference[3:7].lower()))).rows] == [ids[2]]
    assert (await list_cases(store, CaseFilters(since=T0.date() + timedelta(days=1)))).total == 0
    assert (await list_cases(store, CaseFilters(until=T0.date(), status="pending"))).total == 3


async def test_a_call_under_way_shows_its_step_and_only_the_last_4_digits(store):
    store.clock = Clock(T0)
    ref = await store.open_call(call_sid="CA-live", caller="+2348031234567", region="NG")
    await store.record_turn(ref.case_id, seq=0, prompt_id="who", raw_text="me", corrected_text="me", source="speech")
    await store.record_turn(ref.case_id, seq=1, prompt_id="walk", raw_text="no", corrected_text="no", source="speech")
    before = await change_mark(store)
    await store.record_turn(ref.case_id, seq=2, prompt_id="breathing", raw_text="y", corrected_text="yes",
                            source="speech")
    assert await change_mark(store) != before  # the live page hears of the new turn
    store.clock.now = T0 + timedelta(seconds=95)
    (call,) = (await live_calls(store)).rows
    assert (call.reference, call.step, call.turns, call.duration_s, call.caller_last4) == (ref.reference, "breathing", 3, 95,
                                                                                          "4567")


async def test_assign_escalate_and_resolve_as_a_coordinator(store):
    store.clock = Clock(T0)
    case_id = await a_case(store, 1, "YELLOW", "urgent")
    worker, _ = await add_worker(store, phone="+2348030000001", name="Ngozi", country="NG", on_duty=True)
    await assign_to(store, case_id, worker.id, actor="coordinator:1")
    assert (await store.get_case(case_id)).status == Status.ASSIGNED
    assert [(w.offered, w.accepted) for w in await workers(store)] == [(1, 0)]
    with pytest.raises(QueueError):
        await assign_to(store, case_id, worker.id, actor="coordinator:1")  # no longer waiting
    await escalate(store, case_id, actor="coordinator:1")
    assert (await store.get_case(case_id)).status == Status.ESCALATED
    assert [(w.offered, w.accepted) for w in await workers(store)] == [(0, 0)]  # the offer was withdrawn
    await assign_to(store, case_id, worker.id, actor="coordinator:1")
    await accept(store, case_id, worker.id)
    await resolve(store, case_id, actor="coordinator:1", note="called back")
    assert (await store.get_case(case_id)).status in (Status.FOLLOW_UP_SCHEDULED, Status.CLOSED)
    assert [(n.author, n.text) for n in await store.list_notes(case_id)] == [("coordinator:1", "called back")]
    trail = [(a.actor, a.detail) for a in await store.audit_trail(case_id)]
    assert ("coordinator:1", "assigned -> escalated: by a coordinator") in trail
    with pytest.raises(QueueError):
        await escalate(store, case_id, actor="coordinator:1")

    f = await figures(store)
    assert len(f.accept_s) == 1 and len(f.escalations) == 1 and f.categories == {"YELLOW": 1}


async def test_an_offered_case_can_be_resolved(store):
    store.clock = Clock(T0)
    case_id = await a_case(store, 1, "GREEN", "routine")
    worker, _ = await add_worker(store, phone="+2348030000001", name="Ngozi", country="NG", on_duty=True)
    await assign_to(store, case_id, worker.id, actor="coordinator:1")
    await resolve(store, case_id, actor="coordinator:1")
    assert (await store.get_case(case_id)).status == Status.CLOSED
    assert [(w.offered, w.accepted) for w in await workers(store)] == [(0, 0)]


async def test_codes_work_once_and_not_after_they_expire(store):
    clock = Clock(T0)
    store.clock = clock
    assert await find_coordinator(store, "+2348039990001") is None
    me = await find_coordinator(store, "+234 803 999 0001", configured=("+2348039990001",))  # registered now
    assert me is not None and me.phone_last4 == "***0001"
    key = store.hash("+2348039990001")
    code = await issue_code(store, key, ttl_s=300)
    assert await redeem_code(store, key, code) and not await redeem_code(store, key, code)
    code = await issue_code(store, key, ttl_s=300)
    clock.now = T0 + timedelta(seconds=301)
    assert not await redeem_code(store, key, code)
    first = await issue_code(store, key)
    second = await issue_code(store, key)
    assert first == second or not await redeem_code(store, key, first)  # a newer code replaces the older
    assert await redeem_code(store, key, second)

    await add_coordinator(store, "+2348035550000", "Ada")
    assert await find_coordinator(store, "+2348035550000") is not None
    assert await remove_coordinator(store, "+2348035550000")
    assert await find_coordinator(store, "+2348035550000") is None
