"""The primed decode lends drug and disease names through the phonetic gate; it never overwrites what was said."""

from __future__ import annotations

import pytest

from stt.base import Hints, Transcript
from stt.lexicon import VOCABULARY, bias_hints
from stt.primed import PrimedTermsTranscriber, lend_terms
from stt.synth import synthesize


@pytest.fixture(scope="module")
def primed():
    return PrimedTermsTranscriber(ScriptedTranscriber({}))


@pytest.mark.parametrize(
    ("plain", "primed_text", "expected"),
    [
        # what tiny.en wrote for these turns, plainly and primed with drug names
        ("My uncle was hit by a motorbike.", "My amlodipine, amlodibine.", "My uncle was hit by a motorbike."),
        ("My uncle was hit by a motorbike on the road.", "My amlodipine motorbike on the road.",
         "My uncle was hit by a motorbike on the road."),
        ("My Uncle Wish hit by a motorbike.", "My ample was hit by a motorbike.", "My Uncle Wish hit by a motorbike."),
        ("She said she is fine.", "She said seizure is fine.", "She said she is fine."),  # no term out of nothing
        ("He fell off the roof.", "He had a seizure and fell off the roof.", "He fell off the roof."),
        # a stroke's words: everyday English, in no place where a medicine is named (the shape seen through audio)
        ("He is talking all jumbled up and his arm is weak.", "He is talking all amlodipine and his arm is weak.",
         "He is talking all jumbled up and his arm is weak."),
    ],
)
def test_the_primed_decode_never_overwrites_ordinary_speech(primed, plain, primed_text, expected):
    assert lend_terms(plain, primed_text, primed.gate)[0] == expected


def test_an_allergy_is_never_overwritten_by_a_drug_name(primed):
    plain = "Just parent-time model. I'm allergic to aspirin, so I haven't been taking me that."
    out, _ = lend_terms(plain, "Just paracetamol, amlodipine, so I haven't been taking that.", primed.gate)
    assert "allergic to aspirin" in out and "amlodipine" not in out.lower()


@pytest.mark.parametrize(
    ("plain", "primed_text", "expected"),
    [
        ("He has asthma and uses a solid abdominal inhaler.", "He has asthma and uses the salbutamol inhaler.",
         "He has asthma and uses the salbutamol inhaler."),
        ("I've got a bit of a dry calf but it's not too troublesome.",
         "I've got a bit of a dry cough, but it's not too troublesome.",
         "I've got a bit of a dry cough but it's not too troublesome."),
        ("Yeah, so you know the vent only. It's called Solid Time Model.",
         "yeah, so you know the ventolin, it's called salbutamol.",
         "Yeah, so you know the ventolin. It's called Salbutamol."),
    ],
)
def test_a_term_the_primed_decode_heard_where_the_plain_one_garbled_it_is_lent(primed, plain, primed_text, expected):
    assert lend_terms(plain, primed_text, primed.gate)[0] == expected


class ScriptedTranscriber:
    """Answers by whether the hints carry a vocabulary, and records the hints it got."""

    name = "scripted"

    def __init__(self, texts: dict[bool, str]) -> None:
        self.texts = texts
        self.hints: list[Hints | None] = []

    def transcribe(self, pcm16, sample_rate, hints=None):
        self.hints.append(hints)
        return Transcript(self.texts[bool(hints and hints.hotwords)], self.name, 1.0)


def test_the_plain_decode_gets_the_question_only_and_a_second_decode_has_the_vocabulary():
    inner = ScriptedTranscriber({False: "My uncle took the pills.", True: "My amlodipine took the pills."})
    out = PrimedTermsTranscriber(inner).transcribe(b"\0\0", 8000, bias_hints("What medicines?"))
    assert [h.hotwords for h in inner.hints] == [None, VOCABULARY]
    assert [h.initial_prompt for h in inner.hints] == ["What medicines?", "What medicines?"]
    assert out.text == "My uncle took the pills."


def test_no_vocabulary_or_no_second_decode_costs_one_decode():
    inner = ScriptedTranscriber({False: "yes", True: "yes"})
    PrimedTermsTranscriber(inner).transcribe(b"\0\0", 8000, bias_hints("Is he breathing?", vocabulary=False))
    PrimedTermsTranscriber(inner, second_decode=False).transcribe(b"\0\0", 8000, bias_hints("What happened?"))
    assert [h.hotwords for h in inner.hints] == [None, None]


@pytest.mark.slow
@pytest.mark.parametrize("voice", ["espeak:en-us", "flite:slt"])
def test_real_speech_of_ordinary_words_gets_no_drug_name(local_whisper, voice):
    # tiny.en primed with the old drug list heard "My uncle was it, amlodipine." (espeak) and
    # "My amlodipine, amlodibine." (flite slt) for this sentence at 8 kHz.
    pcm = synthesize("My uncle was hit by a motorbike.", voice)
    text = PrimedTermsTranscriber(local_whisper).transcribe(pcm, 8000, bias_hints("What happened?")).text.lower()
    assert "uncle" in text and "amlodipine" not in text, text


def test_a_red_flag_word_the_plain_decode_heard_is_never_replaced(primed):
    # tiny.en, espeak en-us over 8 kHz mu-law: "... and yes the blood is a lot, it is running down her legs"
    plain = "Yes, she is pregnant, seven months, and yes, my blood in the law, she is running down the lag."
    primed_text = "Yes, she is pregnant, seven months, and yes, amlodipine, loxidin, running counter-leg."
    assert lend_terms(plain, primed_text, primed.gate) == (plain, [])


@pytest.mark.slow
def test_real_speech_of_bleeding_keeps_its_blood(local_whisper):
    pcm = synthesize("Yes she is pregnant, seven months, and yes the blood is a lot, it is running down her legs",
                     "espeak:en-us")
    hints = bias_hints("In a few words, what is happening?")
    text = PrimedTermsTranscriber(local_whisper).transcribe(pcm, 8000, hints).text.lower()
    assert "blood" in text and "amlodipine" not in text, text


@pytest.mark.slow
def test_real_speech_of_a_drug_name_still_reaches_the_transcript(local_whisper):
    pcm = synthesize("She takes amoxicillin for the chest infection.", "espeak:en-us")
    text = PrimedTermsTranscriber(local_whisper).transcribe(pcm, 8000, bias_hints("What medicines?")).text.lower()
    assert "amoxicillin" in text, text


def test_a_term_at_the_end_of_a_longer_disagreement_is_lent_on_its_own(primed):
    plain = "I got that one and then I have destroyed the flingable in halo."
    out, lent = lend_terms(plain, "I got that one and then I have destroyed the flinol, clinol inhaler.", primed.gate)
    assert out == "I got that one and then I have destroyed the flingable inhaler." and lent == [("in halo", "inhaler")]


@pytest.mark.parametrize(
    ("plain", "primed_text"),
    [("She has a sister.", "She has a seizure."), ("He is bleeding.", "He is bleeding."),
     ("His arm is in a cast.", "His arm is in a fit."), ("She seems fine.", "She seems fainting."),
     ("He stubbed his toe.", "He stabbed his toe."), ("She's been calling.", "She's been collapsing.")],
)
def test_a_red_flag_word_is_never_lent(primed, plain, primed_text):
    # Whisper hears these everyday words unaided; lent over "sister" one would send the caller to the emergency line
    assert lend_terms(plain, primed_text, primed.gate) == (plain, [])


@pytest.mark.parametrize("plain", ["My uncle was hit by a motorbike.", "My uncle went it by a motorbike."])
def test_a_primed_drug_name_over_an_everyday_word_that_merely_shares_some_sounds_is_refused(primed, plain):
    """What tiny.en, primed with drug names, wrote for "my uncle was hit by a motorbike" in CI (sound key 60)."""
    out, lent = lend_terms(plain, plain.replace("motorbike", "amlodipine"), primed.gate)
    assert (out, lent) == (plain, [])
