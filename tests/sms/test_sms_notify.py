"""End-of-call summaries: one per worker and one to the caller, never twice, a bad number never blocks the rest."""

from intake.models import Category, TriageResult, Urgency
from routing.outbox import list_messages
from sms.notify import send_case_summaries
from sms.sender import OutboxSender
from tests.support.fake_twilio import FROM_NUMBER

BASE = "https://triage.example.org"
SECRET = b"n" * 32
CALLER = "+2348031234567"
WORKERS = ["+2348030000001", "+2348030000002"]


async def finished_case(store, **triage) -> int:
    ref = await store.open_call(call_sid="CA-notify", caller=CALLER, region="NG")
    result = TriageResult(protocol="START", start_category=Category.YELLOW, urgency=Urgency.URGENT,
                          complaint="deep cut on the hand", **triage)
    await store.save_triage(ref.case_id, result.to_dict(), complete=True)
    return ref.case_id


async def test_summaries_go_once_to_each_worker_and_the_caller(store):
    case_id = await finished_case(store)
    sender = OutboxSender(store)
    for _ in range(2):  # the end-of-call step may run again after a restart
        await send_case_summaries(store, sender, case_id, worker_numbers=WORKERS + [WORKERS[0]],
                                  public_base_url=BASE, secret=SECRET, now=1_800_000_000)
    messages = await list_messages(store, case_id=case_id)
    assert sorted((m.kind, m.to) for m in messages) == [
        ("caller_summary", CALLER), ("worker_summary", WORKERS[0]), ("worker_summary", WORKERS[1])]
    worker = next(m.body for m in messages if m.kind == "worker_summary")
    assert "YELLOW, URGENT" in worker and f"{BASE}/cases/{case_id}." in worker
    caller = next(m.body for m in messages if m.kind == "caller_summary")
    assert f"{BASE}/upload/{case_id}." in caller
    assert all(CALLER not in (m.idempotency_key or "") for m in messages)  # keys are stored in clear


async def test_no_photo_link_when_the_caller_said_no_or_there_is_no_public_url(store):
    case_id = await finished_case(store, photo_consent=False)
    await send_case_summaries(store, OutboxSender(store), case_id, worker_numbers=[], public_base_url=BASE,
                              secret=SECRET)
    (caller,) = await list_messages(store, case_id=case_id)
    assert "/upload/" not in caller.body and "not a doctor" in caller.body

    case_id = (await store.open_call(call_sid="CA-other", caller="+639171234567", region="PH")).case_id
    await send_case_summaries(store, OutboxSender(store), case_id, worker_numbers=WORKERS, public_base_url="",
                              secret=SECRET)
    assert not any("http" in m.body for m in await list_messages(store, case_id=case_id))


async def test_a_bad_worker_number_does_not_stop_the_others(store, fake_twilio, twilio_sender):
    case_id = await finished_case(store)
    fake_twilio.script["+2340000"] = [400]
    results = await send_case_summaries(store, twilio_sender, case_id, worker_numbers=["+2340000", WORKERS[0]],
                                        public_base_url=BASE, secret=SECRET)
    assert [r.status for r in results] == ["failed", "queued", "queued"]
    assert sorted(r["form"]["To"] for r in fake_twilio.created()) == sorted([WORKERS[0], CALLER])
    assert all(r["form"]["From"] == FROM_NUMBER for r in fake_twilio.created())
