"""The dialogue as a state machine: openings, branches, escalation of unclear answers, rendering, state."""

import json

import pytest

from intake.dialogue import Dialogue
from intake.models import AnswerKind, Category, Pause, Speech, Urgency

FORBIDDEN_WORDS = ("dead", "died", "deceased", "diagnos")


def speak(d: Dialogue, *answers: str):
    reply = None
    for a in answers:
        reply = d.answer(a)
    return reply


def bystander(channel="voice", region="NG") -> Dialogue:
    d = Dialogue(channel=channel, region=region)
    d.start()
    speak(d, "someone else", "he is not well", "he is forty")
    return d


def test_start_says_disclaimer_and_emergency_number_then_asks_who():
    d = Dialogue(region="PH")
    reply = d.start()
    assert [s.prompt_id for s in reply.segments] == ["disclaimer", "who"]
    assert "not a doctor" in reply.text and "not medical advice" in reply.text and "911" in reply.text
    assert reply.awaiting == d.awaiting == "who" and reply.expects == AnswerKind.CHOICE
    assert not d.finished


def test_prompt_order_for_a_bystander():
    d = Dialogue()
    d.start()
    seen = [d.answer(a).awaiting for a in ("someone else", "he fell", "thirty", "no", "yes", "5", "yes", "yes")]
    assert seen == ["complaint", "age", "walk", "breathing", "resp_count", "perfusion", "commands", "duration"]


def test_breath_count_is_spoken_with_a_15_second_pause_and_cannot_be_interrupted():
    d = bystander()
    reply = speak(d, "no", "yes")
    assert reply.awaiting == "resp_count" and reply.expects == AnswerKind.NUMBER
    speech = [s for s in reply.segments if isinstance(s, Speech)]
    assert reply.segments[1] == Pause(15)
    assert "start counting now" in speech[0].text.lower() and speech[-1].text.startswith("Stop.")
    assert all(s.prompt_id == "resp_count" and not s.interruptible for s in speech)


def test_text_channel_has_no_pause_and_numbered_options():
    d = bystander(channel="text")
    reply = speak(d, "no")
    assert "Reply 1 for yes, 2 for no" in reply.text
    reply = speak(d, "1")
    assert reply.awaiting == "resp_count"
    assert not any(isinstance(s, Pause) for s in reply.segments)
    assert "15 seconds" in reply.text and "reply with the number" in reply.text


def test_unclear_answer_is_reasked_then_keypad_then_assumed_urgent():
    d = bystander()
    first = d.answer("the weather is bad")
    assert first.awaiting == "walk" and "walk" in first.text
    second = d.no_answer()
    assert second.awaiting == "walk" and "press 1" in second.text.lower()
    third = d.answer("I'm not sure")
    assert third.awaiting == "breathing"  # walk assumed "no": the urgent branch
    assert d.result.assumed == ["walk"] and d.result.answers["walk"] == "no"
    assert third.segments[0].prompt_id == "walk"  # the note about the assumption belongs to the walk question


def test_free_text_prompt_moves_on_after_one_reask_without_assuming():
    d = Dialogue()
    d.start()
    d.answer("someone else")
    assert d.no_answer().awaiting == "complaint"
    assert d.no_answer().awaiting == "age"
    assert d.result.assumed == [] and d.result.complaint is None


@pytest.mark.parametrize("channel", ["voice", "text"])
def test_keypad_answers(channel):
    d = Dialogue(channel=channel)
    d.start()
    assert d.keypad("2").awaiting == "complaint"
    d.answer("he is unwell")
    assert d.keypad("40#").awaiting == "walk"
    assert d.keypad("2").awaiting == "breathing"
    assert d.keypad("1").awaiting == "resp_count"
    reply = d.keypad("9")
    assert d.finished and d.result.start_category == Category.RED and d.result.respiratory_rate == 36
    assert reply.awaiting is None


def test_green_runs_the_short_intake_and_closes():
    d = bystander()
    speak(d, "yes he can walk")
    assert d.result.start_category == Category.GREEN and d.result.urgency == Urgency.ROUTINE
    prompts = [speak(d, a).awaiting for a in ("since yesterday", "seven", "paracetamol", "none")]
    assert prompts == ["severity", "medications", "allergies", "photo"]
    closing = d.answer("yes please")
    assert closing.finished and closing.segments[-1].prompt_id == "closing"
    assert "not a doctor" in closing.text and "112" in closing.text and "photo" in closing.text
    r = d.result
    assert (r.duration, r.severity, r.medications, r.allergies, r.photo_consent) == (
        "since yesterday", 7, "paracetamol", "none", True)
    assert "GREEN" in r.summary


def test_red_by_rate_ends_with_emergency_number_and_advice():
    d = bystander(region="GB")
    reply = speak(d, "no", "yes", "I counted nine")
    assert reply.finished and reply.segments[-1].prompt_id == "emergency"
    assert "999" in reply.text and "112 also works" in reply.text
    assert d.result.start_category == Category.RED and d.result.urgency == Urgency.EMERGENCY


def test_black_is_never_pronounced_caller_hears_call_now_and_cpr():
    d = bystander(region="US")
    reply = speak(d, "no", "no, he's not breathing", "no")
    assert d.result.start_category == Category.BLACK and d.result.urgency == Urgency.EMERGENCY
    assert reply.segments[-1].prompt_id == "cpr"
    assert "911" in reply.text and "chest" in reply.text
    assert not any(w in reply.text.lower() for w in FORBIDDEN_WORDS)


def test_red_flag_interrupts_at_once_with_local_number():
    d = Dialogue(region="IN")
    d.start()
    reply = speak(d, "someone else", "my husband has crushing chest pain")
    assert reply.finished and reply.segments[-1].prompt_id == "emergency"
    assert "112" in reply.text and "108" in reply.text
    r = d.result
    assert r.red_flags == ["chest_pain"] and r.urgency == Urgency.EMERGENCY
    assert r.start_category == Category.RED and r.decided_by == "red_flag"
    assert r.complaint == "my husband has crushing chest pain"


def test_red_flag_on_a_green_keeps_green_but_is_emergency():
    d = bystander()
    speak(d, "yes")
    reply = d.answer("two days, and now her lips are going blue")
    assert reply.finished and d.result.start_category == Category.GREEN
    assert d.result.urgency == Urgency.EMERGENCY and d.result.red_flags == ["breathing_difficulty"]


def test_structured_answer_at_breathing_is_not_a_red_flag():
    d = bystander()
    reply = speak(d, "no", "no, he's not breathing")
    assert reply.awaiting == "reposition" and d.result.red_flags == []


def test_caller_for_themselves_skips_breathing_and_commands_and_adapts_words():
    d = Dialogue(channel="voice")
    d.start()
    assert "How old are you" in speak(d, "myself", "I have a fever").text
    walk = d.answer("thirty")
    assert walk.text == "Can you get up and walk?"
    count = d.answer("no I can't")
    assert count.awaiting == "resp_count" and "your own breaths" in count.text
    perfusion = d.answer("five")
    assert "your own fingernails" in perfusion.text
    reply = d.answer("yes")
    assert reply.awaiting == "duration"
    r = d.result
    assert r.start_category == Category.YELLOW and r.assumed == []
    assert r.answers["breathing"] == "yes" and r.answers["commands"] == "yes"
    assert set(r.answers["inferred"]) == {"breathing", "commands"}


def test_jumpstart_apnoeic_child_with_pulse_gets_rescue_breaths():
    d = Dialogue()
    d.start()
    reply = speak(d, "my son", "he fell in the water", "three years old", "no", "no", "no")
    assert reply.awaiting == "pulse" and d.result.protocol == "JumpSTART"
    reply = d.answer("yes I can feel it")
    assert reply.awaiting == "rescue_breaths" and "5 rescue breaths" in reply.text
    reply = d.answer("yes, he is breathing now")
    assert d.result.start_category == Category.RED and reply.finished


def test_jumpstart_black_child_gets_child_cpr():
    d = Dialogue()
    d.start()
    reply = speak(d, "my daughter", "she is sick", "two", "no", "no", "no", "no")
    assert d.result.start_category == Category.BLACK
    assert reply.segments[-1].prompt_id == "cpr" and "rescue breaths" in reply.text


def test_answers_after_the_end_do_not_change_the_result():
    d = bystander()
    speak(d, "no", "yes", "I counted nine")
    before = d.result.to_dict()
    again = d.answer("he has chest pain")
    assert again.finished and again.awaiting is None
    assert d.no_answer().finished and d.keypad("1").finished
    assert d.result.to_dict() == before


def test_state_round_trip_mid_dialogue_through_json():
    d = bystander(channel="text")
    speak(d, "no", "hmm")  # one unclear answer at breathing: attempt counted
    state = json.loads(json.dumps(d.to_state()))
    e = Dialogue.from_state(state)
    assert e.awaiting == d.awaiting == "breathing" and e.channel == "text"
    assert e.result.to_dict() == d.result.to_dict()
    assert e.no_answer().text == d.no_answer().text  # both now offer the keypad
    assert [x.prompt_id for x in e.answer("yes").segments] == ["resp_count"]


def test_result_is_valid_before_start():
    d = Dialogue()
    assert d.awaiting is None and not d.finished
    assert d.result.urgency == Urgency.URGENT and d.result.start_category is None


def test_a_first_text_message_without_start_gets_the_disclaimer_and_counts():
    d = Dialogue(channel="text")
    reply = d.answer("hello")
    assert reply.segments[0].prompt_id == "disclaimer" and reply.awaiting == "who"
    d = Dialogue(channel="text")
    reply = d.answer("Hi, I need help for my son")
    assert reply.segments[0].prompt_id == "disclaimer" and reply.awaiting == "complaint"
    d = Dialogue(channel="text", region="NG")
    reply = d.answer("HELP my husband is not breathing")
    assert reply.segments[0].prompt_id == "disclaimer" and reply.finished
    assert reply.segments[-1].prompt_id == "cpr" and "112" in reply.text


def test_a_no_with_a_yes_in_the_same_answer_is_re_asked_not_guessed():
    """ASR turned "no, she is too weak to walk" into "No, she has to reach to walk.": never GREEN from that."""
    d = Dialogue(channel="voice", region="PH")
    d.start()
    for answer in ("my mother", "she is vomiting", "seventy"):
        d.answer(answer)
    assert d.awaiting == "walk"
    reply = d.answer("No, she has to reach to walk.")
    assert reply.awaiting == "walk"  # re-asked
    assert d.result.start_category is None


def test_a_first_text_that_says_the_complaint_is_not_asked_for_again():
    """sms/conversation.py passes the first SMS to answer(): when it says what is wrong, that is the complaint."""
    d = Dialogue(channel="text", region="NG")
    reply = d.answer("my son fell off his bike and hurt his arm")
    assert [s.prompt_id for s in reply.segments] == ["disclaimer", "age"]
    assert d.result.who == "other" and d.result.complaint == "my son fell off his bike and hurt his arm"

    d = Dialogue(channel="text", region="NG")
    reply = d.answer("Fever and cough since Monday")
    assert reply.awaiting == "who"  # who it is for is still unknown
    reply = d.answer("1")
    assert reply.awaiting == "age" and d.result.who == "self"
    assert d.result.complaint == "Fever and cough since Monday"

    d = Dialogue.from_state(json.loads(json.dumps(Dialogue(channel="text").to_state())))
    d.answer("I have a bad toothache")
    d = Dialogue.from_state(json.loads(json.dumps(d.to_state())))  # the SMS channel stores state between texts
    assert d.awaiting == "age" and d.result.complaint == "I have a bad toothache"
