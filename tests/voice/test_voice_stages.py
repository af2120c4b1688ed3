"""Each stage of a call on its own: a fake `send`, a fake STT, a store that records; no server, no Whisper.

The timers run on audio time (frames fed by the test) or on events the test controls, never on how fast
this machine is.
"""

from __future__ import annotations

import asyncio
import json
from types import SimpleNamespace

import pytest

from intake.dialogue import Dialogue
from intake.models import AnswerKind, Pause, Reply, Speech
from routing import calls
from routing.calls import Suspended
from routing.models import CallState
from stt.base import SttError, Transcript
from voice import case_writer, finishing, listening, transcribing
from voice.call import CallSession
from voice.case_writer import CaseWriter, KeptTurn
from voice.codec import FRAME_BYTES, FRAME_MS, silence_ulaw
from voice.endpointing import SpeechPaused, SpeechStarted, TurnEnded
from voice.events import CallEvents, CallEventType
from voice.finishing import finish_case
from voice.listening import DTMF_NUMBER_GAP_MS, NO_ANSWER_MS, Listening
from voice.metrics import Metrics
from voice.playback import HOLD_PROMPT, OUTBOUND_CHUNK_BYTES, Playback
from voice.protocol import Dtmf, Mark, Media, Start
from voice.recovery import Recovery
from voice.resuming import leave_or_finish
from voice.transcribing import Transcription

pytestmark = pytest.mark.asyncio

FRAME = silence_ulaw(FRAME_MS)
PROMPT_BYTES = OUTBOUND_CHUNK_BYTES + 10 * FRAME_BYTES  # two chunks: one full, one short


class FakeSend:
    """The websocket's send: every message kept, parsed."""

    def __init__(self) -> None:
        self.sent: list[dict] = []

    async def __call__(self, message: str) -> None:
        self.sent.append(json.loads(message))

    def events(self) -> list[str]:
        """What went out: 'media', 'clear', or a mark's name."""
        return [m["mark"]["name"] if m["event"] == "mark" else m["event"] for m in self.sent]


async def prompt_audio(text: str) -> bytes:
    return b"\x7f" * (FRAME_BYTES if text == HOLD_PROMPT else PROMPT_BYTES)


class SlowRender:
    """A renderer that holds back the texts `slow` picks until `release` is set (`rendering` tells one is held):
    the way to catch a reply half rendered."""

    def __init__(self, slow) -> None:
        self.slow, self.rendering, self.release = slow, asyncio.Event(), asyncio.Event()

    async def __call__(self, text: str) -> bytes:
        if self.slow(text):
            self.rendering.set()
            await self.release.wait()
        return silence_ulaw(200)


def question(prompt_id: str, *, expects: AnswerKind | None = AnswerKind.YES_NO, interruptible: bool = True) -> Reply:
    return Reply((Speech(prompt_id, f"{prompt_id}?", interruptible),), awaiting=prompt_id, expects=expects)


def _playback(send: FakeSend) -> Playback:
    playback = Playback(send, prompt_audio, turn_number=lambda: 7)
    playback.stream_sid, playback.call_sid = "MZ1", "CA1"
    return playback


# --- playback -------------------------------------------------------------


async def test_a_reply_goes_out_as_chunks_then_a_mark_per_segment_and_counts_as_heard_once_echoed():
    send = FakeSend()
    playback = _playback(send)
    reply = Reply((Speech("count", "Count the breaths.", False), Pause(0.2), Speech("rate", "How many?")),
                  awaiting="rate", expects=AnswerKind.NUMBER)
    stages: dict[str, float] = {}
    latency = await playback.play(reply, speech_end_wall=0.0, stages=stages)

    assert send.events() == ["media", "media", "prompt:count", "media", "pause:7:1", "media", "media", "prompt:rate"]
    assert latency is not None and {"tts", "send"} <= stages.keys()
    assert (playback.question, playback.expects, playback.playing) == ("How many?", AnswerKind.NUMBER, True)
    playback.on_mark("pause:7:1")
    assert playback.heard == ["count"] and playback.playing
    playback.on_mark("prompt:rate")
    assert playback.heard == ["count", "rate"] and not playback.playing


async def test_an_early_echo_while_a_reply_is_still_going_out_does_not_end_our_last_words():
    """At load 15 Twilio's echo of a final reply's first mark arrived before its last segment was sent: the call
    looked played out and was closed with the emergency number unsaid."""
    playback: Playback
    playing_after_first_echo: list[bool] = []

    async def send(message: str) -> None:
        msg = json.loads(message)
        if msg["event"] == "mark" and msg["mark"]["name"] == "prompt:emergency":
            playback.on_mark("prompt:emergency")  # echoed at once, mid-reply
            playing_after_first_echo.append(playback.playing)

    playback = Playback(send, prompt_audio, turn_number=lambda: 7)
    playback.stream_sid, playback.call_sid = "MZ1", "CA1"
    reply = Reply((Speech("emergency", "Call 112 now."), Speech("closing", "Goodbye.")), awaiting=None)
    await playback.play(reply)
    assert playing_after_first_echo == [True]  # the closing words are still to be heard
    playback.on_mark("prompt:closing")
    assert playback.heard == ["emergency", "closing"] and not playback.playing


async def test_a_holds_echo_while_the_last_words_are_rendered_does_not_end_them():
    """A slow turn gets a spoken hold; its echo can come back while the final reply is still being rendered, and
    a call that looked played out was closed with its CPR instructions unsent."""
    render = SlowRender(lambda text: text.startswith("Call"))  # the final words render slowly; the hold is ready
    playback = Playback(FakeSend(), render, turn_number=lambda: 3)
    playback.stream_sid, playback.call_sid = "MZ1", "CA1"
    await playback.hold()
    final = asyncio.create_task(playback.play(Reply((Speech("cpr", "Call 911 now."),), awaiting=None)))
    await asyncio.wait_for(render.rendering.wait(), timeout=30)
    playback.on_mark("hold:3")  # the hold has played; the CPR words are not out yet
    assert playback.playing
    render.release.set()
    await asyncio.wait_for(final, timeout=30)
    playback.on_mark("prompt:cpr")
    assert playback.heard == ["cpr"] and not playback.playing


async def test_the_emergency_number_goes_out_while_the_first_aid_after_it_is_still_rendered():
    """The number is a part of its own so that it comes first: it is not held back by the first aid's render."""
    render = SlowRender(lambda text: text.startswith("Lay"))  # the first aid renders slowly; the number is ready
    send = FakeSend()
    playback = Playback(send, render, turn_number=lambda: 3)
    playback.stream_sid, playback.call_sid = "MZ1", "CA1"
    reply = Reply((Speech("emergency", "Hang up and call 112 now."), Speech("emergency", "Lay them on their side.")),
                  awaiting=None)
    final = asyncio.create_task(playback.play(reply, speech_end_wall=0.0))
    await asyncio.wait_for(render.rendering.wait(), timeout=30)
    assert send.events()[-1] == "prompt:emergency" and playback.playing  # the number is out; the rest to come
    playback.on_mark("prompt:emergency")
    assert playback.heard == ["emergency"] and playback.playing
    render.release.set()
    await asyncio.wait_for(final, timeout=30)
    assert send.events().count("prompt:emergency") == 2
    playback.on_mark("prompt:emergency")
    assert playback.heard == ["emergency", "emergency"] and not playback.playing


async def test_a_part_cut_by_a_barge_in_before_it_went_out_is_never_sent():
    render = SlowRender(lambda text: text == "second?")
    send = FakeSend()
    playback = Playback(send, render, turn_number=lambda: 3)
    playback.stream_sid, playback.call_sid = "MZ1", "CA1"
    reply = Reply((Speech("assumed", "first."), Speech("walk", "second?")), awaiting="walk")
    played = asyncio.create_task(playback.play(reply))
    await asyncio.wait_for(render.rendering.wait(), timeout=30)
    assert await playback.interrupt()  # the caller talks over the first part
    render.release.set()
    await asyncio.wait_for(played, timeout=30)
    assert send.events()[-2:] == ["prompt:assumed", "clear"]  # the second part never went out
    playback.on_mark("prompt:assumed")
    assert playback.heard == ["assumed"] and not playback.playing


async def test_a_reply_to_no_speech_has_no_latency():
    playback = _playback(FakeSend())
    assert await playback.play(question("who")) is None


async def test_barge_in_clears_what_is_queued_and_the_cleared_prompts_are_not_heard():
    send = FakeSend()
    playback = _playback(send)
    await playback.play(question("disclaimer", expects=None))
    await playback.play(question("who"))

    assert await playback.interrupt()
    assert send.events()[-1] == "clear"
    playback.on_mark("prompt:who")  # Twilio echoes the marks of cleared audio at once
    assert playback.heard == ["disclaimer"]  # the prompt that was playing was heard (in part); the next was not


async def test_speech_over_a_locked_prompt_is_not_a_barge_in():
    send = FakeSend()
    playback = _playback(send)
    await playback.play(question("count", expects=None, interruptible=False))
    sent = len(send.sent)
    assert not await playback.interrupt()
    assert len(send.sent) == sent


async def test_the_hold_is_played_with_a_mark_that_is_no_prompt():
    send = FakeSend()
    playback = _playback(send)
    await playback.hold()
    assert send.events() == ["media", "hold:7"] and playback.playing
    playback.on_mark("hold:7")
    assert playback.heard == [] and not playback.playing


# --- listening ------------------------------------------------------------


class ScriptedEndpointer:
    """Endpointer events by frame number (1-based), whatever the audio."""

    def __init__(self, script: dict[int, list] | None = None) -> None:
        self.script = script or {}
        self.frames = 0

    async def process_shared(self, pcm16: bytes, frame_ms: int) -> list:
        self.frames += 1
        return self.script.get(self.frames, [])

    def end_complete(self, paused) -> None:
        return None  # the script decides when turns end

    def forget_carry(self) -> None:
        pass


class Line:
    """Listening with a fake endpointer and a real playback, fed frame by frame on audio time."""

    def __init__(self, script: dict[int, list] | None = None, *, open_: bool = True) -> None:
        self.send = FakeSend()
        self.playback = _playback(self.send)
        self.paused: list[bytes] = []
        self.open = open_
        self.listening = Listening(ScriptedEndpointer(script), self.playback, is_open=lambda: self.open,
                                   on_pause=self.paused.append)

    async def frames(self, n: int) -> None:
        for i in range(n):
            await self.listening.on_media(Media("MZ1", FRAME, (self.listening.audio_ms + FRAME_MS), "inbound"))

    def heard(self) -> list:
        turns = []
        while not self.listening.heard_turns.empty():
            turns.append(self.listening.heard_turns.get_nowait())
        return turns


async def test_silence_becomes_a_no_answer_turn_after_no_answer_ms_of_audio_and_only_then():
    line = Line()
    await line.frames(NO_ANSWER_MS // FRAME_MS - 1)
    assert line.heard() == []
    await line.frames(1)
    assert [t.kind for t in line.heard()] == ["silence"]


async def test_silence_is_not_counted_while_a_prompt_plays_or_a_turn_waits_for_its_answer():
    line = Line()
    await line.playback.play(question("who"))
    await line.frames(NO_ANSWER_MS // FRAME_MS + 10)
    assert line.heard() == []  # still playing
    line.playback.on_mark("prompt:who")
    line.listening.on_dtmf("1")
    turn = await line.listening.next_turn()
    await line.frames(NO_ANSWER_MS // FRAME_MS + 10)
    assert turn.kind == "dtmf" and line.heard() == []  # the turn is being answered
    line.listening.turn_answered()
    await line.frames(NO_ANSWER_MS // FRAME_MS)
    assert [t.kind for t in line.heard()] == ["silence"]


async def test_a_keypad_yes_no_is_a_turn_at_once_and_a_number_waits_for_hash_or_the_gap():
    line = Line()
    line.listening.on_dtmf("1")
    assert [(t.kind, t.digits) for t in line.heard()] == [("dtmf", "1")]

    await line.playback.play(question("age", expects=AnswerKind.NUMBER))
    line.listening.on_dtmf("4")
    line.listening.on_dtmf("2")
    line.listening.on_dtmf("#")
    assert [t.digits for t in line.heard()] == ["42"]

    line.listening.on_dtmf("7")
    await line.frames(DTMF_NUMBER_GAP_MS // FRAME_MS - 1)
    assert line.heard() == []
    await line.frames(1)
    assert [t.digits for t in line.heard()] == ["7"]


async def test_speech_is_a_turn_with_a_pause_before_it_and_barges_in_over_a_prompt():
    ended = TurnEnded(at_ms=200, audio=b"turn", speech_ms=60, speech_end_ms=100)
    line = Line({2: [SpeechStarted(40)], 5: [SpeechPaused(100, b"turn")], 10: [ended]})
    await line.playback.play(question("who"))
    await line.frames(10)
    assert line.send.events()[-1] == "clear"
    assert line.paused == [b"turn"]
    (turn,) = line.heard()
    assert (turn.kind, turn.audio) == ("speech", b"turn")


async def test_speech_over_a_finished_dialogues_last_words_does_not_cut_them():
    """A panicked caller talking over "hang up and call 112 now" must still hear the number to the end."""
    line = Line({2: [SpeechStarted(40)], 10: [TurnEnded(200, b"okay okay", 60, 100)]}, open_=False)
    await line.playback.play(question("emergency", expects=None))
    await line.frames(12)
    assert "clear" not in line.send.events() and line.playback.playing
    assert line.heard() == []


async def test_speech_over_a_locked_prompt_is_no_turn():
    ended = TurnEnded(at_ms=200, audio=b"one two three", speech_ms=60, speech_end_ms=100)
    line = Line({2: [SpeechStarted(40)], 5: [SpeechPaused(100, b"one two")], 10: [ended]})
    await line.playback.play(question("count", expects=None, interruptible=False))
    await line.frames(10)
    assert "clear" not in line.send.events() and line.paused == [] and line.heard() == []


async def test_speech_over_the_disclaimer_is_heard_once_it_has_played_and_cuts_the_question_after_it():
    ended = TurnEnded(at_ms=200, audio=b"he is not breathing", speech_ms=60, speech_end_ms=100)
    line = Line({2: [SpeechStarted(40)], 5: [SpeechPaused(100, b"he is not breathing")], 10: [ended]})
    disclaimer = Speech("disclaimer", "Not a doctor.", interruptible=False, talk_over_answers=True)
    await line.playback.play(Reply((disclaimer, Speech("who", "Who?")), awaiting="who", expects=None))
    await line.frames(12)
    assert "clear" not in line.send.events() and line.heard() == []  # the disclaimer plays on; the turn waits
    assert line.paused == [b"he is not breathing"]  # its transcription may start meanwhile
    line.playback.on_mark("prompt:disclaimer")
    await line.frames(1)
    assert line.send.events()[-1] == "clear"
    (turn,) = line.heard()
    assert (turn.kind, turn.audio) == ("speech", b"he is not breathing")


async def test_a_finished_dialogue_hears_nothing():
    line = Line({2: [SpeechStarted(40)], 10: [TurnEnded(200, b"bye", 60, 100)]}, open_=False)
    line.listening.on_dtmf("1")
    await line.frames(NO_ANSWER_MS // FRAME_MS + 10)
    assert line.heard() == []


async def test_heard_turns_are_answered_one_at_a_time_in_order_and_the_last_ones_before_stopping():
    line = Line()
    started: list[str] = []
    answered: list[str] = []
    release = asyncio.Event()

    async def respond(turn) -> None:
        started.append(turn.digits)
        assert len(started) == len(answered) + 1  # never two at once
        await release.wait()
        answered.append(turn.digits)

    line.listening.answer_each(respond, name="responder-test")
    line.listening.on_dtmf("1")
    line.listening.on_dtmf("2")
    async with asyncio.timeout(10):
        while not started:
            await asyncio.sleep(0)
    assert started == ["1"]  # the second waits for the first
    release.set()
    assert await line.listening.stop_answering()  # what was heard is answered before the stop
    assert answered == ["1", "2"]


async def test_stopping_gives_up_on_a_turn_still_running_after_the_drain_timeout(monkeypatch):
    monkeypatch.setattr(listening, "DRAIN_TIMEOUT_S", 0.05)
    line = Line()
    stopped = asyncio.Event()

    async def respond(turn) -> None:
        try:
            await asyncio.Event().wait()  # a turn that never ends
        except asyncio.CancelledError:
            stopped.set()
            raise

    line.listening.answer_each(respond, name="responder-test")
    line.listening.on_dtmf("1")
    assert not await line.listening.stop_answering()
    assert stopped.is_set()
    assert await Line().listening.stop_answering()  # nothing was ever answered: nothing to stop


# --- transcription --------------------------------------------------------


class FakeStt:
    """Transcribes to a fixed text; `gate`, when set, holds each job until the test opens it."""

    def __init__(self, text: str = "someone else", *, fail: bool = False) -> None:
        self.text, self.fail = text, fail
        self.calls: list[bytes] = []
        self.hints: list = []
        self.gate: asyncio.Event | None = None

    async def __call__(self, pcm16: bytes, hints) -> Transcript:
        self.calls.append(pcm16)
        self.hints.append(hints)
        if self.gate is not None:
            await self.gate.wait()
        if self.fail:
            raise SttError("stt-failed")
        return Transcript(f" {self.text} ", "fake", 1.0)


async def test_a_turn_that_ends_at_its_pause_uses_the_transcription_started_at_the_pause():
    stt = FakeStt()
    transcription = Transcription(stt, _playback(FakeSend()))
    transcription.start_early(b"audio")
    assert await transcription.text(b"audio") == ("someone else", "fake")
    assert stt.calls == [b"audio"]
    transcription.start_early(b"audio")
    assert await transcription.text(b"audio and more") == ("someone else", "fake")  # the caller went on
    assert stt.calls[-1] == b"audio and more"  # the early job was dropped, not used


async def test_a_slow_transcription_gets_a_spoken_hold(monkeypatch):
    monkeypatch.setattr(transcribing, "HOLD_AFTER_S", 0.01)
    send, stt = FakeSend(), FakeStt()
    stt.gate = asyncio.Event()
    transcription = Transcription(stt, _playback(send))
    job = asyncio.create_task(transcription.text(b"audio"))
    async with asyncio.timeout(10):
        while "hold:7" not in send.events():
            await asyncio.sleep(0.01)
    stt.gate.set()
    assert await job == ("someone else", "fake")


async def test_a_failed_transcription_is_empty_text_so_the_dialogue_asks_again():
    transcription = Transcription(FakeStt(fail=True), _playback(FakeSend()))
    assert await transcription.text(b"audio") == ("", "failed")


# --- the case writer and finishing ------------------------------------------


@pytest.fixture(autouse=True)
def call_rows(monkeypatch):
    """routing/calls.py's lifecycle writes, recorded on the fake store instead of a database."""

    async def close_call(store, call_sid: str, *, status: CallState) -> None:
        await store.close_call(call_sid, status=status)

    async def touch_call(store, call_sid: str, *, stream_sid: str) -> None:
        pass

    monkeypatch.setattr(calls, "close_call", close_call)
    monkeypatch.setattr(calls, "touch_call", touch_call)


class RecordingStore:
    """The store calls a call makes, recorded; the next `failures` writes raise."""

    def __init__(self, failures: int = 0) -> None:
        self.failures = failures
        self.turns: dict[int, str] = {}
        self.triage: list[tuple[dict, dict | None, bool]] = []
        self.closed: list[tuple[str, str]] = []

    def _maybe_fail(self) -> None:
        if self.failures:
            self.failures -= 1
            raise ConnectionError("database down")

    async def record_turn(self, case_id: int, *, seq: int, corrected_text: str, **_) -> None:
        self._maybe_fail()
        self.turns[seq] = corrected_text

    async def save_triage(self, case_id: int, result: dict, *, dialogue_state=None, complete: bool = False) -> None:
        self._maybe_fail()
        self.triage.append((result, dialogue_state, complete))

    async def close_call(self, call_sid: str, *, status: str) -> None:
        self.closed.append((call_sid, status))

    async def open_call(self, **_) -> SimpleNamespace:
        return SimpleNamespace(case_id=1, created=True)


def _record(text: str) -> KeptTurn:
    return KeptTurn("who", text, text, "dtmf", None, {})


async def test_the_writer_keeps_turns_in_order_through_an_outage(monkeypatch):
    monkeypatch.setattr(case_writer, "WRITE_RETRY_S", 0.01)
    store = RecordingStore(failures=2)
    writer = CaseWriter(store, call_sid="CA1", case_id=1)  # type: ignore[arg-type]
    writer.start(Dialogue(channel="voice", region="NG"))
    for text in ("1", "2", "3"):
        writer.keep(_record(text))
    async with asyncio.timeout(10):
        while len(store.turns) < 3:
            await asyncio.sleep(0.01)
    await writer.stop()
    assert store.turns == {1: "1", 2: "2", 3: "3"}
    assert store.triage[-1][2] is False  # in-call writes never complete the case


class FakeServices:
    """What finishing needs of Services: a store, the intake, the summaries."""

    def __init__(self, store: RecordingStore) -> None:
        self.store = store
        self.events = CallEvents()
        self.notified: list[int] = []

    async def final_triage(self, dialogue: Dialogue):
        return dialogue.result

    async def notify_case(self, case_id: int) -> None:
        self.notified.append(case_id)


async def test_finish_case_rides_out_an_outage_then_closes_the_call_and_sends_the_summaries(monkeypatch):
    monkeypatch.setattr(finishing, "FINISH_PAUSE_S", 0.0)
    store = RecordingStore(failures=3)
    services = FakeServices(store)
    writer = CaseWriter(store, call_sid="CA1", case_id=1)  # type: ignore[arg-type]
    dialogue = Dialogue(channel="voice", region="NG")
    dialogue.start()
    writer.dialogue = dialogue
    writer.keep(_record("1"))
    await finish_case(services, writer, dialogue, status=CallState.HUNG_UP)  # type: ignore[arg-type]
    assert store.turns == {1: "1"}
    ((result, state, complete),) = store.triage
    assert complete and state is not None and result["urgency"] == "urgent"  # nothing answered: a call back
    assert (store.closed, services.notified) == ([("CA1", "hung-up")], [1])


async def test_recovery_finishes_a_dropped_call_through_the_same_finish(monkeypatch):
    monkeypatch.setattr(finishing, "FINISH_PAUSE_S", 0.0)
    store = RecordingStore(failures=1)  # the live call's retries now cover the recovery path too
    case = SimpleNamespace(id=5, region="NG", dialogue_state=None)

    async def find_case_by_call(call_sid: str):
        return case

    store.find_case_by_call = find_case_by_call  # type: ignore[attr-defined]
    services = FakeServices(store)
    ended: list[tuple[str, str]] = []
    services.events.subscribe(lambda e: ended.append((e.type, e.call_sid)))
    await Recovery(services).finish("CAdrop")  # type: ignore[arg-type]
    ((result, state, complete),) = store.triage
    assert complete and state is None  # no state saved before the drop: none invented now
    assert store.closed == [("CAdrop", "dropped")] and services.notified == [5]
    assert ended == [(CallEventType.CALL_END, "CAdrop")]


async def test_a_stream_that_may_not_resume_finishes_its_case_through_the_one_finish(monkeypatch):
    monkeypatch.setattr(finishing, "FINISH_PAUSE_S", 0.0)
    services = SessionServices()  # no recovery: a dropped stream cannot come back
    seen: list[str] = []
    services.events.subscribe(lambda e: seen.append(e.type.value))
    writer = CaseWriter(services.store, call_sid="CA1", case_id=1)  # type: ignore[arg-type]
    dialogue = Dialogue(channel="voice", region="NG")
    dialogue.start()
    assert not await leave_or_finish(services, writer, dialogue, hung_up=False)  # type: ignore[arg-type]
    assert services.store.closed == [("CA1", "dropped")] and services.notified == [1]
    assert seen == ["finish-start"]


async def test_a_dropped_stream_that_may_resume_leaves_its_case_to_a_new_stream(monkeypatch):
    async def suspend_call(store, call_sid: str, *, stream_sid: str, max_resumes: int) -> Suspended:
        return Suspended.RECONNECTING

    monkeypatch.setattr(calls, "suspend_call", suspend_call)
    services = SessionServices()
    deferred: list[tuple[str, str]] = []
    services.recovery = SimpleNamespace(defer=lambda call_sid, stream_sid: deferred.append((call_sid, stream_sid)))
    writer = CaseWriter(services.store, call_sid="CA1", stream_sid="MZ1", case_id=1)  # type: ignore[arg-type]
    dialogue = Dialogue(channel="voice", region="NG")
    dialogue.start()
    writer.dialogue = dialogue
    assert await leave_or_finish(services, writer, dialogue, hung_up=False)  # type: ignore[arg-type]
    assert deferred == [("CA1", "MZ1")] and services.store.closed == [] and services.notified == []
    assert services.store.triage[-1][1] == dialogue.to_state()  # where it is, saved for the new stream
    assert await leave_or_finish(services, writer, dialogue, hung_up=True) is False  # a hang-up ends it
    assert services.store.closed == [("CA1", "hung-up")]


# --- the session: the stages in order -----------------------------------------


class SessionServices(FakeServices):
    """Enough of Services for a whole CallSession, with a fake STT and endpointer."""

    def __init__(self) -> None:
        super().__init__(RecordingStore())
        self.metrics = Metrics()
        self.recovery = None
        self.stt = FakeStt()
        self.settings = SimpleNamespace(choose_language=False)  # the one setting a session reads itself

    def new_endpointer(self) -> ScriptedEndpointer:
        return ScriptedEndpointer()

    async def prompt_audio(self, text: str) -> bytes:
        return await prompt_audio(text)

    async def transcribe(self, pcm16: bytes, hints) -> Transcript:
        return await self.stt(pcm16, hints)

    def correct(self, text: str) -> str:
        return text

    async def red_flags_from_llm(self, transcript) -> list[str]:
        return []

    def freeze_heap_once(self) -> None:
        pass


async def test_a_keypad_turn_goes_through_the_stages_in_order_and_the_call_ends_with_a_whole_case():
    services = SessionServices()
    seen: list[str] = []
    services.events.subscribe(lambda e: seen.append(e.type.value))
    send = FakeSend()
    session = CallSession(services, send)  # type: ignore[arg-type]
    await session.on_start(Start("MZ1", "CA1", {}), "+2348031234567")
    assert send.events()[-1] == "prompt:who"
    session.on_mark(Mark("MZ1", "prompt:who"))

    session.on_dtmf(Dtmf("MZ1", "1"))
    async with asyncio.timeout(10):
        while not session.kept:
            await asyncio.sleep(0.01)
    assert send.events()[-1] == "prompt:complaint"
    await session.finish(hung_up=True)

    assert seen == ["call-start", "play-start", "play-end",
                    "turn-heard", "dialogue-start", "dialogue-end", "play-start", "play-end", "turn-end",
                    "finish-start", "call-end"]
    store = services.store
    assert store.turns == {1: "1"} and store.triage[-1][2] and store.closed == [("CA1", "hung-up")]
    assert services.notified == [1]


async def test_the_transcription_is_told_the_language_the_caller_is_spoken_to_in():
    stt = FakeStt()
    playback = _playback(FakeSend())
    playback.language = "hi"
    assert await Transcription(stt, playback).text(b"audio") == ("someone else", "fake")
    assert stt.hints[-1].language == "hi"


async def test_with_choose_language_a_call_from_india_starts_with_the_menu_and_goes_on_in_hindi():
    services = SessionServices()
    services.settings = SimpleNamespace(choose_language=True)
    send = FakeSend()
    session = CallSession(services, send)  # type: ignore[arg-type]
    await session.on_start(Start("MZ1", "CA1", {}), "+919876543210")
    assert send.events()[-1] == "prompt:language"
    session.on_mark(Mark("MZ1", "prompt:language"))
    session.on_dtmf(Dtmf("MZ1", "2"))
    async with asyncio.timeout(10):
        while send.events()[-1] != "prompt:who":
            await asyncio.sleep(0.01)
    assert session.dialogue.language == "hi" and session.playback.language == "hi"
    await session.finish(hung_up=True)
    assert services.store.triage[-1][0]["language"] == "hi"
