"""Real speech for voice tests: flite or espeak-ng voices put on an 8 kHz mu-law line, plus seeded line noise."""

from __future__ import annotations

import functools
import subprocess

import numpy as np

from voice.codec import SAMPLE_RATE, pcm16_to_ulaw, silence_ulaw, ulaw_to_pcm16, wav_to_ulaw8k

FLITE_VOICES = ("slt", "rms", "awb", "kal16")


@functools.lru_cache(maxsize=64)
def speak(text: str, voice: str = "slt") -> bytes:
    """Synthesize `text` with a flite voice (slt, rms, awb, kal16) or "espeak": mu-law 8 kHz, edge silence trimmed."""
    if voice == "espeak":
        argv = ["espeak-ng", "-v", "en-us", "--stdout", text]
    elif voice in FLITE_VOICES:
        argv = ["flite", "-voice", voice, "-o", "/dev/stdout", "-t", text]
    else:
        raise ValueError(f"unknown test voice {voice!r}")
    wav = subprocess.run(argv, capture_output=True, check=True, timeout=30).stdout
    return _trim(wav_to_ulaw8k(wav))


def _trim(ulaw: bytes, keep_ms: int = 20) -> bytes:
    """Cut the engines' own lead-in and tail silence, so tests place every pause themselves."""
    pcm = np.frombuffer(ulaw_to_pcm16(ulaw), dtype="<i2").astype(np.float64)
    n = len(pcm) // 80
    rms = np.sqrt(np.mean(pcm[: n * 80].reshape(n, 80) ** 2, axis=1))
    loud = np.flatnonzero(rms > 0.01 * rms.max())
    start = max(0, loud[0] * 80 - 8 * keep_ms)
    return ulaw[start : (loud[-1] + 1) * 80 + 8 * keep_ms]


def conversation(utterances: list[bytes], gap_ms: int = 1000) -> bytes:
    """Utterances separated (and surrounded) by silence, as one mu-law stream."""
    gap = silence_ulaw(gap_ms)
    return gap + b"".join(u + gap for u in utterances)


def add_noise(ulaw: bytes, level_dbfs: float, seed: int = 7) -> bytes:
    """Add seeded Gaussian noise at `level_dbfs` RMS (a busy street sits around -35, line hiss near -55)."""
    pcm = np.frombuffer(ulaw_to_pcm16(ulaw), dtype="<i2").astype(np.float64)
    rms = 32768.0 * 10 ** (level_dbfs / 20)
    noisy = pcm + np.random.default_rng(seed).normal(0.0, rms, len(pcm))
    return pcm16_to_ulaw(np.clip(noisy, -32768, 32767).astype("<i2").tobytes())


def level_dbfs(ulaw: bytes) -> float:
    """RMS level of mu-law audio in dBFS, for choosing noise relative to speech."""
    pcm = np.frombuffer(ulaw_to_pcm16(ulaw), dtype="<i2").astype(np.float64)
    return 20 * np.log10(np.sqrt(np.mean(pcm**2)) / 32768.0 + 1e-12)


def duration_ms(ulaw: bytes) -> int:
    """Length of mu-law 8 kHz audio in milliseconds."""
    return len(ulaw) * 1000 // SAMPLE_RATE
