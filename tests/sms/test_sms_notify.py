"""A case reaches the caller as one summary and each health worker as one message: never twice, never two systems."""

from intake.models import Category, TriageResult, Urgency
from routing.jobs import run_once
from routing.tasks import handlers
from routing.workers import enroll_numbers, list_workers
from routing.outbox import list_messages
from sms.notify import send_case_summaries
from sms.segments import segment_count
from sms.sender import OutboxSender
from tests.support.fake_twilio import FROM_NUMBER

BASE = "https://triage.example.org"
SECRET = b"n" * 32
CALLER = "+2348031234567"
NURSE = "+2348030000001"


async def finished_case(store, **triage) -> int:
    ref = await store.open_call(call_sid="CA-notify", caller=CALLER, region="NG")
    fields = dict(protocol="START", start_category=Category.YELLOW, urgency=Urgency.URGENT,
                  complaint="deep cut on the hand")
    result = TriageResult(**(fields | triage))
    await store.save_triage(ref.case_id, result.to_dict(), complete=True)
    return ref.case_id


async def drain(store, jobs) -> list[str]:
    ran = []
    while job := await run_once(store, jobs, "test"):
        ran.append(job.kind)
    return ran


async def test_the_summary_goes_once_to_the_caller(store):
    case_id = await finished_case(store)
    sender = OutboxSender(store)
    for _ in range(2):  # the end-of-call step may run again after a restart
        await send_case_summaries(store, sender, case_id, public_base_url=BASE, secret=SECRET, now=1_800_000_000)
    (caller,) = await list_messages(store, case_id=case_id)
    assert caller.kind == "caller_summary" and caller.to == CALLER
    assert f"{BASE}/upload/{case_id}." in caller.body
    assert CALLER not in (caller.idempotency_key or "")  # keys are stored in clear


async def test_no_photo_link_when_the_caller_said_no_or_there_is_no_public_url(store):
    case_id = await finished_case(store, photo_consent=False)
    await send_case_summaries(store, OutboxSender(store), case_id, public_base_url=BASE, secret=SECRET)
    (caller,) = await list_messages(store, case_id=case_id)
    assert "/upload/" not in caller.body and "not a doctor" in caller.body

    case_id = (await store.open_call(call_sid="CA-other", caller="+639171234567", region="PH")).case_id
    await send_case_summaries(store, OutboxSender(store), case_id, public_base_url="", secret=SECRET)
    assert not any("http" in m.body for m in await list_messages(store, case_id=case_id))


async def test_a_nurse_in_health_worker_numbers_gets_one_message_per_case_with_the_reply_words(
        store, fake_twilio, twilio_sender):
    """HEALTH_WORKER_NUMBERS enrolls the nurse as an on-duty worker: the case reaches her once, as the offer,
    through the real Twilio SDK; the end-of-call step texts only the caller."""
    assert await enroll_numbers(store, [NURSE, "+2340000"]) == 1  # a bad number is logged and skipped
    assert await enroll_numbers(store, [NURSE]) == 0  # a restart adds nobody twice
    (nurse,) = await list_workers(store, on_duty_only=True)
    assert nurse.phone == NURSE and nurse.country == "NG"

    case_id = await finished_case(store, start_category=Category.RED, urgency=Urgency.EMERGENCY,
                                  answers={"walk": "no", "breathing": "yes"}, respiratory_rate=34, age_years=70,
                                  complaint="my mother fell and cannot get up")
    await send_case_summaries(store, twilio_sender, case_id, public_base_url=BASE, secret=SECRET)
    assert await drain(store, handlers(store, twilio_sender)) == ["offer", "notify"]
    await send_case_summaries(store, twilio_sender, case_id, public_base_url=BASE, secret=SECRET)  # again: no-op

    sent = fake_twilio.created()
    assert sorted(r["form"]["To"] for r in sent) == sorted([CALLER, NURSE])
    assert all(r["form"]["From"] == FROM_NUMBER for r in sent)
    body = next(r["form"]["Body"] for r in sent if r["form"]["To"] == NURSE)
    reference = (await store.get_case(case_id)).reference
    assert body.splitlines() == [
        f"{reference} RED, EMERGENCY: RR 34",
        "Complaint: my mother fell and cannot get up",
        "Age 70 years",
        f"Call back {CALLER}",
        f"Reply ACCEPT {reference} or PASS {reference}",
    ]
    assert segment_count(body) <= 2


async def test_a_worker_removed_by_hand_is_not_brought_back_by_the_setting(store):
    from routing.workers import remove_worker

    await enroll_numbers(store, [NURSE])
    await remove_worker(store, NURSE)
    assert await enroll_numbers(store, [NURSE]) == 0
    assert await list_workers(store) == []
