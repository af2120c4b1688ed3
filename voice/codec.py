"""Telephone audio conversions: Twilio Media Streams carry 8 kHz mono mu-law in 20 ms frames."""

from __future__ import annotations

import struct
import warnings

import numpy as np

from stt.audio import resample

with warnings.catch_warnings():
    # audioop is deprecated on 3.11-3.12 and comes from audioop-lts on 3.13+; its C
    # G.711 tables are exact and much faster than numpy on 160-byte frames.
    warnings.simplefilter("ignore", DeprecationWarning)
    import audioop

SAMPLE_RATE = 8000
FRAME_MS = 20
FRAME_BYTES = SAMPLE_RATE * FRAME_MS // 1000  # one mu-law byte per sample
ULAW_SILENCE = 0xFF  # mu-law code for zero

_WAVE_PCM = 1
_WAVE_FLOAT = 3
_WAVE_EXTENSIBLE = 0xFFFE


class CodecError(ValueError):
    """Audio that cannot be converted; `code` names the reason."""

    code = "bad-audio"

    def __init__(self, message: str = "", *, code: str | None = None) -> None:
        super().__init__(message or code or self.code)
        if code:
            self.code = code


def ulaw_to_pcm16(ulaw: bytes) -> bytes:
    """Decode mu-law bytes to 16-bit little-endian PCM, for VAD and transcription."""
    return audioop.ulaw2lin(ulaw, 2)


def pcm16_rms(pcm: bytes) -> float:
    """Root-mean-square level of 16-bit PCM (C, not numpy: it runs on every frame of every call)."""
    return float(audioop.rms(pcm[: len(pcm) - len(pcm) % 2], 2))


def pcm16_to_ulaw(pcm: bytes) -> bytes:
    """Encode 16-bit PCM to mu-law, the only format Twilio plays back."""
    return audioop.lin2ulaw(pcm, 2)


def frames(ulaw: bytes, frame_bytes: int = FRAME_BYTES) -> list[bytes]:
    """Split mu-law audio into equal frames, padding the last with silence (uneven chunks cause jitter)."""
    remainder = len(ulaw) % frame_bytes
    if remainder:
        ulaw += bytes([ULAW_SILENCE]) * (frame_bytes - remainder)
    return [ulaw[i : i + frame_bytes] for i in range(0, len(ulaw), frame_bytes)]


def silence_ulaw(ms: int) -> bytes:
    """Return `ms` milliseconds of mu-law silence at 8 kHz."""
    return bytes([ULAW_SILENCE]) * (SAMPLE_RATE * ms // 1000)


def resample_pcm16(pcm: bytes, from_rate: int, to_rate: int) -> bytes:
    """Resample mono PCM16 band-limited (stt's FFT resampler), so 22 kHz TTS does not alias into the phone band."""
    if from_rate == to_rate or not pcm:
        return pcm
    if from_rate <= 0 or to_rate <= 0:
        raise CodecError(f"sample rates must be positive, got {from_rate} -> {to_rate}", code="bad-rate")
    if len(pcm) % 2:
        raise CodecError("PCM16 audio has an odd number of bytes", code="odd-length")
    out = resample(np.frombuffer(pcm, dtype="<i2").astype(np.float32), from_rate, to_rate)
    return np.clip(np.round(out), -32768, 32767).astype("<i2").tobytes()


def wav_to_ulaw8k(wav_bytes: bytes) -> bytes:
    """Convert any PCM or float WAV to raw 8 kHz mono mu-law, ready to frame for Twilio."""
    pcm, rate = wav_to_pcm16_mono(wav_bytes)
    return pcm16_to_ulaw(resample_pcm16(pcm, rate, SAMPLE_RATE))


def wav_to_pcm16_mono(wav_bytes: bytes) -> tuple[bytes, int]:
    """Read a WAV (tolerating the unknown-length headers TTS tools write to pipes) as mono PCM16 and its rate."""
    if len(wav_bytes) < 12 or wav_bytes[:4] != b"RIFF" or wav_bytes[8:12] != b"WAVE":
        raise CodecError("audio is not a RIFF/WAVE file", code="not-wav")
    fmt = None
    pos = 12
    while pos + 8 <= len(wav_bytes):
        chunk_id, size = struct.unpack_from("<4sI", wav_bytes, pos)
        body = pos + 8
        if chunk_id == b"fmt ":
            fmt = struct.unpack_from("<HHIIHH", wav_bytes, body)
            if fmt[0] == _WAVE_EXTENSIBLE and size >= 26:
                # The real format tag is the first two bytes of the sub-format GUID.
                fmt = (struct.unpack_from("<H", wav_bytes, body + 24)[0], *fmt[1:])
        elif chunk_id == b"data":
            if fmt is None:
                raise CodecError("WAV data chunk before its fmt chunk", code="bad-wav")
            # Streamed WAVs (espeak-ng --stdout) claim ~2 GB of data: read what is there.
            return _samples_to_pcm16(wav_bytes[body : body + size], fmt), fmt[2]
        pos = body + size + (size & 1)
    raise CodecError("WAV has no data chunk", code="bad-wav")


def _samples_to_pcm16(data: bytes, fmt: tuple[int, ...]) -> bytes:
    """Turn interleaved WAV samples of any common width into mono PCM16."""
    tag, channels, _rate, _byte_rate, _align, bits = fmt
    width = bits // 8
    if channels < 1 or width < 1:
        raise CodecError(f"WAV with {channels} channels of {bits} bits", code="bad-wav")
    data = data[: len(data) - len(data) % (width * channels)]
    if tag == _WAVE_FLOAT and width in (4, 8):
        samples = np.frombuffer(data, dtype=f"<f{width}").astype(np.float64) * 32768.0
    elif tag == _WAVE_PCM and width == 1:
        samples = (np.frombuffer(data, dtype=np.uint8).astype(np.float64) - 128.0) * 256.0
    elif tag == _WAVE_PCM and width in (2, 4):
        samples = np.frombuffer(data, dtype=f"<i{width}").astype(np.float64) / (1 << (8 * width - 16))
    elif tag == _WAVE_PCM and width == 3:
        raw = np.frombuffer(data, dtype=np.uint8).reshape(-1, 3)
        samples = (raw[:, 1].astype(np.int16) | (raw[:, 2].astype(np.int8).astype(np.int16) << 8)).astype(np.float64)
    else:
        raise CodecError(f"WAV format tag {tag} with {bits}-bit samples", code="unsupported-wav")
    mono = samples.reshape(-1, channels).mean(axis=1)
    return np.clip(np.round(mono), -32768, 32767).astype("<i2").tobytes()
