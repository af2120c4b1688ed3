"""A caller who talks over the disclaimer: it still plays to its end, then their words answer the `who` question.

Real server, real websockets, the caller's words spoken by flite; the transcription stand-in returns what was
said, recognised by its exact audio frames. The caller's line plays the disclaimer until the test says it has
played (its mark is echoed only then), so "over the disclaimer" does not depend on the machine's speed.
"""

from __future__ import annotations

import asyncio
import contextlib
import json

import pytest
import pytest_asyncio
import websockets

from tests.support.fake_openai import fake_openai_server, transcribe_by_frames
from tests.support.line_caller import LineCaller
from tests.support.settings import settings_for
from tests.support.wait import PATIENCE_S
from voice.harness.callrun import call_ended, serve_in_process
from voice.tts import FliteTts

pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.slow]

CALLER = "+2348031234567"  # Nigeria: the emergency number is 112
VOICE = FliteTts("slt")
EMERGENCY = "my husband collapsed, he is not breathing"
HELLO = "hello? hello?"
SPEED = 4.0  # the caller's audio clock runs this much faster than the wall clock; endpointing runs on it


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def line(tmp_path_factory):
    with fake_openai_server() as stt:
        stt.transcribe = transcribe_by_frames([EMERGENCY, HELLO], VOICE)
        settings = settings_for(tmp_path_factory.mktemp("overdisc"),
                                tts_backend="espeak-ng", stt_backend="openai", openai_api_key="stub-key",
                                openai_base_url=stt.base_url, stt_remote_deadline_ms=8000, stt_deadline_ms=9000)
        async with serve_in_process(settings) as (base, services):
            yield base, services


class DisclaimerPlaying(LineCaller):
    """A line still playing the disclaimer: no mark from it on is echoed until `disclaimer_played`; a `clear`
    echoes the marks it drops at once, as Twilio does. `events` is what the server sent: 'media', 'clear', marks."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.events: list[str] = []
        self._unechoed: list[str] = []
        self.speed = SPEED

    async def _receive(self) -> None:
        try:
            async for raw in self.ws:
                msg = json.loads(raw)
                if msg["event"] == "mark":
                    name = msg["mark"]["name"]
                    self.marks.append(name)
                    self.events.append(name)
                    if self._unechoed or name == "prompt:disclaimer" and "played" not in self.events:
                        self._unechoed.append(name)
                    else:
                        await self._echo(name)
                else:
                    self.events.append(msg["event"])
                    if msg["event"] == "clear":
                        while self._unechoed:
                            await self._echo(self._unechoed.pop(0))
        except websockets.ConnectionClosed:
            pass
        finally:
            self.closed.set()

    async def _echo(self, name: str) -> None:
        await self.send({"event": "mark", "streamSid": self.stream_sid, "mark": {"name": name}})

    async def disclaimer_played(self) -> None:
        assert self._unechoed[0] == "prompt:disclaimer", self._unechoed
        self.events.append("played")
        await self._echo(self._unechoed.pop(0))

    def after_played(self) -> list[str]:
        return self.events[self.events.index("played") + 1:]


@contextlib.asynccontextmanager
async def _talk_over_the_disclaimer(base: str, words: str):
    """Dial, say `words` while the disclaimer plays, let the turn end on the audio clock, then let the disclaimer
    end; the caller hangs up when the test is done with them, whatever it found."""
    caller = await DisclaimerPlaying.dial(base, caller=CALLER)
    try:
        await caller.settle(heard="prompt:who")  # the greeting is out: the disclaimer, then the question
        await caller.say(VOICE.synthesize(words))
        assert await caller.wait_for_mark("prompt:", max_audio_ms=2000) is None  # the turn ends; nothing is said
        assert "clear" not in caller.events, "the disclaimer must play to its end"
        await caller.disclaimer_played()
        yield caller
    finally:
        with contextlib.suppress(websockets.ConnectionClosed):
            await caller.hang_up()


async def test_an_emergency_said_over_the_disclaimer_is_answered_right_after_it_without_asking_who(line):
    base, services = line
    async with _talk_over_the_disclaimer(base, EMERGENCY) as caller:
        assert await caller.wait_for_mark("prompt:cpr", max_audio_ms=int(PATIENCE_S * 1000 * SPEED))
        after = caller.after_played()
        assert after[0] == "clear", after  # the `who` question after the disclaimer is cut, as by a barge-in
        assert [e for e in after if e.startswith("prompt:")][0] == "prompt:cpr", after
        assert "media" not in caller.events[caller.events.index("prompt:who"):caller.events.index("played")]
    await asyncio.wait_for(call_ended(services, caller.call_sid).wait(), timeout=PATIENCE_S)
    case = await services.store.find_case_by_call(caller.call_sid)
    assert [(t.prompt_id, t.raw_text) for t in case.turns] == [("who", EMERGENCY)]


async def test_hello_said_over_the_disclaimer_gets_the_who_question(line):
    base, services = line
    async with _talk_over_the_disclaimer(base, HELLO) as caller:
        assert await caller.wait_for_mark("prompt:who", max_audio_ms=int(PATIENCE_S * 1000 * SPEED))
        after = caller.after_played()
        assert after[0] == "clear" and [e for e in after if e.startswith("prompt:")] == ["prompt:who"], after
    await asyncio.wait_for(call_ended(services, caller.call_sid).wait(), timeout=PATIENCE_S)
