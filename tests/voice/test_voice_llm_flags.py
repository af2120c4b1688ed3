"""Claude's red-flag check during a call, through the real anthropic SDK against a loopback Messages API.

It may add a flag the rules missed, which ends the call with the emergency number at once; a slow or
odd answer leaves the rules standing and the call going, never waiting past the check's deadline.
"""

from __future__ import annotations

import asyncio
import json

import pytest
import pytest_asyncio

from tests.support.fake_openai import MESSAGES, fake_openai_server, transcribe_by_frames
from tests.support.line_caller import LineCaller
from tests.support.settings import settings_for
from voice.harness.callrun import call_ended, serve_in_process
from voice.tts import FliteTts

pytestmark = [pytest.mark.asyncio(loop_scope="module")]

VOICE = FliteTts("slt")  # the caller's voice: the STT stand-in knows its frames
COMPLAINT = "my father is talking strangely today"  # no red flag nor harm cue for the rules ("not himself" is one)
FALLBACKS = "triage_llm_flag_check_fallbacks_total"
# Audio time to wait for the next prompt: the check's 1.5 s deadline, STT and TTS, with room for a loaded machine.
NEXT_PROMPT_AUDIO_MS = 20000


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def line(tmp_path_factory):
    """(base URL, Services, fake upstream): STT by the upstream's transcriptions, Claude by its Messages API."""
    with fake_openai_server() as up:
        up.transcribe = transcribe_by_frames(["someone else", COMPLAINT], VOICE)
        settings = settings_for(
            tmp_path_factory.mktemp("llm-flags"), tts_backend="espeak-ng",
            stt_backend="openai", openai_api_key="stub-key", openai_base_url=up.base_url,
            anthropic_api_key="stub-key", anthropic_base_url=up.root_url,
        )
        async with serve_in_process(settings) as (base, services):
            yield base, services, up


async def _complain(base: str) -> LineCaller:
    caller = await LineCaller.dial(base)
    assert await caller.wait_for_mark("prompt:who", max_audio_ms=NEXT_PROMPT_AUDIO_MS, since=0), caller.marks
    await caller.settle()
    await caller.say(VOICE.synthesize("someone else"))
    assert await caller.wait_for_mark("prompt:complaint", max_audio_ms=NEXT_PROMPT_AUDIO_MS), caller.marks
    await caller.settle()
    await caller.say(VOICE.synthesize(COMPLAINT))
    return caller


def _flag_checks(up) -> list[dict]:
    """The in-call red-flag requests the upstream received."""
    sent = [json.loads(body) for path, body in zip(up.paths, up.requests) if path == MESSAGES]
    return [r for r in sent if (r.get("tool_choice") or {}).get("name") == "report_red_flags"]


async def _case_after(services, caller: LineCaller):
    await asyncio.wait_for(call_ended(services, caller.call_sid).wait(), timeout=60)
    return await services.store.find_case_by_call(caller.call_sid)


async def test_a_flag_only_claude_finds_ends_the_call_with_the_emergency_number(line):
    base, services, up = line
    up.tools = {"report_red_flags": {"red_flags": ["stroke"]}}
    checks = len(_flag_checks(up))
    try:
        caller = await _complain(base)
        assert await caller.wait_for_mark("prompt:emergency", max_audio_ms=NEXT_PROMPT_AUDIO_MS), caller.marks
        await asyncio.wait_for(caller.closed.wait(), timeout=30)  # the server ends a finished call
    finally:
        up.tools = {}
    case = await _case_after(services, caller)
    assert case.triage["red_flags"] == ["stroke"] and case.triage["urgency"] == "emergency"
    assert [t.prompt_id for t in case.turns] == ["who", "complaint"]
    sent = _flag_checks(up)[checks:]
    assert len(sent) == 1 and COMPLAINT in sent[0]["messages"][0]["content"]


@pytest.mark.parametrize("answer", ["held", "unknown-id"])
async def test_a_slow_or_unknown_answer_leaves_the_rules_and_the_call_goes_on(line, answer):
    base, services, up = line
    before = services.metrics.registry.get_sample_value(FALLBACKS, {"reason": "timeout"}) or 0.0
    if answer == "held":
        up.hold(MESSAGES)  # Claude never answers while the caller waits
    else:
        up.tools = {"report_red_flags": {"red_flags": ["zombie"]}}
    try:
        caller = await _complain(base)
        # The rules' next question comes once the deadline passed, though the upstream still holds the request.
        assert await caller.wait_for_mark("prompt:age", max_audio_ms=NEXT_PROMPT_AUDIO_MS), caller.marks
        assert "prompt:emergency" not in caller.marks
        if answer == "held":
            assert up.arrived.is_set()  # the check was made, and given up on
    finally:
        up.release()
        up.tools = {}
    await caller.hang_up()
    case = await _case_after(services, caller)
    assert case.triage["red_flags"] == []
    after = services.metrics.registry.get_sample_value(FALLBACKS, {"reason": "timeout"}) or 0.0
    assert after == before + (1 if answer == "held" else 0)
