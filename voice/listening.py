"""What the caller says or keys in, as heard turns: stream clock, endpointer, keypad buffer, silence timer.

Listening runs on audio time: the inbound frame count is its clock, so the simulator can stream faster
than real time and the logic stays the same. Each heard turn goes on a queue, and one task hands the
turns to the call to answer, one at a time and in order (the silence timer waits while one is answered).

A turn ends after a long silence, or after a short one when the open question waits for a short answer
and the transcription started at the pause says the words already answer it (intake/turn_taking.py).
A caller who goes on just after such an end is not lost: their next words barge in on our reply and make
one turn with the first (`HeardTurn.continues`), which the dialogue answers in place of the first.

Speech over a locked prompt cuts nothing. Over the breath count it is counting aloud, never an answer. Over
the disclaimer it is kept ("he's not breathing!"): once the disclaimer has played, the rest of its reply is
cut as by a barge-in and the words answer the open question, so an emergency is answered without a re-ask.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Awaitable, Callable, Literal

from intake.models import AnswerKind
from intake.turn_taking import answer_is_complete, short_answer
from stt.base import Transcript

from voice.codec import FRAME_MS, ulaw_to_pcm16
from voice.endpointing import Endpointer, SpeechPaused, SpeechStarted, TurnEnded
from voice.playback import Playback
from voice.protocol import Media

NO_ANSWER_MS = 8000  # audio time of silence after a question before we re-ask
DTMF_NUMBER_GAP_MS = 2000  # keypad numbers end with '#' or this much audio time without a digit
DRAIN_TIMEOUT_S = 10.0  # at hang-up, how long the last heard turn may still take to be answered


class StreamClock:
    """When each inbound frame reached us, judged by the stream's own audio clock rather than by when we got to it.

    A frame handled behind a lagging event loop was in the socket long before: stamping it on handling
    would hide the lag from turn latency exactly when the server is busiest. Twilio stamps each frame with
    ms of stream audio, so `arrival - timestamp` is the stream's zero as seen by one frame; the earliest
    zero seen is the best estimate (no frame reaches us before it is sent), and a frame's arrival is that
    zero plus its timestamp. A frame never counts as older than MAX_BACKDATE_S: a bad timestamp can skew
    one call's figures by that much at most.
    """

    MAX_BACKDATE_S = 5.0

    def __init__(self) -> None:
        self._zero: float | None = None

    def arrival(self, timestamp_ms: int | None, now: float) -> float:
        if timestamp_ms is None:
            return now
        zero = now - timestamp_ms / 1000
        if self._zero is None or zero < self._zero:
            self._zero = zero
        return max(self._zero + timestamp_ms / 1000, now - self.MAX_BACKDATE_S)


@dataclass
class HeardTurn:
    """One answer as heard: speech audio, keypad digits, or a silence that outlasted NO_ANSWER_MS."""

    kind: Literal["speech", "dtmf", "silence"]
    audio: bytes = b""
    digits: str = ""
    speech_end_wall: float = field(default_factory=time.perf_counter)
    decided_wall: float = field(default_factory=time.perf_counter)  # when endpointing closed the turn
    continues: bool = False  # the caller went on after the turn before, ended early: this replaces it
    reason: str = ""  # how endpointing ended a speech turn ("silence", "complete", "max_turn")


class Listening:
    """One stream's inbound side; `heard_turns` is what the call answers, in order.

    `is_open` says whether the dialogue still takes answers; `on_pause` gets the audio so far when the
    caller pauses (the call may start transcribing it before the turn is over) and may return that
    transcription: when it says the open question is answered, the turn ends after a short pause.
    """

    def __init__(self, endpointer: Endpointer, playback: Playback, *, is_open: Callable[[], bool],
                 on_pause: Callable[[bytes], "asyncio.Future[Transcript] | None"]) -> None:
        self.endpointer = endpointer
        self.playback = playback
        self.is_open = is_open
        self.on_pause = on_pause
        self.audio_ms = 0
        self.heard_turns: asyncio.Queue[HeardTurn] = asyncio.Queue()
        self._unanswered = 0  # turns heard and not yet answered (queued, or being answered)
        self._in_speech = False
        self._continuing = False  # the caller goes on with a turn we took as complete
        self._cut_reply = 0  # the reply last cut because the caller was still going on
        self._speech_over_locked_prompt = False
        self._over_disclaimer = False  # the caller spoke over a prompt whose talk-over answers once it has played
        self._held: list[HeardTurn] = []  # turns said over it, heard once it has played
        self._silence_ms = 0
        self._dtmf = ""
        self._dtmf_deadline_ms: int | None = None
        self._frame_wall: deque[tuple[int, float]] = deque(maxlen=200)  # (audio ms, arrival time)
        self._clock = StreamClock()
        self._answering: asyncio.Task | None = None

    async def on_media(self, event: Media) -> None:
        """One 20 ms inbound frame: advance the audio clock, endpoint, watch for silence and keypad gaps."""
        self.audio_ms += FRAME_MS
        self._frame_wall.append((self.audio_ms, self._clock.arrival(event.timestamp_ms, time.perf_counter())))
        self.endpointer.short_answer = short_answer(self.playback.awaiting) is not None
        for ev in await self.endpointer.process_shared(ulaw_to_pcm16(event.payload), FRAME_MS):
            if isinstance(ev, SpeechStarted):
                self._continuing = ev.continues
                if ev.continues:
                    self._cut_reply = self.playback.replies  # the barge-in below cuts the reply now playing
                await self._on_speech_started()
            elif isinstance(ev, SpeechPaused):
                if not self._speech_over_locked_prompt and self.is_open():
                    self._on_pause(ev)
            elif isinstance(ev, TurnEnded):
                self._on_turn_ended(ev)
        if self._continuing and self.is_open() and self.playback.playing and self._cut_reply != self.playback.replies:
            # Our reply to the first words started while the caller was still going on: it is cut, as
            # if they had barged in; the whole turn gets its own reply. Never final words (they carry the
            # emergency number): once the dialogue is over, nothing the caller says is answered.
            self._cut_reply = self.playback.replies
            await self.playback.interrupt()
        if self._over_disclaimer and not self.playback.talk_over_answers:
            await self._disclaimer_played()
        if self._dtmf_deadline_ms is not None and self.audio_ms >= self._dtmf_deadline_ms:
            self._flush_dtmf()
        self._count_silence()

    def on_dtmf(self, digit: str) -> None:
        """Keypad digits answer too: yes/no at once, numbers after '#' or a pause."""
        if not self.is_open():
            return
        self._silence_ms = 0
        if digit == "#":
            self._flush_dtmf()
            return
        self._dtmf += digit
        if self.playback.expects is AnswerKind.NUMBER:
            self._dtmf_deadline_ms = self.audio_ms + DTMF_NUMBER_GAP_MS
        else:
            self._flush_dtmf()

    def restart_silence(self) -> None:
        """The caller has heard everything, or a turn was just answered: the no-answer wait starts again."""
        self._silence_ms = 0
        if not self._unanswered:  # our reply was heard to its end: what the caller says now answers it
            self.endpointer.forget_carry()

    async def next_turn(self) -> HeardTurn:
        """The oldest heard turn; call `turn_answered` once it is."""
        return await self.heard_turns.get()

    def turn_answered(self) -> None:
        """The turn from `next_turn` is done with (answered, or failed)."""
        self._unanswered -= 1
        self._silence_ms = 0
        self.heard_turns.task_done()

    def answer_each(self, respond: Callable[[HeardTurn], Awaitable[None]], *, name: str) -> None:
        """Hand every heard turn to `respond`, one at a time and in order, on a task of its own."""
        self._answering = asyncio.create_task(self._answer_forever(respond), name=name)

    async def stop_answering(self) -> bool:
        """Let the heard turns be answered (within DRAIN_TIMEOUT_S), then stop; False if one was still running."""
        if self._answering is None:
            return True
        self._release_held()  # words said over a disclaimer the caller hung up in are kept for the case
        try:
            async with asyncio.timeout(DRAIN_TIMEOUT_S):
                await self.heard_turns.join()
            answered = True
        except TimeoutError:
            answered = False
        self._answering.cancel()
        await asyncio.gather(self._answering, return_exceptions=True)
        return answered

    async def _answer_forever(self, respond: Callable[[HeardTurn], Awaitable[None]]) -> None:
        while True:
            turn = await self.next_turn()
            try:
                await respond(turn)
            finally:
                self.turn_answered()

    def _hear(self, turn: HeardTurn) -> None:
        self._unanswered += 1
        self.heard_turns.put_nowait(turn)

    async def _on_speech_started(self) -> None:
        self._in_speech = True
        self._silence_ms = 0
        if not self.is_open():
            return  # final words (the emergency number, CPR) play out whatever the caller says: nothing is answered
        if await self.playback.interrupt():
            return
        if self.playback.talk_over_answers:
            self._over_disclaimer = True  # heard, and answered once the disclaimer has played
        else:
            self._speech_over_locked_prompt = True  # counting breaths aloud: not an answer, not an interruption

    async def _disclaimer_played(self) -> None:
        """The disclaimer was heard to its end: cut what follows (the question), and hear what was said over it."""
        self._over_disclaimer = False
        await self.playback.interrupt()
        self._release_held()

    def _release_held(self) -> None:
        for turn in self._held:
            self._hear(turn)
        self._held.clear()

    def _on_pause(self, ev: SpeechPaused) -> None:
        """Start transcribing the turn so far; a question with a short answer may let it end early."""
        transcription = self.on_pause(ev.audio)
        prompt_id = self.playback.awaiting
        if transcription is None or ev.continues or short_answer(prompt_id) is None:
            return  # a turn that goes on from one ended early waits for the long silence: it said more

        def judge(done: "asyncio.Future[Transcript]") -> None:
            if done.cancelled() or done.exception() is not None or self.playback.awaiting != prompt_id:
                return
            if answer_is_complete(prompt_id, done.result().text):
                if (ended := self.endpointer.end_complete(ev)) is not None:
                    self._on_turn_ended(ended)

        transcription.add_done_callback(judge)

    def _on_turn_ended(self, ev: TurnEnded) -> None:
        self._in_speech = self._continuing = False
        if self._speech_over_locked_prompt:
            self._speech_over_locked_prompt = False
            return
        if not self.is_open():
            return
        turn = HeardTurn("speech", audio=ev.audio, speech_end_wall=self._wall_at(ev), continues=ev.continues,
                         reason=ev.reason)
        if self._over_disclaimer:
            self._held.append(turn)  # it answers the question after the disclaimer: no reply may be played over it
        else:
            self._hear(turn)

    def _wall_at(self, ev: TurnEnded) -> float:
        """Arrival time of the frame where speech ended: latency counts endpointing too."""
        for audio_ms, wall in self._frame_wall:
            if audio_ms >= ev.speech_end_ms:
                return wall
        return time.perf_counter()

    def _flush_dtmf(self) -> None:
        digits, self._dtmf, self._dtmf_deadline_ms = self._dtmf, "", None
        if digits:
            self._hear(HeardTurn("dtmf", digits=digits))

    def _count_silence(self) -> None:
        if self.playback.playing or self._in_speech or self._unanswered or self._dtmf:
            return
        if not self.is_open():
            return
        self._silence_ms += FRAME_MS
        if self._silence_ms >= NO_ANSWER_MS:
            self._silence_ms = 0
            self._hear(HeardTurn("silence"))
