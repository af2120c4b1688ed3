"""A send found unfinished (its sender died, or timed out) is reconciled with Twilio before it is sent again."""

from datetime import UTC, datetime, timedelta

from routing.outbox import add_message, list_messages
from sms.sender import ABANDON_MARGIN_S, TwilioSender
from tests.support.fake_twilio import ACCOUNT_SID, AUTH_TOKEN, FROM_NUMBER
from tests.support.store import FakeClock

TO = "+2348070000001"
BODY = "triageline: case TL-ABC234 (RED, immediate) has waited 2.0 h without a health worker."
KEY = "job:7"


async def abandoned_row(store, sender) -> int:
    """The row a worker killed mid-send leaves: "sending", older than any send window."""
    message_id, _ = await add_message(store, to=TO, body=BODY, kind="escalation", status="sending",
                                      idempotency_key=KEY)
    store.clock.advance(seconds=sender.send_span_s + ABANDON_MARGIN_S + 1)
    return message_id


async def test_a_send_that_may_still_be_under_way_is_left_alone(store, fake_twilio, twilio_sender):
    store.clock = FakeClock()
    message_id, _ = await add_message(store, to=TO, body=BODY, kind="escalation", status="sending",
                                      idempotency_key=KEY)
    store.clock.advance(seconds=1)  # within the first sender's window
    result = await twilio_sender.send(TO, BODY, kind="escalation", idempotency_key=KEY)
    assert (result.message_id, result.status, result.retry) == (message_id, "in-flight", True)
    assert fake_twilio.requests == [] and fake_twilio.list_requests == []


async def test_an_abandoned_send_that_twilio_got_is_recorded_not_sent_again(store, fake_twilio, twilio_sender):
    store.clock = FakeClock()
    message_id = await abandoned_row(store, twilio_sender)
    sid = fake_twilio.holds(TO, BODY)
    result = await twilio_sender.send(TO, BODY, kind="escalation", idempotency_key=KEY)
    assert (result.message_id, result.status, result.provider_sid, result.retry) == (message_id, "queued", sid, False)
    assert fake_twilio.requests == []
    assert fake_twilio.list_requests == [{"To": TO, "From": FROM_NUMBER, "PageSize": "50"}]
    (row,) = await list_messages(store)
    assert (row.status, row.provider_sid) == ("queued", sid)
    again = await twilio_sender.send(TO, BODY, kind="escalation", idempotency_key=KEY)
    assert again.status == "duplicate" and len(fake_twilio.list_requests) == 1


async def test_an_abandoned_send_that_twilio_never_got_is_sent_once(store, fake_twilio, twilio_sender):
    store.clock = FakeClock()
    await abandoned_row(store, twilio_sender)
    fake_twilio.holds(TO, "another message to the same coordinator")
    result = await twilio_sender.send(TO, BODY, kind="escalation", idempotency_key=KEY)
    assert result.status == "queued" and len(fake_twilio.created()) == 1
    assert [m["body"] for m in fake_twilio.messages] == ["another message to the same coordinator", BODY]
    assert (await twilio_sender.send(TO, BODY, kind="escalation", idempotency_key=KEY)).status == "duplicate"


async def test_the_same_text_sent_long_before_is_not_taken_for_it(store, fake_twilio, twilio_sender):
    clock = FakeClock()
    clock.now = datetime.now(UTC) + timedelta(days=1)  # our row is a day newer than Twilio's message
    store.clock = clock
    fake_twilio.holds(TO, BODY)
    await abandoned_row(store, twilio_sender)
    result = await twilio_sender.send(TO, BODY, kind="escalation", idempotency_key=KEY)
    assert result.status == "queued" and len(fake_twilio.created()) == 1 and len(fake_twilio.messages) == 2


async def test_a_timed_out_send_that_twilio_accepted_is_not_sent_twice(store, fake_twilio, send_clock):
    sender = TwilioSender(store, ACCOUNT_SID, AUTH_TOKEN, FROM_NUMBER, api_base_url=fake_twilio.url,
                          request_timeout_s=0.3, retry_delays_s=())
    fake_twilio.script[TO] = ["accept-hold", 201]  # accepted, but the answer never comes back
    first = await sender.send(TO, BODY, kind="escalation", idempotency_key=KEY)
    assert first.status == "failed" and first.error == "retries-exhausted: timeout" and first.retry
    again = await sender.send(TO, BODY, kind="escalation", idempotency_key=KEY)  # the job's next attempt
    assert again.status == "queued" and again.provider_sid == fake_twilio.messages[0]["sid"]
    assert len(fake_twilio.requests) == 1 and len(fake_twilio.messages) == 1


async def test_no_request_is_started_that_could_outlast_the_send_window(store, fake_twilio, twilio_sender):
    fake_twilio.script[TO] = ["timeout"]  # Twilio hangs longer than the window
    result = await twilio_sender.send(TO, BODY, kind="escalation", idempotency_key=KEY, send_within_s=0.5)
    assert result.status == "failed" and result.error == "retries-exhausted: send window closed after timeout"
    assert result.retry
    assert len(fake_twilio.requests) == 1  # a second attempt would not have fitted
