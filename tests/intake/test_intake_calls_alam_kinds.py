"""Kinds spent sets al and am's whole calls showed going wrong (issue 14), in the team's own words.

A despair told as a low mood and a drowsiness told as "dopey" asked no harm question, so an overdose told only at that
question was never heard; a caller on a bad line saying "je vous entends pas" or "I cain't hear nothin'" was taken as
answering and ended RED; a Creole "I don't know" ("mi nuh sure", "mi no save") was read as a yes or a no; a caller's own
hurt told as "my shoulder's sore" or "...and twisted my ankle" did not keep them the patient beside someone else named;
a roof fallen from at work and a death in the crash's vehicle asked the harm question, whose "I don't know" made a
walker urgent; "it's high" after a fall was read as a drug; a top veranda and a stand "the height of a man" misread as
a height or not.
"""

import pytest

from intake.dialogue import Dialogue
from intake.models import Category, Urgency
from intake.red_flags import find_mechanisms, harm_cue_said
from intake.scenarios import mismatches, run_dialogue
from intake.understanding import names_someone_else, without_line_checks
from tests.support.dialogue import dialogue_after


def _at(step: str, said: str):
    """How the dialogue reads `said` at `step` (None: no answer, asked again)."""
    d = Dialogue(channel="text", region="GB")
    d.start()
    d._step = step
    return d._interpret(step, said)


# --- 1. A low mood and drowsiness in other words ask the harm question ---------------------------------------------

@pytest.mark.parametrize("said", [
    "my dad's been really low since the shop closed, he's in bed, he's all dopey",
    "she's been feeling very low these weeks and now she's dozy, I can't get much out of her",
    "he's in a dark place since the divorce, and he's half asleep on the sofa",
    "mi bredda been real low since him lose di work, him dopey now",
    "she's been down in the dumps, she's spaced out and not making much sense",
])
def test_a_low_mood_or_drowsiness_in_other_words_asks(said):
    assert harm_cue_said(said)


@pytest.mark.parametrize("said", [
    "he's diabetic and his sugar is very low, he's shaking",
    "my phone battery is so low, please be quick",
    "she's been feeling low on energy with the flu",
    "he has very low blood pressure, he fainted in the kitchen and banged his knee",
    "she fell off the wall, it's pretty low, she scraped her hand",
    "he fell down the stairs and hurt his wrist",
])
def test_low_sugar_pressure_battery_or_a_low_wall_ask_nothing(said):
    assert not harm_cue_said(said)


def test_a_low_dopey_relative_whose_tablets_are_told_at_the_harm_question_reaches_the_number():
    call = {"id": "alam-low-dopey-tablets", "caller": "+447700900123",
            "answers": {"who": "my husband", "complaint": "he's been awful low since he lost the farm, he's in the chair, "
                        "very dopey", "danger_signs": "no, he's awake, just slow to answer",
                        "harm": "yes, he said he's had enough, and his sleeping tablets box is empty"},
            "default": "I don't know",
            "expect": {"urgency": "emergency", "red_flags": ["overdose_poisoning", "suicidal"]}}
    record, dialogue = run_dialogue(call)
    assert "harm" in [t["prompt_id"] for t in record["turns"]]
    assert mismatches(call, record, dialogue) == []


# --- 2. A bad line said in French, Haitian Creole or Appalachian English is no answer ------------------------------

@pytest.mark.parametrize("said", [
    "Allô? On m'entend? Je vous entends pas", "allô, j'entends rien", "Allô... ça coupe, allô?",
    "alo, mwen pa tande w", "Hello? I cain't hear nothin' on this phone", "hello? I can't hear nobody",
    "anybody there?", "Allô, il y a quelqu'un?",
])
def test_a_bad_line_said_otherwise_is_no_answer(said):
    assert not any(c.isalpha() for c in without_line_checks(said))


@pytest.mark.parametrize("said, kept", [
    ("il entend pas quand je l'appelle", "entend pas"),  # he doesn't hear when I call him: a sign, not the line
    ("someone here collapsed", "collapsed"),
    ("she can not hear anything in her left ear", "left ear"),
])
def test_the_same_words_about_the_patient_are_kept(said, kept):
    assert kept in without_line_checks(said)


def test_a_caller_who_never_hears_a_question_ends_as_no_answer_never_red():
    call = {"id": "alam-bad-line", "caller": "+33612345678",
            "answers": {"who": "Allô? Vous m'entendez?", "complaint": "Allô, j'entends rien, ça coupe",
                        "danger_signs": "Allô?"},
            "default": "Hello? I cain't hear nothin'",
            "expect": {"start_category": None, "urgency": "urgent", "red_flags": [], "outcome": "no_answer"}}
    record, dialogue = run_dialogue(call)
    assert mismatches(call, record, dialogue) == []


# --- 3. A Creole "I don't know" is neither a yes nor a no -----------------------------------------------------------

@pytest.mark.parametrize("step", ["walk", "harm", "danger_signs", "commands", "breathing"])
@pytest.mark.parametrize("said", ["mi nuh sure", "me nah know", "mi no save", "mi no save, sori", "I doh know",
                                  "nuh sure, she jus a lie deh"])
def test_a_creole_dont_know_is_asked_again(step, said):
    assert _at(step, said) is None


@pytest.mark.parametrize("said, value", [("mi no save wokabaut", "no"), ("nah, she can't", "no"), ("yes", "yes")])
def test_a_creole_cannot_or_a_plain_answer_still_answers(said, value):
    assert _at("walk", said) == value


# --- 4. The caller's own hurt keeps them the patient beside someone else named --------------------------------------

@pytest.mark.parametrize("said", [
    "the minibus rolled on the pass, the lady next to me died, I climbed out, my arm's cut",
    "I laughed so much at my cousin's speech, then I stood up too fast and sprained my wrist",
    "my brother's car hit mine and I banged my head on the window, my neck's sore",
])
def test_the_callers_own_hurt_keeps_them_the_patient(said):
    assert not names_someone_else(said)


@pytest.mark.parametrize("said", [
    "my son fell off the wall and twisted his ankle", "my wife slipped in the bathroom and hurt her hip",
    "my husband's chest is sore",
])
def test_someone_elses_hurt_is_someone_else(said):
    assert names_someone_else(said)


# --- 5. A cue a mechanism explains asks nothing; the same cue told otherwise still asks -----------------------------

@pytest.mark.parametrize("said", [
    "he came off the roof clearing the gutter, two floors, onto the grass",
    "she fell from the rooftop while she was fixing the aerial",
    "him drop off di roof when him a patch di zinc",
    "the taxi rolled over on the bypass and the man beside me died, my knee is scraped",
    "our bus crashed into a lorry, the driver is dead, I got out myself",
    "he fell off a ladder, it's high, the top of the shop",
])
def test_a_cue_in_the_mechanisms_own_words_asks_nothing(said):
    assert not harm_cue_said(said)


@pytest.mark.parametrize("said", [
    "he fell off the roof",  # no task said: a fall or a jump, asked
    "he jumped off the roof fixing the zinc",
    "she fell off the roof fixing the gutter, she'd been drinking all afternoon",
    "my husband is dead, he's on the kitchen floor",
    "the driver died in the crash and my son says he wants to die too",
    "he got high with his friends and fell off the wall",
])
def test_the_same_cue_told_otherwise_still_asks(said):
    assert harm_cue_said(said)


def _green_roof_call(complaint: str) -> dict:
    return {"id": "alam-roof", "caller": "+250788000000",
            "answers": {"who": "my son", "complaint": complaint, "danger_signs": "no, none",
                        "age": "thirty", "walk": "yes, he's walking about", "duration": "ten minutes",
                        "severity": "three", "medications": "none", "allergies": "none"},
            "default": "Sijui"}


def test_a_walker_who_fell_off_a_roof_at_work_is_green_routine_with_the_mechanism():
    record, dialogue = run_dialogue(_green_roof_call("he slipped off the roof while nailing the iron sheets, "
                                                     "two storeys, he got up"))
    assert "harm" not in [t["prompt_id"] for t in record["turns"]]
    assert dialogue.result.start_category == Category.GREEN and dialogue.result.urgency == Urgency.ROUTINE
    assert "fall_from_height" in dialogue.result.mechanism


def test_a_walker_who_fell_off_a_roof_with_no_task_told_is_still_asked_and_urgent_unanswered():
    record, dialogue = run_dialogue(_green_roof_call("he fell off the roof, two storeys, he got up"))
    assert "harm" in [t["prompt_id"] for t in record["turns"]]
    assert dialogue.result.start_category == Category.GREEN and dialogue.result.urgency == Urgency.URGENT


# --- 6. A top veranda is a height; a stand the height of a man is not -----------------------------------------------

@pytest.mark.parametrize("said", [
    "she fell off the top veranda of the house onto the concrete",
    "he fell from the upper porch of the old house, right down onto the path",
    "she tumbled off the second-floor verandah",
])
def test_an_upper_veranda_is_a_height(said):
    assert "fall_from_height" in find_mechanisms(said)


@pytest.mark.parametrize("said", [
    "she fell off the veranda and grazed her knee", "he fell off the back porch step",
    "she fell off the chicken coop, it's about the height of a man",
    "he fell off the ladder, about head height, onto the tiles",
    "she fell from the wall, about my height",
])
def test_a_plain_veranda_or_a_mans_height_is_no_fall_from_height(said):
    assert "fall_from_height" not in find_mechanisms(said)


@pytest.mark.parametrize("said", [
    "he fell from the scaffold, about twice the height of a man",
    "she fell out of the tree, higher than the height of a man",
    "he fell off the ladder, over my head height, maybe four metres",
])
def test_more_than_a_mans_height_is_still_a_fall_from_height(said):
    assert "fall_from_height" in find_mechanisms(said)


def test_a_self_caller_in_a_crash_where_someone_died_stays_the_patient():
    d = dialogue_after("me", "yes, it's me, I was in the van",
                       "the van rolled on the hill road, the woman next to me is dead, I got out, my hip's sore",
                       channel="text", region="GB")
    assert d.result.who == "self"
