"""Turn latency counts from when the caller's last word reached the server, even if the server got to it late."""

from __future__ import annotations

import asyncio

import pytest

from tests.support.audio import speak
from tests.support.line_caller import LineCaller
from tests.support.wait import PATIENCE_MS
from voice.harness.callrun import call_ended, watch
from voice.listening import StreamClock
from voice.codec import FRAME_MS, silence_ulaw
from voice.listening import StreamClock

HOLD_S = 1.5  # the server "lags": these frames reach it this much after they were due
BURST_SPEECH_MS = 300  # how much of the answer's end is in the held frames (speech ends in them)


def test_a_frame_handled_late_is_timed_from_when_the_stream_sent_it():
    clock = StreamClock()
    assert clock.arrival(20, now=100.0) == 100.0
    assert clock.arrival(40, now=100.021) == pytest.approx(100.02)  # 1 ms of jitter: the earlier zero stands
    assert clock.arrival(60, now=100.5) == pytest.approx(100.04)  # handled 460 ms late: timed when due
    assert clock.arrival(80, now=100.055) == pytest.approx(100.055)  # an earlier zero is learnt at once
    assert clock.arrival(100, now=100.075) == pytest.approx(100.075)


def test_a_missing_or_absurd_timestamp_cannot_skew_a_call_by_more_than_the_cap():
    clock = StreamClock()
    assert clock.arrival(None, now=7.0) == 7.0
    assert clock.arrival(10**9, now=8.0) == 8.0  # the zero is now far in the past...
    assert clock.arrival(40, now=8.02) == pytest.approx(8.02 - StreamClock.MAX_BACKDATE_S)  # ...and capped


@pytest.mark.slow
@pytest.mark.asyncio(loop_scope="module")
async def test_frames_held_up_before_the_server_count_in_the_turns_latency(server):
    base, services = server
    caller = await LineCaller.dial(base, call_sid="CAlaggedturn0001")
    await caller.settle(heard="prompt:who")
    assert caller.marks[-1] == "prompt:who"
    answer = speak("someone else, a man I found")
    held = len(answer) - BURST_SPEECH_MS * 8  # 8 mu-law bytes a ms
    await caller.say(answer[:held])
    await asyncio.sleep(HOLD_S)
    await caller.burst(answer[held:] + silence_ulaw(1000))
    assert await caller.wait_for_mark("prompt:", max_audio_ms=PATIENCE_MS), caller.marks
    endpointing_ms = watch(services).latency.stages_ms["endpointing"][-1]
    turn_ms = watch(services).latency.turns_ms[-1]
    await caller.hang_up()
    # The turn closed on the burst's frames, at least HOLD_S after the last word was due to arrive.
    assert endpointing_ms >= HOLD_S * 1000 - BURST_SPEECH_MS - FRAME_MS, endpointing_ms
    assert turn_ms >= endpointing_ms
    await asyncio.wait_for(call_ended(services, caller.call_sid).wait(), timeout=30)
    case = await services.store.find_case_by_call(caller.call_sid)
    assert case.turns[0].latency_ms == turn_ms
