"""One phone call, told as its turns: listen, transcribe, answer, play, keep; at the end, finish the case.

Each stage is the module named for it (voice/listening.py, transcribing.py, answering.py, playback.py,
case_writer.py, resuming.py, finishing.py); each stage's start and end is an event (voice/events.py).
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Awaitable, Callable

from intake.dialogue import Dialogue
from intake.models import Reply

from voice.answering import FAILED_TURN_SOURCE, answer_turn, said_again
from voice.case_writer import CaseWriter, KeptTurn
from voice.events import CallEventType
from voice.listening import HeardTurn, Listening
from voice.playback import Playback
from voice.protocol import Dtmf, Mark, Media, Start
from voice.resuming import leave_or_finish, open_case
from voice.transcribing import Transcription

if TYPE_CHECKING:
    from voice.services import Services

logger = logging.getLogger(__name__)


class CallSession:
    """One Media Stream; `on_*` are called by the websocket loop, and listening hands over each heard turn."""

    def __init__(self, services: "Services", send: Callable[[str], Awaitable[None]]) -> None:
        self.services = services
        self.stream_sid = self.call_sid = ""
        self.dialogue: Dialogue | None = None
        self.playback = Playback(send, services.prompt_audio, turn_number=lambda: self.writer.seq)
        self.transcription = Transcription(services.transcribe, self.playback)
        self.listening = Listening(services.new_endpointer(), self.playback, is_open=self._takes_answers,
                                   on_pause=self.transcription.start_early)
        self.writer = CaseWriter(services.store, call_sid="")
        self.kept: list[KeptTurn] = []
        self.done = asyncio.Event()  # the dialogue finished and its last words were played
        self._handed_off = False  # another stream, or the deferred finish, makes the case whole

    @property
    def started(self) -> bool:
        """True once a valid `start` opened the case."""
        return self.dialogue is not None

    async def on_start(self, event: Start, caller: str) -> None:
        """Open the case and greet the caller; a reopened stream of a known call resumes its dialogue."""
        self.stream_sid, self.call_sid = event.stream_sid, event.call_sid
        self.playback.stream_sid = self.writer.stream_sid = self.stream_sid
        self.playback.call_sid = self.writer.call_sid = self.call_sid
        opened = await open_case(self.services.store, self.writer, caller=caller, hold=self.playback.hold,
                                choose_language=self.services.settings.choose_language)
        if opened is None:
            self._handed_off = True
            self.done.set()  # nothing to resume: close, and after-stream gives the way out
            return
        self.dialogue, opening, resumed = opened
        self.services.metrics.active_calls.inc()
        self._emit(CallEventType.CALL_START, case_id=self.writer.case_id, resumed=resumed)
        self.listening.answer_each(self._respond, name=f"responder-{self.call_sid}")
        self.writer.start(self.dialogue)
        await self._play(opening)

    async def on_media(self, event: Media) -> None:
        """One 20 ms inbound frame of the caller's audio."""
        if event.track not in ("inbound", "inbound_track"):
            return
        self.services.metrics.observe_frame()
        await self.listening.on_media(event)

    def on_dtmf(self, event: Dtmf) -> None:
        """Keypad digits answer too: yes/no at once, numbers after '#' or a pause."""
        self.listening.on_dtmf(event.digit)

    def on_mark(self, event: Mark) -> None:
        """Twilio played (or cleared) everything up to this mark."""
        self.playback.on_mark(event.name)
        if not self.playback.playing:
            self.listening.restart_silence()
            if self.dialogue is not None and self.dialogue.finished:
                self.done.set()

    async def _respond(self, turn: HeardTurn) -> None:
        """One heard turn, handed over by listening in order; a failed one never leaves the caller in silence."""
        try:
            await self._answer(turn)
        except Exception:  # CancelledError is no Exception: a call that ends stops here
            logger.exception("call %s: turn failed", self.call_sid)
            await self._ask_again()

    async def _answer(self, turn: HeardTurn) -> None:
        """One heard turn: the dialogue's reply, played; the turn kept for the case whatever happens."""
        dialogue = self.dialogue
        assert dialogue is not None
        if dialogue.finished:
            return
        self._emit(CallEventType.TURN_HEARD, kind=turn.kind)
        kept = KeptTurn(dialogue.awaiting, "", "", turn.kind, None, {})
        try:
            reply = await answer_turn(self.services, self.transcription, dialogue, turn, kept,
                                      call_sid=self.call_sid, emit=self._emit)
        except Exception:
            if kept.raw_text:  # heard, but the dialogue never took it: kept, marked so
                kept.source = FAILED_TURN_SOURCE
                self._keep(kept)
            raise
        speech_end = turn.speech_end_wall if turn.kind == "speech" else None
        try:
            kept.latency_ms = await self._play(reply, speech_end_wall=speech_end, stages=kept.stages_ms)
        except Exception:
            # The dialogue has moved on: its open question is the one the caller has not heard.
            logger.exception("call %s: reply to %s not sent", self.call_sid, kept.prompt_id)
            await self._ask_again(reply)
        finally:
            self._keep(kept)

    async def _ask_again(self, failed: Reply | None = None) -> None:
        """After a failed turn, say what the caller may not have heard, without counting it as an answer."""
        if self.dialogue is None:
            return
        try:
            await self._play(said_again(self.dialogue, failed))
        except Exception:  # noqa: BLE001 -- the no-answer timer asks again once the line is quiet
            logger.exception("call %s: could not ask again", self.call_sid)

    async def _play(self, reply: Reply, *, speech_end_wall: float | None = None,
                    stages: dict[str, float] | None = None) -> int | None:
        """Play a reply; a measured turn's latency goes to /metrics and to the `play-end` event."""
        self._emit(CallEventType.PLAY_START)
        if self.dialogue is not None:
            self.playback.language = self.dialogue.language
        latency_ms = await self.playback.play(reply, speech_end_wall=speech_end_wall, stages=stages)
        if latency_ms is not None:
            self.services.metrics.observe_turn(latency_ms, stages or {})
        self._emit(CallEventType.PLAY_END, latency_ms=latency_ms, stages_ms=dict(stages or {}))
        return latency_ms

    def _keep(self, kept: KeptTurn) -> None:
        """Every turn heard goes to the case, answered or not: the transcript is the record of the call."""
        self.kept.append(kept)
        self.writer.keep(kept)
        self._emit(CallEventType.TURN_END, prompt_id=kept.prompt_id, source=kept.source)

    async def finish(self, *, hung_up: bool) -> None:
        """The stream ended: let the last turn finish, then leave the case to a new stream or finish it."""
        self.transcription.drop_early()
        if not await self.listening.stop_answering():
            logger.warning("call %s: last turn still running at hang-up; keeping what we have", self.call_sid)
        await self.writer.stop()
        try:
            if not self._handed_off and self.dialogue is not None:
                self._handed_off = await leave_or_finish(self.services, self.writer, self.dialogue, hung_up=hung_up)
        finally:
            if self.started:
                self.services.metrics.active_calls.dec()
            if self.call_sid and not self._handed_off:
                self._emit(CallEventType.CALL_END)
            self.services.freeze_heap_once()

    def _takes_answers(self) -> bool:
        return self.dialogue is not None and not self.dialogue.finished

    def _emit(self, type: CallEventType, **data: object) -> None:
        self.services.events.emit(type, self.call_sid, **data)
