"""Transcribing a turn while it is spoken, so that at the end of the turn little or nothing is left to do.

Whisper has no true streaming, and a decode of the whole buffer costs about the same
at any length, so decoding every second would multiply the CPU a call needs. Instead
one decode starts when the caller pauses: if they said nothing more by the time the
endpointer closes the turn (it waits 700 ms of silence), that decode is the answer.
If they spoke again, the turn is decoded afresh at the end, as without this class.
"""

from __future__ import annotations

import logging
import math
from concurrent.futures import Executor, Future

import numpy as np

from .base import Hints, SttError, Transcriber, Transcript

logger = logging.getLogger(__name__)

PAUSE_S = 0.3  # quiet after speech that starts a speculative decode; shorter than the endpointer's 700 ms
WINDOW_S = 0.02  # loudness is judged per 20 ms, one telephone frame
# A window is speech when it is within this much of the turn's loudest window and above the floor.
SPEECH_BELOW_PEAK_DB = 30.0
SPEECH_FLOOR_RMS = 0.003  # about -50 dBFS, matching the endpointer's "never speech below"


class IncrementalTranscriber:
    """One caller turn: `feed` audio as it arrives (event loop), `finish` at the end of the turn (worker thread)."""

    def __init__(
        self,
        transcriber: Transcriber,
        executor: Executor,
        hints: Hints | None = None,
        sample_rate: int = 8000,
        pause_s: float = PAUSE_S,
    ) -> None:
        self.transcriber = transcriber
        self.hints = hints
        self.sample_rate = sample_rate
        self.decodes = 0  # speculative decodes started, for measuring the CPU this costs
        self.reused = False  # whether finish() could answer from a speculative decode
        self._executor = executor
        self._window = 2 * max(1, int(sample_rate * WINDOW_S))
        self._pause = 2 * int(sample_rate * pause_s)
        self._buffer = bytearray()
        self._measured = 0  # bytes of the buffer already judged loud or quiet
        self._peak_rms = 0.0
        self._speech_end = 0  # byte offset just after the last speech window
        self._partial: tuple[bytes, Future[Transcript]] | None = None

    def feed(self, pcm16: bytes) -> None:
        """Append PCM16 audio; cheap and non-blocking. After a pause in speech, decode the buffer on the executor."""
        self._buffer += pcm16
        while self._measured + self._window <= len(self._buffer):
            rms = _rms(self._buffer[self._measured : self._measured + self._window])
            self._peak_rms = max(self._peak_rms, rms)
            self._measured += self._window
            if self._is_speech(rms):
                self._speech_end = self._measured
        if self._should_decode():
            audio = bytes(self._buffer)
            job = self._executor.submit(self.transcriber.transcribe, audio, self.sample_rate, self.hints)
            self._partial = (audio, job)
            self.decodes += 1

    def finish(self, audio: bytes | None = None) -> Transcript:
        """Blocking: the transcript of `audio` (default: all fed); the speculative decode if nothing was said since."""
        audio = bytes(self._buffer) if audio is None else audio
        reusable = self._reusable(audio)
        if reusable is not None:
            try:
                transcript = reusable.result()
                self.reused = True
                return transcript
            except SttError as err:
                logger.warning("speculative decode failed (%s); decoding the turn again", err.code)
        return self.transcriber.transcribe(audio, self.sample_rate, self.hints)

    def _should_decode(self) -> bool:
        """Speech has been followed by a pause, and no decode has covered that speech or is still running."""
        if self._speech_end == 0 or self._measured - self._speech_end < self._pause:
            return False
        if self._partial is None:
            return True
        covered, future = self._partial
        return future.done() and len(covered) < self._speech_end

    def _reusable(self, audio: bytes) -> Future[Transcript] | None:
        """The speculative decode, if it heard the same audio and whatever came after it is quiet."""
        if self._partial is None:
            return None
        covered, future = self._partial
        common = min(len(covered), len(audio))
        if covered[:common] != audio[:common] or self._has_speech(audio[common:]):
            return None
        if not future.done() and future.cancel():
            return None  # still queued behind other turns: decoding here is sooner than waiting for a worker
        return future

    def _has_speech(self, pcm16: bytes) -> bool:
        """Whether any window of this audio is speech by the turn's own loudness."""
        return any(self._is_speech(_rms(pcm16[i : i + self._window])) for i in range(0, len(pcm16), self._window))

    def _is_speech(self, rms: float) -> bool:
        """Loud enough for this turn: near its peak and above the line floor."""
        threshold = max(SPEECH_FLOOR_RMS, self._peak_rms * math.pow(10.0, -SPEECH_BELOW_PEAK_DB / 20.0))
        return rms >= threshold


def _rms(pcm16: bytes) -> float:
    """Root mean square of PCM16 audio in [0, 1]."""
    usable = len(pcm16) - len(pcm16) % 2
    if usable == 0:
        return 0.0
    samples = np.frombuffer(pcm16[:usable], dtype="<i2").astype(np.float32) / 32768.0
    return float(np.sqrt(np.mean(samples * samples)))
