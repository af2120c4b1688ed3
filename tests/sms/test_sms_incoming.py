"""The inbound SMS/WhatsApp webhook: signed, idempotent, compliant, and a full text-channel triage."""

import logging
from urllib.parse import urlencode
import xml.etree.ElementTree as ET

import pytest

from routing.errors import StoreUnavailable
from routing.tasks import pending_jobs
from routing.outbox import list_messages
from tests.support.sms_app import WORKERS, make_app, signed

PATIENT = "+2348031234567"
NOW = 1_800_000_000


def form(body: str, sid: str, sender: str = PATIENT) -> dict[str, str]:
    return {"MessageSid": sid, "AccountSid": "AC1", "From": sender, "To": "+15005550006", "Body": body,
            "NumMedia": "0"}


def reply_of(xml: str) -> str | None:
    root = ET.fromstring(xml)
    assert root.tag == "Response"
    message = root.find("Message")
    return None if message is None else message.text


class Phone:
    """A patient's phone texting the webhook through the Quart test client, signed like Twilio."""

    def __init__(self, client, sender: str = PATIENT) -> None:
        self.client, self.sender, self.count = client, sender, 0

    async def text(self, body: str, sid: str | None = None) -> str | None:
        self.count += 1
        response = await self.client.post("/sms/incoming",
                                          **signed("/sms/incoming", form(body, sid or f"SM{self.count:04d}", self.sender)))
        assert response.status_code == 200 and response.content_type.startswith("text/xml")
        return reply_of(await response.get_data(as_text=True))


@pytest.fixture
def app(store, tmp_path):
    return make_app(store, now=NOW)


async def test_signature_is_required_and_refusals_log_only_masked_numbers(app, caplog):
    client = app.test_client()
    caplog.set_level(logging.INFO)
    unsigned = await client.post("/sms/incoming", form=form("hello", "SM1"))
    forged = await client.post("/sms/incoming", form=form("hello", "SM1"),
                               headers={"X-Twilio-Signature": "bm90IGEgc2lnbmF0dXJl"})
    tampered = signed("/sms/incoming", form("hello", "SM1"))
    tampered["form"]["Body"] = "chest pain"
    assert [r.status_code for r in (unsigned, forged, await client.post("/sms/incoming", **tampered))] == [403] * 3
    assert "***4567" in caplog.text and PATIENT not in caplog.text


async def test_a_whole_triage_by_text_ends_with_summaries(app, store):
    async with app.test_app() as test_app:
        phone = Phone(test_app.test_client())
        first = await phone.text("hello")
        assert "not a doctor, not medical advice" in first and "Reply 1 for me" in first
        for body in ["1", "bad cough and fever", "no", "30", "yes", "3 days", "5", "none", "none"]:
            assert await phone.text(body)
        closing = await phone.text("yes")
        assert "health worker" in closing and "Not a doctor" in closing
    case = await store.find_case_by_call("SM0001")
    assert case.status == "pending" and case.channel == "sms"
    assert case.triage["start_category"] == "GREEN" and case.triage["complaint"] == "bad cough and fever"
    assert [t.raw_text for t in case.turns][:3] == ["hello", "1", "bad cough and fever"]
    messages = await list_messages(store, case_id=case.id)
    assert [m.kind for m in messages] == ["caller_summary"]  # health workers get the case as an offer (a job)
    assert [p["case_id"] for _, p in await pending_jobs(store, "offer")] == [case.id]
    (to_caller,) = [m for m in messages if m.kind == "caller_summary"]
    assert to_caller.to == PATIENT and "/upload/" in to_caller.body and "call 112" in to_caller.body
    assert await phone.text("thanks") is not None  # a later text opens a new conversation, never silence


async def test_red_flag_in_the_first_text_is_an_emergency_at_once(app, store):
    async with app.test_app() as test_app:
        reply = await Phone(test_app.test_client()).text("My father has crushing chest pain and is sweating")
    assert reply.startswith("Triage line: automated, not a doctor") and "call 112 now" in reply
    case = await store.find_case_by_call("SM0001")
    assert case.urgency == "emergency" and "chest_pain" in case.triage["red_flags"]
    assert [p["case_id"] for _, p in await pending_jobs(store, "offer")] == [case.id]


async def test_retried_webhooks_get_the_same_reply_and_change_nothing(app, store):
    phone = Phone(app.test_client())
    first = await phone.text("hi", sid="SMfirst")
    assert await phone.text("hi", sid="SMfirst") == first
    second = await phone.text("2", sid="SMsecond")
    assert await phone.text("2", sid="SMsecond") == second != first
    case = await store.find_case_by_call("SMfirst")
    assert len(case.turns) == 2 and case.dialogue_state["seq"] == 2


@pytest.mark.parametrize("body,expected", [
    ("STOP", None), ("stop", None), ("Unsubscribe", None),
    ("HELP", "text us what is happening"), ("START", "text us what is happening"),
    ("😀😀", "text us what is happening"), ("   ", "text us what is happening"),
])
async def test_keywords_and_garbage_start_no_case(app, store, body, expected):
    reply = await Phone(app.test_client()).text(body)
    assert (reply is None) if expected is None else (expected in reply and "call 112" in reply)
    assert await store.find_open_text_case(PATIENT) is None


async def test_whatsapp_conversations_use_the_same_dialogue(app, store):
    reply = await Phone(app.test_client(), sender="whatsapp:" + PATIENT).text("my son is very sick")
    assert "not a doctor" in reply
    case = await store.find_open_text_case("whatsapp:" + PATIENT)
    assert case.channel == "whatsapp" and case.caller == "whatsapp:" + PATIENT and case.region == "NG"


async def test_worker_commands_go_to_the_handler_first(store, tmp_path):
    async def commands(msg):
        return f"queue: {msg.body}" if msg.sender in WORKERS else None

    client = make_app(store, now=NOW, commands=commands).test_client()
    assert await Phone(client, sender=WORKERS[0]).text("NEXT") == "queue: NEXT"
    assert "not a doctor" in await Phone(client).text("hello", sid="SMpatient1")  # MessageSids are unique


async def test_missing_fields_are_a_bad_request(app):
    response = await app.test_client().post("/sms/incoming", **signed("/sms/incoming", {"Body": "hi"}))
    assert response.status_code == 400


class DownStore:
    """A store whose database is unreachable."""

    async def find_open_text_case(self, address):
        raise StoreUnavailable("database down", code="store-unavailable")


async def test_a_failure_on_our_side_still_answers_with_the_emergency_number(tmp_path, caplog):
    reply = await Phone(make_app(DownStore(), now=NOW).test_client()).text("help my wife fainted")
    assert "could not process your message" in reply and "call 112 now" in reply
    assert PATIENT not in caplog.text


async def test_oversized_webhook_bodies_are_refused(app, store):
    request = signed("/sms/incoming", form("x" * 100_000, "SMbig"))
    # A real HTTP client sends Content-Length (Quart's test client does not): the body is refused unread.
    request["headers"]["Content-Length"] = str(len(urlencode(request["form"])))
    response = await app.test_client().post("/sms/incoming", **request)
    assert response.status_code == 413
    assert await store.find_open_text_case(PATIENT) is None
