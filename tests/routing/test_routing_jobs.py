"""Durable jobs: exactly once under concurrent workers, retried after a crash, and the case-life jobs."""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import replace

from sqlalchemy import text

from routing.jobs import claim_job, enqueue, job_counts, run_once, run_worker
from routing.notify import RecordingNotifier
from routing.tasks import ensure_purge_scheduled, handlers, pending_jobs, waited_text
from routing.workers import add_worker
from tests.support.store import FakeClock, drain, queued_case

COORDINATOR = "+2348070000001"


async def test_concurrent_workers_run_each_job_exactly_once(store):
    runs: Counter[int] = Counter()

    async def count(job):
        runs[job.payload["n"]] += 1
        await asyncio.sleep(0)

    for n in range(40):
        await enqueue(store, "count", {"n": n})
    assert await enqueue(store, "count", {"n": 40}, dedupe_key="x")
    assert not await enqueue(store, "count", {"n": 41}, dedupe_key="x")  # the same key twice: one job
    stop = asyncio.Event()
    workers = [asyncio.create_task(run_worker(store, {"count": count}, worker_name=f"w{i}", stop=stop, idle_s=0.05))
               for i in range(4)]
    while (await job_counts(store)).get("done", 0) < 41:
        await asyncio.sleep(0.05)
    stop.set()
    ran = await asyncio.gather(*workers)

    assert sum(ran) == 41 and set(runs.values()) == {1} and sorted(runs) == list(range(41))
    assert (await job_counts(store))["overdue"] == 0


async def test_a_job_whose_worker_died_is_retried_once_the_lease_expires(store):
    clock = FakeClock()
    store.clock = clock
    done = []
    await enqueue(store, "work", {"n": 1})

    dead = await claim_job(store, "crashed-worker")  # claimed, then the process was killed
    assert dead.attempt == 1 and await claim_job(store, "w2") is None  # leased: nobody else takes it
    clock.advance(seconds=store.policy.job_lease_s + 1)
    job = await run_once(store, {"work": lambda j: _append(done, j)}, "w2")
    assert (job.id, job.attempt) == (dead.id, 2) and done == [dead.id]
    assert await run_once(store, {"work": lambda j: _append(done, j)}, "w3") is None
    assert (await job_counts(store)).get("done") == 1


async def _append(into: list, job) -> None:
    into.append(job.id)


async def test_failing_jobs_back_off_then_fail(store):
    clock = FakeClock()
    store.clock = clock
    store.policy = replace(store.policy, job_max_attempts=2, job_backoff_s=10)

    async def broken(job):
        raise RuntimeError("provider down")

    await enqueue(store, "broken", {})
    await enqueue(store, "unknown-kind", {})
    assert await drain(store, {"broken": broken}) == ["broken", "unknown-kind"]
    assert await drain(store, {"broken": broken}) == []  # backing off
    clock.advance(seconds=11)
    assert await drain(store, {"broken": broken}) == ["broken", "unknown-kind"]
    clock.advance(hours=1)
    assert await drain(store, {"broken": broken}) == []
    assert (await job_counts(store)).get("failed") == 2
    async with store.engine.connect() as conn:
        errors = (await conn.execute(text("SELECT last_error FROM jobs ORDER BY id"))).scalars().all()
    assert errors[0] == "RuntimeError: provider down" and "no handler" in errors[1]


async def test_offer_times_out_to_the_next_worker(store):
    clock = FakeClock()
    store.clock = clock
    notifier = RecordingNotifier()
    jobs = handlers(store, notifier)
    ada, _ = await add_worker(store, phone="+2348051112222", name="Ada", on_duty=True)
    bola, _ = await add_worker(store, phone="+2348062223333", name="Bola", on_duty=True)
    case_id = await queued_case(store, "CA-1", category="RED", red_flags=["heavy_bleeding"])

    assert await drain(store, jobs) == ["offer", "notify"]
    case = await store.get_case(case_id)
    assert case.status == "assigned"
    to, body, kind, _ = notifier.sent[0]
    assert (to, kind) == ("+2348051112222", "case_offer")
    assert f"ACCEPT {case.reference}" in body and "heavy_bleeding" in body

    clock.advance(seconds=store.policy.offer_timeout_s + 1)
    assert await drain(store, jobs) == ["offer_timeout", "offer", "notify"]
    assert notifier.sent[1][0] == "+2348062223333"
    assert (await store.get_case(case_id)).status == "assigned"
    assert any("offer not accepted in time" in a.detail for a in await store.audit_trail(case_id))


async def test_a_case_nobody_takes_is_escalated_to_coordinators(store):
    clock = FakeClock()
    store.clock = clock
    store.policy = replace(store.policy, coordinator_numbers=(COORDINATOR,))
    notifier = RecordingNotifier()
    jobs = handlers(store, notifier)
    case_id = await queued_case(store, "CA-1", category="YELLOW")
    assert await drain(store, jobs) == ["offer"]  # nobody on duty

    clock.advance(hours=2, minutes=5)
    assert await drain(store, jobs) == ["escalate", "offer", "notify"]
    case = await store.get_case(case_id)
    assert case.status == "escalated"
    assert notifier.sent == [(COORDINATOR, notifier.sent[0][1], "escalation", case_id)]
    assert notifier.sent[0][1] == (f"triageline: case {case.reference} (YELLOW, urgent) has waited 2 h 5 min "
                                   "without a health worker.")

    late, _ = await add_worker(store, phone="+2348051112222", name="Ada")
    from routing.queue import claim_next
    claim = await claim_next(store, late.id)
    assert claim.case_id == case_id and claim.score == 50 + 50 + 5 * 8 + 20  # escalation bonus, waited 2 h


async def test_coordinators_registered_on_the_command_line_are_alerted_too_each_once(store):
    from routing.coordinators import add_coordinator, remove_coordinator

    store.clock = FakeClock()
    store.policy = replace(store.policy, coordinator_numbers=(COORDINATOR,))
    await add_coordinator(store, "+2348070000002", "Ngozi")  # `triage coordinators add`
    await add_coordinator(store, COORDINATOR)  # also configured: signed in once, must not be texted twice
    await add_coordinator(store, "+2348070000003")
    await remove_coordinator(store, "+2348070000003")  # no longer runs the line
    notifier = RecordingNotifier()
    await queued_case(store, "CA-RED", category="RED", urgency="emergency")
    assert await drain(store, handlers(store, notifier)) == ["offer", "escalate", "offer", "notify", "notify"]
    assert sorted(to for to, _, kind, _ in notifier.sent if kind == "escalation") == [COORDINATOR, "+2348070000002"]


async def test_an_escalation_with_nobody_to_alert_says_so_in_the_log(store, caplog):
    notifier = RecordingNotifier()
    await queued_case(store, "CA-RED", category="RED", urgency="emergency")
    assert await drain(store, handlers(store, notifier)) == ["offer", "escalate", "offer"]
    assert notifier.sent == []
    assert any("no coordinator to alert" in r.getMessage() and r.levelname == "ERROR" for r in caplog.records)


async def test_an_emergency_nobody_on_duty_may_take_reaches_coordinators_at_once(store):
    clock = FakeClock()
    store.clock = clock
    store.policy = replace(store.policy, coordinator_numbers=(COORDINATOR,))
    notifier = RecordingNotifier()
    jobs = handlers(store, notifier)
    case_id = await queued_case(store, "CA-RED", category="RED", urgency="emergency")
    assert await drain(store, jobs) == ["offer", "escalate", "offer", "notify"]  # no 2 h wait
    case = await store.get_case(case_id)
    assert case.status == "escalated"
    assert notifier.sent == [(COORDINATOR, notifier.sent[0][1], "escalation", case_id)]
    assert f"case {case.reference} (RED, emergency) has waited under 1 min" in notifier.sent[0][1]
    clock.advance(hours=3)
    assert "notify" not in await drain(store, jobs)  # told once; the 2 h escalation finds it escalated already

    yellow = await queued_case(store, "CA-YELLOW", category="YELLOW")
    assert await drain(store, jobs) == ["offer"]  # an urgent case waits its 2 h as before
    assert (await store.get_case(yellow)).status == "pending"


async def test_follow_ups_after_resolution_then_close(store):
    from routing.queue import accept, claim_next, resolve

    clock = FakeClock()
    store.clock = clock
    notifier = RecordingNotifier()
    jobs = handlers(store, notifier)
    ada, _ = await add_worker(store, phone="+2348051112222", name="Ada")
    case_id = await queued_case(store, "CA-1", category="GREEN", urgency="routine")
    await claim_next(store, ada.id)
    await accept(store, case_id, ada.id)
    await resolve(store, case_id, ada.id)
    await drain(store, jobs)

    clock.advance(hours=24, seconds=1)
    assert sorted(await drain(store, jobs)) == ["escalate", "follow_up", "offer_timeout"]  # stale ones do nothing
    assert (await store.get_case(case_id)).status == "follow_up_scheduled"
    clock.advance(hours=24)
    assert await drain(store, jobs) == ["follow_up"]
    assert [(to, kind) for to, _, kind, _ in notifier.sent] == [("+2348031234567", "follow_up")] * 2
    assert "Reply 1 better, 2 same, 3 worse" in notifier.sent[0][1]
    clock.advance(hours=24)
    assert await drain(store, jobs) == ["close_if_quiet"]
    assert (await store.get_case(case_id)).status == "closed"


async def test_retention_purges_old_transcripts(store):
    clock = FakeClock()
    store.clock = clock
    jobs = handlers(store, RecordingNotifier())
    old = await store.open_call(call_sid="CA-old", caller="+2348031234567")
    await store.record_turn(old.case_id, seq=1, prompt_id="complaint", raw_text="old words",
                            corrected_text="old words", source="speech")
    clock.advance(days=89)
    new = await store.open_call(call_sid="CA-new", caller="+2348031234567")
    await store.record_turn(new.case_id, seq=1, prompt_id="complaint", raw_text="new words",
                            corrected_text="new words", source="speech")
    clock.advance(days=1, seconds=1)
    assert await ensure_purge_scheduled(store) and not await ensure_purge_scheduled(store)

    assert await drain(store, jobs) == ["purge"]
    assert (await store.get_case(old.case_id)).turns[0].raw_text is None
    assert (await store.get_case(new.case_id)).turns[0].corrected_text == "new words"
    assert [k for k, _ in await pending_jobs(store)] == ["purge"]  # tomorrow's


async def test_a_call_with_no_answer_is_queued_urgent_and_offered_as_a_call_back(store):
    """Silence is not death: the case waits urgent (not first as an emergency, never BLACK) and the worker
    offered it is told to call back."""
    clock = FakeClock()
    store.clock = clock
    notifier = RecordingNotifier()
    jobs = handlers(store, notifier)
    await add_worker(store, phone="+2348051112222", name="Ada", on_duty=True)
    case_id = await queued_case(store, "CA-silent", category=None, urgency="urgent", outcome="no_answer")
    queued = await store.get_case(case_id)
    assert (queued.status, queued.category, queued.urgency) == ("pending", None, "urgent") and queued.no_answer
    assert any("no answer on the call: call back" in a.detail for a in await store.audit_trail(case_id))

    assert await drain(store, jobs) == ["offer", "notify"]
    _, body, kind, _ = notifier.sent[0]
    assert kind == "case_offer" and f"New case {queued.reference}: NO ANSWER - please call back, urgent" in body
    from routing.queue import claim_next
    late, _ = await add_worker(store, phone="+2348062223333", name="Bola")
    other = await queued_case(store, "CA-red", category="RED", urgency="emergency")
    assert (await claim_next(store, late.id)).case_id == other  # an emergency still goes first


def test_waits_are_said_in_plain_units():
    assert [waited_text(s) for s in (0, 59, 60, 45 * 60, 7200, 7500, 27 * 3600 + 60, 48 * 3600)] == [
        "under 1 min", "under 1 min", "1 min", "45 min", "2 h", "2 h 5 min", "1 d 3 h", "2 d"]
