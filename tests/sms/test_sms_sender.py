"""Outbound messages through the real twilio SDK against a loopback Messages API, and the database outbox."""

from routing.outbox import list_messages
from sms.sender import OutboxSender, TwilioSender, build_sender
from tests.support.fake_twilio import ACCOUNT_SID, AUTH_TOKEN, FROM_NUMBER

TO = "+2348031234567"


async def test_sent_message_is_recorded_with_twilio_sid(store, fake_twilio, twilio_sender):
    result = await twilio_sender.send(TO, "Case TL-1: RED", kind="worker_summary")
    assert result.ok and result.status == "queued" and result.provider_sid.startswith("SM")
    (request,) = fake_twilio.requests
    assert request["path"] == f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json"
    assert request["auth"] == f"{ACCOUNT_SID}:{AUTH_TOKEN}"
    assert request["form"]["To"] == TO and request["form"]["From"] == FROM_NUMBER
    assert request["form"]["Body"] == "Case TL-1: RED"
    assert request["form"]["StatusCallback"] == f"https://triage.example.org/sms/status?message_id={result.message_id}"
    (row,) = await list_messages(store)
    assert (row.id, row.status, row.provider_sid, row.to, row.kind) == (
        result.message_id, "queued", result.provider_sid, TO, "worker_summary")


async def test_transient_errors_are_retried_until_sent(store, fake_twilio, twilio_sender):
    fake_twilio.script[TO] = [429, 500, "timeout", 201]
    result = await twilio_sender.send(TO, "hello", kind="caller_summary")
    assert result.status == "queued"
    assert [r["answer"] for r in fake_twilio.requests] == [429, 500, "timeout", 201]
    assert (await list_messages(store))[0].status == "queued"


async def test_retries_are_bounded(store, fake_twilio, twilio_sender):
    fake_twilio.script[TO] = [500]
    result = await twilio_sender.send(TO, "hello", kind="caller_summary")
    assert result.status == "failed" and result.error.startswith("retries-exhausted: http-500")
    assert len(fake_twilio.requests) == 4  # the first try and three retries
    assert (await list_messages(store))[0].error == result.error


async def test_invalid_number_fails_at_once_with_a_clear_record(store, fake_twilio, twilio_sender):
    fake_twilio.script[TO] = [400]
    result = await twilio_sender.send(TO, "hello", kind="caller_summary")
    assert len(fake_twilio.requests) == 1
    assert result.status == "failed" and result.error == "invalid-number: twilio 21211"
    row = (await list_messages(store))[0]
    assert (row.status, row.error) == ("failed", "invalid-number: twilio 21211")


async def test_same_idempotency_key_sends_once(store, fake_twilio, twilio_sender):
    first = await twilio_sender.send(TO, "hello", kind="caller_summary", idempotency_key="case:1:caller")
    again = await twilio_sender.send(TO, "hello", kind="caller_summary", idempotency_key="case:1:caller")
    assert again.status == "duplicate" and again.message_id == first.message_id
    assert len(fake_twilio.created()) == 1
    assert len(await list_messages(store)) == 1


async def test_whatsapp_goes_the_same_path_from_a_whatsapp_sender(store, fake_twilio, twilio_sender):
    result = await twilio_sender.send("whatsapp:" + TO, "hello", kind="caller_summary")
    assert result.ok
    form = fake_twilio.requests[0]["form"]
    assert (form["To"], form["From"]) == ("whatsapp:" + TO, "whatsapp:" + FROM_NUMBER)
    assert (await list_messages(store))[0].channel == "whatsapp"


async def test_unreachable_twilio_is_a_recorded_failure(store, send_clock):
    sender = TwilioSender(store, ACCOUNT_SID, AUTH_TOKEN, FROM_NUMBER, api_base_url="http://127.0.0.1:9",
                          request_timeout_s=0.3, retry_delays_s=(0.01,))
    result = await sender.send(TO, "hello", kind="caller_summary")
    assert result.status == "failed" and result.error == "retries-exhausted: connection-error"


async def test_outbox_records_and_sends_nothing(store):
    sender = build_sender(store, account_sid="", auth_token=None, from_number="", api_base_url=None)
    assert isinstance(sender, OutboxSender)
    result = await sender.send(TO, "hello", kind="caller_summary", case_id=None, idempotency_key="k1")
    assert result.status == "outbox"
    assert (await sender.send(TO, "hello", kind="caller_summary", idempotency_key="k1")).status == "duplicate"
    (row,) = await list_messages(store)
    assert (row.to, row.body, row.status) == (TO, "hello", "outbox")


def test_build_sender_picks_twilio_with_credentials(store):
    sender = build_sender(store, account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN, from_number=FROM_NUMBER,
                          api_base_url="http://127.0.0.1:1")
    assert isinstance(sender, TwilioSender)
