"""Kinds spent set aj's whole calls showed going wrong (issue 14), in the team's own words.

START's radial pulse, never asked of an adult; a Singlish "a bit pain" and a block of flats read as something stuck; a
choking dated by a festival; an old stroke's weakness said as "always weak"; a poisoning in a farm worker whose words
asked no harm question, and a pesticide's bottle "in his bag" with the breath smelling "of it"; a short fall off a
ladder; a bleed said to have slowed under pressure; a small child hit in the belly and lying down; a trench that
collapsed on someone read as someone who collapsed.
"""

import pytest

from intake import prompts as P
from intake.dialogue import Dialogue
from intake.models import Category
from intake.red_flags import find_mechanisms, find_red_flags, harm_cue_said
from intake.understanding import parse_yes_no
from tests.support.dialogue import dialogue_after, speak

_PULSE = P.PROMPTS["pulse"]


def _pulse(said: str):
    return parse_yes_no(said, keywords=_PULSE.keywords, yes_phrases=_PULSE.yes_phrases, no_phrases=_PULSE.no_phrases,
                        unsure_phrases=_PULSE.unsure_phrases, confirmations=_PULSE.confirmations)


def _at_start_pulse(self_caller: bool = False) -> Dialogue:
    """An adult non-walker with a count of 20 and the nail's colour back in time: at START's radial pulse."""
    if self_caller:
        d = dialogue_after("it's me, I'm the one hurt", "I fell off my bicycle and can't get up", "no", "forty", "no",
                           "five", "yes, it goes pink fast", channel="voice", region="GB", awaiting="pulse")
    else:
        d = dialogue_after("my neighbour", "part of the wall fell on his legs", "no, none of those", "sixty", "no", "yes",
                           "six", "yes, it comes back", channel="voice", region="GB", awaiting="pulse")
    return d


# --- 1. START's perfusion step: no radial pulse is RED (SAFETY.md), however said ------------------------------------


def test_start_asks_the_radial_pulse_after_the_nail_and_a_pulse_goes_on_to_commands():
    d = _at_start_pulse()
    reply = speak(d, "yes, I can feel it at the wrist")
    assert d.awaiting == "commands" and d.result.start_category is None
    assert "wrist" not in reply.text.lower()
    speak(d, "yes, he squeezes")
    assert d.result.start_category == Category.YELLOW and d.result.assumed == []


def test_a_nail_slow_to_pink_is_red_without_asking_the_pulse():
    d = dialogue_after("my neighbour", "part of the wall fell on his legs", "no", "sixty", "no", "yes", "six",
                       channel="voice", region="GB", awaiting="perfusion")
    speak(d, "no, it stays white")
    assert d.result.start_category == Category.RED and "pulse" not in d.result.answers


def test_the_radial_pulse_question_asks_for_the_wrist():
    d = dialogue_after("my neighbour", "part of the wall fell on his legs", "no", "sixty", "no", "yes", "six",
                       channel="voice", region="GB", awaiting="perfusion")
    reply = speak(d, "yes, it comes back")
    assert reply.awaiting == "pulse" and "wrist" in reply.text.lower()


@pytest.mark.parametrize("said", [
    "No, I can't find it at the wrist, I tried both sides",
    "I can't find one at either wrist, I've tried both",
    "I no fit feel am for im wrist at all",
    "wala po akong makapa, nothing at the wrist",
    "Cannot find leh, his hand very cold",
    "I checked both wrists, nothing",
    "no pulse at all",
    "I tried but I cannot get it",
    "Not at the wrist, only at his neck",
])
def test_no_pulse_found_is_red(said):
    d = _at_start_pulse()
    speak(d, said)
    assert d.result.start_category == Category.RED and d.result.answers.get("pulse") == "no"
    assert "pulse" not in d.result.assumed


def test_a_caller_who_is_the_patient_is_asked_their_own_wrist_and_none_felt_is_red():
    d = _at_start_pulse(self_caller=True)
    speak(d, "No, I can't feel anything at my wrist")
    assert d.result.start_category == Category.RED


@pytest.mark.parametrize("said", [
    "I'm not sure... maybe? I think I feel something but it might be my own fingers",
    "I don't know how to find it, sorry",
    "I think so",
    "maybe, it comes and goes",
    "I feel my own heartbeat only",
])
def test_a_doubt_at_the_pulse_is_asked_again_and_never_taken_as_a_pulse(said):
    d = _at_start_pulse()
    speak(d, said)
    assert d.awaiting == "pulse" and d.result.start_category is None
    speak(d, said)
    speak(d, said)
    assert d.result.start_category == Category.RED and "pulse" in d.result.assumed


@pytest.mark.parametrize("said, read", [
    ("it's kind of weak, but it's there", "yes"),
    ("yes, I can barely feel it but it's beating", "yes"),
    ("có, yes, I can feel it on the thumb side", "yes"),
    ("yes, I think I feel it, it's there", "yes"),
    ("Yes, strong", "yes"),
    ("she feels it", "yes"),  # a friend at the wrist of a caller who is the patient
    ("yes, I can feel my own", "yes"),  # a caller who is the patient, at their own wrist
    ("it might be my own fingers", "unsure"),
    ("no pulse", "no"),
    ("nothing at the wrist", "no"),
    ("Something, maybe", "unsure"),
    ("No pulse at the wrist but I can feel it at the neck", "unsure"),
])
def test_pulse_answers_as_people_say_them(said, read):
    assert _pulse(said) == read


def test_an_unanswered_pulse_takes_the_urgent_branch():
    d = _at_start_pulse()
    for _ in range(3):
        d.no_answer()
    assert d.result.start_category == Category.RED and "pulse" in d.result.assumed


# --- 2a. Singlish "a bit pain", a block of flats: nothing stuck ------------------------------------------------------


@pytest.mark.parametrize("said", [
    "He fell off the monkey bars at the playground below our block, knee scraped, wrist a bit pain",
    "she fell off the slide at the playground below our block, elbow a bit pain only",
    "he fell from his bicycle near block 12, knee a bit swollen, a bit pain",
    "she tripped at the void deck of the next block, ankle a bit bruised",
    "our HDB block lift broke, he walked down and his knee a bit ache",
])
def test_a_bit_of_pain_and_a_block_of_flats_are_no_choking(said):
    assert "choking" not in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "a bit of sweet stuck in his throat, he can't make any sound",
    "a bit of apple is stuck in his throat",
    "the sweet is blocking his throat",
    "something blocks his throat, he can not breathe",
])
def test_something_stuck_or_blocking_still_chokes(said):
    assert "choking" in find_red_flags(said)


# --- 2b. a choking dated by a festival is history ----------------------------------------------------------------


@pytest.mark.parametrize("said", [
    "She choked on rice cake last New Year and we were so scared, so I worry a lot, but today she just fell off her scooter",
    "he choked on a sprout last Christmas so I panic, but today he just bumped his head on the table",
    "she choked on a date last Eid, we were so scared, today she fell off the swing and scraped her leg",
    "he choked on bánh chưng last Tết, so I worry, but today he only fell off his bike",
    "he choked on songpyeon at Chuseok last year, today he tripped at the park",
    "he choked on a ladoo last Diwali, but today he fell from the bed",
    "she choked on nian gao last Chinese New Year, today she just fell at the void deck",
    "he choked on a candy this past Songkran, today he slipped by the pool",
])
def test_a_choking_dated_by_a_festival_gone_by_is_history(said):
    assert "choking" not in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "it's New Year, we are eating tteokguk and he is choking on the rice cake now, he can't make a sound",
    "he had a cold last Christmas but right now he's choking on a grape, he can't breathe or cough",
    "she is choking on mochi, we are celebrating new year",
])
def test_a_choking_now_on_a_feast_day_still_chokes(said):
    assert "choking" in find_red_flags(said)


# --- 2c. an old stroke's weakness said as always so ---------------------------------------------------------------


@pytest.mark.parametrize("said", [
    "Yes, he squeezes with his right hand, the left one is always weak",
    "yes, she squeezes with the right, her left hand is always weak",
    "opo, with the right hand, the left is usually weak from his old stroke",
    "his left arm is always weak since the stroke",
])
def test_a_weakness_said_as_always_so_is_the_baseline(said):
    assert "stroke" not in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "he squeezes with the right hand, but his left arm has gone weak today, it was fine this morning",
    "his left arm is always weak but today he can not lift it at all",
    "his left arm is suddenly weak, it is never weak",
])
def test_a_weakness_new_today_is_still_a_stroke(said):
    assert "stroke" in find_red_flags(said)


def test_the_old_droop_and_the_always_weak_hand_keep_a_start_call_yellow():
    d = dialogue_after("Ông nội, my grandfather", "He slid off the chair at lunch and landed on his hip, he can't get up",
                       "His face is droopy on the left but that's from his stroke in 2022, it's the same as always, "
                       "nothing new, so no", "eighty", "no", "yes", "four", "yes", "yes",
                       channel="voice", region="VN", awaiting="commands")
    speak(d, "Yes, he squeezes with his right hand, the left one is always weak")
    assert d.result.red_flags == [] and d.result.start_category == Category.YELLOW


# --- 3a. a poisoning in a farm worker: the harm question, then the pesticide "of it" ---------------------------------


@pytest.mark.parametrize("said", [
    "He came back from the rice field and he's vomiting and sweating a lot, he says his stomach hurts",
    "he was in the field all morning, now he is throwing up and drooling a lot",
    "she is sweating and vomiting",
    "he was working on the farm, now he is vomiting",
])
def test_a_poisonings_signs_or_sickness_after_field_work_ask_the_harm_question(said):
    assert harm_cue_said(said)


@pytest.mark.parametrize("said", [
    "he is vomiting and has diarrhoea",
    "vomiting since last night, a tummy bug",
])
def test_sickness_alone_asks_nothing_more(said):
    assert not harm_cue_said(said)


def test_the_farm_workers_call_asks_the_harm_question_and_the_answer_flags():
    d = dialogue_after("Chú tôi, my uncle", "He came back from the rice field and he's vomiting and sweating a lot",
                       channel="voice", region="VN", awaiting="danger_signs")
    reply = speak(d, "No, none of those, just the vomiting")
    assert reply.awaiting == "harm"
    speak(d, "Yes... the bottle of thuốc trừ sâu is open in his bag and half of it is gone, his breath smells of it")
    assert d.result.red_flags == ["overdose_poisoning"]


@pytest.mark.parametrize("said", [
    "Yes... the bottle of thuốc trừ sâu is open in his bag and half of it is gone, his breath smells of it",
    "she drank some of the weed killer, her breath smells of it",
    "I found the bleach bottle open, her mouth smells like it",
    "Yes, the thuốc trừ sâu bottle by the door is half empty and his breath smells of it",
])
def test_a_poison_named_beside_a_breath_that_smells_of_it_is_a_poisoning(said):
    assert "overdose_poisoning" in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "no, he didn't drink anything, his clothes smell of the spray, that's all",
    "he ate durian for lunch, his breath smells of it",
])
def test_clothes_or_a_food_smelling_are_no_poisoning(said):
    assert "overdose_poisoning" not in find_red_flags(said)


# --- 3b. a short fall off a ladder ------------------------------------------------------------------------------


@pytest.mark.parametrize("said", [
    "He fell off the ladder picking persimmons, only a little way down, and he can't get up",
    "she fell off the ladder, not far, maybe the second rung",
    "he slipped off the ladder in the godown, just a short distance, his back is hurting",
    "fell off the ladder, only a little way, maybe one metre",
])
def test_a_short_fall_off_a_ladder_is_no_fall_from_height(said):
    assert "fall_from_height" not in find_mechanisms(said)


@pytest.mark.parametrize("said", [
    "he fell off the ladder, a long way down, from the top",
    "he fell from the roof, a little bit of blood on his knee",
    "my dad fell off the roof",
])
def test_a_long_fall_or_a_roof_is_still_one(said):
    assert "fall_from_height" in find_mechanisms(said)


# --- 3c. a bleed said to have slowed under pressure --------------------------------------------------------------


@pytest.mark.parametrize("said", [
    "No, it was bleeding but I pressed a towel and it slowed down",
    "No, the cut on her leg was bleeding, I pressed it, it has slowed right down",
    "no, it bled but I pressed it with a towel and it has slowed right down",
])
def test_a_bleed_slowed_under_pressure_is_no_heavy_bleeding(said):
    assert "heavy_bleeding" not in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "it was bleeding a lot, I pressed a towel and it is not slowing down",
    "it slowed down but now it is pouring again, the towel is soaked",
    "It's bleeding, I pressed on it and it hasn't slowed at all",
    "yes, I'm pressing a towel but the blood isn't slowing at all, it's running down her arm",
])
def test_a_bleed_not_slowing_or_pouring_again_is_heavy(said):
    assert "heavy_bleeding" in find_red_flags(said)


def test_slowed_at_the_danger_signs_runs_start_and_pouring_later_flags():
    d = dialogue_after("My mum", "She slipped in the wet market and fell onto a broken crate, her leg is cut and she can't stand",
                       "No, it was bleeding but I pressed a towel and it slowed down", "seventy", "no", "yes", "five",
                       channel="voice", region="HK", awaiting="perfusion")
    assert d.result.red_flags == [] and d.result.protocol == "START"
    speak(d, "Wait, the towel is full of blood now, it's pouring out again, I can't stop it")
    assert d.result.red_flags == ["heavy_bleeding"] and d.result.start_category == Category.RED


# --- 3d. a small child hit in the belly and lying down: JumpSTART decides ------------------------------------------


# A small child hit in the belly by a swing and lying down: the learned reader's serious_injury stays (a veto on belly
# and playground words cost two unseen authors a serious injury each, found by aggregate-only bisection); the call
# ends RED either way, and the flag is the safer reading of an abdominal blow.


@pytest.mark.parametrize("said", [
    "the swing hit her face, there is a deep cut and I can see the bone",
    "the swing hit him in the head and he was knocked out for a minute, now he's lying on the sand",
])
def test_a_wound_or_a_knock_out_by_the_swing_still_is(said):
    assert "serious_injury" in find_red_flags(said)


# --- 3e. a trench that collapsed on someone ---------------------------------------------------------------------


@pytest.mark.parametrize("said", [
    "The side of the trench collapsed on him at the pipe site, we dug him out with our hands just now",
    "the side of the pit caved in on him at the site, we dug him out now",
    "the wall of the trench collapsed on him, we don pull am out, he dey talk",
    "The side of the ditch collapsed on him, we pulled him out",
    "the trench collapsed",
])
def test_a_trench_or_a_pit_that_collapsed_is_no_patient_who_collapsed(said):
    assert "unconscious" not in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "he was digging the trench for the pipe and he collapsed, he won't wake up",
    "he collapsed in the trench",
    "the trench collapsed on him and he collapsed, he will not wake",
])
def test_a_man_who_collapsed_in_a_trench_still_did(said):
    assert "unconscious" in find_red_flags(said)
