"""Local Whisper on real synthesized telephone speech."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from stt.base import Hints
from stt.synth import synthesize

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "voice", "expected"),
    [
        ("He is breathing but very fast.", "flite:slt", ["breathing", "fast"]),
        ("I counted nine breaths.", "flite:rms", ["nine|9", "breath"]),
        ("No, she cannot walk.", "flite:awb", ["walk"]),
        ("Yes, he squeezed my hand.", "flite:kal16", ["hand"]),
    ],
)
def test_key_words_survive_the_phone_line(local_whisper, text, voice, expected):
    transcript = local_whisper.transcribe(synthesize(text, voice), 8000)
    heard = transcript.text.lower()
    for alternatives in expected:
        assert any(word in heard for word in alternatives.split("|")), (text, voice, heard)
    assert transcript.backend == "local"
    assert transcript.audio_seconds == pytest.approx(len(synthesize(text, voice)) / 16000, abs=0.01)


def test_festival_hts_voice_reaches_whisper(local_whisper):
    if shutil.which("text2wave") is None:
        pytest.skip("festival is not installed (apt: festival festvox-us-slt-hts); flite voices cover the rest")
    transcript = local_whisper.transcribe(synthesize("My chest hurts when I breathe.", "festival:slt_hts"), 8000)
    heard = transcript.text.lower()
    assert "chest" in heard and "breath" in heard, heard


def test_silence_and_noise_give_empty_text(local_whisper):
    silence = bytes(8000 * 2 * 2)
    noise = (np.random.default_rng(7).normal(0, 300, 8000 * 2)).astype("<i2").tobytes()
    assert local_whisper.transcribe(silence, 8000).text == ""
    assert local_whisper.transcribe(noise, 8000).text == ""


def test_empty_and_torn_buffers_do_not_crash(local_whisper):
    assert local_whisper.transcribe(b"", 8000).text == ""
    assert local_whisper.transcribe(b"\x01", 8000).text == ""


def test_hints_are_accepted_and_16k_input_works(local_whisper):
    pcm8k = synthesize("Yes, she is breathing.", "flite:slt")
    from stt.audio import pcm16_to_float, resample

    pcm16k = (resample(pcm16_to_float(pcm8k), 8000, 16000) * 32767).astype("<i2").tobytes()
    hints = Hints(initial_prompt="Is she breathing?", hotwords="yes no breathing")
    assert "breathing" in local_whisper.transcribe(pcm16k, 16000, hints).text.lower()


def test_missing_model_dir_is_a_clear_error(tmp_path):
    from stt.base import SttError
    from stt.faster_whisper import LocalWhisperTranscriber

    with pytest.raises(SttError) as caught:
        LocalWhisperTranscriber(model_dir=tmp_path)
    assert caught.value.code == "stt-model-missing"


def test_a_lone_number_is_speech_not_noise():
    """Whisper writes a spoken "eight" as " 8"; dropping it lost every one-word breath count."""
    from stt.faster_whisper import _is_speech

    assert _is_speech(" 8", 0.34, -0.53)
    assert _is_speech("3.", 0.2, -0.4)
    assert not _is_speech(" ...", 0.34, -0.53)


def test_a_red_flag_word_tiny_en_misspells_on_the_phone_comes_back_corrected(local_whisper):
    from stt.correction import MedicalCorrector

    raw = local_whisper.transcribe(synthesize("My wife is convulsing and it has not stopped.", "flite:slt"), 8000).text
    assert "convulsing" not in raw.lower(), raw  # tiny.en writes "convolcing": the case this guards
    assert "convulsing" in MedicalCorrector().correct(raw).text.lower(), raw
