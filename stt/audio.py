"""Audio conversions the backends share: PCM16 bytes to model input and to WAV files."""

from __future__ import annotations

import io
import wave

import numpy as np

WHISPER_SAMPLE_RATE = 16000


def pcm16_to_float(pcm16: bytes) -> np.ndarray:
    """Signed 16-bit little-endian PCM as float32 in [-1, 1), the form models take."""
    usable = len(pcm16) - len(pcm16) % 2  # a torn last frame must not crash a call
    return np.frombuffer(pcm16[:usable], dtype="<i2").astype(np.float32) / 32768.0


def resample(samples: np.ndarray, rate_in: int, rate_out: int) -> np.ndarray:
    """Band-limited resampling by FFT; upsampling phone audio adds no images above 4 kHz."""
    if rate_in == rate_out or samples.size == 0:
        return samples.astype(np.float32, copy=False)
    n_out = int(round(samples.size * rate_out / rate_in))
    spectrum = np.fft.rfft(samples)
    resized = np.zeros(n_out // 2 + 1, dtype=spectrum.dtype)
    keep = min(resized.size, spectrum.size)
    resized[:keep] = spectrum[:keep]
    return (np.fft.irfft(resized, n_out) * (n_out / samples.size)).astype(np.float32)


def duration_s(pcm16: bytes, sample_rate: int) -> float:
    """Seconds of audio in a PCM16 mono buffer."""
    return len(pcm16) // 2 / sample_rate


def wav_bytes(pcm16: bytes, sample_rate: int) -> bytes:
    """A mono PCM16 WAV file in memory, the container remote APIs accept."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(sample_rate)
        wav.writeframes(pcm16[: len(pcm16) - len(pcm16) % 2])
    return buffer.getvalue()
