"""Poisons and overdose medicines the red-flag table names, spelled by ear: the corrector gives back the name.

tiny.en knows few brands and farm chemicals, so over a phone line it writes what it heard ("Grandoxone",
"organophus fate"); the red-flag rules read "gramoxone" and "organophosphate", and a turn that names only the
product loses its sign unless the correction restores it. Ordinary words near those names stay as they were.
"""

from __future__ import annotations

import pytest

from stt.correction import MedicalCorrector
from stt.synth import synthesize


@pytest.fixture(scope="module")
def corrector():
    return MedicalCorrector()


@pytest.mark.parametrize(
    ("heard", "expected"),
    [
        ("the tin of Parakwat was open on the bench", "the tin of Paraquat was open on the bench"),
        ("he drank some paracwat", "he drank some paraquat"),
        ("a bottle of Gramoxon by the back door", "a bottle of Gramoxone by the back door"),
        ("she swallowed the organofosfate", "she swallowed the organophosphate"),
        ("he ate the rodentacide pellets", "he ate the rodenticide pellets"),
        ("she took a box of zoppiclone", "she took a box of zopiclone"),
        ("he took all his amitriptiline", "he took all his amitriptyline"),
        ("a whole strip of citalopran", "a whole strip of citalopram"),
        ("her sertralene tablets are gone", "her sertraline tablets are gone"),
        ("he took oxycodon", "he took oxycodone"),
    ],
)
def test_a_poison_or_medicine_spelled_by_ear_is_given_back_its_name(corrector, heard, expected):
    assert corrector.correct(heard).text == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "She bought a parakeet at the market.",
        "The grammar of it is all wrong.",
        "He jumped with a parachute once.",
        "The quarry was flooded after the rain.",
        "There is a rodent in the shed.",
        "The organ was playing at the wedding.",
        "He wore his gabardine coat.",
        "Certain lines were down all night.",
        "We went zip lining at the weekend.",
    ],
)
def test_ordinary_words_near_those_names_are_left_alone(corrector, sentence):
    assert corrector.correct(sentence).text == sentence


@pytest.mark.slow
@pytest.mark.parametrize(
    ("said", "voice", "name"),
    [
        ("My uncle swallowed gramoxone, the weed killer.", "flite:slt", "gramoxone"),
        ("She drank the organophosphate spray.", "flite:rms", "organophosphate"),
    ],
)
def test_a_product_name_through_the_phone_line_comes_back_after_correction(local_whisper, corrector, said, voice, name):
    raw = local_whisper.transcribe(synthesize(said, voice), 8000).text
    assert name in corrector.correct(raw).text.lower(), raw
