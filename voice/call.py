"""One phone call: caller audio in, turns out, the dialogue's replies played back.

The session runs on audio time: the inbound frame count is its clock, so the
simulator can stream faster than real time and the logic stays the same.
Twilio's mark echoes, not a local timer, say what the caller has heard.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Awaitable, Callable

from intake.dialogue import Dialogue
from intake.models import AnswerKind, Pause, Reply, Speech
from routing.phones import parse_caller
from routing.privacy import mask_phone
from stt.base import SttError
from stt.lexicon import bias_hints

from voice.codec import FRAME_MS, frames, silence_ulaw, ulaw_to_pcm16
from voice.endpointing import SpeechStarted, TurnEnded
from voice.protocol import Dtmf, Mark, Media, Start, clear_message, mark_message, media_message

if TYPE_CHECKING:
    from voice.services import Services

logger = logging.getLogger(__name__)

NO_ANSWER_MS = 8000  # audio time of silence after a question before we re-ask
DTMF_NUMBER_GAP_MS = 2000  # keypad numbers end with '#' or this much audio time without a digit
DRAIN_TIMEOUT_S = 10.0  # at hang-up, how long the last turn may still take to finish
HOLD_AFTER_S = 2.0  # a transcription slower than this gets a spoken "one moment" so the line never goes dead
HOLD_PROMPT = "One moment, please."


@dataclass
class _PendingMark:
    name: str
    prompt_id: str | None
    interruptible: bool
    cleared: bool = False


@dataclass
class _Turn:
    kind: str  # "speech" | "dtmf" | "silence"
    audio: bytes = b""
    digits: str = ""
    speech_end_wall: float = field(default_factory=time.perf_counter)


@dataclass
class TurnRecord:
    """What one answered prompt produced, for the case and for latency figures."""

    prompt_id: str | None
    raw_text: str
    corrected_text: str
    source: str
    latency_ms: int | None
    stages_ms: dict[str, float]


class CallSession:
    """State of one Media Stream; `on_*` are called by the websocket loop."""

    def __init__(self, services: "Services", send: Callable[[str], Awaitable[None]]) -> None:
        self.services = services
        self._send = send
        self.stream_sid = ""
        self.call_sid = ""
        self.caller = ""
        self.case_id: int | None = None
        self.dialogue: Dialogue | None = None
        self.endpointer = services.new_endpointer()
        self.audio_ms = 0
        self.heard: list[str] = []  # prompt ids whose mark Twilio echoed as played
        self.records: list[TurnRecord] = []
        self.done = asyncio.Event()  # the dialogue finished and its last words were played
        self._pending: deque[_PendingMark] = deque()
        self._turns: asyncio.Queue[_Turn] = asyncio.Queue()
        self._responder: asyncio.Task | None = None
        self._busy = False
        self._in_speech = False
        self._speech_over_locked_prompt = False
        self._silence_ms = 0
        self._dtmf = ""
        self._dtmf_deadline_ms: int | None = None
        self._frame_wall: deque[tuple[int, float]] = deque(maxlen=200)  # (audio ms, arrival time)
        self._seq = 0
        self._open_kind: AnswerKind | None = None  # what the open question expects (keypad handling)
        self._question = ""  # the words of the open question: Whisper's context for the answer

    @property
    def started(self) -> bool:
        """True once a valid `start` opened the case."""
        return self.dialogue is not None

    @property
    def playing(self) -> bool:
        """Audio we sent that Twilio has not yet reported played."""
        return bool(self._pending)

    async def on_start(self, event: Start, caller: str) -> None:
        """Open (or re-open, on a retried stream) the case and greet the caller."""
        self.stream_sid, self.call_sid, self.caller = event.stream_sid, event.call_sid, caller
        number = parse_caller(caller)
        self.case_id = (
            await self.services.store.open_call(
                call_sid=self.call_sid,
                caller=caller,
                channel="voice",
                region=number.region,
                stream_sid=self.stream_sid,
            )
        ).case_id
        self.dialogue = Dialogue(channel="voice", region=number.region)
        logger.info("call %s from %s started, case %s", self.call_sid, mask_phone(caller), self.case_id)
        self._responder = asyncio.create_task(self._respond_forever(), name=f"responder-{self.call_sid}")
        await self._play(self.dialogue.start(), speech_end_wall=None)

    async def on_media(self, event: Media) -> None:
        """One 20 ms inbound frame: advance the audio clock, endpoint, watch for silence and keypad gaps."""
        if event.track not in ("inbound", "inbound_track"):
            return
        self.audio_ms += FRAME_MS
        self._frame_wall.append((self.audio_ms, time.perf_counter()))
        for ev in self.endpointer.process(ulaw_to_pcm16(event.payload), FRAME_MS):
            if isinstance(ev, SpeechStarted):
                await self._on_speech_started()
            elif isinstance(ev, TurnEnded):
                self._on_turn_ended(ev)
        if self._dtmf_deadline_ms is not None and self.audio_ms >= self._dtmf_deadline_ms:
            self._flush_dtmf()
        self._count_silence()

    def on_dtmf(self, event: Dtmf) -> None:
        """Keypad digits answer too: yes/no at once, numbers after '#' or a pause."""
        if self.dialogue is None or self.dialogue.finished:
            return
        self._silence_ms = 0
        if event.digit == "#":
            self._flush_dtmf()
            return
        self._dtmf += event.digit
        if self._open_kind is AnswerKind.NUMBER:
            self._dtmf_deadline_ms = self.audio_ms + DTMF_NUMBER_GAP_MS
        else:
            self._flush_dtmf()

    def on_mark(self, event: Mark) -> None:
        """Twilio played (or cleared) everything up to this mark."""
        while self._pending:
            mark = self._pending.popleft()
            if mark.prompt_id and not mark.cleared:
                self.heard.append(mark.prompt_id)
            if mark.name == event.name:
                break
        if not self._pending:
            self._silence_ms = 0
            if self.dialogue is not None and self.dialogue.finished:
                self.done.set()

    async def finish(self, *, hung_up: bool) -> None:
        """The stream ended: let the last turn finish, then make the case whole and send the summaries."""
        if self._responder is not None:
            try:
                async with asyncio.timeout(DRAIN_TIMEOUT_S):
                    await self._turns.join()
            except TimeoutError:
                logger.warning("call %s: last turn still running at hang-up; keeping what we have", self.call_sid)
            self._responder.cancel()
            await asyncio.gather(self._responder, return_exceptions=True)
        try:
            await self._finalise_case(hung_up=hung_up)
        finally:
            if self.call_sid:
                self.services.call_ended(self.call_sid).set()

    async def _finalise_case(self, *, hung_up: bool) -> None:
        if self.case_id is None or self.dialogue is None:
            return
        finished = self.dialogue.finished
        status = "completed" if finished else ("hung-up" if hung_up else "dropped")
        store = self.services.store
        result = await self.services.complete_intake(self.dialogue)
        try:
            await store.save_triage(self.case_id, result.to_dict(), dialogue_state=self.dialogue.to_state(), complete=True)
            await store.close_call(self.call_sid, status=status)
        except Exception:
            logger.exception("call %s: could not finalise case %s", self.call_sid, self.case_id)
        await self.services.notify_case(self.case_id)
        logger.info("call %s ended (%s), case %s", self.call_sid, status, self.case_id)

    # --- inbound speech -------------------------------------------------

    async def _on_speech_started(self) -> None:
        self._in_speech = True
        self._silence_ms = 0
        if not self._pending:
            return
        if self._pending[0].interruptible:
            logger.info("call %s: barge-in over %s", self.call_sid, self._pending[0].name)
            for mark in list(self._pending)[1:]:
                mark.cleared = True
            await self._send(clear_message(self.stream_sid))
        else:
            # The caller talks while counting breaths: not an answer, not an interruption.
            self._speech_over_locked_prompt = True

    def _on_turn_ended(self, ev: TurnEnded) -> None:
        self._in_speech = False
        if self._speech_over_locked_prompt:
            self._speech_over_locked_prompt = False
            return
        if self.dialogue is None or self.dialogue.finished:
            return
        self._turns.put_nowait(_Turn("speech", audio=ev.audio, speech_end_wall=self._wall_at(ev)))

    def _wall_at(self, ev: TurnEnded) -> float:
        """Arrival time of the frame where speech ended: latency counts endpointing too."""
        for audio_ms, wall in self._frame_wall:
            if audio_ms >= ev.speech_end_ms:
                return wall
        return time.perf_counter()

    def _flush_dtmf(self) -> None:
        digits, self._dtmf, self._dtmf_deadline_ms = self._dtmf, "", None
        if digits:
            self._turns.put_nowait(_Turn("dtmf", digits=digits))

    def _count_silence(self) -> None:
        if self._pending or self._in_speech or self._busy or self._dtmf or not self._turns.empty():
            return
        if self.dialogue is None or self.dialogue.finished:
            return
        self._silence_ms += FRAME_MS
        if self._silence_ms >= NO_ANSWER_MS:
            self._silence_ms = 0
            self._turns.put_nowait(_Turn("silence"))

    # --- turns -> replies -----------------------------------------------

    async def _respond_forever(self) -> None:
        while True:
            turn = await self._turns.get()
            self._busy = True
            try:
                await self._respond(turn)
            except asyncio.CancelledError:
                raise
            except Exception:
                # Never leave the caller in silence: log, and re-ask the open question.
                logger.exception("call %s: turn failed", self.call_sid)
                if self.dialogue is not None and not self.dialogue.finished:
                    await self._play(self.dialogue.answer(""), speech_end_wall=turn.speech_end_wall)
            finally:
                self._busy = False
                self._silence_ms = 0
                self._turns.task_done()

    async def _respond(self, turn: _Turn) -> None:
        dialogue = self.dialogue
        assert dialogue is not None
        if dialogue.finished:
            return
        prompt_id = dialogue.awaiting
        stages: dict[str, float] = {}
        raw = corrected = ""
        t0 = time.perf_counter()
        if turn.kind == "speech":
            raw, backend = await self._transcribe(turn.audio)
            t1 = time.perf_counter()
            corrected = self.services.correct(raw) if raw else ""
            t2 = time.perf_counter()
            stages["stt"], stages["correction"] = (t1 - t0) * 1000, (t2 - t1) * 1000
            reply = dialogue.answer(corrected)
            source = f"speech:{backend}"
        elif turn.kind == "dtmf":
            raw = corrected = turn.digits
            t2 = time.perf_counter()
            reply = dialogue.keypad(turn.digits)
            source = "dtmf"
        else:
            t2 = time.perf_counter()
            reply = dialogue.no_answer()
            source = "silence"
        stages["dialogue"] = (time.perf_counter() - t2) * 1000
        speech_end = turn.speech_end_wall if turn.kind == "speech" else None
        latency_ms = await self._play(reply, speech_end_wall=speech_end, stages=stages)
        record = TurnRecord(prompt_id, raw, corrected, source, latency_ms, stages)
        self.records.append(record)
        await self._persist(record, reply)

    async def _transcribe(self, pcm16: bytes) -> tuple[str, str]:
        """Text of one turn within the STT deadline; on failure, empty text (the dialogue re-asks)."""
        # The question the caller just heard is the best prior for the answer ("how bad, 1 to 10?" -> "seven").
        job = asyncio.ensure_future(self.services.transcribe(pcm16, bias_hints(self._question or None)))
        try:
            done, _ = await asyncio.wait({job}, timeout=HOLD_AFTER_S)
            if not done:
                await self._hold()
            transcript = await job
        except (SttError, TimeoutError) as exc:
            logger.warning("call %s: transcription failed (%s); re-asking", self.call_sid, getattr(exc, "code", "timeout"))
            return "", "failed"
        return transcript.text.strip(), transcript.backend

    async def _persist(self, record: TurnRecord, reply: Reply) -> None:
        """Write the turn and the triage so far; a database hiccup must not stop the call."""
        if self.case_id is None or self.dialogue is None:
            return
        self._seq += 1
        store = self.services.store
        try:
            await store.record_turn(
                self.case_id,
                seq=self._seq,
                prompt_id=record.prompt_id,
                raw_text=record.raw_text,
                corrected_text=record.corrected_text,
                source=record.source,
                latency_ms=record.latency_ms,
            )
            await store.save_triage(
                self.case_id, self.dialogue.result.to_dict(), dialogue_state=self.dialogue.to_state(), complete=False
            )
        except Exception:
            logger.exception("call %s: could not store turn %d of case %s", self.call_sid, self._seq, self.case_id)

    # --- outbound audio -------------------------------------------------

    async def _hold(self) -> None:
        """Fill a slow turn with a short spoken hold; its mark is not a prompt, so nobody answers it."""
        for frame in frames(await self.services.prompt_audio(HOLD_PROMPT)):
            await self._send(media_message(self.stream_sid, frame))
        mark = _PendingMark(f"hold:{self._seq}", None, interruptible=True)
        self._pending.append(mark)
        await self._send(mark_message(self.stream_sid, mark.name))

    async def _play(
        self, reply: Reply, *, speech_end_wall: float | None, stages: dict[str, float] | None = None
    ) -> int | None:
        """Send the reply's audio and marks; returns ms from end of caller speech to the first frame sent."""
        self._open_kind = reply.expects
        spoken = [segment.text for segment in reply.segments if isinstance(segment, Speech)]
        if spoken and reply.awaiting:
            self._question = spoken[-1]
        t0 = time.perf_counter()
        rendered: list[tuple[Speech | Pause, bytes]] = []
        for segment in reply.segments:
            if isinstance(segment, Speech):
                rendered.append((segment, await self.services.prompt_audio(segment.text)))
            else:
                rendered.append((segment, silence_ulaw(int(segment.seconds * 1000))))
        if stages is not None:
            stages["tts"] = (time.perf_counter() - t0) * 1000
        latency_ms = None
        for index, (segment, audio) in enumerate(rendered):
            for frame in frames(audio):
                await self._send(media_message(self.stream_sid, frame))
                if latency_ms is None and speech_end_wall is not None:
                    latency_ms = round((time.perf_counter() - speech_end_wall) * 1000)
            if isinstance(segment, Speech):
                mark = _PendingMark(f"prompt:{segment.prompt_id}", segment.prompt_id, segment.interruptible)
            else:
                mark = _PendingMark(f"pause:{self._seq}:{index}", None, interruptible=False)
            self._pending.append(mark)
            await self._send(mark_message(self.stream_sid, mark.name))
        if latency_ms is not None:
            self.services.observe_latency(latency_ms, stages or {})
        return latency_ms
