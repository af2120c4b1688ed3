"""Calls that should end BLACK, and their look-alikes (issue 14, branch black-calls). The team's own wording.

Kinds: (1) a red flag in someone who may not breathe ("won't wake", or a patient told still and silent beside another
flag) gave the number and ended, so the breathing question that picks CPR or the recovery position, and BLACK or RED,
was never asked: now the number comes at once and the breathing check follows ("not breathing" told in the caller's
own words is still CPR at once, RED);
(2) a doubt the caller settles aloud with a doubled no ("maybe a little? no, no, nothing") is the no; (3) a caller
shaking the patient to wake them, the object left unsaid ("we're calling him and shaking"), is no fit; (4) "one of my
crew", "the watchman" name someone else.
"""

import pytest

from intake.dialogue import Dialogue
from intake.models import Category, Speech, Urgency
from intake.red_flags import find_red_flags
from intake.understanding import parse_breathing, parse_who, parse_yes_no, still_said
from intake.yes_no_words import yes_no_in_english
from tests.support.dialogue import dialogue_after, speak

CHECK_STEPS = ("age", "breathing", "reposition", "pulse", "rescue_breaths")


def _number_first(reply, number: str) -> bool:
    speech = [s for s in reply.segments if isinstance(s, Speech) and s.prompt_id != "disclaimer"]
    return speech[0].prompt_id == "emergency" and number in speech[0].text


def _through_check(d: Dialogue, answers: dict[str, str]):
    """The check's questions answered from `answers` (by prompt id) until the call ends."""
    reply = None
    while not d.finished:
        assert d.awaiting in CHECK_STEPS, d.awaiting
        reply = d.answer(answers[d.awaiting])
    return reply


# --- 1. the number at once, then the breathing check -----------------------------------------------------------


@pytest.mark.parametrize("complaint", [
    "he's on the bathroom floor and I can't wake him, I've been shouting at him",
    "we carried her out of the smoke, she's not responding to anything",
    "the trench caved in on him, we dug him out and he's not moving at all",
    "he grabbed the cable and dropped, his eyes are open but nothing, no response",
    "we've cut her down from the banister, she's just limp",
    "abeg, the wall fall on am, we don carry am comot, him just dey lie down, him no dey answer",
])
@pytest.mark.parametrize("channel", ["voice", "text"])
def test_an_adult_still_not_breathing_after_the_airway_is_black_after_the_number(complaint, channel):
    d = dialogue_after("someone else", channel=channel, region="GB", awaiting="complaint")
    reply = speak(d, complaint)
    assert _number_first(reply, "999") and not reply.finished and d.result.urgency == Urgency.EMERGENCY
    flags = list(d.result.red_flags)
    reply = _through_check(d, {"age": "fifty-two", "breathing": "no, nothing at all",
                               "reposition": "I've tipped the head back, still nothing"})
    r = d.result
    assert r.start_category == Category.BLACK and r.protocol == "START" and r.urgency == Urgency.EMERGENCY
    assert r.red_flags == flags  # never lowered
    assert reply.segments[-1].prompt_id == "cpr" and "999" in reply.text and "not sure" not in reply.text


@pytest.mark.parametrize("answers, category", [
    ({"age": "three", "breathing": "no", "reposition": "no", "pulse": "no, there's nothing in her arm"}, Category.BLACK),
    ({"age": "three", "breathing": "no", "reposition": "no", "pulse": "yes, it's there, fast",
      "rescue_breaths": "I gave the five, she still isn't breathing"}, Category.BLACK),
    ({"age": "three", "breathing": "no", "reposition": "no", "pulse": "yes I can feel it",
      "rescue_breaths": "yes! she coughed, she's breathing"}, Category.RED),
    ({"age": "three", "breathing": "no", "reposition": "oh, she took a breath, yes she is"}, Category.RED),
])
def test_a_child_after_the_number_goes_through_jumpstarts_pulse_and_rescue_breaths(answers, category):
    d = dialogue_after("my niece", "she fell in the water tank on the roof, we pulled her out and she won't wake up",
                       channel="voice", region="NG")
    assert d.awaiting in CHECK_STEPS
    reply = _through_check(d, answers)
    assert d.result.start_category == category and "unconscious" in d.result.red_flags
    if category == Category.BLACK:
        assert d.result.protocol == "JumpSTART" and "heel of one hand" in reply.text  # child CPR, by the age said
    else:
        assert "on their side" in reply.text and "push down" not in reply.text  # breathing: the recovery position


@pytest.mark.parametrize("complaint, cpr_words", [  # told in the first description: the arrest they call about
    ("my husband's collapsed on the landing and he isn't breathing", "your other hand on top"),
    ("abeg my oga don fall for workshop, him no dey breathe at all", "your other hand on top"),
    ("I've just found the baby in his cot and he's not breathing", "two fingers"),
    ("my little girl fell in the pool, she's stopped breathing", "heel of one hand"),
])
@pytest.mark.parametrize("channel", ["voice", "text"])
def test_not_breathing_told_in_the_callers_words_is_cpr_at_once_and_stays_red(complaint, cpr_words, channel):
    """The caller has told us: no airway question before the CPR words, and no BLACK without the airway step told."""
    d = dialogue_after("someone else", channel=channel, region="IN", awaiting="complaint")
    reply = speak(d, complaint)
    assert reply.finished and reply.segments[-1].prompt_id == "cpr" and "112" in reply.text
    assert cpr_words in reply.text or channel == "text"  # a text's CPR is shorter; its age group is tested elsewhere
    assert d.result.start_category == Category.RED and "not_breathing" in d.result.red_flags


def test_a_baby_found_in_a_cot_who_will_not_wake_goes_through_the_infants_steps():
    d = dialogue_after("it's my baby", "I've gone in to get him from the cot and he won't wake, he's all floppy",
                       channel="voice", region="IN")
    assert d.awaiting == "breathing"  # "baby": no age question, JumpSTART's steps
    reply = _through_check(d, {"breathing": "no, his chest isn't going", "reposition": "nothing",
                               "pulse": "no, nothing"})
    assert d.result.start_category == Category.BLACK and "two fingers" in reply.text and "112" in reply.text


@pytest.mark.parametrize("answer, lead", [
    ("he gave one big gasp and then nothing", "Gasping"),
    ("I don't know, I can't see properly in the dark", "not sure"),
    ("", "not sure"),
])
def test_a_gasp_or_a_doubt_after_the_airway_is_red_with_cpr_never_black(answer, lead):
    d = dialogue_after("someone else", "a man collapsed at the bus stop, he is not responding", "forty-ish", "no",
                       channel="voice", region="GB", awaiting="reposition")
    reply = d.answer(answer) if answer else d.no_answer()
    assert reply.finished and d.result.start_category == Category.RED and reply.segments[-1].prompt_id == "cpr"
    assert lead in reply.text


def test_a_doubt_at_the_first_breathing_question_is_cpr_at_once_not_asked_again():
    d = dialogue_after("my dad", "he collapsed in the garden and he's not moving at all", channel="text", region="GB",
                       awaiting="breathing")
    reply = d.answer("I'm not sure, maybe?")
    assert reply.finished and "breathing" in d.result.assumed and d.result.start_category == Category.RED
    assert "not sure" in reply.text


def test_breathing_at_the_first_question_is_red_with_the_recovery_position():
    d = dialogue_after("my gran", "she's slumped in the chair and won't wake up", channel="voice", region="GB",
                       awaiting="breathing")
    reply = d.answer("yes, her chest is going up and down")
    assert reply.finished and d.result.start_category == Category.RED and "on their side" in reply.text
    assert "push down hard" not in reply.text


@pytest.mark.parametrize("still", ["he's not moving", "he's limp", "his eyes are open but nothing",
                                   "there's not a stir out of him"])
def test_a_patient_told_still_beside_another_flag_gets_the_check(still):
    """Blue lips alone are breathing difficulty (sit them up); told still and silent too, whether they breathe decides."""
    d = dialogue_after("a fisherman", f"we pulled him off the rocks, his lips are blue and {still}", channel="text",
                       region="IE")
    assert d.result.red_flags and d.awaiting in CHECK_STEPS
    blue_only = dialogue_after("a fisherman", "we pulled him off the rocks, he's coughing and his lips are blue",
                               channel="text", region="IE")
    assert blue_only.finished and "breathing_difficulty" in blue_only.result.red_flags


@pytest.mark.parametrize("said, checked", [
    ("I can't breathe, my chest is so tight", False),  # the caller is the patient
    ("he's fitting on the floor and not responding", False),  # not during a fit
    ("she's breathing but she won't wake up", False),  # breathing told: the recovery position at once
    ("he has crushing chest pain and he's sweating", False),  # nothing says he may not breathe
])
def test_no_check_where_breathing_is_known_or_a_fit_is_happening(said, checked):
    who = "me" if said.startswith("I ") else "someone else"
    d = Dialogue(channel="voice", region="GB")
    d.start()
    speak(d, who, *(["yes"] if who == "me" else []))
    reply = d.answer(said)
    assert d.result.red_flags and reply.finished is not checked


def test_a_flag_during_the_check_is_kept_and_a_fit_ends_it_with_the_fits_first_aid():
    d = dialogue_after("my husband", "he collapsed and he won't wake up", channel="voice", region="GB",
                       awaiting="breathing")
    reply = d.answer("no, and there's blood pouring from his head")
    assert "heavy_bleeding" in d.result.red_flags and d.awaiting == "reposition" and not reply.finished
    reply = d.answer("now he's jerking all over, his arms and legs")
    assert reply.finished and "seizure" in d.result.red_flags and reply.segments[-1].prompt_id == "emergency"
    assert "push down hard" not in reply.text  # no one to push on during a fit


def test_not_breathing_told_at_the_age_question_of_the_check_is_its_breathing_answer():
    d = dialogue_after("someone else", "a man collapsed outside the mosque, he is not responding", channel="voice",
                       region="GB", awaiting="age")
    reply = d.answer("about sixty, oh god, he's stopped breathing")
    assert not reply.finished and d.awaiting == "reposition" and "not_breathing" in d.result.red_flags
    reply = d.answer("still nothing")
    assert d.result.start_category == Category.BLACK and reply.segments[-1].prompt_id == "cpr"


@pytest.mark.parametrize("answers", [
    ("the roof came down on him in the storm, we pulled him out", "no blood, no fit, but he's not breathing, nothing"),
    ("the wall fell on him, we dug him out", "no", "forty", "no, he's not moving, there's no breath in him"),
])
def test_not_breathing_told_in_a_later_answer_is_the_number_then_the_airway(answers):
    """Told in answer to the danger signs or START's own walk question, the apnoea is START's breathing answer: the
    number at once, then the airway step (no breathing question again); still nothing after it is BLACK."""
    d = dialogue_after("a man from our street", *answers, channel="text", region="TR")
    assert "not_breathing" in d.result.red_flags and d.awaiting in ("age", "reposition")
    reply = _through_check(d, {"age": "forty", "reposition": "I lifted the chin, still no breath"})
    assert d.result.start_category == Category.BLACK and reply.segments[-1].prompt_id == "cpr"

def test_the_check_survives_a_stored_state():
    d = dialogue_after("my son", "we dragged him out of the river, he's limp", "seventeen", channel="text",
                       region="NG", awaiting="breathing")
    e = Dialogue.from_state(d.to_state())
    for x in (d, e):
        speak(x, "no", "no, still nothing")
    assert d.result.to_dict() == e.result.to_dict() and e.result.start_category == Category.BLACK


@pytest.mark.parametrize("said, still", [
    ("he's not moving", True), ("she's lying there dead still", True), ("he's gone limp", True),
    ("she's lifeless", True), ("his eyes are open but nothing", True), ("we cut him down from the beam", True),
    ("he no dey move", True), ("hindi gumagalaw si lolo", True),
    ("he's not moving his left arm", False), ("she's limping a bit", False), ("he's not limp, he's kicking", False),
    ("she's lying on the sofa watching telly", False), ("the traffic is not moving", False),
])
def test_still_and_silent_words(said, still):
    assert still_said(said) is still


# --- 2. a doubt settled by a doubled no ------------------------------------------------------------------------


@pytest.mark.parametrize("said", [
    "maybe a little? no, no, nothing",
    "I thought I saw something... no. No, nothing, still nothing",
    "a tiny bit, maybe? no no no, he's not breathing",
])
def test_a_doubt_settled_with_a_doubled_no_is_no_breathing(said):
    assert parse_breathing(said) == "no"


@pytest.mark.parametrize("said", ["maybe a little", "maybe, no", "I think so? I'm not sure"])
def test_a_doubt_left_standing_is_asked_again(said):
    assert parse_breathing(said) == "unsure"


def test_a_doubled_no_settles_a_yes_no_question_too():
    assert parse_yes_no("he squeezed? no, no, he didn't, nothing") == "no"


# --- 3. the caller shaking the patient is no fit ---------------------------------------------------------------


@pytest.mark.parametrize("said", [
    "she's on the kitchen floor, I'm calling her and shaking, nothing",
    "we're shouting his name and shaking, he's lying on the ground",
    "he's on the floor, I keep calling him and shaking",
])
def test_the_callers_own_shaking_is_no_fit(said):
    assert "seizure" not in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "I'm calling him and shaking, he's jerking on the floor",
    "she's on the floor and shaking, she's not responding",
    "he's shaking all over on the ground",
])
def test_the_patients_own_shaking_is_still_a_fit(said):
    assert "seizure" in find_red_flags(said)


# --- 4. someone named as one of a group, or by their work ------------------------------------------------------


@pytest.mark.parametrize("said", ["one of my crew", "one of the lads from the site", "our night watchman",
                                  "the gateman at the school", "one of our miners"])
def test_one_of_a_group_or_a_worker_is_someone_else(said):
    assert parse_who(said) == "other"


@pytest.mark.parametrize("said, who", [("one of my fingers", "maybe_self"), ("one of my legs is hurt", "self")])
def test_one_of_my_body_parts_is_not_someone_else(said, who):
    assert parse_who(said) == who


@pytest.mark.parametrize("said", ["my gogo", "anak ko", "asawa ko po", "kapatid namin", "my bibi"])
def test_kin_words_of_other_languages_name_someone_else(said):
    assert parse_who(said) == "other"


# --- 5. a yes or a no in the caller's other language, said alone ---------------------------------------------------


@pytest.mark.parametrize("said, region, answer", [
    ("evet", "TR", "yes"), ("tak, tak", "PL", "yes"), ("yebo", "ZA", "yes"), ("bale.", "IR", "yes"), ("ndio", "KE", "yes"),
    ("opo", "PH", "yes"), ("hindi po", "PH", "no"), ("nahi ji", "IN", "no"), ("hapana", "KE", "no"), ("nie.", "PL", "no"),
    ("não", "BR", "no"), ("hayır", "TR", "no"),
])
def test_a_yes_or_no_word_of_another_language_said_alone_answers(said, region, answer):
    assert parse_yes_no(yes_no_in_english(said, region=region)) == answer


@pytest.mark.parametrize("said", ["she only speaks hindi", "tak tak tak, the tap is dripping", "evet mi? what?"])
def test_the_same_words_inside_a_sentence_answer_nothing(said):
    assert parse_yes_no(yes_no_in_english(said)) in (None, "unsure")


def test_a_foreign_yes_at_the_walk_question_is_green_not_assumed():
    d = dialogue_after("my colleague", "he twisted his ankle on the steps, it's a bit swollen", "no, nothing like that",
                       "thirty-one", channel="text", region="PL", awaiting="walk")
    d.answer("tak")
    assert d.result.answers["walk"] == "yes" and "walk" not in d.result.assumed


# --- 6. someone found hanging is a suicide attempt, and may not be breathing ------------------------------------------


@pytest.mark.parametrize("said", [
    "I found my brother hanging from the ceiling fan",
    "we found dad hanging in the garage, we got him down",
    "she's hanging off the banister, oh god",
    "we cut him down from the beam in the barn",
    "we brought her down from the rope, she's on the floor",
])
def test_someone_found_hanging_is_a_suicide_attempt(said):
    assert "suicidal" in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "I found him hanging around the shops with his mates",
    "she was hanging washing on the line and slipped off the step",
    "the mirror hanging on the wall fell on her head",
    "we took him down from the mango tree, he twisted his ankle climbing",
    "we got him down off the roof, he's hurt his back",
])
def test_hanging_things_and_climbers_brought_down_are_no_attempt(said):
    assert "suicidal" not in find_red_flags(said)


def test_someone_found_hanging_hears_the_number_then_the_breathing_check():
    d = dialogue_after("my cousin", "we found him hanging from the fan in his room, we brought him down", channel="voice",
                       region="BD")
    assert "suicidal" in d.result.red_flags and d.awaiting in CHECK_STEPS
    _through_check(d, {"age": "nineteen", "breathing": "no, nothing", "reposition": "I did it, still no breath"})
    assert d.result.start_category == Category.BLACK and "suicidal" in d.result.red_flags
