"""Health workers and the queue: legal matching, scoring, atomic claims, and the worker's actions."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest
from sqlalchemy import text

from routing.queue import (QueueError, accept, case_id_for_reference, claim_next, pass_case, queue_depth,
                           record_follow_up_reply, resolve)
from routing.workers import (WorkerError, add_worker, find_worker, import_workers_csv, list_workers, remove_worker,
                             set_duty)
from tests.support.store import FakeClock, queued_case

NG_WORKER, IN_WORKER = "+2348051112222", "+919812345678"


async def test_workers_add_list_duty_remove_and_csv(store, tmp_path):
    worker, created = await add_worker(store, phone=NG_WORKER, name="Ada", languages=["en", "yo"],
                                       skills=["Pediatric"])
    again, created_again = await add_worker(store, phone=NG_WORKER, name="Ada O.", country="NG", on_duty=True)
    assert created and not created_again and again.id == worker.id
    assert (worker.country, worker.skills, again.name, again.on_duty) == ("NG", ("pediatric",), "Ada O.", True)
    with pytest.raises(WorkerError):
        await add_worker(store, phone="12345", name="Nobody")

    csv_file = tmp_path / "workers.csv"
    csv_file.write_text("phone,name,country,languages,skills,on_duty\n"
                        f"{IN_WORKER},Ravi,IN,en;hi,maternal,yes\n"
                        "+639171234567,Maria,PH,en|tl,,no\n"
                        "not-a-number,Bad,NG,,,yes\n")
    imported, errors = await import_workers_csv(store, csv_file)
    assert imported == 2 and len(errors) == 1 and errors[0].startswith("line 4")

    assert [w.name for w in await list_workers(store)] == ["Ravi", "Ada O.", "Maria"]
    assert [w.name for w in await list_workers(store, on_duty_only=True)] == ["Ravi", "Ada O."]
    assert await set_duty(store, "+639171234567", True) and not await set_duty(store, "+2348099999999", True)
    assert await remove_worker(store, NG_WORKER)
    assert await find_worker(store, NG_WORKER) is None and (await find_worker(store, IN_WORKER)).skills == ("maternal",)
    assert len(await list_workers(store, include_inactive=True)) == 3

    async with store.engine.connect() as conn:
        dump = repr((await conn.execute(text("SELECT * FROM health_workers"))).all())
    assert "8051112222" not in dump and "9812345678" not in dump


async def test_claim_order_follows_the_score(store):
    clock = FakeClock()
    store.clock = clock
    worker, _ = await add_worker(store, phone=NG_WORKER, name="Ada", skills=["pediatric"])
    old_yellow = await queued_case(store, "CA-old-yellow", category="YELLOW")
    clock.advance(hours=2, minutes=50)  # 11 steps of 15 min: 50 + 55 = 105 > RED 100
    green = await queued_case(store, "CA-green", category="GREEN", urgency="routine")
    red = await queued_case(store, "CA-red", category="RED")
    child = await queued_case(store, "CA-child", category="YELLOW", age_years=4)  # 50 + 15 specialty
    yellow = await queued_case(store, "CA-yellow", category="YELLOW")
    black = await queued_case(store, "CA-black", category="BLACK", urgency="emergency")
    indian = await queued_case(store, "CA-in", caller="+919876543210", category="RED")
    american = await queued_case(store, "CA-us", caller="+12025550123", category="RED")
    assert await queue_depth(store) == {"BLACK": 1, "RED": 3, "YELLOW": 3, "GREEN": 1}

    claims = []
    while claim := await claim_next(store, worker.id):
        claims.append(claim)
    assert [c.case_id for c in claims] == [black, old_yellow, red, child, yellow, green]
    assert [c.score for c in claims[1:]] == [125, 120, 85, 70, 30]  # +20 same country on each
    for not_routed in (indian, american):  # not licensed in India; US teleconsultation not allowed
        assert (await store.get_case(not_routed)).status == "pending"
    assert await case_id_for_reference(store, claims[0].reference.lower()) == black


async def test_concurrent_claims_never_share_a_case(store):
    workers = [(await add_worker(store, phone=f"+23480311100{i:02d}", name=f"W{i}"))[0] for i in range(6)]
    cases = [await queued_case(store, f"CA-{i}", category=("RED", "YELLOW", "GREEN")[i % 3]) for i in range(30)]

    async def drain(worker_id: int) -> list[int]:
        mine = []
        while claim := await claim_next(store, worker_id):
            mine.append(claim.case_id)
        return mine

    results = await asyncio.gather(*(drain(w.id) for w in workers))
    claimed = Counter(c for mine in results for c in mine)
    assert sorted(claimed) == sorted(cases) and set(claimed.values()) == {1}
    async with store.engine.connect() as conn:
        per_case = (await conn.execute(text("SELECT case_id, COUNT(*) FROM assignments GROUP BY case_id "
                                            "HAVING COUNT(*) > 1"))).all()
    assert per_case == []


async def test_accept_pass_resolve_and_follow_up_replies(store):
    ada, _ = await add_worker(store, phone=NG_WORKER, name="Ada")
    bola, _ = await add_worker(store, phone="+2348062223333", name="Bola")
    case_id = await queued_case(store, "CA-1", category="RED")

    claim = await claim_next(store, ada.id)
    with pytest.raises(QueueError) as err:
        await accept(store, case_id, bola.id)
    assert err.value.code == "not-your-case"
    await pass_case(store, case_id, ada.id)
    assert await claim_next(store, ada.id) is None  # Ada passed: not offered to her again
    assert (await claim_next(store, bola.id)).case_id == claim.case_id

    await accept(store, case_id, bola.id)
    await resolve(store, case_id, bola.id, note="advised to attend clinic")
    assert (await store.get_case(case_id)).status == "follow_up_scheduled"
    assert await record_follow_up_reply(store, case_id, "7") is None
    assert await record_follow_up_reply(store, case_id, "2") == "same"
    assert await record_follow_up_reply(store, case_id, "3") == "worse"
    assert (await store.get_case(case_id)).status == "pending"
    assert (await claim_next(store, ada.id)) is None and (await claim_next(store, bola.id)).score == 100 + 20 + 10

    trail = await store.audit_trail(case_id)
    note = next(a for a in trail if a.action == "note")
    assert "clinic" not in note.detail  # the note itself is in case_notes, encrypted and rotated with the key
    assert [(n.author, n.text) for n in await store.list_notes(case_id)] == [(note.actor, "advised to attend clinic")]


async def test_a_high_risk_mechanism_raises_a_case_in_the_queue_and_never_lowers_it(store):
    """SAFETY.md: a fall from a roof is no red flag, but its GREEN case is offered before a plain GREEN one."""
    await add_worker(store, phone=NG_WORKER, name="Ada", on_duty=True)
    plain = await queued_case(store, "CA-plain", category="GREEN", urgency="routine", mechanism=[])
    roof = await queued_case(store, "CA-roof", category="GREEN", urgency="routine", mechanism=["fall_from_height"])
    yellow = await queued_case(store, "CA-yellow", category="YELLOW", urgency="urgent", mechanism=[])
    worker = await find_worker(store, NG_WORKER)
    order = [(await claim_next(store, worker.id)).case_id for _ in range(3)]
    assert order == [yellow, roof, plain]


async def test_a_worker_who_speaks_the_cases_language_is_preferred_never_required(store):
    from routing.queue import offer

    english, _ = await add_worker(store, phone=NG_WORKER, name="Ada", languages=["en"], on_duty=True)
    pidgin, _ = await add_worker(store, phone="+2348051113333", name="Bola", languages=["en", "pcm"], on_duty=True)
    in_pidgin = await queued_case(store, "CA-pcm", category="YELLOW", language="pcm")
    assert (await store.get_case(in_pidgin)).triage["language"] == "pcm"
    assert (await offer(store, in_pidgin)).worker_id == pidgin.id  # Ada is as free and comes first by id
    in_english = await queued_case(store, "CA-en", category="YELLOW", language="en")
    assert (await offer(store, in_english)).worker_id == english.id  # Bola now holds a case: the least busy
    in_tagalog = await queued_case(store, "CA-tl", category="YELLOW", language="tl")
    assert (await offer(store, in_tagalog)).worker_id in (english.id, pidgin.id)  # nobody speaks it: still offered
    # A claim scores the language like a skill: for Bola a Pidgin case outranks an equal, older Hindi one.
    await queued_case(store, "CA-hi", category="GREEN", language="hi")
    in_pidgin_later = await queued_case(store, "CA-pcm2", category="GREEN", language="pcm")
    assert (await claim_next(store, pidgin.id)).case_id == in_pidgin_later
