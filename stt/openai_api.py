"""OpenAI's transcription API (whisper-1 or a newer model), used when a key is configured."""

from __future__ import annotations

import logging

import openai

from .audio import duration_s, wav_bytes
from .base import Hints, SttError, Transcript, remote_failure

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 3.0


class OpenAITranscriber:
    """One request per turn; no SDK retries, because the fallback backend is the retry."""

    name = "openai"

    def __init__(
        self,
        api_key: str,
        base_url: str | None = None,
        model: str = "whisper-1",
        timeout_s: float = DEFAULT_TIMEOUT_S,
    ) -> None:
        self.model = model
        self._client = openai.OpenAI(api_key=api_key, base_url=base_url or None, timeout=timeout_s, max_retries=0)

    def transcribe(self, pcm16: bytes, sample_rate: int, hints: Hints | None = None) -> Transcript:
        """Send the turn as an in-memory WAV file; every failure becomes an SttError with a stable code."""
        prompt = _prompt(hints)
        try:
            result = self._client.audio.transcriptions.create(
                model=self.model,
                file=("turn.wav", wav_bytes(pcm16, sample_rate), "audio/wav"),
                language=api_language(hints),
                response_format="json",
                **({"prompt": prompt} if prompt else {}),
            )
        except (openai.OpenAIError, ValueError) as err:  # ValueError: a body that is not JSON
            kind = remote_failure(err, openai)
            raise SttError(f"OpenAI transcription failed ({kind}): {err}", code=f"stt-{kind}") from err
        text = getattr(result, "text", None)
        if not isinstance(text, str):
            raise SttError("OpenAI transcription response has no text", code="stt-remote-malformed")
        return Transcript(text=text.strip(), backend=self.name, audio_seconds=duration_s(pcm16, sample_rate))


# Whisper's ISO 639-1 codes; Nigerian Pidgin has none of its own and is English-lexified, so it is sent as English.
_API_LANGUAGE = {"en": "en", "hi": "hi", "tl": "tl", "pcm": "en"}


def api_language(hints: Hints | None) -> str:
    """The language the API is told the caller speaks (Whisper decodes better when told than when it guesses)."""
    return _API_LANGUAGE.get(hints.language if hints else "en", "en")


def _prompt(hints: Hints | None) -> str:
    """The API has one prompt field: the dialogue's prompt followed by the expected words."""
    if hints is None:
        return ""
    return " ".join(part for part in (hints.initial_prompt, hints.hotwords) if part)
