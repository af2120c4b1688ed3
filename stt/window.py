"""Whisper's encoder hears a short turn in a window cut to the turn, not in the 30 s window it was padded to.

faster-whisper pads every segment's features to Whisper's 30 s window (3000 mel frames) with zeros, and on a
CPU the encoder, ~90 % of a decode, costs the same for "yes" as for 29 s of speech. CTranslate2 (3.19 and
later) encodes shorter inputs, and the decoder cross-attends to whatever length the encoder gave it, so
cutting the padding is all it takes. The padding is not silence to the encoder, though: its self-attention
reads it, and a window cut too close to the words changes them (CTranslate2 issue 2100, whisper.cpp's
audio_ctx). So a turn keeps a margin of padding and never gets less than a minimum window.

Off by default (STT_ENCODER_WINDOW_S=30): on tiny.en every window measured, from 2 s to 28 s, changed words and
lost medical terms, plain decode and primed alike, since Whisper was trained on 30 s windows only (BENCHMARKS.md,
"A shorter encoder window"). It is here for a model trained on short windows, and so that the claim can be re-run.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

FRAMES_PER_SECOND = 100  # Whisper's mel hop: 10 ms
FULL_WINDOW_S = 30  # what Whisper was trained on and faster-whisper pads to


@dataclass(frozen=True)
class EncoderWindow:
    """How many frames of a padded segment the encoder hears: the words, a margin, rounded up, at least a minimum."""

    min_s: float = 10.0
    margin_s: float = 1.0
    step_s: float = 2.0  # few distinct shapes, and a frame count the encoder's stride-2 convolution halves evenly

    def frames(self, content_frames: int) -> int:
        """The window for a segment whose words fill `content_frames` frames."""
        step = round(self.step_s * FRAMES_PER_SECOND)
        wanted = math.ceil((content_frames + self.margin_s * FRAMES_PER_SECOND) / step) * step
        return min(FULL_WINDOW_S * FRAMES_PER_SECOND, max(round(self.min_s * FRAMES_PER_SECOND), wanted))

    def trim(self, features: np.ndarray) -> np.ndarray:
        """The padded features (mel bins x 3000 frames, or a batch of them) cut to the window of their content."""
        return features[..., : self.frames(content_frames(features))]


def content_frames(features: np.ndarray) -> int:
    """Frames up to the last one that is not padding: faster-whisper pads with exact zeros.

    A frame of the turn itself that is all zeros (it happens only on digital silence) is the same input to the
    encoder as padding, so counting it as padding changes nothing.
    """
    voiced = np.flatnonzero(np.any(features != 0, axis=tuple(range(features.ndim - 1))))
    return int(voiced[-1]) + 1 if voiced.size else 0
