"""The phonetic gate: no correction, offline or by an LLM, puts a medical term where the caller's sounds do not."""

from __future__ import annotations

import pytest

from stt.correction import Correction, MedicalCorrector
from stt.lexicon import Lexicon
from stt.llm_correction import judge
from stt.phonetic import PhoneticGate, sound_key


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon()


@pytest.fixture(scope="module")
def gate(lexicon):
    return PhoneticGate(lexicon)


def test_sound_key_merges_voicing_and_drops_a_weak_first_vowel():
    assert sound_key("oxisillin") == sound_key("moxicillin")[1:] == "KSLN"
    assert sound_key("upset") == "PST"  # B and P, D and T blur on a phone line


@pytest.mark.parametrize(
    ("heard", "term", "preceding"),
    [
        ("oxisillin", "amoxicillin", "i am on the"),
        ("low diping", "amlodipine", "she takes"),
        ("metaphor in", "metformin", "he takes"),
        ("man and jitis", "meningitis", "they think he has"),
        ("my view person", "ibuprofen", "i gave him"),  # a listed confusion, after its cue
    ],
)
def test_misheard_terms_with_sound_support_pass(gate, lexicon, heard, term, preceding):
    measured = any(m.heard == tuple(heard.split()) for m in lexicon.mishearings)
    assert gate.allows(heard.split(), [term], preceding.split(), measured=measured)


@pytest.mark.parametrize(
    ("heard", "term", "preceding"),
    [
        ("uncle was hit by a motorbike", "amlodipine", "my"),  # what the decoder wrote when primed with drugs
        ("uncle", "amlodipine", "my"),
        ("ample", "amlodipine", "my"),
        ("bad", "seizure", "i feel"),  # a hallucinated term: no sound in common
        ("shaking", "seizure", "she is"),
        ("over", "fever", "it is"),  # two letters of key in common are not support
        ("sister", "seizure", "she has"),  # sounds close, but one everyday word is what the caller said
        ("colour", "cholera", "she has"),
        ("trust", "pus", "it is full of"),
        ("amlodipine", "amoxicillin", "she takes"),  # a term the caller said is never swapped for another
        ("my view person", "ibuprofen", ""),  # everyday words need the cue before them, even a listed confusion
    ],
)
def test_replacements_without_sound_support_or_of_ordinary_speech_are_refused(gate, heard, term, preceding):
    assert not gate.allows(heard.split(), [term], preceding.split(), measured=True)
    assert not gate.allows(heard.split(), [term], preceding.split())


def test_an_ordinary_run_of_words_needs_close_sound_unless_measured(gate):
    assert not gate.allows(["high", "void"], ["typhoid"], ["he", "had"])  # HFT/TFT: not close enough on a guess
    assert gate.allows(["high", "void"], ["typhoid"], ["he", "had"], measured=True)  # listed in mishearings.tsv


@pytest.mark.parametrize(
    ("original", "proposed"),
    [
        ("My uncle was hit by a motorbike.", "My amlodipine was hit by a motorbike."),
        ("My uncle was hit by a motorbike.", "My amlodipine, my amlodipine."),
        ("I feel bad today.", "I feel seizure today."),  # a hallucinated term with no phonetic support
        ("She has a sister.", "She has a seizure."),
        ("He fell off the roof.", "He had a seizure and fell off the roof."),  # a term added, nothing replaced
    ],
)
def test_the_llm_guard_refuses_what_the_gate_refuses(lexicon, original, proposed):
    assert not judge(original, proposed, lexicon).accepted


@pytest.mark.parametrize(
    "sentence",
    [
        "My uncle was hit by a motorbike.",
        "My ample was hit by a motorbike.",  # the decoder's half-way guess stays a guess
        "She has a sister and a brother.",
        "Her face has colour again.",
        "The bus driver was over the limit.",
    ],
)
def test_the_offline_corrector_leaves_ordinary_speech_alone(lexicon, sentence):
    assert MedicalCorrector(lexicon).correct(sentence) == Correction(sentence, [])
