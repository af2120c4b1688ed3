"""A dropped stream on a call that is still up: after-stream opens a new stream and the dialogue goes on.

Real server, real websockets, the caller's answers spoken by flite; the transcription stand-in (OpenAI's API
on loopback, through the real SDK) returns what the caller said, recognised by its exact audio frames.
"""

from __future__ import annotations

import asyncio
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import pytest
import pytest_asyncio

from routing.outbox import list_messages
from tests.support.fake_openai import fake_openai_server, transcribe_by_frames
from tests.support.line_caller import LineCaller, incoming
from tests.support.settings import settings_for
from tests.support.wait import PATIENCE_MS, wait_until
from voice.harness.callrun import call_ended, serve_in_process
from voice.recovery import MAX_RESUMES, RESUME_GRACE_S
from voice.tts import FliteTts
from voice.twiml import RESUME_NOTICE

pytestmark = [pytest.mark.asyncio(loop_scope="module")]

CALLER = "+2348031234567"  # Nigeria: the emergency number is 112
VOICE = FliteTts("slt")
ANSWERS = {"who": "my brother", "complaint": "he has a high fever and he is very weak", "danger_signs": "no",
           "age": "thirty", "walk": "no", "breathing": "yes, he is breathing", "resp_count": "I counted nine"}
NEXT = {"who": "complaint", "complaint": "danger_signs", "danger_signs": "age", "age": "walk", "walk": "breathing",
        "breathing": "resp_count", "resp_count": "emergency"}
SETTLE_S = 30  # a case is final within this after the call really ends
SHORT_GRACE_S = 3.0  # the grace in the no-reopen drill: long enough to see the case wait, short for the suite


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def line(tmp_path_factory):
    """(base URL, Services, FakeOpenAI): our server with the transcription stand-in."""
    with fake_openai_server() as stt:
        stt.transcribe = transcribe_by_frames(list(ANSWERS.values()), VOICE)
        settings = settings_for(tmp_path_factory.mktemp("resume"),
                                tts_backend="espeak-ng", stt_backend="openai", openai_api_key="stub-key",
                                openai_base_url=stt.base_url, stt_remote_deadline_ms=8000, stt_deadline_ms=9000)
        async with serve_in_process(settings) as (base, services):
            yield base, services, stt


async def _after_stream(base: str, call_sid: str) -> ET.Element:
    """POST /voice/after-stream as Twilio does when the stream ends while the call is up."""
    form = urllib.parse.urlencode({"CallSid": call_sid, "From": CALLER, "To": "+15005550001",
                                   "AccountSid": "AC" + "0" * 32, "CallStatus": "in-progress"}).encode()
    request = urllib.request.Request(base + "/voice/after-stream", data=form, method="POST")
    body = await asyncio.to_thread(lambda: urllib.request.urlopen(request, timeout=30).read().decode())
    return ET.fromstring(body)


async def _reopen(base: str, call_sid: str, twiml: ET.Element) -> LineCaller:
    """Follow after-stream's TwiML: a new stream with the parameters it names, as Twilio does."""
    assert twiml.find("Say").text == RESUME_NOTICE
    assert twiml.find("Redirect").text.endswith("/voice/after-stream")
    stream = twiml.find("./Connect/Stream")
    params = {p.get("name"): p.get("value") for p in stream.findall("Parameter")}
    assert params["call_sid"] == call_sid
    return await LineCaller.open_stream(base, call_sid, params)


# The breath count is asked in three parts: "start counting now", 15 s of counting, "how many?". Speech
# before the last part is counting aloud, not the answer, so the caller waits for all three.
QUESTION_MARKS = {"resp_count": ("prompt:resp_count", "pause:", "prompt:resp_count")}


async def _answer(caller: LineCaller, prompt: str) -> None:
    """Answer the open question and wait for the next one to be asked in full."""
    assert caller.marks[-1] == f"prompt:{prompt}", caller.marks
    since = len(caller.marks)
    await caller.say(VOICE.synthesize(ANSWERS[prompt]))
    for expected in QUESTION_MARKS.get(NEXT[prompt], (f"prompt:{NEXT[prompt]}",)):
        found = await caller.wait_for_mark(expected, max_audio_ms=PATIENCE_MS, since=since)
        assert found, caller.marks
        since = caller.marks.index(found, since) + 1
    await caller.settle()


async def _dial(base: str) -> LineCaller:
    caller = await LineCaller.dial(base, caller=CALLER)
    await caller.settle(heard="prompt:who")
    return caller


def _prompts(caller: LineCaller) -> list[str]:
    return [m.split(":", 1)[1] for m in caller.marks if m.startswith("prompt:")]


async def _caller_texts(services, case_id: int):
    return [m for m in await list_messages(services.store, case_id=case_id) if m.to == CALLER]


async def test_a_dropped_stream_resumes_the_dialogue_and_the_case_gets_one_set_of_summaries(line):
    base, services, _ = line
    first = await _dial(base)
    for prompt in ("who", "complaint"):
        await _answer(first, prompt)
    await first.drop()

    twiml = await _after_stream(base, first.call_sid)
    case = await services.store.find_case_by_call(first.call_sid)
    assert await _caller_texts(services, case.id) == []  # no "dropped" summary while the line may come back
    second = await _reopen(base, first.call_sid, twiml)
    await second.settle(heard="prompt:danger_signs")
    assert _prompts(second) == ["danger_signs"]  # no second disclaimer: the open question, asked again
    for prompt in ("danger_signs", "age", "walk", "breathing", "resp_count"):
        await _answer(second, prompt)
    await asyncio.wait_for(second.closed.wait(), timeout=10)  # the dialogue ended: we closed the stream
    final = await _after_stream(base, first.call_sid)
    assert final.find("Say") is None and final.find("Hangup") is not None

    await asyncio.wait_for(call_ended(services, first.call_sid).wait(), timeout=SETTLE_S)
    case = await services.store.find_case_by_call(first.call_sid)
    assert (case.triage["start_category"], case.triage["urgency"]) == ("RED", "emergency")
    assert [(t.seq, t.prompt_id) for t in case.turns] == list(enumerate(ANSWERS, start=1))
    assert [t.corrected_text.lower().strip(" .") for t in case.turns] == [a.lower() for a in ANSWERS.values()]
    assert (case.call_status, case.status) == ("completed", "pending")
    assert len(await _caller_texts(services, case.id)) == 1
    actions = [a.action for a in await services.store.audit_trail(case.id)]
    assert actions.count("created") == 1 and actions.count("stream_resumed") == 1


async def test_a_drop_with_no_new_stream_sends_the_summaries_after_the_grace(line):
    base, services, _ = line
    services.recovery.grace_s = SHORT_GRACE_S
    try:
        caller = await _dial(base)
        await _answer(caller, "who")
        await caller.drop()

        async def reconnecting():
            case = await services.store.find_case_by_call(caller.call_sid)
            return case if case.call_status == "reconnecting" else None

        case = await wait_until(reconnecting, what="the case waiting for the line to come back")
        assert await _caller_texts(services, case.id) == [] and case.status == "created"
        await asyncio.wait_for(call_ended(services, caller.call_sid).wait(), timeout=SETTLE_S)
    finally:
        services.recovery.grace_s = RESUME_GRACE_S
    case = await services.store.find_case_by_call(caller.call_sid)
    assert (case.call_status, case.status) == ("dropped", "pending")
    assert [(t.prompt_id, t.corrected_text.lower().strip(" .")) for t in case.turns] == [("who", "my brother")]
    texts = await _caller_texts(services, case.id)
    assert len(texts) == 1 and case.reference in texts[0].body and "112" in texts[0].body
    audit = [(a.action, a.detail) for a in await services.store.audit_trail(case.id)]
    assert ("call_finalising", "stream dropped, not resumed") in audit


async def test_after_the_last_resume_a_drop_apologises_and_sends_the_summaries_at_once(line):
    base, services, _ = line
    services.recovery.grace_s = 10 * SETTLE_S  # only an immediate finish can end the case in time
    try:
        caller = await _dial(base)
        await _answer(caller, "who")
        for _ in range(MAX_RESUMES):
            await caller.drop()
            caller = await _reopen(base, caller.call_sid, await _after_stream(base, caller.call_sid))
            await caller.settle(heard="prompt:complaint")
            assert _prompts(caller) == ["complaint"]
        await caller.drop()
        twiml = await _after_stream(base, caller.call_sid)
        await asyncio.wait_for(call_ended(services, caller.call_sid).wait(), timeout=SETTLE_S)
    finally:
        services.recovery.grace_s = RESUME_GRACE_S
    assert twiml.find("Connect") is None
    assert "1 1 2" in twiml.find("Say").text and twiml.find("Hangup") is not None
    case = await services.store.find_case_by_call(caller.call_sid)
    assert (case.call_status, case.status) == ("dropped", "pending")
    assert [t.prompt_id for t in case.turns] == ["who"]
    assert len(await _caller_texts(services, case.id)) == 1


async def test_a_new_stream_starts_from_the_state_the_dropped_one_saved_last(line):
    base, services, stt = line
    caller = await _dial(base)
    await _answer(caller, "who")
    stt.hold()  # the complaint's transcription is still running when the line drops
    try:
        await caller.say(VOICE.synthesize(ANSWERS["complaint"]))
        assert await caller.wait_for_mark("prompt:nothing", max_audio_ms=1500) is None  # the turn ends in silence
        assert await asyncio.to_thread(stt.arrived.wait, 10)
        await caller.drop()
        twiml = await _after_stream(base, caller.call_sid)
        second = await _reopen(base, caller.call_sid, twiml)
        assert await second.wait_for_mark("hold:", max_audio_ms=5000)  # not silence while the old stream saves
        assert _prompts(second) == []  # and nothing asked from a state about to change
    finally:
        stt.release()
    assert await second.wait_for_mark("prompt:danger_signs", max_audio_ms=PATIENCE_MS), second.marks
    await second.settle()
    assert _prompts(second) == ["danger_signs"]  # the complaint heard by the old stream counts
    await second.hang_up()
    await asyncio.wait_for(call_ended(services, caller.call_sid).wait(), timeout=SETTLE_S)
    case = await services.store.find_case_by_call(caller.call_sid)
    assert [(t.seq, t.prompt_id) for t in case.turns] == [(1, "who"), (2, "complaint")]
    assert case.triage["complaint"].lower().strip(" .") == ANSWERS["complaint"]
    assert (case.call_status, case.status) == ("hung-up", "pending")
    assert len(await _caller_texts(services, case.id)) == 1


async def test_a_second_stream_with_a_live_calls_token_is_closed_and_the_call_goes_on(line):
    base, services, _ = line
    caller = await _dial(base)
    intruder = await LineCaller.open_stream(base, caller.call_sid, await incoming(base, caller.call_sid, CALLER))
    await asyncio.wait_for(intruder.closed.wait(), timeout=10)  # no after-stream offered it: refused at once
    assert intruder.marks == []
    await _answer(caller, "who")
    await caller.hang_up()
    await asyncio.wait_for(call_ended(services, caller.call_sid).wait(), timeout=SETTLE_S)
    case = await services.store.find_case_by_call(caller.call_sid)
    assert [t.prompt_id for t in case.turns] == ["who"] and case.call_status == "hung-up"
