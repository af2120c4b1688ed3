"""The danger-sign question: after the complaint, one yes/no for the emergency signs a caller's own words may hide.

NHS 111 online asks its "call 999" signs first, as a list; the dialogue does the same, once, by phone and by text.
A yes is an emergency however it was worded; the caller's description of the sign, when it names one, names the flag.
"""

import json

import pytest

from intake.dialogue import DANGER_SIGN_SAID, Dialogue
from intake.models import Category, Urgency
from intake.scenarios import run_text
from tests.support.dialogue import dialogue_after, speak


def at_the_question(channel="voice", region="GB", complaint="my uncle is not well since this morning",
                    language=None) -> Dialogue:
    return dialogue_after("someone else", complaint, channel=channel, region=region, language=language,
                          awaiting="danger_signs")


@pytest.mark.parametrize("said", ["yes", "yeah, one of those", "yes yes please hurry", "erm, yes I think so yes"])
def test_a_yes_is_an_emergency_with_the_number_at_once(said):
    d = at_the_question()
    reply = d.answer(said)
    r = d.result
    assert reply.finished and "999" in reply.text
    assert r.red_flags == [DANGER_SIGN_SAID] and r.urgency == Urgency.EMERGENCY and r.start_category == Category.RED
    assert r.decided_by == "red_flag"
    assert reply.segments[0].prompt_id == "emergency"  # which sign it is was not said: no CPR script on a guess


def test_a_yes_that_names_the_sign_records_that_sign():
    d = at_the_question()
    d.answer("yes, he's holding his chest, he says it's crushing and it goes into his left arm")
    assert d.result.red_flags == ["chest_pain"]


@pytest.mark.parametrize("said", ["no", "no, none of those, it's just his stomach", "nothing like that",
                                  "no, he's talking fine and there's no blood"])
def test_a_no_goes_on_to_start(said):
    d = at_the_question()
    reply = d.answer(said)
    assert reply.awaiting == "age" and not d.result.red_flags
    assert d.result.answers["danger_signs"] == "no"


def test_a_caller_who_cannot_tell_is_asked_once_more_then_start_goes_on():
    d = at_the_question()
    again = d.answer("I don't know")
    assert again.awaiting == "danger_signs" and "yes or no" in again.text.lower()
    after = d.answer("I'm not sure, I can't tell")
    assert after.awaiting == "age"  # no keypad offer: START asks about breathing and responses itself
    r = d.result
    assert r.answers["danger_signs"] == "not answered" and not r.red_flags and r.urgency != Urgency.EMERGENCY
    assert "danger_signs" not in r.assumed


def test_the_keypad_answers_it():
    d = at_the_question()
    assert d.keypad("1").finished and d.result.red_flags == [DANGER_SIGN_SAID]
    d = at_the_question()
    assert d.keypad("2").awaiting == "age"


def test_by_text_a_reply_of_1_is_an_emergency():
    d = at_the_question(channel="text", region="NG")
    reply = d.answer("1")
    assert reply.finished and "112" in reply.text and d.result.red_flags == [DANGER_SIGN_SAID]


def test_a_red_flag_in_the_complaint_ends_the_call_before_the_question():
    d = Dialogue(region="GB")
    d.start()
    d.answer("someone else")
    reply = d.answer("my wife collapsed and she is not breathing")
    assert reply.finished and "danger_signs" not in [pid for pid, _ in d.transcript]


def test_an_opening_text_with_the_complaint_goes_to_the_question_after_who():
    d = Dialogue(channel="text", region="NG")
    assert d.answer("bad cough for a week now, worse at night").awaiting == "who"
    assert d.answer("1").awaiting == "danger_signs"
    d = Dialogue(channel="text", region="NG")
    assert d.answer("my daughter has had diarrhoea since yesterday").awaiting == "danger_signs"


def test_the_caller_who_is_the_patient_is_asked_too():
    d = Dialogue(region="IN")
    d.start()
    d.answer("it's for me, myself")
    assert d.answer("I have had a fever for three days").awaiting == "danger_signs"
    assert d.answer("no").awaiting == "age"


@pytest.mark.parametrize("language, yes", [("hi", "haan"), ("tl", "oo"), ("pcm", "yes o")])
def test_other_languages_ask_it_and_hear_the_yes(language, yes):
    d = at_the_question(language=language, region={"hi": "IN", "tl": "PH", "pcm": "NG"}[language])
    assert d.answer(yes).finished and d.result.red_flags == [DANGER_SIGN_SAID]


def test_a_stored_dialogue_at_the_question_goes_on_the_same():
    d = at_the_question(channel="text")
    e = Dialogue.from_state(json.loads(json.dumps(d.to_state())))
    assert e.awaiting == "danger_signs"
    assert e.answer("yes").finished and e.result.red_flags == [DANGER_SIGN_SAID]


def test_a_scenario_answers_it_by_its_prompt_id():
    base = {"id": "t", "caller": "+447700900123", "default": "I don't know",
            "answers": {"who": "my neighbour", "complaint": "she feels strange and wobbly", "danger_signs": "yes"}}
    assert run_text(base)["red_flags"] == [DANGER_SIGN_SAID]
    calm = {**base, "answers": {**base["answers"], "danger_signs": "no", "age": "60", "walk": "yes"}}
    record = run_text(calm)
    assert record["red_flags"] == [] and record["start_category"] == "GREEN"


@pytest.mark.parametrize("first, second", [("maybe", "probably"), ("sort of", "a bit, I suppose"),
                                           ("I'm not sure", "it might be")])
def test_a_half_yes_said_twice_is_taken_as_the_yes_and_recorded(first, second):
    d = at_the_question()
    assert d.answer(first).awaiting == "danger_signs"
    assert d.answer(second).finished
    assert d.result.red_flags == [DANGER_SIGN_SAID] and "danger_signs" in d.result.assumed


@pytest.mark.parametrize("second", ["no", "no, I don't think so", "I don't know"])
def test_a_half_yes_then_a_no_or_a_dont_know_goes_on_to_start(second):
    d = at_the_question()
    d.answer("maybe")
    assert d.answer(second).awaiting == "age" and not d.result.red_flags


@pytest.mark.parametrize("complaint, group_words", [
    ("my baby has had a runny nose and a cough for two days", ("unable to drink or breastfeed", "vomiting everything")),
    ("the toddler next door fell off the slide", ("floppy or hard to wake", "grunting")),
    ("my wife is thirty weeks pregnant and feels faint", ("severe pain in the belly", "heavy bleeding")),
    ("my sister gave birth this morning and she feels weak", ("severe pain in the belly", "heavy bleeding")),
])
def test_a_child_or_a_pregnancy_hears_its_own_danger_signs(complaint, group_words):
    d = Dialogue(region="GB")
    d.start()
    d.answer("someone else")
    reply = d.answer(complaint)
    assert reply.awaiting == "danger_signs" and all(w in reply.text for w in group_words)
    assert d.answer("yes").finished and d.result.red_flags == [DANGER_SIGN_SAID]


def test_the_everyday_list_when_no_child_or_pregnancy_was_said():
    d = Dialogue(region="GB")
    d.start()
    d.answer("someone else")
    reply = d.answer("my brother twisted his ankle at football")
    assert "drooping face" in reply.text and "breastfeed" not in reply.text and "belly" not in reply.text


# --- poisoning and self-harm: asked when the words touch on them ------------------------------------------------


def at_the_harm_question(complaint: str, channel="voice") -> Dialogue:
    d = at_the_question(channel=channel, complaint=complaint)
    reply = d.answer("no")
    assert reply.awaiting == "harm", reply.text
    return d


@pytest.mark.parametrize("complaint", [
    "my cousin has been drinking from a bottle he found in the shed and feels funny",
    "she is upset and crying and says her life is pointless",
    "my uncle is not himself after an evening in the garage with the generator running",
    "she's gone and finished the whole box from the cupboard",  # nothing named: no flag, but a cue
    "he has been buying paracetamol from three different shops this week",  # a medicine by name
    "she keeps going on about the railway line near her house",  # a means the suicidal flag's rules name
])
def test_words_that_touch_on_poison_or_despair_bring_the_harm_question(complaint):
    d = at_the_harm_question(complaint)
    reply = d.answer("yes")
    assert reply.finished and d.result.red_flags == [DANGER_SIGN_SAID] and d.result.answers["harm"] == "yes"


def test_a_no_to_the_harm_question_goes_on_to_start():
    d = at_the_harm_question("he had a few tablets for his back and now his knee is sore")
    assert d.answer("no, just his normal dose").awaiting == "age" and not d.result.red_flags


def test_an_answer_naming_the_poison_records_the_poisoning():
    d = at_the_harm_question("I had a drink from an old bottle, now my mouth tingles")
    d.answer("yes, he drank weedkiller from that bottle")
    assert d.result.red_flags == ["overdose_poisoning"]


def test_cannot_tell_is_asked_once_more_then_start_goes_on():
    d = at_the_harm_question("she has been drinking tonight and now she's very quiet")
    assert d.answer("I don't know").awaiting == "harm"
    assert d.answer("I really don't know").awaiting == "age"
    assert d.result.answers["harm"] == "not answered" and not d.result.red_flags


@pytest.mark.parametrize("harm_answers, urgency", [
    (("I don't know", "no idea"), Urgency.URGENT),
    (("no",), Urgency.ROUTINE),
])
def test_a_walking_patient_whose_harm_question_went_unanswered_is_urgent_not_routine(harm_answers, urgency):
    """START finds GREEN, but nothing else asks what the cue was about: the case waits for no routine slot."""
    d = at_the_harm_question("he has been very sad lately and now he has hurt his ankle")
    speak(d, *harm_answers, "thirty", "yes, he walked in", "two hours", "three", "none", "none", "no")
    r = d.result
    assert d.finished and r.start_category == Category.GREEN and not r.red_flags and r.urgency == urgency


def test_no_cue_no_harm_question():
    d = at_the_question(complaint="my brother twisted his ankle at football")
    assert d.answer("no").awaiting == "age"


def test_by_text_the_harm_question_takes_a_1():
    d = at_the_harm_question("she has been very sad lately and is not eating much", channel="text")
    assert d.answer("1").finished and d.result.red_flags == [DANGER_SIGN_SAID]
