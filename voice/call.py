"""One phone call: caller audio in, turns out, the dialogue's replies played back.

The session runs on audio time: the inbound frame count is its clock, so the
simulator can stream faster than real time and the logic stays the same.
Twilio's mark echoes, not a local timer, say what the caller has heard.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TYPE_CHECKING, Awaitable, Callable

from intake.dialogue import Dialogue
from intake.emergency import region_of
from intake.models import Reply
from routing.privacy import mask_phone

from voice.protocol import Dtmf, Mark, Media, Start
from voice.case_writer import CaseWriter, TurnRecord
from voice.finishing import finish_case
from voice.listening import DRAIN_TIMEOUT_S, HeardTurn, Listening
from voice.playback import Playback
from voice.recovery import MAX_RESUMES, open_question
from voice.transcribing import Transcription

if TYPE_CHECKING:
    from voice.services import Services

logger = logging.getLogger(__name__)

# A reopened stream waits this long for the dropped one to save its state (its last turn may take
# DRAIN_TIMEOUT_S), then takes the call over from what is stored.
RESUME_WAIT_S = DRAIN_TIMEOUT_S + 5.0
RESUME_POLL_S = 0.2
FAILED_TURN_SOURCE = "failed"  # a turn heard that the dialogue never took (the question was asked again)
# A turn this short ("yes", "no", "seven") cannot describe a red flag: no in-call check by Claude for it.
FLAG_CHECK_MIN_WORDS = 3


class CallSession:
    """State of one Media Stream; `on_*` are called by the websocket loop."""

    def __init__(self, services: "Services", send: Callable[[str], Awaitable[None]]) -> None:
        self.services = services
        self.stream_sid = ""
        self.call_sid = ""
        self.caller = ""
        self.case_id: int | None = None
        self.dialogue: Dialogue | None = None
        self.playback = Playback(send, services.prompt_audio, turn_number=lambda: self._seq)
        self.transcription = Transcription(services.transcribe, self.playback)
        self.listening = Listening(services.new_endpointer(), self.playback, is_open=self._takes_answers,
                                   on_pause=self.transcription.start_early)
        self.records: list[TurnRecord] = []
        self.writer: CaseWriter | None = None  # the case's one writer, once the call has a case
        self.done = asyncio.Event()  # the dialogue finished and its last words were played
        self._responder: asyncio.Task | None = None
        self._handed_off = False  # another stream, or the deferred finish, makes the case whole

    @property
    def started(self) -> bool:
        """True once a valid `start` opened the case."""
        return self.dialogue is not None

    def _takes_answers(self) -> bool:
        return self.dialogue is not None and not self.dialogue.finished

    @property
    def _seq(self) -> int:
        return self.writer.seq if self.writer is not None else 0

    @property
    def playing(self) -> bool:
        """Audio we sent that Twilio has not yet reported played."""
        return self.playback.playing

    async def on_start(self, event: Start, caller: str) -> None:
        """Open the case and greet the caller; a reopened stream of a known call resumes its dialogue."""
        self.stream_sid, self.call_sid, self.caller = event.stream_sid, event.call_sid, caller
        self.playback.stream_sid, self.playback.call_sid = self.stream_sid, self.call_sid
        region = region_of(caller)  # the region every emergency number on this call comes from
        ref = await self.services.store.open_call(
            call_sid=self.call_sid,
            caller=caller,
            channel="voice",
            region=region,
            stream_sid=self.stream_sid,
        )
        self.case_id = ref.case_id
        self.writer = CaseWriter(self.services.store, call_sid=self.call_sid, stream_sid=self.stream_sid,
                                 case_id=self.case_id)
        if ref.created:
            self.dialogue = Dialogue(channel="voice", region=region)
            opening = self.dialogue.start()
        else:
            opening = await self._resume(region)
            if opening is None:
                self._handed_off = True
                self.done.set()  # nothing to resume: close, and after-stream gives the way out
                return
        self.services.metrics.active_calls.inc()
        logger.info("call %s from %s %s, case %s", self.call_sid, mask_phone(caller),
                    "started" if ref.created else "resumed", self.case_id)
        self._responder = asyncio.create_task(self._respond_forever(), name=f"responder-{self.call_sid}")
        self.writer.dialogue = self.dialogue
        self.writer.start()
        await self._play(opening)

    async def _resume(self, region: str | None) -> Reply | None:
        """Take the call over from its dropped stream and restore the dialogue; None when it cannot resume."""
        store, loop = self.services.store, asyncio.get_running_loop()
        deadline = loop.time() + RESUME_WAIT_S
        held = False
        while (outcome := await store.resume_call(self.call_sid, stream_sid=self.stream_sid,
                                                  take_over=loop.time() >= deadline)) == "busy":
            if not held:  # the old stream is still saving its last turn: the caller hears that we are here
                held = True
                await self.playback.hold()
            await asyncio.sleep(RESUME_POLL_S)
        if outcome != "resumed":
            logger.warning("call %s: a new stream that cannot resume the call (over, or never offered)", self.call_sid)
            return None
        case = await store.find_case_by_call(self.call_sid)
        assert case is not None
        self.writer.seq = max((turn.seq for turn in case.turns), default=0)  # this stream's turns follow the old ones
        restored = Dialogue.from_state(case.dialogue_state) if case.dialogue_state else None
        if restored is None or (restored.awaiting is None and not restored.finished):
            # nothing answered yet: from the start, disclaimer included
            self.dialogue = Dialogue(channel="voice", region=region)
            return self.dialogue.start()
        self.dialogue = restored
        if self.dialogue.finished:
            return self.dialogue.answer("")  # the end again, with the emergency number
        return open_question(self.dialogue)

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

    async def finish(self, *, hung_up: bool) -> None:
        """The stream ended: let the last turn finish, then make the case whole and send the summaries."""
        self.transcription.drop_early()
        if self._responder is not None:
            try:
                async with asyncio.timeout(DRAIN_TIMEOUT_S):
                    await self.listening.all_answered()
            except TimeoutError:
                logger.warning("call %s: last turn still running at hang-up; keeping what we have", self.call_sid)
            self._responder.cancel()
            await asyncio.gather(self._responder, return_exceptions=True)
        if self.writer is not None:
            await self.writer.stop()
        try:
            if not self._handed_off and self._may_resume(hung_up=hung_up):
                self._handed_off = await self._suspend()
            if not self._handed_off:
                await self._finalise_case(hung_up=hung_up)
        finally:
            if self.started:
                self.services.metrics.active_calls.dec()
            if self.call_sid and not self._handed_off:
                self.services.call_ended(self.call_sid).set()
            self.services.freeze_heap_once()

    async def flush(self) -> None:
        """Write the heard turns and the dialogue's state now (before we close a finished stream)."""
        if self.writer is not None:
            await self.writer.flush()

    def _may_resume(self, *, hung_up: bool) -> bool:
        """A line that dropped mid-dialogue, with the caller still on it, may come back on a new stream."""
        return (not hung_up and self.case_id is not None and self.dialogue is not None
                and not self.dialogue.finished and self.services.recovery is not None)

    async def _suspend(self) -> bool:
        """Save where the dialogue is and leave the case to a reopened stream (or to the grace's end).

        False when the case must be finished now: no resume left, or the database would not say.
        """
        try:
            await self.flush()
            outcome = await self.services.store.suspend_call(self.call_sid, stream_sid=self.stream_sid,
                                                             max_resumes=MAX_RESUMES)
        except Exception:  # noqa: BLE001 -- finishing now, with its own retries, loses nothing
            logger.exception("call %s: could not leave case %s open for a new stream", self.call_sid, self.case_id)
            return False
        if outcome == "superseded":
            logger.warning("call %s: a newer stream took the call over; case %s is its to finish",
                           self.call_sid, self.case_id)
            return True
        if outcome != "reconnecting":
            return False
        self.services.recovery.defer(self.call_sid, self.stream_sid)
        logger.info("call %s: stream dropped mid-dialogue; case %s waits for a new stream", self.call_sid, self.case_id)
        return True

    async def _finalise_case(self, *, hung_up: bool) -> None:
        if self.case_id is None or self.dialogue is None:
            return
        status = "completed" if self.dialogue.finished else ("hung-up" if hung_up else "dropped")
        await finish_case(self.services, self.writer, self.dialogue, status=status)

    # --- turns -> replies -----------------------------------------------

    async def _respond_forever(self) -> None:
        while True:
            turn = await self.listening.next_turn()
            try:
                await self._respond(turn)
            except asyncio.CancelledError:
                raise
            except Exception:
                # Never leave the caller in silence: log, and ask the open question again.
                logger.exception("call %s: turn failed", self.call_sid)
                await self._ask_again()
            finally:
                self.listening.turn_answered()

    async def _respond(self, turn: HeardTurn) -> None:
        dialogue = self.dialogue
        assert dialogue is not None
        if dialogue.finished:
            return
        record = TurnRecord(dialogue.awaiting, "", "", turn.kind, None, {})
        try:
            reply = await self._answer_turn(turn, dialogue, record)
        except Exception:
            if record.raw_text:  # heard, but the dialogue never took it: kept, marked so
                record.source = FAILED_TURN_SOURCE
                self._keep(record)
            raise
        speech_end = turn.speech_end_wall if turn.kind == "speech" else None
        try:
            record.latency_ms = await self._play(reply, speech_end_wall=speech_end, stages=record.stages_ms)
        except Exception:
            # The dialogue has moved on: its open question is the one the caller has not heard.
            logger.exception("call %s: reply to %s not sent", self.call_sid, record.prompt_id)
            await self._ask_again(reply)
        finally:
            self._keep(record)

    async def _answer_turn(self, turn: HeardTurn, dialogue: Dialogue, record: TurnRecord) -> Reply:
        """The dialogue's reply to one turn; `record` is filled in as the turn is heard."""
        stages = record.stages_ms
        t0 = time.perf_counter()
        if turn.kind == "speech":
            stages["endpointing"] = (turn.decided_wall - turn.speech_end_wall) * 1000
            stages["queued"] = (t0 - turn.decided_wall) * 1000  # waiting for this call's previous turn
            raw, backend = await self.transcription.text(turn.audio, call_sid=self.call_sid)
            record.raw_text, record.source = raw, f"speech:{backend}"
            t1 = time.perf_counter()
            record.corrected_text = self.services.correct(raw) if raw else ""
            t2 = time.perf_counter()
            stages["stt"], stages["correction"] = (t1 - t0) * 1000, (t2 - t1) * 1000
            reply = dialogue.answer(record.corrected_text)
            if not reply.finished and _may_describe_a_sign(record):
                # Claude may find a red flag the rules missed (never remove one); at most its deadline.
                t3 = time.perf_counter()
                flags = await self.services.red_flags_from_llm(dialogue.transcript)
                stages["llm_flags"] = (time.perf_counter() - t3) * 1000
                reply = dialogue.add_red_flags(flags, answered=record.prompt_id) or reply
        elif turn.kind == "dtmf":
            record.raw_text = record.corrected_text = turn.digits
            t2 = time.perf_counter()
            reply = dialogue.keypad(turn.digits)
        else:
            t2 = time.perf_counter()
            reply = dialogue.no_answer()
        stages["dialogue"] = (time.perf_counter() - t2) * 1000 - stages.get("llm_flags", 0.0)
        return reply

    async def _ask_again(self, failed: Reply | None = None) -> None:
        """After a failed turn, say what the caller may not have heard, without counting it as an answer.

        The open question (in other words), whether or not the failed turn moved the dialogue on; once the
        dialogue is over, its final words again (they carry the emergency number).
        """
        dialogue = self.dialogue
        if dialogue is None:
            return
        if dialogue.finished:
            reply = failed if failed is not None and failed.finished else dialogue.answer("")
        else:
            reply = open_question(dialogue)
        try:
            await self._play(reply)
        except Exception:  # noqa: BLE001 -- the no-answer timer asks again once the line is quiet
            logger.exception("call %s: could not ask again", self.call_sid)

    def _keep(self, record: TurnRecord) -> None:
        """Every turn heard goes to the case, answered or not: the transcript is the record of the call."""
        self.records.append(record)
        if self.writer is not None:
            self.writer.keep(record)

    async def _play(
        self, reply: Reply, *, speech_end_wall: float | None = None, stages: dict[str, float] | None = None
    ) -> int | None:
        """Play a reply; a measured turn's latency goes to the figures."""
        latency_ms = await self.playback.play(reply, speech_end_wall=speech_end_wall, stages=stages)
        if latency_ms is not None:
            self.services.observe_latency(latency_ms, stages or {})
        return latency_ms


def _may_describe_a_sign(record: TurnRecord) -> bool:
    """Whether a heard turn is worth Claude's red-flag check: the complaint, or an answer of a few words."""
    return bool(record.corrected_text) and (
        record.prompt_id == "complaint" or len(record.corrected_text.split()) >= FLAG_CHECK_MIN_WORDS
    )
