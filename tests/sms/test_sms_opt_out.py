"""STOP is honoured by every sender on every channel; START undoes it; 50 texts a day, but a red flag always gets in."""

import pytest

from routing.contacts import is_opted_out
from routing.outbox import list_messages
from routing.workers import add_worker
from sms.notify import send_case_summaries
from sms.sender import OutboxSender
from tests.support.sms_app import WORKERS, Phone, make_app
from tests.support.store import FakeClock

NOW = 1_800_000_000
PATIENT = "+2348031234567"


@pytest.fixture
def phone(store, tmp_path):
    return Phone(make_app(store, now=NOW).test_client(), PATIENT)


async def test_stop_and_start_by_text_on_either_channel(store, phone, tmp_path):
    assert await phone.text("Stop") is None
    assert await is_opted_out(store, PATIENT) and await is_opted_out(store, "whatsapp:" + PATIENT)
    sent = await OutboxSender(store).send("whatsapp:" + PATIENT, "hello", kind="caller_summary")
    assert sent.status == "opted-out"
    whatsapp = Phone(make_app(store, now=NOW).test_client(), "whatsapp:" + PATIENT)
    assert (await whatsapp.text("START")).startswith("You will get our texts again.")
    assert not await is_opted_out(store, PATIENT)
    assert (await OutboxSender(store).send(PATIENT, "hello", kind="caller_summary")).status == "outbox"
    assert [m.status for m in await list_messages(store)] == ["outbox", "opted-out"]


async def test_twilio_sender_sends_nothing_to_an_opted_out_number(store, phone, fake_twilio, twilio_sender):
    await phone.text("UNSUBSCRIBE")
    result = await twilio_sender.send(PATIENT, "Case TL-1 follow-up", kind="follow_up", idempotency_key="job:1")
    assert result.status == "opted-out" and result.ok and not result.retry
    again = await twilio_sender.send(PATIENT, "Case TL-1 follow-up", kind="follow_up", idempotency_key="job:1")
    assert again.status == "duplicate" and fake_twilio.requests == []
    (row,) = await list_messages(store)
    assert (row.status, row.kind) == ("opted-out", "follow_up")


async def test_twilio_saying_unsubscribed_is_remembered(store, fake_twilio, twilio_sender):
    fake_twilio.script[PATIENT] = ["opted-out"]
    result = await twilio_sender.send(PATIENT, "hello", kind="caller_summary")
    assert result.status == "failed" and result.error == "opted-out: twilio 21610" and not result.retry
    assert await is_opted_out(store, PATIENT)
    assert (await twilio_sender.send(PATIENT, "again", kind="caller_summary")).status == "opted-out"
    assert len(fake_twilio.requests) == 1


async def test_an_opted_out_patient_with_a_red_flag_still_reaches_a_worker(store, tmp_path):
    async with make_app(store, now=NOW).test_app() as app:  # waits for the summaries to be written
        phone = Phone(app.test_client(), PATIENT)
        await phone.text("STOP")
        reply = await phone.text("my husband has crushing chest pain", sid="SMred")
    assert reply is None  # Twilio refuses replies to a number that sent STOP
    case = await store.find_case_by_call("SMred")
    assert case.urgency == "emergency"
    messages = {(m.kind, m.to): m.status for m in await list_messages(store, case_id=case.id)}
    assert messages[("caller_summary", PATIENT)] == "opted-out"
    assert all(messages[("worker_summary", w)] == "outbox" for w in WORKERS)


async def test_summaries_skip_only_the_opted_out_worker(store, phone):
    ref = await store.open_call(call_sid="CA-1", caller="+2348039876543")
    await Phone(phone.client, WORKERS[0]).text("stop")
    results = await send_case_summaries(store, OutboxSender(store), ref.case_id, worker_numbers=WORKERS,
                                        public_base_url="", secret=b"s" * 32)
    assert [r.status for r in results] == ["opted-out", "outbox", "outbox"]


async def test_fifty_texts_a_day_then_only_red_flags_until_tomorrow(store, tmp_path):
    clock = FakeClock()
    store.clock = clock
    phone = Phone(make_app(store, now=NOW).test_client(), PATIENT)
    for n in range(50):
        assert await phone.text(f"message {n}", sid=f"SMday1-{n}") is not None
    assert await phone.text("message 49", sid="SMday1-49") is not None  # a retry is not a new message
    over = await phone.text("one more", sid="SMday1-50")
    assert over.startswith("Triageline: you have sent many messages today") and "call 112 now" in over
    assert await phone.text("and another", sid="SMday1-51") is None  # told once, then silence
    urgent = await phone.text("she is having a seizure and will not stop shaking", sid="SMday1-52")
    assert "112" in urgent and "many messages" not in urgent
    clock.advance(days=1)
    assert "many messages" not in await phone.text("hello again", sid="SMday2-1")


async def test_workers_are_not_rate_limited(store, tmp_path):
    await add_worker(store, phone=WORKERS[0], name="Ada")
    phone = Phone(make_app(store, now=NOW).test_client(), WORKERS[0])
    for n in range(52):
        reply = await phone.text(f"note {n}", sid=f"SMw-{n}")
    assert "many messages" not in reply
