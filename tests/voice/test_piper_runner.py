"""The Piper runner's phonemes and ids, checked against what piper-tts 1.8.0's phonemizer produced."""

import logging
import subprocess

import numpy as np
import pytest

from voice.piper_runner import PiperVoiceConfig, clause_terminators, phoneme_ids, render, sentence_phonemes


@pytest.mark.parametrize("text,expected", [
    # Each expectation is what piper's espeakbridge.get_phonemes reported for the same text.
    ("Hello, world. How are you? I'm fine: thanks; really! Call, one, two now",
     [(",", False), (".", True), ("?", True), (":", False), (";", False), ("!", True), (",", False),
      (",", False), ("", True)]),
    ("Wait... no. Go!", [("", False), (".", True), ("!", True)]),
    ("e.g. this one.", [(".", True)]),
    ("Dr. Smith is here.", [(".", True), (".", True)]),
    ("It is 3.5 km.", [(".", True)]),
    ('"Hello," he said.', [(",", False), (".", True)]),
    ("Yes?! No.", [("?", True), (".", True)]),
    ("Hi , there .", [(",", False), (".", True)]),
    ("Stop.Go now", [("", True)]),
])
def test_clauses_end_where_espeak_ng_ends_them(text, expected):
    assert clause_terminators(text) == expected


def test_clauses_become_sentences_with_their_punctuation_kept_as_piper_does():
    lines = ["həlˈoʊ", "wˈɜːld", "hˈaʊ ɑːɹ (fr)ʒə(en) juː", "ɐ", "bˈiː"]
    assert sentence_phonemes("Hello, world. How are je you? A; b", lines) == [
        list("həlˈoʊ, wˈɜːld."), list("hˈaʊ ɑːɹ ʒə juː?"), list("ɐ; bˈiː"),
    ]


def test_accents_are_phonemes_of_their_own():
    assert sentence_phonemes("x.", ["ã"])[0] == ["a", "\u0303", "."]


def test_when_espeak_ng_splits_where_we_did_not_expect_the_phonemes_are_kept(caplog):
    with caplog.at_level(logging.WARNING):
        assert sentence_phonemes("one two three", ["wˈʌn", "tˈuː θɹˈiː"]) == [list("wˈʌn, tˈuː θɹˈiː.")]
    assert "punctuation dropped" in caplog.text


def test_ids_start_with_bos_pad_between_every_phoneme_end_with_eos_and_skip_the_unknown():
    id_map = {"^": [1], "$": [2], "_": [0], "a": [14], " ": [3], "b": [15]}
    assert phoneme_ids(["a", " ", "?", "b"], id_map) == [1, 0, 14, 0, 3, 0, 15, 0, 2]


def test_the_model_gets_ids_lengths_and_the_voice_scales_with_our_length():
    config = PiperVoiceConfig(sample_rate=22050, espeak_voice="en-us", phoneme_id_map={},
                              noise_scale=0.667, length_scale=1.0, noise_w=0.8)

    class Session:
        def run(self, outputs, inputs):
            self.inputs = inputs
            return [np.zeros((1, 1, 5), dtype=np.float32)]

    session = Session()
    audio = render(session, [1, 0, 2], config, length_scale=1.2)
    assert audio.shape == (5,)
    assert session.inputs["input"].tolist() == [[1, 0, 2]] and session.inputs["input"].dtype == np.int64
    assert session.inputs["input_lengths"].tolist() == [3]
    assert session.inputs["scales"].tolist() == pytest.approx([0.667, 1.2, 0.8])


def test_every_prompt_the_line_says_splits_into_the_clauses_espeak_ng_finds():
    from voice.harness.tts_eval import catalogue
    from voice.tts import spoken_form

    texts = [spoken_form(said.text) for said in catalogue()]
    for text in texts:
        lines = subprocess.run(["espeak-ng", "-q", "-v", "en-us", "--ipa", "--stdin"], input=text, text=True,
                               capture_output=True, check=True, timeout=20).stdout.splitlines()
        assert len(clause_terminators(text)) == len([line for line in lines if line.strip()]), text
