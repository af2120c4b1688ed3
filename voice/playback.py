"""What the caller hears: prompt audio and its marks, the spoken hold, and barge-in.

Twilio's mark echoes, not a local timer, say what the caller has heard: each prompt is followed by a
mark, and a prompt counts as heard when Twilio echoes its mark as played.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from dataclasses import dataclass
from typing import Awaitable, Callable

from intake.models import AnswerKind, Pause, Reply, Speech

from voice.codec import FRAME_BYTES, frames, silence_ulaw
from voice.protocol import clear_message, mark_message, media_message

logger = logging.getLogger(__name__)

HOLD_PROMPT = "One moment, please."
# Outbound audio goes in equal 400 ms chunks: Twilio buffers and plays them evenly, and one message per
# 20 ms frame made sending a prompt the biggest cost of the event loop under load (measured with py-spy).
OUTBOUND_CHUNK_BYTES = 20 * FRAME_BYTES

Send = Callable[[str], Awaitable[None]]
PromptAudio = Callable[[str], Awaitable[bytes]]


@dataclass(eq=False)  # each mark is itself: two replies' "prompt:who" are two marks
class _PendingMark:
    name: str
    prompt_id: str | None
    interruptible: bool
    talk_over_answers: bool = False  # locked, but the caller's words over it answer once it has played
    cleared: bool = False


class Playback:
    """One stream's outbound audio and the marks Twilio has not yet echoed."""

    def __init__(self, send: Send, prompt_audio: PromptAudio, *, turn_number: Callable[[], int]) -> None:
        self._send = send
        self._prompt_audio = prompt_audio
        self._turn_number = turn_number  # names the hold and pause marks
        self.stream_sid = ""
        self.call_sid = ""
        self.heard: list[str] = []  # prompt ids whose mark Twilio echoed as played
        self.question = ""  # the words of the open question: Whisper's context for the answer
        self.expects: AnswerKind | None = None  # what the open question expects (keypad handling)
        self.language = "en"  # the language the caller is spoken to in: the transcription's language hint
        self.awaiting: str | None = None  # prompt id of the open question (how soon a turn may end)
        self.replies = 0  # replies played so far: names the latest one
        self._pending: deque[_PendingMark] = deque()

    @property
    def playing(self) -> bool:
        """Audio we sent that Twilio has not yet reported played, or a reply about to be sent.

        A reply counts from the moment it is handed over (its marks are pending before it is rendered): the echo
        of an earlier mark (a spoken hold's) that arrives while its speech is being rendered must not look like the
        end of our last words; it had hung up a finished call before its CPR instructions were sent (a loaded
        machine, a slow turn with a hold).
        """
        return bool(self._pending)

    async def play(
        self, reply: Reply, *, speech_end_wall: float | None = None, stages: dict[str, float] | None = None
    ) -> int | None:
        """Send the reply's audio and marks, each part as soon as it is rendered; returns ms from end of caller
        speech to the first frame sent.

        Part by part: the emergency number (a part of its own) goes out while the first aid after it is still
        being rendered, not after it (a first aid not rendered ahead had held the number back by its render time).
        """
        self.expects, self.awaiting = reply.expects, reply.awaiting
        self.replies += 1
        spoken = [segment.text for segment in reply.segments if isinstance(segment, Speech)]
        if spoken and reply.awaiting:
            self.question = spoken[-1]
        t0 = time.perf_counter()
        # Every mark of the reply is pending before the first frame goes out: an echo of the first segment's mark
        # that arrives while later segments are still being rendered or sent must not look like the end of our
        # last words (at load 15 a finished call was closed before its final reply's last segment was sent).
        marks = [self._mark_for(index, segment) for index, segment in enumerate(reply.segments)]
        self._pending.extend(marks)
        latency_ms = None
        unsent = list(marks)
        try:
            for segment, mark in zip(reply.segments, marks):
                if isinstance(segment, Speech):
                    audio = await self._prompt_audio(segment.text)
                else:
                    audio = silence_ulaw(int(segment.seconds * 1000))
                if stages is not None and "tts" not in stages:
                    stages["tts"] = (time.perf_counter() - t0) * 1000  # what the caller waited for: the first part
                if mark.cleared:  # a barge-in cut the reply before this part went out: it is never sent
                    self._pending.remove(mark)
                    unsent.remove(mark)
                    continue
                for frame in frames(audio, OUTBOUND_CHUNK_BYTES):
                    sending = time.perf_counter()
                    await self._send(media_message(self.stream_sid, frame))
                    if latency_ms is None and speech_end_wall is not None:
                        latency_ms = round((time.perf_counter() - speech_end_wall) * 1000)
                        if stages is not None:
                            stages["send"] = (time.perf_counter() - sending) * 1000
                await self._send(mark_message(self.stream_sid, mark.name))
                unsent.remove(mark)
        except BaseException:
            for mark in unsent:  # never sent, so never echoed: waiting for them would hold the line forever
                if mark in self._pending:
                    self._pending.remove(mark)
            raise
        return latency_ms

    def _mark_for(self, index: int, segment: Speech | Pause) -> _PendingMark:
        if isinstance(segment, Speech):
            return _PendingMark(f"prompt:{segment.prompt_id}", segment.prompt_id, segment.interruptible,
                                segment.talk_over_answers)
        return _PendingMark(f"pause:{self._turn_number()}:{index}", None, interruptible=False)

    async def hold(self) -> None:
        """Fill a slow turn with a short spoken hold; its mark is not a prompt, so nobody answers it."""
        for frame in frames(await self._prompt_audio(HOLD_PROMPT), OUTBOUND_CHUNK_BYTES):
            await self._send(media_message(self.stream_sid, frame))
        mark = _PendingMark(f"hold:{self._turn_number()}", None, interruptible=True)
        self._pending.append(mark)
        await self._send(mark_message(self.stream_sid, mark.name))

    @property
    def talk_over_answers(self) -> bool:
        """A locked prompt plays now (the disclaimer) whose talk-over is an answer, taken once it has played."""
        return bool(self._pending) and self._pending[0].talk_over_answers

    async def interrupt(self) -> bool:
        """The caller started talking: cut an interruptible prompt short (barge-in).

        False while a locked prompt plays (the breath count, the disclaimer): it is not cut.
        """
        if not self._pending:
            return True
        if not self._pending[0].interruptible:
            return False
        logger.info("call %s: barge-in over %s", self.call_sid, self._pending[0].name)
        for mark in list(self._pending)[1:]:
            mark.cleared = True
        await self._send(clear_message(self.stream_sid))
        return True

    def on_mark(self, name: str) -> None:
        """Twilio played (or cleared) everything up to this mark."""
        while self._pending:
            mark = self._pending.popleft()
            if mark.prompt_id and not mark.cleared:
                self.heard.append(mark.prompt_id)
            if mark.name == name:
                break
