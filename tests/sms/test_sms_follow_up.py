"""Follow-ups end to end: routing's jobs send through sms's senders (keyed per job), patients answer 1/2/3."""

from routing.jobs import claim_job
from routing.outbox import list_messages
from routing.queue import accept, claim_next, resolve
from routing.tasks import handlers
from routing.workers import add_worker
from sms.sender import OutboxSender
from tests.support.sms_app import Phone, make_app, queue_replies
from tests.support.store import FakeClock, drain

NOW = 1_800_000_000
ADA = "+2348051112222"


async def resolved_case(store, caller: str, sid: str = "CA-fu", language: str | None = None) -> int:
    """A case a worker took and resolved: its follow-up jobs wait 24 h and 48 h."""
    ada, _ = await add_worker(store, phone=ADA, name="Ada", country="NG")
    ref = await store.open_call(call_sid=sid, caller=caller)
    await store.save_triage(ref.case_id, {"start_category": "GREEN", "urgency": "routine", "language": language},
                            complete=True)
    claim = await claim_next(store, ada.id)
    assert claim is not None, "the worker may treat this case"
    await accept(store, ref.case_id, ada.id)
    await resolve(store, ref.case_id, ada.id)
    return ref.case_id


async def test_follow_up_goes_out_once_with_the_local_emergency_number(store):
    clock = FakeClock()
    store.clock = clock
    case_id = await resolved_case(store, "+2348031234567")
    jobs = handlers(store, OutboxSender(store))
    await drain(store, jobs)
    clock.advance(hours=24, seconds=1)
    assert "follow_up" in await drain(store, jobs)
    (message,) = [m for m in await list_messages(store, case_id=case_id) if m.kind == "follow_up"]
    assert message.to == "+2348031234567" and message.idempotency_key.startswith("job:")
    assert "Reply 1 better, 2 same, 3 worse" in message.body and "call 112 now" in message.body
    assert len(message.body) <= 160


async def test_a_retried_job_sends_once_and_a_failed_send_is_retried(store, fake_twilio, twilio_sender):
    clock = FakeClock()
    store.clock = clock
    patient = "+2348031234567"
    case_id = await resolved_case(store, patient)
    jobs = handlers(store, twilio_sender)
    await drain(store, jobs)
    clock.advance(hours=24, seconds=1)
    fake_twilio.script[patient] = [500, 500, 500, 500, 201]  # the first attempt runs out of retries
    ran = await drain(store, jobs)
    assert "follow_up" in ran and not fake_twilio.created()
    (failed,) = [m for m in await list_messages(store, case_id=case_id) if m.kind == "follow_up"]
    assert failed.status == "failed" and failed.error.startswith("retries-exhausted")

    clock.advance(seconds=store.policy.job_backoff_s + 1)  # the job comes back after its backoff
    assert await drain(store, jobs) == ["follow_up"]
    (sent,) = [m for m in await list_messages(store, case_id=case_id) if m.kind == "follow_up"]
    assert sent.id == failed.id and sent.status == "queued" and len(fake_twilio.created()) == 1

    # The worker dies after sending, before marking the job done: another worker runs it again.
    clock.advance(hours=24)
    dead = await claim_job(store, "crashed")
    await jobs[dead.kind](dead)
    clock.advance(seconds=store.policy.job_lease_s + 1)
    assert await drain(store, jobs) == ["follow_up"]
    assert len(fake_twilio.created()) == 2  # one per follow-up (24 h and 48 h), never two for one job
    assert "call 112 now" in fake_twilio.created()[1]["form"]["Body"]


async def test_philippine_caller_is_told_911(store):
    clock = FakeClock()
    store.clock = clock
    maria, _ = await add_worker(store, phone="+639171234567", name="Maria")
    ref = await store.open_call(call_sid="CA-ph", caller="+639181234567")
    await store.save_triage(ref.case_id, {"start_category": "GREEN", "urgency": "routine"}, complete=True)
    await claim_next(store, maria.id)
    await accept(store, ref.case_id, maria.id)
    await resolve(store, ref.case_id, maria.id)
    jobs = handlers(store, OutboxSender(store))
    await drain(store, jobs)
    clock.advance(hours=24, seconds=1)
    await drain(store, jobs)
    (message,) = [m for m in await list_messages(store, case_id=ref.case_id) if m.kind == "follow_up"]
    assert "call 911 now" in message.body


def patient_phone(store, tmp_path, number="+2348031234567") -> Phone:
    return Phone(make_app(store, now=NOW, commands=queue_replies(store, now=NOW)).test_client(), number)


async def test_patient_answers_worse_and_the_case_is_queued_again_with_the_bonus(store, tmp_path):
    case_id = await resolved_case(store, "+2348031234567")
    reply = await patient_phone(store, tmp_path).text("3")
    assert reply == ("Thank you. A health worker will contact you again soon. Any danger sign: call 112 now.")
    case = await store.get_case(case_id)
    assert case.status == "pending"
    ada = (await add_worker(store, phone=ADA, name="Ada"))[0]
    claim = await claim_next(store, ada.id)
    assert claim.case_id == case_id and claim.score == 10 + 10 + 20  # GREEN, follow-up bonus, same country


async def test_better_closes_same_waits_and_a_danger_sign_is_never_better(store, tmp_path):
    phone = patient_phone(store, tmp_path)
    case_id = await resolved_case(store, "+2348031234567")
    assert (await phone.text("2.")).startswith("Thank you. If it gets worse, reply 3.")
    assert (await store.get_case(case_id)).status == "follow_up_scheduled"
    assert "glad" in await phone.text("Better!")
    assert (await store.get_case(case_id)).status == "closed"
    assert "not a doctor" in await phone.text("1")  # nothing outstanding now: a new conversation begins

    other = await resolved_case(store, "+2348039876543", sid="CA-fu2")
    reply = await patient_phone(store, tmp_path, "+2348039876543").text("1 but now she is not breathing")
    assert reply.startswith("Call 112 now") and "health worker will contact you" in reply
    assert (await store.get_case(other)).status == "pending"


async def test_the_follow_up_is_asked_in_the_language_the_triage_was_held_in(store):
    clock = FakeClock()
    store.clock = clock
    case_id = await resolved_case(store, "+2348031234567", language="pcm")
    jobs = handlers(store, OutboxSender(store))
    await drain(store, jobs)
    clock.advance(hours=24, seconds=1)
    assert "follow_up" in await drain(store, jobs)
    (message,) = [m for m in await list_messages(store, case_id=case_id) if m.kind == "follow_up"]
    assert "how the sick person dey now" in message.body and "Reply 1 better" in message.body
    assert "call 112 now" in message.body and "no be medical advice" in message.body
