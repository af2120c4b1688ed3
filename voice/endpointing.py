"""Caller turns from phone audio: a frame VAD plus a hangover state machine, timed by audio, never the clock."""

from __future__ import annotations

import asyncio
import logging
import math
import os
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from voice.codec import SAMPLE_RATE, pcm16_rms

logger = logging.getLogger(__name__)

# Energy VAD: the noise floor falls at once to quieter frames and climbs slowly, so speech
# cannot drag it up; a frame's speech probability ramps from 0 to 1 as it rises from
# _SNR_LOW_DB to _SNR_HIGH_DB above that floor (0.5 at 9 dB, 0.35 at 7.2 dB).
_FLOOR_FALL = 0.3  # share of the gap closed per frame when the frame is quieter than the floor
_FLOOR_RISE_DB_PER_S = 6.0  # a new, louder line noise is learned within a few seconds
_SNR_LOW_DB = 3.0
_SNR_HIGH_DB = 15.0
_QUIETEST_DBFS = -70.0  # digital silence (mu-law 0xFF decodes to 0) is clamped here
_ABSOLUTE_MIN_DBFS = -50.0  # quieter than this is never speech, however quiet the line
_PCM16_FULL_SCALE = 32768.0

# Silero VAD runs on 32 ms windows with 1/8 of a window of context carried from the window before.
# The model in the pinned silero-vad package (requirements-models.txt) runs on 8 kHz phone audio as
# it is: 256-sample windows, measured 94 us each here. The one faster-whisper ships knows only 16 kHz
# (512-sample windows of upsampled audio, 170-240 us): it is the fallback when silero-vad is absent.
_SILERO_GATE_BELOW = 0.2  # the gate only skips the model once it has heard the speech end
_SILERO_STATE_WIDTH = 128
# How long a window waits for other calls' windows to share its model run. Under 20 ms, so a real-time
# call is never held back; at 100 calls a run then carries about 6 windows, not 1.5, and the model's
# share of the event loop fell from 22 % to 6 % (py-spy, `triage bench load --calls 100`).
BATCH_WAIT_S = 0.01

_TAIL_KEEP_MS = 200  # trailing silence kept in a turn's audio: Whisper needs some, not 700 ms
# The shortest pause that may end a turn whose words already answer the question. People take turns in
# about 200 ms (the cross-language median gap between turns in conversation), but a comma inside one
# answer ("yes, he is breathing") is a pause of up to 180 ms as Silero hears flite's voices: 250 keeps a
# margin, and costs nothing while the transcription that must agree takes longer (100 ms + 300 ms remote).
COMPLETE_SILENCE_MS = 250
# After a turn closed that way, speech starting within this much audio goes on with it: one turn, not two.
CONTINUATION_WINDOW_MS = 1200


class FrameVad(Protocol):
    """Speech probability of one PCM16 8 kHz frame, given the frames before it."""

    def speech_probability(self, pcm16: bytes) -> float:
        """Return 0..1 for this frame."""
        ...

    async def speech_probability_shared(self, pcm16: bytes) -> float:
        """The same, where a model run may be shared with other calls' frames (the server's way)."""
        ...


@dataclass(frozen=True)
class SpeechStarted:
    """Speech confirmed (at least min_speech_ms of it); `at_ms` is the audio time of the deciding frame's end."""

    at_ms: int
    continues: bool = False  # the caller goes on with a turn just ended as complete (see TurnEnded)


@dataclass(frozen=True)
class SpeechPaused:
    """The caller has been silent for early_ms inside a turn: `audio` is what the turn will hold if it ends here.

    It is the same audio, byte for byte, as the TurnEnded that follows when no speech resumes, so a
    transcription started now can answer the turn end_silence_ms - early_ms sooner, and tell whether
    it may end sooner still (`Endpointer.end_complete`).
    """

    at_ms: int
    audio: bytes
    continues: bool = False  # the audio begins with a turn already ended as complete (see TurnEnded)


@dataclass(frozen=True)
class TurnEnded:
    """A caller turn as PCM16 8 kHz with pre-roll and a short tail.

    `at_ms` is the audio time the end was decided; `speech_end_ms` when the speech itself stopped.

    `reason` is "silence" (end_silence_ms of it), "complete" (a short pause after words that answer the
    question: `Endpointer.end_complete`) or "max_turn" (cut; the caller may still be talking).

    `continues`: the caller went on within CONTINUATION_WINDOW_MS of a turn ended as complete; this
    turn's audio holds that turn's, the pause, and what followed: it replaces that turn.
    """

    at_ms: int
    audio: bytes
    speech_ms: int
    speech_end_ms: int = 0
    reason: str = "silence"
    continues: bool = False


class EnergyVad:
    """Energy above an adaptive noise floor: cheap enough for hundreds of calls per core."""

    def __init__(self) -> None:
        self.floor_db: float | None = None

    def speech_probability(self, pcm16: bytes) -> float:
        """Map the frame's level above the tracked floor to 0..1, updating the floor."""
        n = len(pcm16) // 2
        if n == 0:
            return 0.0
        power = pcm16_rms(pcm16) ** 2
        level_db = max(_QUIETEST_DBFS, 10.0 * math.log10(power / _PCM16_FULL_SCALE**2 + 1e-12))
        frame_s = n / SAMPLE_RATE
        if self.floor_db is None:
            self.floor_db = level_db
        elif level_db < self.floor_db:
            self.floor_db += _FLOOR_FALL * (level_db - self.floor_db)
        else:
            self.floor_db = min(level_db, self.floor_db + _FLOOR_RISE_DB_PER_S * frame_s)
        if level_db < _ABSOLUTE_MIN_DBFS:
            return 0.0
        snr_db = level_db - self.floor_db
        return min(1.0, max(0.0, (snr_db - _SNR_LOW_DB) / (_SNR_HIGH_DB - _SNR_LOW_DB)))

    async def speech_probability_shared(self, pcm16: bytes) -> float:
        """Nothing to share: the energy is one C call."""
        return self.speech_probability(pcm16)


@dataclass(frozen=True)
class SileroModel:
    """A loaded Silero VAD model and the audio it expects (one per process, shared by every call)."""

    session: Any
    sample_rate: int  # 8000: phone audio as it is; 16000: upsampled first
    window: int  # samples per inference at sample_rate

    @property
    def context(self) -> int:
        """Samples carried over from the previous window."""
        return self.window // 8

    def run(self, windows: np.ndarray, state: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Speech probabilities of a batch of windows (one row each, with context), and the model's next states.

        Rows are independent streams: `state` is (2, rows, 128), one column of state per stream.
        """
        if self.sample_rate == 8000:
            out, state = self.session.run(None, {"input": windows, "state": state, "sr": _SR_8K})
        else:  # faster-whisper's export: its state is split in two
            out, h, c = self.session.run(None, {"input": windows, "h": state[:1], "c": state[1:]})
            state = np.concatenate((h, c))
        return np.ravel(out), state


class SileroBatch:
    """One model run for the windows every call has ready within BATCH_WAIT_S, on a thread of its own.

    A run costs about the same for one window as for several: alone 81 us a window, in eights 36 us, in
    hundreds 28 (Xeon VM). Inside the busy server a lone run costs far more, its weights gone from the
    cache, so sharing saves more there. Each stream's state is a column of the batched state. The run
    itself happens off the event loop (ONNX Runtime lets go of the GIL): at 100 calls it was 6 % of the
    loop thread's time, spent with every call's audio waiting behind it.
    """

    def __init__(self, model: SileroModel) -> None:
        self.model = model
        self._waiting: list[tuple[np.ndarray, np.ndarray, asyncio.Future]] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        # One thread: runs stay in order, and a stream never has two windows in flight (each waits for its state).
        self._runner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="silero")
        self.runs = 0  # model runs and the windows they carried, for `triage bench load`
        self.windows = 0

    async def run(self, window: np.ndarray, state: np.ndarray) -> tuple[float, np.ndarray]:
        """The probability of one stream's window and its next state, from the next shared run."""
        loop = asyncio.get_running_loop()
        if not self._waiting or self._loop is not loop:
            self._waiting, self._loop = [], loop
            loop.call_later(BATCH_WAIT_S, self._run_waiting)
        future = loop.create_future()
        self._waiting.append((window, state, future))
        return await future

    def _run_waiting(self) -> None:
        waiting, self._waiting = self._waiting, []
        if not waiting:
            return
        self.runs += 1
        self.windows += len(waiting)
        windows = np.concatenate([w for w, _, _ in waiting])
        states = np.concatenate([s for _, s, _ in waiting], axis=1)
        loop = asyncio.get_running_loop()
        try:
            running = loop.run_in_executor(self._runner, self.model.run, windows, states)
        except RuntimeError as closed:  # the runner was shut down: the windows fail, none waits forever
            running = loop.create_future()
            running.set_exception(closed)
        running.add_done_callback(lambda done: _deliver(waiting, done))

    def close(self) -> None:
        """Stop the runner thread; a window still waiting gets CancelledError, as at any shutdown."""
        self._runner.shutdown(wait=False, cancel_futures=True)


def _deliver(waiting: list[tuple[np.ndarray, np.ndarray, asyncio.Future]], run: asyncio.Future) -> None:
    """Each waiting stream gets its row of a shared run, or the run's failure as its own."""
    error = asyncio.CancelledError() if run.cancelled() else run.exception()
    if error is not None:
        for _, _, future in waiting:
            if not future.done():
                future.set_exception(error)
        return
    probabilities, states = run.result()
    for i, (_, _, future) in enumerate(waiting):
        if not future.done():  # a call that hung up meanwhile
            future.set_result((float(probabilities[i]), states[:, i : i + 1]))


_SR_8K = np.array(8000, dtype=np.int64)


def _session(path: str) -> Any:
    import onnxruntime

    opts = onnxruntime.SessionOptions()
    opts.inter_op_num_threads = 1
    opts.intra_op_num_threads = 1
    opts.log_severity_level = 4
    return onnxruntime.InferenceSession(path, providers=["CPUExecutionProvider"], sess_options=opts)


def _silero_package_model() -> str | None:
    """The 8 kHz-capable model file of the silero-vad package, found without importing it (that imports torch)."""
    import importlib.util

    spec = importlib.util.find_spec("silero_vad")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = f"{next(iter(spec.submodule_search_locations))}/data/silero_vad.onnx"
    return path if os.path.exists(path) else None


def load_silero() -> SileroModel:
    """Open Silero VAD once at startup (8 kHz from silero-vad, else faster-whisper's 16 kHz); runs are thread-safe."""
    if (path := _silero_package_model()) is not None:
        return SileroModel(_session(path), sample_rate=8000, window=256)
    from faster_whisper.utils import get_assets_path

    logger.warning("silero-vad package not installed; using faster-whisper's 16 kHz Silero (about twice the CPU)")
    return SileroModel(_session(f"{get_assets_path()}/silero_vad_v6.onnx"), sample_rate=16000, window=512)


class SileroVad:
    """Silero VAD streamed frame by frame: robust to noise, run only on frames the energy gate cannot rule out."""

    def __init__(self, model: SileroModel, *, gated: bool = True, batch: SileroBatch | None = None) -> None:
        self.model = model
        self.batch = batch
        # Frames at the noise floor are not speech; skipping the model on them saves most
        # of its cost, since a caller is silent for most of a call.
        self._gate = EnergyVad() if gated else None
        self._reset()

    def _reset(self) -> None:
        self._state = np.zeros((2, 1, _SILERO_STATE_WIDTH), dtype=np.float32)
        self._pending = b""  # 8 kHz PCM16 not yet in a window: kept as bytes, converted once a window
        self._context = np.zeros(self.model.context, dtype=np.float32)
        self._last_x = 0.0
        self._probability = 0.0
        self._fresh = True  # nothing heard since the reset: a gated frame has nothing to clear

    def speech_probability(self, pcm16: bytes) -> float:
        """Run every completed 32 ms window, and report the latest window's probability."""
        for window in self._windows(pcm16):
            probabilities, self._state = self.model.run(window, self._state)
            self._probability = float(probabilities[0])
        return self._probability

    async def speech_probability_shared(self, pcm16: bytes) -> float:
        """The same, each window run in one batch with the other calls' (when built with a SileroBatch)."""
        if self.batch is None:
            return self.speech_probability(pcm16)
        for window in self._windows(pcm16):
            self._probability, self._state = await self.batch.run(window, self._state)
        return self._probability

    def _windows(self, pcm16: bytes) -> list[np.ndarray]:
        """The model inputs this frame completes (usually none or one), each with its context; [] when gated."""
        if len(pcm16) < 2:
            return []
        # The gate comes first and costs one C call: most frames of a call stop here.
        at_floor = self._gate is not None and self._gate.speech_probability(pcm16) == 0.0
        if at_floor and self._probability < _SILERO_GATE_BELOW:
            if not self._fresh:
                self._reset()
            return []
        self._fresh = False
        # Numpy only once a window is complete (every 1.6 frames), not on every frame: at 100 calls
        # this path runs thousands of times a second on the event loop.
        self._pending += pcm16
        size = 2 * self.model.window * SAMPLE_RATE // self.model.sample_rate  # bytes of 8 kHz PCM16 a window
        windows = []
        while len(self._pending) >= size:
            raw, self._pending = self._pending[:size], self._pending[size:]
            chunk = self._resampled(np.frombuffer(raw, dtype="<i2").astype(np.float32) / _PCM16_FULL_SCALE)
            windows.append(np.concatenate((self._context, chunk))[None, :])
            self._context = chunk[-self.model.context:]
        return windows

    def _resampled(self, x: np.ndarray) -> np.ndarray:
        """8 kHz as it is; for a 16 kHz model, linear 2x upsampling continuous across frames."""
        if self.model.sample_rate == SAMPLE_RATE:
            return x
        before = np.concatenate(([self._last_x], x[:-1]))
        up = np.empty(2 * len(x), dtype=np.float32)
        up[0::2] = (before + x) / 2
        up[1::2] = x
        self._last_x = float(x[-1])
        return up


@dataclass(frozen=True)
class VadFactory:
    """Makes per-call VADs over what the process loaded once; `batch` holds Silero's shared runs (None: energy)."""

    make: Callable[[], FrameVad]
    batch: SileroBatch | None = None

    def __call__(self) -> FrameVad:
        return self.make()

    def close(self) -> None:
        """Stop the shared runs' thread (a server process has one; the test suite builds many)."""
        if self.batch is not None:
            self.batch.close()


def vad_factory(kind: str = "auto") -> VadFactory:
    """Load what a VAD kind needs once at startup; return a maker of per-call VADs ("auto": Silero, else energy)."""
    if kind == "energy":
        return VadFactory(EnergyVad)
    if kind not in ("auto", "silero"):
        raise ValueError(f"unknown VAD {kind!r}; expected auto, silero or energy")
    try:
        model = load_silero()
    except Exception as e:  # onnxruntime raises its own Exception subclasses (NoSuchFile, Fail, ...)
        if kind == "silero":
            raise
        logger.warning("Silero VAD unavailable (%s); endpointing on energy, which is weaker in noise", e)
        return VadFactory(EnergyVad)
    batch = SileroBatch(model)
    return VadFactory(lambda: SileroVad(model, batch=batch), batch)


class Endpointer:
    """Turns from frames: blips shorter than min_speech_ms are ignored, pauses shorter than end_silence_ms kept."""

    def __init__(
        self,
        *,
        min_speech_ms: int = 200,
        end_silence_ms: int = 700,
        max_turn_ms: int = 15000,
        preroll_ms: int = 200,
        blip_gap_ms: int = 120,
        threshold: float = 0.5,
        neg_threshold: float = 0.35,
        vad: FrameVad | None = None,
        early_ms: int | None = None,
        short_early_ms: int | None = None,
        complete_silence_ms: int = COMPLETE_SILENCE_MS,
        continuation_window_ms: int = CONTINUATION_WINDOW_MS,
    ) -> None:
        self.min_speech_ms = min_speech_ms
        self.end_silence_ms = end_silence_ms
        self.max_turn_ms = max_turn_ms
        self.preroll_ms = preroll_ms
        self.blip_gap_ms = blip_gap_ms  # a gap this long before speech is confirmed means it was a blip
        self.threshold = threshold
        self.neg_threshold = neg_threshold  # hysteresis: once voiced, a frame stays voiced down to here
        self.vad = vad if vad is not None else EnergyVad()
        # A pause this long announces a SpeechPaused (None: never); the turn then keeps the audio announced.
        # `short_answer` (set by whoever knows the question) picks short_early_ms: the sooner the words are
        # known, the sooner a whole short answer may end the turn.
        self.early_ms = early_ms
        self.short_early_ms = short_early_ms if short_early_ms is not None else early_ms
        self.short_answer = False
        self.complete_silence_ms = complete_silence_ms
        self.continuation_window_ms = continuation_window_ms
        self.now_ms = 0
        self._frame_ms = 20
        self._carry: list[bytes] | None = None  # a turn ended as complete and the audio since, while it may go on
        self._carry_until_ms = 0
        self.reset()

    def reset(self) -> None:
        """Drop any partial turn (e.g. after a prompt is cut); the audio clock and the learned line noise stay."""
        self._preroll: deque[tuple[bytes, int]] = deque()
        self._turn: list[bytes] = []
        self._state = "silent"  # "silent" -> "pending" -> "speech"
        self._voiced = False
        self._start_ms = 0
        self._speech_ms = 0
        self._gap_ms = 0
        self._tail: list[bytes] = []  # frames since the last voiced one
        self._paused: SpeechPaused | None = None  # announced for the pause going on now
        self._complete = False  # the words before this pause answer the question: end after a short pause
        self._continues = False  # this turn goes on from a turn ended as complete

    def process(self, pcm16_frame: bytes, frame_ms: int = 20) -> list[SpeechStarted | SpeechPaused | TurnEnded]:
        """Feed one frame; return what it decided (usually nothing)."""
        return self._decide(pcm16_frame, self.vad.speech_probability(pcm16_frame), frame_ms)

    async def process_shared(self, pcm16_frame: bytes,
                             frame_ms: int = 20) -> list[SpeechStarted | SpeechPaused | TurnEnded]:
        """`process` for the server: the VAD's model run is shared with other calls' frames."""
        return self._decide(pcm16_frame, await self.vad.speech_probability_shared(pcm16_frame), frame_ms)

    def end_complete(self, paused: SpeechPaused) -> TurnEnded | None:
        """The words up to `paused` answer the question: end the turn after a short pause, not a long one.

        Returns the turn when the pause is already complete_silence_ms long; otherwise the turn ends on the
        frame that makes it so, unless the caller speaks first (then nothing happens: they went on).
        """
        if self._state != "speech" or self._paused is not paused:
            return None  # the caller spoke again since, or the turn is over
        self._complete = True
        return self._end(self._frame_ms, "complete") if self._gap_ms >= self.complete_silence_ms else None

    def forget_carry(self) -> None:
        """The caller has heard our reply to a turn ended as complete: what they say now is a new turn."""
        self._carry = None

    def _decide(self, pcm16_frame: bytes, p: float, frame_ms: int) -> list[SpeechStarted | SpeechPaused | TurnEnded]:
        self.now_ms += frame_ms
        self._frame_ms = frame_ms
        self._voiced = p >= (self.neg_threshold if self._voiced else self.threshold)
        if self._carry is not None and self._state == "silent" and self.now_ms > self._carry_until_ms:
            self._carry = None
        if self._state == "silent":
            return self._silent(pcm16_frame, frame_ms)
        if self._state == "pending":
            return self._pending(pcm16_frame, frame_ms)
        return self._speech(pcm16_frame, frame_ms)

    def _silent(self, frame: bytes, frame_ms: int) -> list[SpeechStarted | TurnEnded]:
        """Keep a short pre-roll so the first consonant is not lost; a voiced frame opens a candidate."""
        if not self._voiced:
            self._preroll.append((frame, frame_ms))
            while len(self._preroll) * frame_ms > self.preroll_ms:  # frames of one call are all frame_ms long
                self._preroll.popleft()
            if self._carry is not None:
                self._carry.append(frame)
            return []
        self._state = "pending"
        self._continues = self._carry is not None
        self._turn = (self._carry if self._carry is not None else [f for f, _ in self._preroll]) + [frame]
        self._carry = None
        self._start_ms = self.now_ms - frame_ms
        self._speech_ms = frame_ms
        self._gap_ms = 0
        self._tail = []
        return self._confirm_if_long_enough()

    def _pending(self, frame: bytes, frame_ms: int) -> list[SpeechStarted | TurnEnded]:
        """Count voiced audio until it is speech, or drop it as a blip after a gap."""
        self._turn.append(frame)
        if self._voiced:
            self._speech_ms += frame_ms
            self._gap_ms = 0
            self._tail = []
            return self._confirm_if_long_enough()
        self._gap_ms += frame_ms
        self._tail.append(frame)
        if self._gap_ms >= self.blip_gap_ms:
            self._state = "silent"
            self._preroll = deque((f, frame_ms) for f in self._tail)
            if self._continues:  # a blip inside the window: the ended turn may still go on
                self._carry, self._continues = self._turn, False
            self._turn = []
        return []

    def _confirm_if_long_enough(self) -> list[SpeechStarted | TurnEnded]:
        """Confirm speech once min_speech_ms of it is heard: the caller is talking (barge-in)."""
        if self._speech_ms < self.min_speech_ms:
            return []
        self._state = "speech"
        return [SpeechStarted(at_ms=self.now_ms, continues=self._continues)]

    def _speech(self, frame: bytes, frame_ms: int) -> list[SpeechStarted | SpeechPaused | TurnEnded]:
        """Inside a turn: end it after end_silence_ms of silence, or at max_turn_ms whatever is happening."""
        self._turn.append(frame)
        if self._voiced:
            self._speech_ms += frame_ms
            self._gap_ms = 0
            self._tail = []
            self._paused, self._complete = None, False
        else:
            self._gap_ms += frame_ms
            self._tail.append(frame)
        if self._gap_ms >= self.end_silence_ms:
            return [self._end(frame_ms, "silence")]
        if self._complete and self._gap_ms >= self.complete_silence_ms:
            return [self._end(frame_ms, "complete")]
        if self.now_ms - self._start_ms >= self.max_turn_ms:
            return [self._end(frame_ms, "max_turn")]
        early_ms = self.short_early_ms if self.short_answer else self.early_ms
        if early_ms is not None and self._gap_ms - frame_ms < early_ms <= self._gap_ms:
            self._paused = SpeechPaused(at_ms=self.now_ms, audio=self._audio(frame_ms), continues=self._continues)
            return [self._paused]
        return []

    def _audio(self, frame_ms: int) -> bytes:
        """The turn so far, with at most _TAIL_KEEP_MS of its trailing silence; after a pause, what it announced."""
        if self._paused is not None:
            return self._paused.audio
        drop = max(0, len(self._tail) - _TAIL_KEEP_MS // frame_ms)
        return b"".join(self._turn[: len(self._turn) - drop])

    def _end(self, frame_ms: int, reason: str) -> TurnEnded:
        """Close the turn, keeping a little trailing silence, and start listening again."""
        event = TurnEnded(
            at_ms=self.now_ms,
            audio=self._audio(frame_ms),
            speech_ms=self._speech_ms,
            speech_end_ms=self.now_ms - self._gap_ms,
            reason=reason,
            continues=self._continues,
        )
        turn, tail, voiced = self._turn, self._tail, self._voiced
        self.reset()
        self._preroll = deque((f, frame_ms) for f in tail[-max(1, self.preroll_ms // frame_ms) :])
        self._voiced = voiced  # a turn cut at max_turn_ms goes on voiced: keep the hysteresis
        if reason == "complete":  # the caller may go on: their next words would join this turn
            self._carry, self._carry_until_ms = turn, self.now_ms + self.continuation_window_ms
        return event
