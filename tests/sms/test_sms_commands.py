"""Health workers run the queue by SMS: ACCEPT, DONE, PASS, NEXT, STATUS, only on their own cases, all audited."""

import pytest

from routing.outbox import list_messages
from routing.queue import offer
from routing.workers import add_worker, set_duty
from sms.commands import Command, follow_up_answer, parse_command
from sms.segments import segment_count
from tests.support.sms_app import BASE, Phone, make_app, queue_replies

NOW = 1_800_000_000
ADA, BEN, STRANGER, PATIENT = "+2348051112222", "+2348051113333", "+2348059998888", "+2348031234567"


@pytest.mark.parametrize("body,expected", [
    ("ACCEPT TL-7K3QX9", Command("ACCEPT", "TL-7K3QX9", "")),
    ("  accept   tl-7k3qx9. ", Command("ACCEPT", "TL-7K3QX9", "")),
    ("Accept TL 7K3QX9!", Command("ACCEPT", "TL-7K3QX9", "")),
    ("accept 7k3qx9", Command("ACCEPT", "TL-7K3QX9", "")),
    ("accept TL-ABC123.", Command("ACCEPT", "TL-ABC123", "")),
    ("DONE TL-7K3QX9 advised rest, fluids.", Command("DONE", "TL-7K3QX9", "advised rest, fluids")),
    ("pass tl-7k3qx9", Command("PASS", "TL-7K3QX9", "")),
    ("next", Command("NEXT", None, "")),
    ("Status?", Command("STATUS", None, "")),
    ("ACCEPT", Command("ACCEPT", None, "")),
])
def test_commands_are_read_leniently(body, expected):
    assert parse_command(body) == expected


@pytest.mark.parametrize("body", ["accepted it", "I am done with the tablets", "my chest hurts", "", "nextdoor"])
def test_other_texts_are_not_commands(body):
    assert parse_command(body) is None


@pytest.mark.parametrize("body,expected", [
    ("1", "1"), (" 2. ", "2"), ("3 worse, high fever", "3"), ("Better!", "1"), ("the same", "2"),
    ("10", None), ("not better", None), ("4", None), ("worse than yesterday", None),
])
def test_follow_up_answers(body, expected):
    assert follow_up_answer(body) == expected


async def queued(store, sid: str, category: str = "YELLOW", urgency: str = "urgent") -> tuple[int, str]:
    ref = await store.open_call(call_sid=sid, caller=PATIENT)
    await store.save_triage(ref.case_id, {"start_category": category, "urgency": urgency}, complete=True)
    return ref.case_id, ref.reference


@pytest.fixture
async def phones(store, tmp_path):
    await add_worker(store, phone=ADA, name="Ada", on_duty=True)
    await add_worker(store, phone=BEN, name="Ben")
    client = make_app(store, now=NOW, commands=queue_replies(store, now=NOW)).test_client()
    return Phone(client, ADA), Phone(client, BEN), Phone(client, STRANGER)


async def test_next_done_and_status_by_sms(store, phones):
    ada, ben, _ = phones
    yellow_id, yellow = await queued(store, "CA-yellow")
    red_id, red = await queued(store, "CA-red", "RED", "emergency")

    status = await ada.text("STATUS")
    assert status == "You have no open cases. Waiting for you: 2 (1 urgent). Text NEXT to take one."
    taken = await ada.text("next")
    assert taken == f"{red} is yours: RED, EMERGENCY. Case page link sent in a separate text. Reply DONE {red} when finished."
    assert segment_count(taken) == 1
    (link,) = [m for m in await list_messages(store, case_id=red_id) if m.kind == "case_link"]
    assert link.to == ADA and link.body.startswith(f"{red} case page, for you only: {BASE}/cases/{red_id}.")
    assert segment_count(link.body) == 1
    assert (await store.get_case(red_id)).status == "in_progress"
    assert await ada.text("status") == f"Your cases: {red} accepted. Waiting for you: 1. Text NEXT to take one."

    assert await ben.text(f"done {red}") == f"{red} is not a case you accepted."
    assert (await store.get_case(red_id)).status == "in_progress"
    assert await ada.text(f"Done {red.lower()} advised to keep pressure on it.") == (
        f"{red} resolved. The patient will get follow-up texts. Thank you.")
    assert (await store.get_case(red_id)).status == "follow_up_scheduled"

    trail = [(a.actor, a.action, a.detail) for a in await store.audit_trail(red_id)]
    ada_actor = next(a for a, _, d in trail if d == "NEXT ok")
    assert (ada_actor, "status", "assigned -> in_progress") in trail
    assert any(actor != ada_actor and action == "sms_command" and detail == "DONE refused: not-your-case"
               for actor, action, detail in trail)
    assert (ada_actor, "sms_command", "DONE ok") in trail
    note = next(d for a, action, d in trail if action == "note")
    assert "keep pressure" not in note  # notes may hold PHI: encrypted in the audit log
    assert (await store.get_case(yellow_id)).status == "pending"


async def test_accept_and_pass_only_what_was_offered_to_you(store, phones):
    ada, ben, _ = phones
    case_id, ref = await queued(store, "CA-offer")
    assert await ada.text(f"accept {ref}") == f"{ref} is not offered to you (taken, passed or timed out). Text NEXT for a case."
    claim = await offer(store, case_id)  # Ada is the only worker on duty
    assert (await ben.text(f"ACCEPT {ref}.")).startswith(f"{ref} is not offered to you")
    accepted = await ada.text(f"  accept   {ref.lower()}. ")
    assert accepted.startswith(f"{ref} is yours: YELLOW, URGENT. ") and segment_count(accepted) == 1
    assert "/cases/" not in accepted
    assert [m.to for m in await list_messages(store, case_id=case_id) if m.kind == "case_link"] == [ADA]
    assert claim.worker_id and (await store.get_case(case_id)).status == "in_progress"

    assert await ada.text(f"PASS {ref}") == f"{ref} goes back to the queue. Thank you."
    assert (await store.get_case(case_id)).status == "pending"
    assert await ada.text("NEXT") == "No case is waiting for you now."  # she turned this one down
    assert (await ben.text("next")).startswith(f"{ref} is yours")


async def test_no_command_answer_carries_a_case_link_and_the_link_goes_to_the_registered_number_only(store, phones):
    """The webhook's answer goes to whoever made the request (with unsigned webhooks, anyone who knows a worker's
    number): the case page's link, with the caller's number and transcript behind it, is texted to the worker's
    registered number instead, once however often Twilio retries the webhook."""
    ada, _, _ = phones
    case_id, ref = await queued(store, "CA-linkless", "RED", "emergency")
    sid = "SMnext-linkless"
    answers = [await ada.text("NEXT", sid=sid), await ada.text("NEXT", sid=sid)]  # Twilio's retry
    assert answers[0] == answers[1] and answers[0].startswith(f"{ref} is yours")
    assert "http" not in answers[0] and "/cases/" not in answers[0]
    links = [m for m in await list_messages(store, case_id=case_id) if m.kind == "case_link"]
    assert [(m.to, m.status) for m in links] == [(ADA, "outbox")]
    assert f"{BASE}/cases/{case_id}." in links[0].body


async def test_unknown_senders_and_missing_references(store, phones):
    ada, _, stranger = phones
    case_id, ref = await queued(store, "CA-x")
    assert await stranger.text("NEXT") == "Triageline: this number is not registered as a health worker."
    assert (await store.get_case(case_id)).status == "pending"
    assert await ada.text("accept") == "Please add the case reference, e.g. ACCEPT TL-7K3QX9."
    assert await ada.text("DONE TL-ZZZZZZ") == "TL-ZZZZZZ is not a case you accepted."


async def test_a_strangers_accept_is_logged_but_stays_off_the_patients_timeline(store, phones, caplog):
    _, _, stranger = phones
    case_id, ref = await queued(store, "CA-stranger")
    before = await store.audit_trail(case_id)
    assert await stranger.text(f"ACCEPT {ref}") == "Triageline: this number is not registered as a health worker."
    assert await store.audit_trail(case_id) == before  # nothing a stranger did is on the patient's record
    refused = [r.getMessage() for r in caplog.records if "unregistered" in r.getMessage()]
    assert refused and f"ACCEPT {ref}" in refused[0] and "***8888" in refused[0]
    assert STRANGER not in caplog.text and STRANGER[1:] not in caplog.text
    assert (await store.get_case(case_id)).status == "pending"


async def test_a_patient_mid_triage_who_types_done_is_answered_by_the_dialogue(store, phones, tmp_path):
    _, _, stranger = phones
    assert "not a doctor" in await stranger.text("my leg hurts after a fall")
    reply = await stranger.text("done")
    assert reply != "Triageline: this number is not registered as a health worker." and reply


async def test_off_duty_worker_can_still_ask_for_the_next_case(store, phones):
    ada, _, _ = phones
    await set_duty(store, ADA, False)
    _, ref = await queued(store, "CA-late")
    assert (await ada.text("Next")).startswith(f"{ref} is yours")


async def test_the_offer_text_a_worker_receives_can_be_answered_as_it_is(store, phones):
    from routing.jobs import run_once
    from routing.tasks import handlers
    from sms.sender import OutboxSender

    ada, _, _ = phones
    case_id, ref = await queued(store, "CA-offered", "RED", "emergency")
    jobs = handlers(store, OutboxSender(store))
    while await run_once(store, jobs, "w1"):
        pass
    (offer_text,) = [m for m in await list_messages(store, case_id=case_id) if m.kind == "case_offer"]
    assert offer_text.to == ADA and f"Reply ACCEPT {ref}" in offer_text.body
    reply_as_typed = offer_text.body.split("Reply ", 1)[1].split(" to take it")[0]  # "ACCEPT TL-XXXXXX"
    assert (await ada.text(reply_as_typed)).startswith(f"{ref} is yours: RED, EMERGENCY.")


async def test_a_no_answer_case_taken_by_sms_says_call_back(store, phones):
    ada, _, _ = phones
    ref = await store.open_call(call_sid="CA-silent", caller=PATIENT)
    await store.save_triage(ref.case_id, {"start_category": None, "urgency": "urgent", "outcome": "no_answer"},
                            complete=True)
    taken = await ada.text("next")
    assert taken.startswith(f"{ref.reference} is yours: NO ANSWER - please call back, URGENT.")
