"""The encoder window: how long a window a turn gets, and that the real model decodes a short turn in it."""

from __future__ import annotations

import numpy as np
import pytest

from stt.synth import synthesize
from stt.window import EncoderWindow, content_frames

FULL = 3000  # Whisper's 30 s window, in mel frames


def padded(frames_of_sound: int, batch: int | None = None) -> np.ndarray:
    """Features as faster-whisper hands them to the encoder: the turn's frames, then zeros to 30 s."""
    features = np.zeros((80, FULL), dtype=np.float32)
    features[:, :frames_of_sound] = -0.5
    return features if batch is None else np.stack([features] * batch)


@pytest.mark.parametrize(
    ("window", "sound_frames", "frames"),
    [
        (EncoderWindow(min_s=10), 200, 1000),  # "yes" (2 s): the minimum
        (EncoderWindow(min_s=10), 950, 1200),  # 9.5 s + 1 s margin, rounded up to 2 s steps
        (EncoderWindow(min_s=2), 150, 400),  # 1.5 s + 1 s -> 4 s
        (EncoderWindow(min_s=2), 0, 200),  # nothing but padding: the minimum
        (EncoderWindow(min_s=10), 2950, FULL),  # never more than Whisper's own window
        (EncoderWindow(min_s=30), 200, FULL),  # a 30 s minimum is the full window: the cut is off
    ],
)
def test_a_turn_gets_its_length_and_a_margin_rounded_up_never_less_than_the_minimum(window, sound_frames, frames):
    assert window.frames(sound_frames) == frames
    assert window.trim(padded(sound_frames)).shape == (80, frames)


def test_the_padding_is_found_in_a_batch_and_sound_that_dips_to_zero_is_kept():
    features = padded(300, batch=2)
    features[1, :, 300:700] = 0.25  # the second turn is longer
    features[0, :, 100:150] = 0.0  # a gap inside the first turn is not its end
    assert content_frames(features) == 700
    assert content_frames(features[0]) == 300
    assert EncoderWindow(min_s=2).trim(features).shape == (2, 80, 800)


# --- the real model ------------------------------------------------------------------------------------


class EncodeShapes:
    """The CTranslate2 model with the shape of every input its encoder got written down."""

    def __init__(self, model) -> None:
        self.model, self.shapes = model, []

    def __getattr__(self, name):
        return getattr(self.model, name)

    def encode(self, features, to_cpu=False):
        self.shapes.append(tuple(features.shape))
        return self.model.encode(features, to_cpu=to_cpu)


@pytest.mark.slow
@pytest.mark.parametrize(("text", "voice"), [("No, she cannot walk.", "flite:rms"),
                                             ("Yes, he is breathing.", "flite:slt")])
def test_a_short_answer_decodes_in_a_ten_second_window_as_in_thirty(local_whisper, text, voice):
    """What the cut changes is the encoder's input, and a short answer still says what it says in 30 s."""
    from stt.faster_whisper import LocalWhisperTranscriber

    windowed = LocalWhisperTranscriber(cpu_threads=2, encoder_window_s=10)
    encoder = windowed._model.model = EncodeShapes(windowed._model.model)
    pcm = synthesize(text, voice)
    assert windowed.transcribe(pcm, 8000).text == local_whisper.transcribe(pcm, 8000).text
    assert encoder.shapes == [(1, 80, 1000)]
