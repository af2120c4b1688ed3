"""`triage tts-eval` on two prompts: the real voice, the 8 kHz mu-law line and local Whisper, key words kept."""

import numpy as np
import pytest

from voice.codec import pcm16_to_ulaw, ulaw_to_pcm16
from voice.harness.tts_eval import Said, catalogue, evaluate, lost_key_words, scoring_words
from voice.tts import PiperTts


@pytest.fixture(scope="module")
def whisper():
    from stt.faster_whisper import LocalWhisperTranscriber

    return LocalWhisperTranscriber(cpu_threads=2)


class OtherLine:
    """The voice as another line carries it: a little later, quieter or louder, with hiss (seeded).

    Whisper's output turns on small differences: CI's CPU once heard "an automated assistant, not a doctor"
    as "out of doctor" where this machine did not. A prompt must survive a few lines, not one rounding.
    """

    def __init__(self, engine, seed: int):
        self.engine, self.name, self.voice = engine, engine.name, engine.voice
        self.rng = np.random.default_rng(seed)

    def synthesize(self, text: str) -> bytes:
        pcm = np.frombuffer(ulaw_to_pcm16(self.engine.synthesize(text)), dtype=np.int16).astype(np.float64)
        pcm = np.concatenate([np.zeros(int(self.rng.integers(0, 800))), pcm * self.rng.uniform(0.7, 1.2)])
        pcm += self.rng.normal(0, self.rng.uniform(5, 200), len(pcm))
        return pcm16_to_ulaw(np.clip(pcm, -32768, 32767).astype(np.int16).tobytes())


@pytest.fixture(scope="module")
def steady_voice():
    """The packaged voice without its sampling noise: the same audio every run, so this test cannot pass by luck.
    The spread the shipped noise adds is measured by `triage tts-eval` (BENCHMARKS.md)."""
    return PiperTts(noise=(0.0, 0.0))


@pytest.mark.parametrize("seed", [None, 1, 2, 3])
def test_the_disclaimer_and_a_question_keep_their_key_words_over_the_phone(whisper, steady_voice, seed):
    items = {s.id: s for s in catalogue()}
    two = [items["disclaimer.NG"], items["walk.voice.other"]]
    assert two[0].key_words() == ("not a doctor", "not medical advice", "112")
    engine = steady_voice
    report = evaluate(two, engine if seed is None else OtherLine(engine, seed), whisper)
    assert report["prompts"] == 2 and report["key_words_lost"] == [], report["rows"]
    assert report["wer"] <= 0.25, report["rows"]  # generous: two prompts; the full figure is in BENCHMARKS.md


def test_every_question_the_dialogue_asks_has_key_words_to_check():
    asked = [s for s in catalogue() if s.id.endswith((".voice.other", ".voice.self"))]
    assert len(asked) > 20 and all(s.key_words() for s in asked), [s.id for s in asked if not s.key_words()]


def test_a_number_read_digit_by_digit_is_heard_whole_and_a_misheard_one_is_lost():
    said = Said("x", "Hang up and call 112 now. I am not a doctor.", "closing")
    assert lost_key_words(said, "Hang up and call 1, 1, 2 now. I am not a doctor.") == []
    assert lost_key_words(said, "Hang up and call 100 well now. I am not an actor.") == [  # espeak-ng, measured
        "not a doctor", "112"]
    assert scoring_words("call 9-1-1, or press 1 0 for ten") == ["call", "911", "or", "press", "10", "for", "10"]
