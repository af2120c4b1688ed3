"""The transcription interface every backend implements."""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Protocol


class SttError(Exception):
    """A backend failed; `code` is stable and machine-readable (e.g. "stt-timeout")."""

    code = "stt-failed"

    def __init__(self, message: str = "", *, code: str | None = None) -> None:
        super().__init__(message or code or self.code)
        if code:
            self.code = code


def remote_failure(err: Exception, sdk: ModuleType) -> str:
    """What kind of failure an OpenAI or Anthropic SDK error is, as a stable code suffix.

    Both SDKs name their errors alike, so one mapping serves transcription and correction. A timeout is
    a connection error in both, so it is asked first; anything else (an SDK error on a body of the wrong
    shape, or ValueError from a body that is not JSON) is a malformed reply.
    """
    if isinstance(err, sdk.APITimeoutError):
        return "timeout"
    if isinstance(err, sdk.APIStatusError):
        return "remote-status"
    if isinstance(err, sdk.APIConnectionError):
        return "remote-unreachable"
    return "remote-malformed"


@dataclass(frozen=True)
class Hints:
    """Context that biases recognition toward what the open question expects."""

    initial_prompt: str | None = None
    hotwords: str | None = None
    language: str = "en"  # the dialogue's language code (intake/catalogue.py); an English-only model ignores it


@dataclass(frozen=True)
class Transcript:
    """One turn's text and where it came from."""

    text: str
    backend: str
    audio_seconds: float
    no_speech_prob: float | None = None


class Transcriber(Protocol):
    """Blocking speech-to-text; the caller runs it in a worker thread."""

    name: str

    def transcribe(self, pcm16: bytes, sample_rate: int, hints: Hints | None = None) -> Transcript:
        """Transcribe signed 16-bit little-endian mono PCM."""
        ...
