"""after-stream retried by Twilio for the same drop offers the same new stream once: retries use up no resumes."""

from __future__ import annotations

import asyncio
import uuid
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
import pytest_asyncio
from twilio.request_validator import RequestValidator

from voice.app import create_app
from voice.recovery import MAX_RESUMES
from voice.settings import Settings
from voice.web import AFTER_STREAM_RETRY_S

pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.slow]

AUTH_TOKEN = "test-auth-token-0123456789abcdef"
PUBLIC = "https://triage.example.org"
CALLER = "+2348031234567"
OFFERED = "stream_resume_offered"


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def client(tmp_path_factory):
    settings = Settings(_env_file=None, data_dir=tmp_path_factory.mktemp("after-stream"), database_url="",
                        twilio_auth_token=AUTH_TOKEN, public_base_url=PUBLIC)
    app = create_app(settings)
    async with app.test_app() as test_app:
        yield test_app.test_client(), app.extensions["triage.services"]


async def _after_stream(test_client, call_sid: str) -> ET.Element:
    """Twilio's signed POST when a stream of this call ends."""
    form = {"CallSid": call_sid, "From": CALLER, "To": "+18005550100", "CallStatus": "in-progress"}
    signature = RequestValidator(AUTH_TOKEN).compute_signature(PUBLIC + "/voice/after-stream", form)
    response = await test_client.post("/voice/after-stream", form=form, headers={"X-Twilio-Signature": signature})
    assert response.status_code == 200
    return ET.fromstring(await response.get_data(as_text=True))


def _resumes(twiml: ET.Element) -> bool:
    return twiml.find("./Connect/Stream") is not None


async def _dropped_call(services) -> tuple[str, int]:
    """A call whose first stream dropped mid-dialogue (open case, call still up)."""
    call_sid = "CA" + uuid.uuid4().hex
    ref = await services.store.open_call(call_sid=call_sid, caller=CALLER, region="NG", stream_sid="MZfirst")
    return call_sid, ref.case_id


async def _offers(services, case_id: int) -> int:
    return sum(a.action == OFFERED for a in await services.store.audit_trail(case_id))


async def test_a_retried_after_stream_offers_the_same_stream_and_both_resumes_stay(client):
    test_client, services = client
    call_sid, case_id = await _dropped_call(services)
    assert _resumes(await _after_stream(test_client, call_sid))
    assert _resumes(await _after_stream(test_client, call_sid))  # Twilio's retry: the same answer
    assert await _offers(services, case_id) == 1

    store, dropped = services.store, "MZfirst"
    for n in range(1, MAX_RESUMES + 1):  # the new stream takes the call over, then drops too
        assert await store.suspend_call(call_sid, stream_sid=dropped, max_resumes=MAX_RESUMES) == "reconnecting"
        assert await store.resume_call(call_sid, stream_sid=(dropped := f"MZ{n}")) == "resumed"
        if n < MAX_RESUMES:  # and may still come back, once however often Twilio asks
            assert _resumes(await _after_stream(test_client, call_sid))
            assert _resumes(await _after_stream(test_client, call_sid))
            assert await _offers(services, case_id) == n + 1
    last = await _after_stream(test_client, call_sid)  # resumes used up: the way out
    assert not _resumes(last) and "1 1 2" in last.find("Say").text


async def test_concurrent_retries_count_one_offer(client):
    test_client, services = client
    call_sid, case_id = await _dropped_call(services)
    answers = await asyncio.gather(*(_after_stream(test_client, call_sid) for _ in range(3)))
    assert all(_resumes(a) for a in answers)
    assert await _offers(services, case_id) == 1


async def test_an_offer_no_stream_took_in_time_counts_as_a_new_offer(client):
    test_client, services = client
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
