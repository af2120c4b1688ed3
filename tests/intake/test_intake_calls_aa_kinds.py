"""The kinds spent set aa's whole calls showed misread (Caribbean, Central American, US Latino, Pacific and PNG voices),
one test per kind in the team's own words (ac-*), each with look-alikes that must keep their reading."""

import pytest

from intake.dialogue import Dialogue
from intake.models import Category
from intake.quantities import parse_age, parse_age_quantity, parse_breath_count, parse_refill_seconds
from intake.red_flags import find_mechanisms, find_red_flags
from intake.understanding import names_someone_else, parse_severity, parse_who, without_noise_tags
from tests.support.dialogue import dialogue_after, speak

# --- a transcriber's noise mark is no answer ------------------------------------------------------------------


@pytest.mark.parametrize("said", ["[inaudible]", "(unintelligible)", "<noise>", "[BLANK_AUDIO]", "*static*",
                                  "[ Inaudible 00:14 ]", "[crosstalk] [music]", "[no_speech]"])
def test_a_noise_mark_alone_is_nothing_said(said):
    assert without_noise_tags(said) == ""


@pytest.mark.parametrize("said, kept", [
    ("[background noise] my dad", "my dad"),
    ("no [static]", "no"),
    ("(he is 5)", "(he is 5)"),  # a text's own brackets keep their words
    ("(no)", "(no)"),
    ("about [pause 600] twenty", "about [pause 600] twenty"),  # the scenario files' pause, not a mark
])
def test_words_beside_a_mark_are_kept(said, kept):
    assert without_noise_tags(said) == kept


def test_a_mark_between_words_is_doubt_not_a_yes():
    """'he [inaudible] walk' may have been 'he can't walk': asked again, never taken as the milder answer."""
    d = dialogue_after("my dad", "he fell off his bike and hurt his wrist", "no", "sixty", channel="text",
                       region="GB", awaiting="walk")
    speak(d, "he [inaudible] walk")
    assert d.awaiting == "walk" and "walk" not in d.result.answers


def test_a_call_of_noise_marks_ends_as_no_answer_not_black():
    d = Dialogue(channel="voice", region="HN")
    d.start()
    for said in ("[inaudible]", "(unintelligible)", "<noise>", "[static]", "[inaudible]", "[noise]"):
        if d.finished:
            break
        d.answer(said)
    r = d.result
    assert r.outcome == "no_answer" and r.start_category is None and r.urgency.value == "urgent"


# --- numbers and kin words said in Spanish or Tok Pisin inside an English call ----------------------------------


@pytest.mark.parametrize("said, years", [
    ("cuarenta y dos", 42), ("veintisiete", 27), ("dos años", 2), ("diecisiete", 17), ("como sesenta", 60),
    ("ocho meses", 8 / 12), ("casi ocho", 7), ("tripela yia", 3),
])
def test_an_age_in_spanish_or_tok_pisin(said, years):
    age = parse_age_quantity(said)
    assert age is not None and age.low == pytest.approx(years)


@pytest.mark.parametrize("said, count", [("seis", 6), ("my wife counted, siete", 7), ("doce", 12), ("faivpela", 5),
                                         ("once he settled I counted six", 6)])  # English "once" is no eleven
def test_a_breath_count_in_spanish_or_tok_pisin(said, count):
    assert parse_breath_count(said).count.low == count


def test_a_severity_in_spanish():
    assert parse_severity("siete") == 7


@pytest.mark.parametrize("said", ["mi hija", "mi bebé", "un compañero de trabajo", "mi nieta", "el motoconchista",
                                  "brata bilong mi", "meri bilong mi", "one of the workers", "mi abuelita"])
def test_kin_words_of_the_region_name_someone_else(said):
    assert parse_who(said) == "other"


@pytest.mark.parametrize("said", ["sí, soy yo", "yo mismo", "mi yet"])
def test_the_caller_in_spanish_or_tok_pisin(said):
    assert parse_who(said) == "self"


@pytest.mark.parametrize("said", ["my bel bilong mi i pen", "la cabeza me duele"])  # a body part is no relation
def test_a_body_part_is_no_other_person(said):
    assert parse_who(said) != "other"


# --- the caller something fell on is the patient ------------------------------------------------------------


@pytest.mark.parametrize("said, other", [
    ("a shelf of tins came down on my leg, my son lifted it off me, I'm on the floor", False),
    ("the cement bags toppled onto my legs, my workmate pulled them off me", False),
    ("a branch came down on my husband, I'm on the ground next to him", True),
    ("I'm stuck here, my wife is under the car", True),
])
def test_a_helper_named_beside_the_caller(said, other):
    assert names_someone_else(said) is other


# --- red flags in a call: baseline, another person, a simple faint, a food's colour ------------------------------


@pytest.mark.parametrize("said, flags", [
    ("her mouth is crooked but that's from her stroke, four years now, same as always", []),
    ("he's always short of breath with the COPD, same as every day, not worse", []),
    ("his face droops since the stroke, same as always, but now his arm won't lift", ["stroke"]),
    ("she's always short of breath with her asthma but it's worse today, she can't speak", ["breathing_difficulty"]),
    ("another boy was knocked out at rugby, the ambulance took him; my son only hurt his wrist", []),
    ("the other driver was bleeding badly, they took him away; my wife just has a sore neck", []),
    ("another boy crashed into him and now he's bleeding a lot from the nose", ["heavy_bleeding"]),
    ("she fainted in church in the heat, came round straight away, she bumped her head on the pew", []),
    ("he fainted at the sight of blood and banged his head, now he's confused", ["serious_injury"]),
    ("he hit his head on the shelf and passed out", ["serious_injury"]),
    ("her lips are blue from the icy pole, she's laughing", []),
    ("his lips are blue but that's the ice block, the blue raspberry one", []),
    ("he was eating an ice block and now he can't breathe, his lips are going blue", ["choking"]),
])
def test_flags_told_beside_what_explains_them(said, flags):
    found = find_red_flags(said, child=None)
    assert all(f in found for f in flags) and (flags or not found)


def test_a_head_blow_in_patois_and_its_after_effects_in_a_later_answer():
    said_before = "mi daughter . she buck she head pon di kitchen counter . no . nine . yes she walk"
    assert find_red_flags("since morning an she throw up three time an keep ask mi what day it is",
                          context=said_before, child=True) == ["serious_injury"]
    assert find_red_flags("since morning, she eat her lunch, she fine", context=said_before, child=True) == []


# --- mechanisms in the region's vehicle words ---------------------------------------------------------------


@pytest.mark.parametrize("said, found", [
    ("a jeepeta hit the moto going fast and he flew off onto the road", True),
    ("the PMV rolled on the highway, one man inside died", True),
    ("the tap tap rolled over, a woman inside died", True),
    ("he flew off the swing onto the grass", False),
    ("the man inside the shop died last year", False),
])
def test_vehicle_words_of_the_region(said, found):
    assert bool(find_mechanisms(said)) is found


# --- posturing at the response question ---------------------------------------------------------------------


def _child_at_avpu() -> Dialogue:
    return dialogue_after("my nephew", "he fell off the wall, he's lying on the ground", "no", "four", "no", "yes",
                          "seven", "yes", channel="text", region="GB", awaiting="avpu")


def test_stiffening_at_the_pinch_is_posturing_not_a_fit():
    d = _child_at_avpu()
    speak(d, "when I pinch him he goes stiff all over, arms out straight")
    assert d.result.start_category == Category.RED and "seizure" not in d.result.red_flags


def test_jerking_at_the_response_question_is_still_a_fit():
    d = _child_at_avpu()
    speak(d, "he's jerking all over now, his arms and legs are shaking")
    assert "seizure" in d.result.red_flags


# --- Spanish numbers are not read in French words their folded accents make ----------------------------------------


@pytest.mark.parametrize("said, seconds", [
    ("oui, la couleur revient très vite", None),
    ("oui, très vite, 2 seconds", 2.0),
    ("tres segundos", 3.0),
])
def test_french_tres_is_very_and_spanish_tres_is_three(said, seconds):
    got = parse_refill_seconds(said)
    assert (got.high if got else None) == seconds


@pytest.mark.parametrize("said, age", [
    ("il a mal au dos, il a quarante ans, 40", 40.0),
    ("mes enfants sont là, il a 5 ans", 5.0),
    ("tiene dos años", 2.0),
    ("seis meses", 0.5),
])
def test_french_dos_and_mes_are_no_spanish_numbers(said, age):
    assert parse_age(said) == age


@pytest.mark.parametrize("said, count", [
    ("contei vinte e cinco", 25.0),
    ("vingt-deux, je crois", 22.0),
    ("cuarenta y dos", 42.0),
    ("vingt et un", 21.0),
])
def test_a_compound_number_in_portuguese_french_or_spanish_is_read_whole(said, count):
    assert parse_breath_count(said).count.high == count
