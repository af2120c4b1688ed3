"""Kinds spent set af's whole calls showed going wrong, in the team's own words (calls `afc-*` in calls.jsonl).

A lean ("a little", "a bit") beside a clear "none of those" that qualifies no sign asked about, or a sign told as the
patient's baseline; a bad line in Hindi, Tagalog or Pidgin read as an answer; Pidgin's clause "no" after a subject read
as a denial beside a yes; "killing myself with this work" read as intent; a limb not moved after a tumble read as a
stroke, and "onto the floor" as a height; a graze's skin read as a burn; a phosphide packet found empty missed; a hand's
tremor read as a fit; a baby's milk read as an overdose; the harm question asked for an animal's rope or a child only
crying a little, and not asked for a burning stomach.
"""

import pytest

from intake import prompts as P
from intake.dialogue import _leans_yes
from intake.models import Category
from intake.red_flags import find_red_flags, harm_cue_said
from intake.understanding import parse_yes_no, without_line_checks
from tests.support.dialogue import dialogue_after, speak

DANGER = P.PROMPTS["danger_signs"]


# --- 1. a lean that qualifies no sign, or a baseline, beside "none of those" -------------------------------------------


@pytest.mark.parametrize("said", [
    "Wala po, none of those, he's just crying a bit",
    "none of those, she is only a little scared",
    "Her mouth is a little bent since her stroke three years ago, same as always; none of those today",
    "none of those, his left hand is a bit weak since he was born, nothing new",
])
def test_a_lean_beside_none_of_those_on_no_sign_is_no_half_yes(said):
    assert not _leans_yes(said, DANGER)


@pytest.mark.parametrize("said", [
    "None of those, maybe he is a bit breathless",
    "none of those, her lips are a little swollen",
    "none of those, she's a little sleepy",
    "she's crying a little",  # no clear no: asked again, as before
])
def test_a_lean_on_a_sign_or_without_a_clear_no_still_leans(said):
    assert _leans_yes(said, DANGER)


def test_that_one_na_since_is_no_yes_to_the_list():
    assert parse_yes_no("that one na since years, none of those today", yes_phrases=DANGER.yes_phrases,
                        no_phrases=DANGER.no_phrases) == "no"
    assert parse_yes_no("that one", yes_phrases=DANGER.yes_phrases, no_phrases=DANGER.no_phrases) == "yes"


# --- 2. a bad line is no answer -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("said", [
    "Hello? Aapki awaaz nahi aa rahi",
    "Hello, kaun bol raha hai?",
    "network nahi hai shayad",
    "Hindi kita marinig, naririnig mo ba ako?",
    "Sino po ito?",
    "I no dey hear you, una dey hear me?",
    "you're breaking up, the line is bad",
    "Haan? Hello?",
])
def test_a_bad_line_in_the_callers_words_is_no_answer(said):
    assert without_line_checks(said).strip(" ?,.") == ""


@pytest.mark.parametrize("said", ["maybe my son", "haan, he is breathing", "my son, I think"])
def test_words_of_an_answer_stay(said):
    assert without_line_checks(said).strip(" ?,.") != ""


def test_a_caller_who_never_hears_a_question_ends_as_no_answer_never_black():
    d = dialogue_after(region="IN", channel="voice")
    speak(d, *["Hello? Hello?", "Hello, network bad o, una dey hear me?", "Hello po?", "Hello? The line is bad"] * 6)
    r = d.result
    assert r.outcome == "no_answer" and r.start_category is None and r.start_category != Category.BLACK


# --- 3. Pidgin's clause "no" after a subject ---------------------------------------------------------------------------


@pytest.mark.parametrize("said", [
    "Yes o, she no dey hear me",
    "yes sir, he no dey talk again",
    "Yes, my papa no fit talk",
    "yes ma, di pikin no wan suck breast",
    "yes, he no hear when I call am",
])
def test_a_yes_then_a_pidgin_clause_negator_is_a_yes(said):
    assert parse_yes_no(said) == "yes"


@pytest.mark.parametrize("said", [
    "yes... no, no, nothing",
    "no, she no dey breathe",
    "No, I no see any blood",
    "she no dey shake",
    "e no fit waka",
])
def test_an_answer_no_or_a_clause_no_alone_stays_a_no(said):
    assert parse_yes_no(said) == "no"


def test_a_yes_and_a_plain_no_together_stay_unsure():
    assert parse_yes_no("yes no") == "unsure"
    assert parse_yes_no("I no know") == "unsure"


# --- 4. flags read where no sign was said ------------------------------------------------------------------------------


@pytest.mark.parametrize("said", [
    "I'm killing myself with this plucking work, my ankle is twisted",
    "my mother is killing herself with all the housework, now she twisted her wrist",
    "he's been killing himself over this job and now his back has gone",
    "I dey kill myself with this farm work every day, now I twist my ankle",
])
def test_killing_oneself_with_work_is_an_idiom(said):
    assert "suicidal" not in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "I'm killing myself tonight, I have the tablets",
    "I'm going to kill myself over this loan",
    "I want to kill myself with this work, I can't go on",
    "I'm killing myself with these tablets",
    "I dey kill myself tonight, I get the Sniper for here",
])
def test_intent_to_kill_oneself_stays_suicidal(said):
    assert "suicidal" in find_red_flags(said)


@pytest.mark.parametrize("said, child", [
    ("He rolled off the cot onto the floor, he cried a lot, and he's not moving his right arm much", True),
    ("the baby tumbled off the bed and now she won't move her left arm", True),
])
def test_a_limb_not_moved_after_a_tumble_is_no_stroke(said, child):
    assert find_red_flags(said, child=child) == []


@pytest.mark.parametrize("said", [
    "he slipped and now his right side is weak and his speech is slurred",
    "my grandad's right arm has gone weak and his face is drooping",
    "suddenly her left arm and leg went weak",
])
def test_fast_signs_after_a_slip_stay_stroke(said):
    assert "stroke" in find_red_flags(said, child=False)


def test_the_floor_is_no_height():
    assert "suicidal" not in find_red_flags("She tumbled onto the floor and now she won't move")
    assert "suicidal" in find_red_flags("he is on the third floor ledge and won't come down")


@pytest.mark.parametrize("said", [
    "She slipped on the wet bund and scraped her knee, some skin has come off",
    "he fell off the okada and scraped his elbow, a bit of skin came off",
    "grazed her palms on the road, the skin is peeled off a little",
])
def test_a_graze_that_took_skin_off_is_no_burn(said):
    assert "severe_burns" not in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "she scraped her arm on the stove, the skin came off, it's red and blistering",
    "the hot oil splashed on his arm and the skin has come off",
    "skin is peeling off her legs",
])
def test_skin_off_from_heat_stays_a_burn(said):
    assert "severe_burns" in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "there's a Celphos packet open by his bed and the tablets are missing",
    "we found an empty Celphos packet under his cot",
    "the rat poison box is open and the pellets are gone",
    "he drank Celphos mixed in water",
])
def test_a_poison_packet_found_empty_is_poisoning(said):
    assert "overdose_poisoning" in find_red_flags(said)


def test_medicine_left_elsewhere_is_no_poisoning():
    assert find_red_flags("his BP tablets are missing, he left them at work") == []


@pytest.mark.parametrize("said", [
    "I don't know if he squeezed or his hand is just shaking, he's old",
    "I can't tell if she squeezed, her hands always tremble, she is very old",
    "not sure, his hand is shaking from the cold",
])
def test_a_hand_trembling_with_an_everyday_reason_is_no_fit(said):
    assert "seizure" not in find_red_flags(said, child=False)


@pytest.mark.parametrize("said", [
    "his whole body is shaking, he is old",
    "her right hand is shaking for five minutes now, it won't stop",
    "grandpa is shaking all over and foaming at the mouth",
])
def test_a_fit_stays_a_fit(said):
    assert "seizure" in find_red_flags(said, child=False)


def test_a_babys_milk_is_no_overdose_but_a_poison_drunk_is():
    assert find_red_flags("No, he's feeding, he drank milk just now, no vomiting, none", child=True) == []
    assert "overdose_poisoning" in find_red_flags("the baby drank the kerosene from the bottle", child=True)
    assert "overdose_poisoning" in find_red_flags("he drank milk from a bottle that had pesticide in it", child=True)


# --- 5. when the harm question is worth asking ------------------------------------------------------------------------


@pytest.mark.parametrize("said", [
    "he is vomiting again and again and says his stomach is burning",
    "her mouth is burning and she is drooling",
    "I found him with a rope",
    "my son is crying and won't talk to anyone",
])
def test_harm_is_asked(said):
    assert harm_cue_said(said)


@pytest.mark.parametrize("said", [
    "He tripped over the buffalo's rope in the yard and grazed his hand",
    "Awan, none of those, she's only crying a little",
    "he scraped his knee, just scratches and crying",
])
def test_harm_is_not_asked(said):
    assert not harm_cue_said(said)


@pytest.mark.parametrize("text", [
    "he drank the tea the neighbour brought and now he is sweating and shaking all over",
    "they drank local brew at the wedding and now two of them can't see properly",
    "he took some water from the canal where they spray and now he has cramps and is drooling",
])
def test_an_everyday_drink_with_a_poisoning_reaction_after_it_is_still_read(text):
    """The milk-and-tea gate on the learned reader must not hide a drink the body reacted to (sweating, drooling,
    cramps, fainting, sight going) or a drink that was brew, spirits or spiked."""
    assert "overdose_poisoning" in {getattr(f, "id", f) for f in find_red_flags(text)}
