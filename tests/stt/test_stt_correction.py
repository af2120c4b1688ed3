"""The offline medical corrector: fixes mishearings on evidence, and leaves ordinary speech alone."""

from __future__ import annotations

import pytest

from stt.correction import Correction, MedicalCorrector


@pytest.fixture(scope="module")
def corrector():
    return MedicalCorrector()


@pytest.mark.parametrize(
    ("heard", "expected"),
    [
        ("I get a bad my brain every week.", "I get a bad migraine every week."),
        ("I took pairs time all this morning", "I took paracetamol this morning"),
        ("He had high void fever.", "He had typhoid fever."),
        ("She takes low-diping for her pressure.", "She takes amlodipine for her pressure."),
        ("I am on the oxisillin.", "I am on the amoxicillin."),
        ("I gave him my view person.", "I gave him ibuprofen."),
        ("He has an upset on his leg.", "He has an abscess on his leg."),
        ("She uses a ventilin inhaler.", "She uses a ventolin inhaler."),
        ("I took some paracetemol.", "I took some paracetamol."),
        ("Melformin twice a day.", "Metformin twice a day."),
    ],
)
def test_mishearings_become_medical_terms(corrector, heard, expected):
    assert corrector.correct(heard).text == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "My brain hurts when I think about it.",
        "I use my brain at work.",
        "She had an upset stomach.",
        "I was upset on Monday.",
        "I went to the shop yesterday and bought some bread.",
        "The doctor's phone is off, it's achy and the heartbeats are fast.",
        "We trust the nurse, the pairs of shoes are by the door.",
        "Hydrocodone is not what he takes.",
        "It is full of trust.",  # "trust" does not sound like "pus": a listed confusion still needs the sound
        "Pairs time all, then my view person.",  # listed confusions of everyday words need a cue before them
        "My uncle was hit by a motorbike.",
        "Her face has some colour now.",
        "",
        "!!! ... ???",
    ],
)
def test_ordinary_sentences_are_left_alone(corrector, sentence):
    assert corrector.correct(sentence) == Correction(sentence, [])


def test_replacements_are_reported_and_case_kept(corrector):
    result = corrector.correct("I took Pairs time all, then gave him my view person.")
    assert result.text == "I took Paracetamol, then gave him ibuprofen."
    assert result.replacements == [("Pairs time all", "Paracetamol"), ("my view person", "ibuprofen")]


def test_spans_never_cross_punctuation(corrector):
    assert corrector.correct("It was high. Void of pain.").text == "It was high. Void of pain."


def test_terms_already_right_are_untouched(corrector):
    text = "Amoxicillin, paracetamol and artemether-lumefantrine for malaria and typhoid."
    assert corrector.correct(text).replacements == []


@pytest.mark.parametrize(
    ("heard", "expected"),
    [
        ("They gave him more fiend for the pain.", "They gave him morphine for the pain."),
        ("He takes metaphor in daily.", "He takes metformin daily."),
        ("They think he has man and jitis.", "They think he has meningitis."),
        ("She has my pretension.", "She has hypertension."),
        ("I lost any hope.", "I lost any hope."),
        ("Take any side road.", "Take any side road."),
        ("My pretension is silly.", "My pretension is silly."),
        ("It does take the edge off a bit.", "It does take the edge off a bit."),
    ],
)
def test_everyday_words_become_a_term_only_after_a_cue(corrector, heard, expected):
    assert corrector.correct(heard).text == expected


@pytest.mark.parametrize(
    ("heard", "expected"),
    [
        # what tiny.en wrote for a corpus utterance over an 8 kHz mu-law line (flite slt)
        ("My wife is convolcing and it has not stopped.", "My wife is convulsing and it has not stopped."),
        ("He's not breathin, he's gone blue.", "He's not breathing, he's gone blue."),  # a dropped "g"
    ],
)
def test_a_near_miss_of_a_red_flag_word_becomes_the_word(corrector, heard, expected):
    assert corrector.correct(heard).text == expected


@pytest.mark.parametrize(
    ("heard", "expected"),
    [
        # Whisper runs words together on the phone line; the red-flag rules need them apart
        ("Painride across his chest going up into his neck.", "Pain ride across his chest going up into his neck."),
        ("The fireburn his face and he is talking.", "The fire burn his face and he is talking."),
        ("There's a Blackburned Markon his hand.", "There's a Black burned Markon his hand."),  # "on": too short a half
    ],
)
def test_two_everyday_words_run_together_are_split(corrector, heard, expected):
    assert corrector.correct(heard).text == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "My grandmother lives in Blackburn.",  # a word already, however it is built
        "Send it on WhatsApp to my sister-in-law.",
        "He has a headache and a toothache.",
        "Brashes, no, nothing like that.",  # tiny.en for "Rashes?": "br" is on the word list, but no word
    ],
)
def test_real_words_are_not_split(corrector, sentence):
    assert corrector.correct(sentence) == Correction(sentence, [])


@pytest.mark.parametrize(
    "sentence",
    [
        # code-switched calls: words no English list holds are what the caller said, not run-together pairs
        "Usko thandi lag rahi hai",  # Hindi: he feels cold ("than di")
        "Mamaji ne kaha betaji gir gaya",  # Hindi honorific -ji ("mama ji", "beta ji")
        "Sabi nilang nahulog siya kanina",  # Tagalog "nilang" (they, "ni lang")
    ],
)
def test_foreign_and_dialect_words_are_not_split(corrector, sentence):
    assert not [r for r in corrector.correct(sentence).replacements if " " in r[1]]


@pytest.mark.parametrize(
    "sentence",
    [
        # a lone non-English word with no cue before it is not a drug or a disease
        "Kuma na anaseema hawezi kupumua",  # Swahili "anaseema" (she says) is no anaemia
        "Pastillas para la presion no tiene",  # Spanish "presion" is no depression
        "Dadi ki goti kho gayi",  # Hindi "goti" (a pill, a counter) is no gout
        "Dada ko seene mein jalan hai",  # Hindi "ko seene" (in the chest) is no kerosene
        # a span never starts with a function word: French "a spiré" is no aspirin
        "Il ne respire plus, a spiré",
    ],
)
def test_code_switched_words_are_not_taken_for_terms(corrector, sentence):
    assert corrector.correct(sentence) == Correction(sentence, [])


@pytest.mark.parametrize(
    ("heard", "expected"),
    [
        # what the corrector is for still happens: a cue before the word, a near-exact spelling, a long name
        ("She has maleria since Monday.", "She has malaria since Monday."),
        ("Tenia paracetamolo en casa", "Tenia paracetamol en casa"),
        ("Ella toma la metformina", "Ella toma la metformin"),
        ("Mama anatumia salbutamoli", "Mama anatumia salbutamol"),
        ("He keeps convolcing on the floor.", "He keeps convulsing on the floor."),
    ],
)
def test_real_mishearings_in_mixed_speech_are_still_corrected(corrector, heard, expected):
    assert corrector.correct(heard).text == expected
