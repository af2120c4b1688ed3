"""The phone-line codec: mu-law accuracy, even frames, band-limited resampling, any WAV in."""

import io
import struct
import subprocess
import wave

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.support.audio import speak
from voice.codec import (
    FRAME_BYTES,
    CodecError,
    frames,
    pcm16_to_ulaw,
    resample_pcm16,
    silence_ulaw,
    ulaw_to_pcm16,
    wav_to_ulaw8k,
)

ULAW_MAX = 32124  # the largest magnitude mu-law can represent


def _pcm(samples) -> bytes:
    return np.asarray(samples, dtype="<i2").tobytes()


def _samples(pcm: bytes) -> np.ndarray:
    return np.frombuffer(pcm, dtype="<i2").astype(np.int64)


def _sine(freq: float, rate: int, seconds: float = 1.0, amplitude: float = 8000.0) -> np.ndarray:
    t = np.arange(int(rate * seconds)) / rate
    return amplitude * np.sin(2 * np.pi * freq * t)


def _rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.asarray(x, dtype=np.float64) ** 2)))


@given(st.lists(st.integers(-ULAW_MAX, ULAW_MAX), min_size=1, max_size=400))
def test_mulaw_round_trip_error_is_within_half_a_quantization_step(values):
    decoded = _samples(ulaw_to_pcm16(pcm16_to_ulaw(_pcm(values))))
    original = np.asarray(values)
    assert np.all(np.abs(decoded - original) <= np.abs(original) / 32 + 8)


def test_every_mulaw_code_decodes_to_a_value_that_encodes_back_to_itself():
    codes = bytes(range(256))
    once = ulaw_to_pcm16(codes)
    assert ulaw_to_pcm16(pcm16_to_ulaw(once)) == once
    assert len(once) == 512


def test_real_speech_survives_the_line_with_high_snr():
    pcm = ulaw_to_pcm16(speak("Is the person breathing?"))
    again = _samples(ulaw_to_pcm16(pcm16_to_ulaw(pcm)))
    assert np.array_equal(again, _samples(pcm))  # mu-law values are fixed points
    assert _rms(_samples(pcm)) > 500


@given(st.binary(min_size=0, max_size=2000))
def test_frames_are_all_full_size_and_keep_the_audio(ulaw):
    chunks = frames(ulaw)
    assert all(len(c) == FRAME_BYTES for c in chunks)
    joined = b"".join(chunks)
    assert joined[: len(ulaw)] == ulaw
    assert set(joined[len(ulaw) :]) <= {0xFF}
    assert len(joined) - len(ulaw) < FRAME_BYTES


def test_silence_is_twenty_ms_per_frame_and_decodes_to_zero():
    assert len(silence_ulaw(20)) == FRAME_BYTES
    assert len(silence_ulaw(1000)) == 8000
    assert set(_samples(ulaw_to_pcm16(silence_ulaw(100)))) == {0}


@pytest.mark.parametrize("from_rate", [16000, 22050, 24000, 44100])
def test_downsampling_keeps_the_phone_band_and_removes_what_would_alias(from_rate):
    kept = _samples(resample_pcm16(_pcm(_sine(1000, from_rate)), from_rate, 8000))
    assert len(kept) == 8000
    assert _rms(kept[100:-100]) == pytest.approx(8000 / np.sqrt(2), rel=0.02)
    crossings = np.count_nonzero(np.diff(np.signbit(kept[100:-100])))
    assert crossings == pytest.approx(2 * 1000 * (len(kept) - 200) / 8000, abs=2)
    # 6 kHz cannot exist at 8 kHz; without a filter it would fold down to 2 kHz.
    folded = _samples(resample_pcm16(_pcm(_sine(6000, from_rate)), from_rate, 8000))
    assert _rms(folded[100:-100]) < 0.01 * 8000


def test_upsampling_interpolates_a_tone_closely():
    up = _samples(resample_pcm16(_pcm(_sine(440, 8000)), 8000, 16000))
    expected = _sine(440, 16000)
    assert np.max(np.abs(up[200:-200] - expected[200:-200])) < 20


def _wav(samples: np.ndarray, rate: int, channels: int = 1, width: int = 2) -> bytes:
    """A WAV written by the stdlib, as other tools would."""
    interleaved = np.round(np.repeat(samples[:, None], channels, axis=1).ravel()).astype(np.int32)
    if width == 1:
        data = ((interleaved >> 8) + 128).astype(np.uint8).tobytes()
    elif width == 2:
        data = interleaved.astype("<i2").tobytes()
    elif width == 3:
        as32 = (interleaved << 8).astype("<i4").tobytes()
        data = b"".join(as32[i : i + 3] for i in range(0, len(as32), 4))  # low three bytes
    else:
        data = (interleaved << 16).astype("<i4").tobytes()
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(width)
        w.setframerate(rate)
        w.writeframes(data)
    return out.getvalue()


def _float_wav(samples: np.ndarray, rate: int) -> bytes:
    """An IEEE-float WAV, which the stdlib cannot write."""
    data = (samples / 32768.0).astype("<f4").tobytes()
    fmt = struct.pack("<HHIIHH", 3, 1, rate, rate * 4, 4, 32)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", len(data)) + data
    return b"RIFF" + struct.pack("<I", len(body)) + body


@pytest.mark.parametrize(
    "make",
    [
        lambda s: _wav(s, 16000),
        lambda s: _wav(s, 16000, channels=2),
        lambda s: _wav(s, 16000, width=1),
        lambda s: _wav(s, 16000, width=3),
        lambda s: _wav(s, 16000, width=4),
        lambda s: _float_wav(s, 16000),
    ],
    ids=["mono16", "stereo16", "u8", "s24", "s32", "float32"],
)
def test_any_wav_becomes_the_same_8k_mulaw(make):
    tone = _sine(500, 16000)
    reference = _samples(ulaw_to_pcm16(wav_to_ulaw8k(_wav(tone, 16000))))
    converted = _samples(ulaw_to_pcm16(wav_to_ulaw8k(make(tone))))
    assert len(converted) == 8000
    # Everything matches to within mu-law's own step; 8-bit input adds its own quantization noise (~3%).
    assert _rms(converted - reference) < 0.04 * _rms(reference)


def test_espeak_stdout_wav_with_unknown_length_header_is_read_to_its_end():
    wav = subprocess.run(["espeak-ng", "--stdout", "one two three"], capture_output=True, check=True).stdout
    assert struct.unpack_from("<I", wav, 40)[0] > len(wav)  # the header claims far more data than there is
    ulaw = wav_to_ulaw8k(wav)
    rate = struct.unpack_from("<I", wav, 24)[0]
    assert len(ulaw) == pytest.approx((len(wav) - 44) / 2 * 8000 / rate, abs=2)


@pytest.mark.parametrize("data,code", [(b"not a wav at all", "not-wav"), (b"RIFF\x04\x00\x00\x00WAVE", "bad-wav")])
def test_garbage_is_refused_with_a_code(data, code):
    with pytest.raises(CodecError) as err:
        wav_to_ulaw8k(data)
    assert err.value.code == code
