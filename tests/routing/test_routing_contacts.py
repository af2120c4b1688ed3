"""Opt-outs, the inbound ledger, photos, and the queue views the SMS commands read."""

from __future__ import annotations

import pytest

from routing.contacts import is_opted_out, purge_received, receive, record_reply, set_opted_out
from routing.errors import NotFound
from routing.outbox import add_message, list_messages, retry_message, update_message
from routing.photos import add_photo, list_photos
from routing.queue import accept, claim_next, current_worker, follow_up_case, offer, resolve, worker_status
from routing.workers import add_worker
from tests.support.store import FakeClock, queued_case

PATIENT = "+2348031234567"


async def test_opt_out_is_per_person_across_channels_and_stored_hashed(store):
    assert not await is_opted_out(store, PATIENT)
    await set_opted_out(store, "whatsapp:" + PATIENT, True)
    assert await is_opted_out(store, PATIENT) and await is_opted_out(store, " whatsapp:" + PATIENT + " ")
    assert not await is_opted_out(store, "+2348039876543")
    await set_opted_out(store, PATIENT, False)
    assert not await is_opted_out(store, "whatsapp:" + PATIENT)
    from sqlalchemy import text
    async with store.engine.connect() as conn:
        assert "8031234567" not in repr((await conn.execute(text("SELECT * FROM contact_preferences"))).all())


async def test_inbound_ledger_counts_the_day_and_replays_replies(store):
    clock = FakeClock()
    store.clock = clock
    first = await receive(store, "SM1", PATIENT)
    assert (first.first, first.today, first.answered) == (True, 1, False)
    retry_before_answer = await receive(store, "SM1", "whatsapp:" + PATIENT)
    assert (retry_before_answer.first, retry_before_answer.today, retry_before_answer.answered) == (False, 1, False)
    await record_reply(store, "SM1", "What is happening?")
    assert (await receive(store, "SM1", PATIENT)).reply == "What is happening?"
    await receive(store, "SM2", "whatsapp:" + PATIENT)
    await record_reply(store, "SM2", None)  # an empty answer is an answer too
    replay = await receive(store, "SM2", PATIENT)
    assert (replay.answered, replay.reply, replay.today) == (True, None, 2)
    assert (await receive(store, "SM3", "+2348039876543")).today == 1

    clock.advance(hours=16, seconds=1)  # past midnight UTC (the clock starts at 08:00)
    assert (await receive(store, "SM4", PATIENT)).today == 1
    clock.advance(days=2, seconds=1)
    assert await purge_received(store) == 4
    assert (await receive(store, "SM1", PATIENT)).first  # forgotten: only kept for retries and the day's count


async def test_photos_attach_once_and_list_in_order(store):
    ref = await store.open_call(call_sid="CA-ph", caller=PATIENT)
    first, created = await add_photo(store, ref.case_id, jpeg=b"\xff\xd8\xff a", width=640, height=480,
                                     source="upload")
    again, created_again = await add_photo(store, ref.case_id, jpeg=b"\xff\xd8\xff a", source="mms")
    await add_photo(store, ref.case_id, jpeg=b"\xff\xd8\xff b", source="whatsapp")
    assert created and not created_again and first == again
    photos = await list_photos(store, ref.case_id)
    assert [(p.source, p.width, p.size_bytes) for p in photos] == [("upload", 640, 5), ("whatsapp", None, 5)]
    assert [a.detail for a in await store.audit_trail(ref.case_id) if a.action == "photo_attached"] == [
        f"upload {photos[0].name[:16]}", f"whatsapp {photos[1].name[:16]}"]
    with pytest.raises(NotFound):
        await add_photo(store, ref.case_id + 1, jpeg=b"\xff\xd8\xff c", source="mms")
    assert await list_photos(store, ref.case_id + 1) == []


async def test_a_failed_message_is_taken_back_only_for_a_passing_error(store):
    passing, _ = await add_message(store, to=PATIENT, body="a", kind="follow_up", status="sending")
    await update_message(store, passing, status="failed", error="retries-exhausted: http-500")
    permanent, _ = await add_message(store, to=PATIENT, body="b", kind="follow_up", status="sending")
    await update_message(store, permanent, status="failed", error="invalid-number: twilio 21211")
    assert await retry_message(store, passing, error_prefix="retries-exhausted", status="sending")
    assert not await retry_message(store, passing, error_prefix="retries-exhausted", status="sending")  # once
    assert not await retry_message(store, permanent, error_prefix="retries-exhausted", status="sending")
    statuses = {m.id: (m.status, m.error) for m in await list_messages(store)}
    assert statuses[passing] == ("sending", None) and statuses[permanent][0] == "failed"


async def test_worker_status_follow_up_case_and_current_worker(store):
    ada, _ = await add_worker(store, phone="+2348051112222", name="Ada", on_duty=True)
    indian = await queued_case(store, "CA-in", caller="+919876543210", category="RED")  # not hers to take
    red = await queued_case(store, "CA-red", category="RED")
    green = await queued_case(store, "CA-green", category="GREEN", urgency="routine")
    status = await worker_status(store, ada.id)
    assert (status.open_cases, status.waiting, status.waiting_urgent) == ((), 2, 1)

    claim = await claim_next(store, ada.id)
    assert claim.case_id == red and await current_worker(store, red) == ada.id
    await offer(store, green)
    await accept(store, red, ada.id)
    status = await worker_status(store, ada.id)
    refs = {c: (await store.get_case(c)).reference for c in (red, green)}
    assert status.open_cases == ((refs[red], "accepted"), (refs[green], "offered")) and status.waiting == 0

    assert await follow_up_case(store, PATIENT) is None
    await resolve(store, red, ada.id)
    assert await follow_up_case(store, PATIENT) == red and await current_worker(store, red) is None
    assert await current_worker(store, indian) is None
