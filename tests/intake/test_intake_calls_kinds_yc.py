"""Kinds spent set y's whole calls showed going wrong (issue 14), in the team's own words.

A caller who says who they are after "for me", a self caller held fast beside someone else, a fall from a horse, a sign
taken back in the same breath by naming its look-alike, a tantrum's "threw a fit", the breaths' pace said at START's
breathing question, drowsiness with no cause told, and someone who cannot be woken whose breathing nobody has told.
"""

import pytest

from intake.dialogue import Dialogue
from intake.models import Category
from intake.red_flags import find_mechanisms, find_red_flags, harm_cue_said
from intake.understanding import (
    breathing_said,
    names_someone_else,
    parse_breathing,
    parse_who,
    taken_back,
    without_pace,
)
from tests.support.dialogue import dialogue_after, speak


# --- 1. who: the caller described after "for me"; their own body held fast ------------------------------------------


@pytest.mark.parametrize("said", [
    "for me, I am the driver",
    "it's for me, I'm the passenger in the taxi",
    "for me, I'm the courier",
    "myself, I am a nurse at the clinic",
])
def test_a_caller_describing_themselves_after_for_me_is_the_patient(said):
    assert parse_who(said) == "self"


@pytest.mark.parametrize("said", [
    "for my boy, I'm the mother",
    "it's me, I'm the foreman, one of my lads got hurt",
    "for me, I'm the driver, my passenger is bleeding",
    "I'm his carer",
])
def test_a_role_that_makes_the_caller_someones_still_names_someone_else(said):
    assert parse_who(said) == "other"


@pytest.mark.parametrize("said", [
    "we crashed the car, my brother was driving and he is dead, I am trapped in the back seat",
    "the tractor turned over, my wife is fine, my legs are pinned under the wheel",
    "the roof came down, my neighbour is calling for help, my arm is stuck under the beam",
])
def test_a_self_callers_own_body_held_fast_keeps_them_the_patient(said):
    assert not names_someone_else(said)


@pytest.mark.parametrize("said", [
    "my son is stuck under the garage door",
    "my brother's legs are trapped under the car",
])
def test_someone_else_held_fast_is_someone_else(said):
    assert names_someone_else(said)


# --- 2. a fall from a horse is no high-risk mechanism; thrown at a gallop is ----------------------------------------


@pytest.mark.parametrize("said", [
    "he fell off the horse at the farm and hurt his shoulder",
    "she came off the pony in the field",
    "my uncle fell off the cart onto the side of the road",
])
def test_a_plain_fall_from_a_horse_is_no_mechanism(said):
    assert find_mechanisms(said) == []


@pytest.mark.parametrize("said", [
    "she was thrown off the horse and landed hard",
    "he came off the horse at full gallop",
    "the horse threw him at the practice",
    "he came off his motorbike on the ring road",
])
def test_a_rider_thrown_at_speed_or_off_a_motorbike_is_a_mechanism(said):
    assert find_mechanisms(said)


# --- 3. a sign taken back in the same breath by naming its look-alike -----------------------------------------------


@pytest.mark.parametrize("said", [
    "he's covered in blood! oh no wait, sorry, it's the red paint, he slipped off the stepladder",
    "there's blood round his mouth! ah no, sorry, it's the borscht, he fell off his chair",
    "his lips are purple! oh, it's only the blueberries, he tripped on the rug",
    "her lips are blue! oh, it's the ice lolly, the blue one, she fell off the step",
])
def test_a_sign_taken_back_by_its_look_alike_does_not_end_the_call_and_the_danger_signs_are_asked(said):
    d = dialogue_after("my child", channel="text", region="GB", awaiting="complaint")
    speak(d, said)
    assert not d.result.red_flags and d.awaiting == "danger_signs"
    assert taken_back(said)


@pytest.mark.parametrize("said", [
    "she's gone blue! oh god, it's the cord of the blind, it was round her neck",
    "blood all over him! no, it's the paint, sorry, but he has cut his arm as well and that is really pouring",
    "his lips are blue, oh god, he is not breathing",
    "there's blood everywhere, it's pouring from his leg",
])
def test_a_cause_or_a_sign_said_again_takes_nothing_back(said):
    d = dialogue_after("my husband", channel="text", region="GB", awaiting="complaint")
    reply = speak(d, said)
    assert d.result.red_flags and reply.finished


def test_a_sign_taken_back_then_said_yes_at_the_danger_signs_is_an_emergency():
    d = dialogue_after("my grandmother", channel="text", region="GB", awaiting="complaint")
    speak(d, "blood everywhere on the floor! no, sorry, it's the wine she dropped")
    reply = speak(d, "yes, wait, her hand is cut on the glass and it's pouring, it won't stop")
    assert "heavy_bleeding" in d.result.red_flags and reply.finished


def test_taken_back_keeps_the_words_after_the_correction_without_the_look_alikes_colour():
    assert taken_back("her lips are blue! oh, it's the ice lolly, the blue one") == "oh , it is the ice lolly , the one"
    assert taken_back("his lips are blue, it's the cold I think") is None


# --- 4. "threw a fit" with a reason of temper is a tantrum ----------------------------------------------------------


@pytest.mark.parametrize("said", [
    "he threw a fit because he couldn't go up on the pony",
    "she pitched a fit when we wouldn't buy the toy and banged her head on the shelf",
    "he threw a wobbly cos he wasn't let go to the fair",
])
def test_a_tantrum_is_no_seizure(said):
    assert "seizure" not in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "he threw a fit in the bath, his arms and legs were jerking",
    "he had a fit because his fever was so high",
    "she threw a fit when she was in the bath, all her body jerking",
])
def test_a_fit_with_its_signs_or_a_cause_is_a_seizure(said):
    assert "seizure" in find_red_flags(said)


# --- 5. the breaths' pace at START's breathing question is the count's to tell --------------------------------------


def at_breathing() -> Dialogue:
    return dialogue_after("my neighbour", "he fell down the cellar steps", "no", "seventy", "no",
                          channel="text", region="GB", awaiting="breathing")


@pytest.mark.parametrize("said", [
    "yes, he's breathing, quick and short",
    "yes, breathing fast and shallow",
    "yes, a bit quick, he's scared",
])
def test_plain_pace_goes_on_to_the_count(said):
    d = at_breathing()
    speak(d, said)
    assert not d.result.red_flags and d.awaiting == "resp_count"
    speak(d, "ten")
    assert d.result.start_category == Category.RED and d.result.respiratory_rate == 40


@pytest.mark.parametrize("said", [
    "yes, but short and he's struggling, he can only say one word at a time",
    "yes, quick, and his lips are going grey",
    "yes, but he's gasping for every breath",
])
def test_pace_beside_distress_is_still_difficulty(said):
    d = at_breathing()
    reply = speak(d, said)
    assert "breathing_difficulty" in d.result.red_flags and reply.finished


def test_without_pace_leaves_short_of_breath_and_intensified_pace():
    assert "short of breath" in without_pace("he is short of breath")
    assert "very fast" in without_pace("breathing very fast")
    assert "quick" not in without_pace("breathing, quick and short")


# --- 6. drowsiness with no cause told asks the harm question --------------------------------------------------------


@pytest.mark.parametrize("said", [
    "mama is very sleepy and sick since this morning, she's not herself",
    "he is so drowsy today, he keeps nodding off",
    "she's groggy and can't keep her eyes open",
])
def test_drowsiness_is_a_harm_cue(said):
    assert harm_cue_said(said)


@pytest.mark.parametrize("said", ["he twisted his ankle on the stairs", "she is not sleepy at all, just sore"])
def test_no_drowsiness_no_cue(said):
    assert not harm_cue_said(said)


def test_a_yes_to_the_harm_question_after_drowsiness_ends_the_call():
    d = dialogue_after("my mother", "she is very sleepy and not herself since this morning", "no, she answers me",
                       channel="text", region="GB", awaiting="harm")
    reply = speak(d, "yes, the box of her sleeping tablets is empty, it was full on Sunday")
    assert d.result.red_flags and reply.finished


# --- 7. someone who cannot be woken, breathing untold: the dispatcher's CPR check, then the side position ------------


@pytest.mark.parametrize("channel", ["voice", "text"])
def test_unwakeable_with_breathing_untold_hears_the_cpr_check_and_the_side_position(channel):
    """Since branch black-calls the number comes first and the breathing is asked (dialogue.py `_begin_check`); a caller
    who cannot tell hears the dispatcher's CPR check, CPR and the side position, as before."""
    d = dialogue_after("my brother", channel=channel, region="GB", awaiting="complaint")
    reply = speak(d, "he's just lying there on the bathroom floor, he won't wake up, I'm shaking him")
    assert d.result.red_flags == ["unconscious"] and "999" in reply.segments[0].text and not reply.finished
    reply = speak(d, *(["twenty-six"] if d.awaiting == "age" else []), "I don't know, I can't tell")
    assert reply.finished and reply.segments[-1].prompt_id == "cpr"
    assert "not sure" in reply.text and "on their side" in reply.text


def test_unwakeable_with_breathing_said_hears_the_side_position_only():
    d = dialogue_after("my wife", channel="voice", region="GB", awaiting="complaint")
    reply = speak(d, "she's breathing but she won't wake up, she's just lying there on the sofa")
    assert d.result.red_flags == ["unconscious"] and reply.segments[-1].prompt_id == "emergency"
    assert "chest compressions" in reply.text and "push down hard" not in reply.text


def test_unwakeable_after_a_yes_to_the_breathing_question_is_the_side_position():
    d = dialogue_after("my grandmother", "she fell in the kitchen", "no, she's talking", "eighty", "no", "yes",
                       "five", channel="voice", region="GB")
    while d.awaiting in ("pulse", "perfusion"):
        speak(d, "yes")
    reply = speak(d, "no, now her eyes closed, I'm shaking her and she won't wake up")
    assert "unconscious" in d.result.red_flags and reply.segments[-1].prompt_id == "emergency"


@pytest.mark.parametrize("said, said_it", [
    ("she's breathing but won't wake", True),
    ("he is still breathing", True),
    ("is he breathing?", False),
    ("I don't know if he is breathing", False),
    ("maybe he is breathing", False),
    ("he is breathing funny", False),
])
def test_breathing_said(said, said_it):
    assert breathing_said(said) is said_it


def test_a_fit_that_leaves_them_unwakeable_keeps_the_fit_advice_not_cpr():
    d = dialogue_after("my husband", channel="voice", region="GB", awaiting="complaint")
    reply = speak(d, "he's having fits one after another and he doesn't wake up in between")
    assert "seizure" in d.result.red_flags and reply.segments[-1].prompt_id == "emergency"


def test_an_unwakeable_casualty_hears_the_cpr_check_and_the_other_flags_first_aid():
    d = dialogue_after("my son", channel="voice", region="GB", awaiting="complaint")
    reply = speak(d, "he fell off the scaffolding, there is a deep gash on his head and he won't wake up")
    assert "unconscious" in d.result.red_flags and reply.segments[0].prompt_id == "emergency"
    reply = speak(d, *(["nineteen"] if d.awaiting == "age" else []), "I'm not sure")
    assert reply.segments[-1].prompt_id == "cpr"
    assert "not sure" in reply.text and "on their side" in reply.text


# --- 8. "nothing" said to the breathing question, beside a casualty "just lying there" ------------------------------


@pytest.mark.parametrize("said", [
    "nothing, he's just lying there",
    "nothing at all, she is just lying there, not moving",
    "he's just lying there, nothing",
])
def test_nothing_as_a_clause_of_its_own_is_no_breathing(said):
    assert parse_breathing(said) == "no"


@pytest.mark.parametrize("said, read", [
    ("he says nothing, he's just lying there", None),
    ("yes, he's just lying there breathing", "yes"),
    ("he is lying there still, like a stone", None),
])
def test_lying_there_alone_answers_nothing_about_breathing(said, read):
    assert parse_breathing(said) == read


def test_just_lying_there_and_nothing_at_the_breathing_question_goes_to_reposition():
    d = dialogue_after("a man on our site", "the wall came down on him", "no blood, he's just lying there", "fifty",
                       "no", channel="text", region="GB", awaiting="breathing")
    speak(d, "nothing, he's just lying there under it")
    assert d.awaiting == "reposition" and not d.result.red_flags
