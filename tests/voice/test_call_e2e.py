"""Whole calls through the real websocket: synthesized speech in, START category and SMS out."""

from __future__ import annotations

import asyncio
import base64
import json

import pytest
import websockets

from intake.scenarios import load_scenarios
from tests.support.wait import WHOLE_CALL_S
from voice.codec import silence_ulaw
from voice.harness import EXAMPLES
from voice.harness.callrun import call_ended, case_result
from voice.harness.simulator import simulate_call
from voice.protocol import MAX_MESSAGE_BYTES
from voice.tokens import stream_token



pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.slow]

SCENARIOS = {s["id"]: s for s in load_scenarios(EXAMPLES)}
SPEED = 8.0  # audio clock 8x real time: endpointing still counts audio, not wall time


@pytest.mark.parametrize("scenario_id", sorted(SCENARIOS))
async def test_example_call_reaches_expected_category(server, caller_voice, scenario_id):
    base, services = server
    scenario = SCENARIOS[scenario_id]
    trace = await asyncio.wait_for(simulate_call(scenario, base, caller_voice, speed=SPEED), timeout=WHOLE_CALL_S)
    result = await case_result(services.store, trace, scenario, ended=call_ended(services, trace.call_sid))
    expect = scenario["expect"]
    assert result["start_category"] == expect["start_category"], result
    assert result["urgency"] == expect["urgency"], result
    assert trace.prompts[0] == "disclaimer"
    assert trace.closed_by_server, "the server should end a finished call"
    assert result["case_id"] is not None
    assert any(m["to"] == scenario["caller"] for m in result["sms"]), "the caller gets a summary SMS"
    if expect["urgency"] == "emergency":  # the number was said, and the result says how far into the call
        assert 0 < result["emergency_by_s"] <= trace.prompt_ends_s[-1], result
    else:
        assert result["emergency_by_s"] is None, result


async def test_call_dropped_after_two_turns_keeps_its_case(server, caller_voice):
    base, services = server
    scenario = SCENARIOS[sorted(SCENARIOS)[0]]
    trace = await asyncio.wait_for(
        simulate_call(scenario, base, caller_voice, speed=SPEED, max_turns=2), timeout=WHOLE_CALL_S
    )
    result = await case_result(services.store, trace, scenario, ended=call_ended(services, trace.call_sid))
    assert result["case_id"] is not None
    case = await services.store.get_case(result["case_id"])
    assert len(case.turns) == 2
    assert [t.prompt_id for t in case.turns] == [t.prompt_id for t in trace.turns[:2]]


async def test_a_silent_call_ends_as_no_answer_urgent_with_a_call_back_never_black(server, caller_voice):
    """Silence is not death: the no-answer timer re-asks, offers the keypad, then ends the call as "no answer"."""
    base, services = server
    scenario = {"id": "silent", "caller": "+2348031234567", "answers": {}, "default": ""}
    trace = await asyncio.wait_for(simulate_call(scenario, base, caller_voice, speed=SPEED), timeout=WHOLE_CALL_S)
    result = await case_result(services.store, trace, scenario, ended=call_ended(services, trace.call_sid))
    assert (result["start_category"], result["urgency"], result["red_flags"]) == (None, "urgent", [])
    assert result["outcome"] == "no_answer" and result["emergency_by_s"] is None
    assert trace.prompts[-1] == "no_answer" and "cpr" not in trace.prompts and trace.closed_by_server
    case = await services.store.get_case(result["case_id"])
    assert case.triage["outcome"] == "no_answer" and case.status == "pending" and case.urgency == "urgent"
    caller_sms = [m["body"] for m in result["sms"] if m["to"] == scenario["caller"]]
    assert caller_sms and "call you back" in caller_sms[0]


def _ws_url(base: str) -> str:
    return base.replace("http://", "ws://") + "/voice/stream"


def _start(call_sid: str, token: str | None) -> str:
    params = {"caller": "+2348031234567"}
    if token:
        params["token"] = token
    return json.dumps({"event": "start", "streamSid": "MZ" + call_sid,
                       "start": {"streamSid": "MZ" + call_sid, "callSid": call_sid, "customParameters": params}})


async def test_stream_without_valid_token_is_closed_1008_and_writes_nothing(server):
    base, services = server
    for token in (None, "0" * 64):
        call_sid = f"CAforged{token is None}"
        async with websockets.connect(_ws_url(base)) as ws:
            await ws.send(_start(call_sid, token))
            with pytest.raises(websockets.ConnectionClosed) as info:
                for _ in range(5):
                    await asyncio.wait_for(ws.recv(), timeout=10)
            assert info.value.rcvd.code == 1008
        assert await services.store.find_case_by_call(call_sid) is None


async def test_malformed_frames_are_refused_without_ending_the_call(server):
    base, services = server
    call_sid = "CAmalformed0001"
    silence = base64.b64encode(silence_ulaw(20)).decode()
    async with websockets.connect(_ws_url(base)) as ws:
        # media before start, then garbage of every kind
        await ws.send(json.dumps({"event": "media", "media": {"payload": silence}}))
        await ws.send(_start(call_sid, stream_token(services.secret, call_sid)))
        for junk in ["{not json", "[]", '{"event":"telepathy"}', '{"event":"media","media":{"payload":"@@"}}',
                     '{"event":"media"}', '{"event":"dtmf","dtmf":{"digit":"x"}}', "x" * (MAX_MESSAGE_BYTES - 1)]:
            # (a message past MAX_MESSAGE_BYTES is closed by hypercorn itself: tests/voice/test_voice_stream_abuse.py)
            await ws.send(junk)
        # the call is still alive: the greeting's audio keeps coming
        got_media = False
        for _ in range(50):
            msg = json.loads(await asyncio.wait_for(ws.recv(), timeout=20))
            if msg["event"] == "media":
                got_media = True
                break
        assert got_media
        await ws.send(json.dumps({"event": "stop", "streamSid": "MZ" + call_sid, "stop": {"callSid": call_sid}}))
    await asyncio.wait_for(call_ended(services, call_sid).wait(), timeout=30)
    case = await services.store.find_case_by_call(call_sid)
    assert case is not None
