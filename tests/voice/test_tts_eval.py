"""`triage tts-eval` on two prompts: the real voice, the 8 kHz mu-law line and local Whisper, key words kept."""

import pytest

from voice.harness.tts_eval import Said, catalogue, evaluate, lost_key_words, scoring_words
from voice.tts import build_tts


@pytest.fixture(scope="module")
def whisper():
    from stt.faster_whisper import LocalWhisperTranscriber

    return LocalWhisperTranscriber(cpu_threads=2)


def test_the_disclaimer_and_a_question_keep_their_key_words_over_the_phone(whisper):
    items = {s.id: s for s in catalogue()}
    two = [items["disclaimer.NG"], items["walk.voice.other"]]
    assert two[0].key_words() == ("not a doctor", "not medical advice", "112")
    report = evaluate(two, build_tts("auto", "en-us"), whisper)
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
