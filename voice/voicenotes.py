"""A WhatsApp voice note or MMS audio (Opus, AMR, MP3, ...) decoded to the 8 kHz PCM the calls' STT takes.

PyAV (faster-whisper's own decoder) reads every container Twilio delivers, and resamples; no ffmpeg binary.
"""

from __future__ import annotations

import io

import numpy as np

SAMPLE_RATE = 8000  # what a call's audio is: the same STT, hints and correction apply
MAX_NOTE_S = 120  # longer notes are cut: the dialogue wants an answer, not a story (and the webhook has 15 s)


class VoiceNoteError(Exception):
    """Audio we could not decode; `code` is stable: voice-note-unreadable, voice-note-empty."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def decode_voice_note(data: bytes) -> bytes:
    """16-bit little-endian mono PCM at 8 kHz, at most MAX_NOTE_S long; raises VoiceNoteError."""
    from faster_whisper.audio import decode_audio

    try:
        samples = decode_audio(io.BytesIO(data), sampling_rate=SAMPLE_RATE)
    except Exception as exc:  # noqa: BLE001 - PyAV raises many kinds for a file that is not audio
        raise VoiceNoteError("voice-note-unreadable") from exc
    samples = samples[: SAMPLE_RATE * MAX_NOTE_S]
    if len(samples) < SAMPLE_RATE // 4:
        raise VoiceNoteError("voice-note-empty")
    return (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()
