"""The dialogue in Hindi, Nigerian Pidgin and Tagalog: choosing the language, understanding answers, whole calls."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.answer_words import in_english
from intake.catalogue import catalogue
from intake.dialogue import Dialogue
from intake.language import detect_language, named_language
from intake.quantities import parse_age_quantity
from intake.scenarios import load_scenarios, mismatches, run_dialogue
from intake.understanding import parse_who, parse_yes_no

LANGUAGE_SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios" / "languages.jsonl"


@pytest.mark.parametrize("scenario", load_scenarios(LANGUAGE_SCENARIOS), ids=lambda s: s["id"])
def test_each_language_scenario_ends_in_its_category_with_nothing_assumed(scenario):
    record, dialogue = run_dialogue(scenario)
    assert mismatches(scenario, record, dialogue) == []


def test_every_language_has_scenarios_green_yellow_and_red():
    seen = {(s.get("language"), s["expect"]["start_category"]) for s in load_scenarios(LANGUAGE_SCENARIOS)}
    for language in ("hi", "pcm", "tl"):
        assert {(language, c) for c in ("GREEN", "YELLOW", "RED")} <= seen | {("pcm", "RED")}, language
    assert ("pcm", "RED") in seen


def test_free_answers_are_kept_in_the_callers_own_words():
    _, dialogue = run_dialogue(next(s for s in load_scenarios(LANGUAGE_SCENARIOS) if s["id"] == "hi-green"))
    assert dialogue.result.complaint == "usko bukhar hai" and dialogue.result.language == "hi"


@pytest.mark.parametrize(("text", "language"), [
    ("abeg my pikin dey cough since morning", "pcm"),
    ("wetin I go do, e no fit breathe", "pcm"),
    ("mera beta bahut bimar hai", "hi"),
    ("मेरे बेटे को बुखार है", "hi"),
    ("masakit ang ulo ko", "tl"),
    ("ang anak ko may lagnat", "tl"),
    ("my father has chest pain", "en"),
    ("headache", None),
])
def test_a_texts_language_is_told_by_its_function_words(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize(("text", "language"), [
    ("Hindi please", "hi"), ("in Tagalog", "tl"), ("pidgin", "pcm"), ("I want English", "en"), ("हिंदी", "hi"),
    ("my son speaks Hindi and has a fever", None), ("hindi siya humihinga", None),
])
def test_only_an_utterance_that_just_names_a_language_switches(text, language):
    assert named_language(text) == language


@pytest.mark.parametrize(("text", "language", "yes_no"), [
    ("haan", "hi", "yes"), ("हाँ", "hi", "yes"), ("nahi", "hi", "no"), ("नहीं", "hi", "no"),
    ("oo po", "tl", "yes"), ("opo", "tl", "yes"), ("hindi po", "tl", "no"),
    ("yes o", "pcm", "yes"), ("no o", "pcm", "no"),
])
def test_yes_and_no_in_each_language(text, language, yes_no):
    assert parse_yes_no(in_english(text, language)) == yes_no


@pytest.mark.parametrize(("text", "language", "years"), [
    ("tees saal", "hi", 30), ("तीस साल", "hi", 30), ("pachchis saal", "hi", 25),
    ("tatlumpu't limang taon", "tl", 35), ("apatnapung taon", "tl", 40), ("tatlong buwan", "tl", 0.25),
    ("sixty years", "pcm", 60),
])
def test_ages_in_each_language(text, language, years):
    assert parse_age_quantity(in_english(text, language)).low == pytest.approx(years)


@pytest.mark.parametrize(("text", "language", "who"), [
    ("mera beta", "hi", "other"), ("kisi aur ke liye", "hi", "other"), ("anak ko", "tl", "other"),
    ("ibang tao", "tl", "other"), ("na my pikin", "pcm", "other"), ("ako mismo", "tl", "self"),
])
def test_who_the_patient_is_in_each_language(text, language, who):
    assert parse_who(in_english(text, language)) == who


def test_english_answers_are_not_glossed():
    assert in_english("hindi speaking doctor, tees", "en") == "hindi speaking doctor, tees"


def test_the_menu_is_said_in_each_offered_language_the_countrys_first_and_only_when_asked_for():
    menu = Dialogue(channel="voice", region="PH", choose_language=True).start()
    assert menu.awaiting == "language"
    assert menu.text == f"{catalogue('tl').say('language.offer', digit='4')} {catalogue('en').say('language.offer', digit='1')}"
    assert Dialogue(channel="voice", region="PH").start().awaiting == "who"  # the setting is off by default
    assert Dialogue(channel="voice", region="GB", choose_language=True).start().awaiting == "who"  # English only


def test_the_language_survives_the_text_channels_stored_state():
    d = Dialogue(channel="text", region="NG", choose_language=True)
    d.answer("abeg my pikin dey cough")
    again = Dialogue.from_state(d.to_state())
    assert again.language == "pcm" and again.answer("no").awaiting == "age"
    assert again.answer("30").text == catalogue("pcm").say("walk.text", "other")


@pytest.mark.parametrize("language, digit", [("hi", "2"), ("pcm", "3"), ("tl", "4")])
def test_a_red_flags_first_aid_is_said_in_the_callers_language(language, digit):
    region = {"hi": "IN", "pcm": "NG", "tl": "PH"}[language]
    d = Dialogue(channel="voice", region=region, choose_language=True)
    d.start()
    d.keypad(digit)
    d.answer("my father")
    reply = d.answer("he is choking on food, he cannot cough or breathe")
    assert d.language == language and reply.awaiting is None
    assert catalogue(language).say("advice.choking") in reply.text  # back blows, not only "get help"
    assert catalogue("en").say("advice.choking") not in reply.text


@pytest.mark.parametrize("region, said", [
    ("NG", "my papa no dey breathe, him chest no dey move"),
    ("IN", "please help, my father collapsed and he is not breathing"),
    ("PH", "ang tatay ko, hindi siya humihinga, his chest is not moving"),
])
def test_a_caller_who_speaks_an_emergency_at_the_language_menu_hears_the_number_at_once(region, said):
    """The menu waits for a key; a caller who just speaks is heard: the disclaimer, then the emergency number."""
    d = Dialogue(channel="voice", region=region, choose_language=True)
    d.start()
    reply = d.answer(said)
    assert reply.finished and "not_breathing" in d.result.red_flags
    assert [s.prompt_id for s in reply.segments][:2] == ["disclaimer", "cpr"]


def test_a_caller_who_says_who_at_the_menu_goes_on_to_the_complaint_and_hello_hears_the_menu_again():
    d = Dialogue(channel="voice", region="NG", choose_language=True)
    d.start()
    assert d.answer("hello? can you hear me?").awaiting == "language"
    assert d.answer("it is for my mother").awaiting == "complaint" and d.result.who == "other"


def test_words_at_a_menu_opened_mid_call_answer_the_question_it_interrupted():
    d = Dialogue(channel="voice", region="NG", choose_language=True)
    d.start()
    d.keypad("1")
    d.answer("my brother")
    d.keypad("*")
    assert d.awaiting == "language"
    reply = d.answer("he fell from the roof and he is not breathing")
    assert reply.finished and "not_breathing" in d.result.red_flags
