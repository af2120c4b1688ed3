"""Voice webhooks: Twilio signatures checked against the public URL, TwiML that opens our stream."""

from __future__ import annotations

import asyncio
import uuid
import xml.etree.ElementTree as ET
from datetime import timedelta
from urllib.parse import urlencode

import pytest
import pytest_asyncio
from twilio.request_validator import RequestValidator

from routing import calls
from tests.support.settings import settings_for
from voice.app import create_app
from voice.recovery import MAX_RESUMES
from voice.tokens import is_valid_stream_token
from voice.web import AFTER_STREAM_RETRY_S

pytestmark = pytest.mark.asyncio(loop_scope="module")

AUTH_TOKEN = "test-auth-token-0123456789abcdef"
PUBLIC = "https://triage.example.org"
FORM = {"CallSid": "CA0123456789abcdef0123456789abcdef", "From": "+2348031234567", "To": "+18005550100",
        "AccountSid": "AC" + "0" * 32, "CallStatus": "ringing"}
OFFERED = "stream_resume_offered"


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def client(tmp_path_factory):
    settings = settings_for(tmp_path_factory.mktemp("webhooks"), twilio_auth_token=AUTH_TOKEN, public_base_url=PUBLIC)
    app = create_app(settings)
    async with app.test_app() as test_app:
        yield test_app.test_client(), app


def _signed(path: str, form: dict[str, str], url_base: str = PUBLIC) -> dict[str, str]:
    return {"X-Twilio-Signature": RequestValidator(AUTH_TOKEN).compute_signature(url_base + path, form)}


async def test_signed_incoming_call_gets_connect_stream_twiml(client):
    test_client, app = client
    response = await test_client.post("/voice/incoming", form=FORM, headers=_signed("/voice/incoming", FORM))
    assert response.status_code == 200
    root = ET.fromstring(await response.get_data(as_text=True))
    stream = root.find("./Connect/Stream")
    assert stream.get("url") == "wss://triage.example.org/voice/stream"
    params = {p.get("name"): p.get("value") for p in stream.findall("Parameter")}
    assert params["caller"] == FORM["From"] and params["call_sid"] == FORM["CallSid"]
    services = app.extensions["triage.services"]
    assert is_valid_stream_token(services.secret, FORM["CallSid"], params["token"])
    assert root.find("Redirect").text == "https://triage.example.org/voice/after-stream"


@pytest.mark.parametrize(
    "headers",
    [
        {},  # unsigned
        {"X-Twilio-Signature": "bm90IGEgc2lnbmF0dXJl"},  # forged
        _signed("/voice/incoming", FORM, url_base="http://localhost"),  # signed for the wrong (Host-header) URL
        _signed("/voice/incoming", {**FORM, "From": "+15005550006"}),  # signed for other parameters
    ],
)
async def test_unsigned_or_forged_webhooks_are_refused(client, headers, caplog):
    test_client, _ = client
    response = await test_client.post("/voice/incoming", form=FORM, headers=headers)
    assert response.status_code == 403
    assert "+2348031234567" not in caplog.text  # only the last 4 digits may be logged
    assert "***4567" in caplog.text


@pytest.mark.parametrize("path", ["/voice/incoming", "/voice/after-stream", "/voice/status"])
async def test_a_webhook_body_no_twilio_request_has_is_refused_before_it_is_read(client, path, caplog):
    test_client, app = client
    huge = {**FORM, "CallSid": "CAhuge000000000000000000000000000", "Padding": "x" * 100_000}
    # A real HTTP client sends Content-Length (Quart's test client does not): the body is refused unread.
    headers = {**_signed(path, huge), "Content-Length": str(len(urlencode(huge)))}
    response = await test_client.post(path, form=huge, headers=headers)
    assert response.status_code == 413
    assert "refused" in caplog.text
    assert await app.extensions["triage.services"].store.find_case_by_call(huge["CallSid"]) is None


async def test_status_callback_is_recorded_and_tolerates_unknown_calls(client):
    test_client, _ = client
    form = {"CallSid": "CAunknown", "CallStatus": "completed", "CallDuration": "42"}
    response = await test_client.post("/voice/status", form=form, headers=_signed("/voice/status", form))
    assert response.status_code == 204


async def test_after_stream_apologises_when_the_dialogue_did_not_finish(client):
    test_client, app = client
    services = app.extensions["triage.services"]
    form = {"CallSid": "CAafterstream01", "From": "+2348031234567"}
    await services.store.open_call(call_sid=form["CallSid"], caller=form["From"], region="NG")
    await calls.close_call(services.store, form["CallSid"], status="dropped")  # queued, but the caller heard no end
    response = await test_client.post("/voice/after-stream", form=form, headers=_signed("/voice/after-stream", form))
    root = ET.fromstring(await response.get_data(as_text=True))
    assert "1 1 2" in root.find("Say").text and root.find("Hangup") is not None


@pytest.mark.parametrize(("caller", "said"), [("+12425551234", "9 1 1"), ("+447797712345", "9 9 9")])
async def test_after_stream_names_the_number_the_dialogue_would(client, caller, said):
    # A Bahamas number the phone library calls invalid, and a Jersey mobile: not the 112 fallback.
    test_client, _ = client
    form = {"CallSid": "CAnocase" + caller[1:], "From": caller}
    response = await test_client.post("/voice/after-stream", form=form, headers=_signed("/voice/after-stream", form))
    assert said in ET.fromstring(await response.get_data(as_text=True)).find("Say").text


# --- after-stream retried by Twilio for the same drop: the same new stream, once; retries use up no resumes


async def _after_stream(test_client, call_sid: str) -> ET.Element:
    """Twilio's signed POST when a stream of this call ends."""
    form = {**FORM, "CallSid": call_sid, "CallStatus": "in-progress"}
    response = await test_client.post("/voice/after-stream", form=form, headers=_signed("/voice/after-stream", form))
    assert response.status_code == 200
    return ET.fromstring(await response.get_data(as_text=True))


def _resumes(twiml: ET.Element) -> bool:
    return twiml.find("./Connect/Stream") is not None


async def _dropped_call(services) -> tuple[str, int]:
    """A call whose first stream dropped mid-dialogue (open case, call still up)."""
    call_sid = "CA" + uuid.uuid4().hex
    ref = await services.store.open_call(call_sid=call_sid, caller=FORM["From"], region="NG", stream_sid="MZfirst")
    return call_sid, ref.case_id


async def _offers(services, case_id: int) -> int:
    return sum(a.action == OFFERED for a in await services.store.audit_trail(case_id))


async def test_a_retried_after_stream_offers_the_same_stream_and_both_resumes_stay(client):
    test_client, app = client
    services = app.extensions["triage.services"]
    call_sid, case_id = await _dropped_call(services)
    assert _resumes(await _after_stream(test_client, call_sid))
    assert _resumes(await _after_stream(test_client, call_sid))  # Twilio's retry: the same answer
    assert await _offers(services, case_id) == 1

    store, dropped = services.store, "MZfirst"
    for n in range(1, MAX_RESUMES + 1):  # the new stream takes the call over, then drops too
        assert await calls.suspend_call(store, call_sid, stream_sid=dropped, max_resumes=MAX_RESUMES) == "reconnecting"
        assert await calls.resume_call(store, call_sid, stream_sid=(dropped := f"MZ{n}")) == "resumed"
        if n < MAX_RESUMES:  # and may still come back, once however often Twilio asks
            assert _resumes(await _after_stream(test_client, call_sid))
            assert _resumes(await _after_stream(test_client, call_sid))
            assert await _offers(services, case_id) == n + 1
    last = await _after_stream(test_client, call_sid)  # resumes used up: the way out
    assert not _resumes(last) and "1 1 2" in last.find("Say").text


async def test_concurrent_retries_count_one_offer(client):
    test_client, app = client
    services = app.extensions["triage.services"]
    call_sid, case_id = await _dropped_call(services)
    answers = await asyncio.gather(*(_after_stream(test_client, call_sid) for _ in range(3)))
    assert all(_resumes(a) for a in answers)
    assert await _offers(services, case_id) == 1


async def test_an_offer_no_stream_took_in_time_counts_as_a_new_offer(client):
    test_client, app = client
    services = app.extensions["triage.services"]
    call_sid, case_id = await _dropped_call(services)
    store, clock = services.store, services.store.clock
    late = timedelta(seconds=AFTER_STREAM_RETRY_S + 1)  # past any Twilio retry: a new stream that never connected
    try:
        answers = []
        for n in range(MAX_RESUMES + 1):
            store.clock = lambda n=n: clock() + n * late
            answers.append(_resumes(await _after_stream(test_client, call_sid)))
        assert answers == [True] * MAX_RESUMES + [False]  # still bounded: then the way out
        assert await _offers(services, case_id) == MAX_RESUMES
    finally:
        store.clock = clock
