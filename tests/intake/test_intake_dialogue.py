"""The dialogue as a state machine: openings, branches, escalation of unclear answers, rendering, state."""

import json

import pytest

from intake.dialogue import Dialogue
from intake.models import AnswerKind, Category, Pause, Speech, Urgency
from tests.support.dialogue import dialogue_after, speak

FORBIDDEN_WORDS = ("dead", "died", "deceased", "diagnos")


def bystander(channel="voice", region="NG") -> Dialogue:
    return dialogue_after("someone else", "he is not well", "no", "he is forty", channel=channel, region=region)


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
    seen = [d.answer(a).awaiting for a in ("someone else", "he fell", "no", "thirty", "no", "yes", "5", "yes", "yes", "yes")]
    assert seen == ["complaint", "danger_signs", "age", "walk", "breathing", "resp_count", "perfusion", "pulse", "commands",
                    "duration"]


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


def test_a_doubt_beside_the_question_word_is_re_asked_never_a_yes():
    """"I can't tell if he can walk" held "walk" said plainly: it was a yes, and a GREEN."""
    d = bystander()
    assert d.answer("I can't tell if he can walk").awaiting == "walk"
    assert d.result.start_category is None and "walk" not in d.result.answers


def test_free_text_prompt_moves_on_after_one_reask_without_assuming():
    d = Dialogue()
    d.start()
    d.answer("someone else")
    assert d.no_answer().awaiting == "complaint"
    assert d.no_answer().awaiting == "danger_signs"
    assert d.answer("no").awaiting == "age"
    assert d.result.assumed == [] and d.result.complaint is None


@pytest.mark.parametrize("channel", ["voice", "text"])
def test_keypad_answers(channel):
    d = Dialogue(channel=channel)
    d.start()
    assert d.keypad("2").awaiting == "complaint"
    d.answer("he is unwell")
    d.answer("no")
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


@pytest.mark.parametrize("answers, ending", [(("my husband has crushing chest pain",), "emergency"),
                                              (("he collapsed and is not breathing at all",), "cpr")])
def test_a_spoken_emergency_says_the_number_in_a_part_of_its_own_before_the_first_aid(answers, ending):
    """The number's own mark tells when the caller heard it, even if they hang up during the first aid."""
    d = Dialogue(region="GB")
    d.start()
    speech = [s for s in speak(d, "someone else", *answers).segments if isinstance(s, Speech)]
    assert [s.prompt_id for s in speech] == [ending, ending]
    number, first_aid = speech[0].text, speech[1].text
    assert "999" in number and not any(w in number for w in ("chest", "sit down", "medical advice"))
    assert "999" not in first_aid and any(w in first_aid for w in ("chest", "sit down"))
    assert first_aid.endswith("not medical advice.")


def test_a_texted_emergency_is_one_message_with_the_number_first():
    d = Dialogue(channel="text", region="GB")
    d.start()
    reply = speak(d, "someone else", "my husband has crushing chest pain")
    assert len(reply.segments) == 1 and reply.text.index("999") < reply.text.index("sit down")


def test_a_count_the_caller_lost_is_counted_again_unless_it_already_reaches_red():
    d = bystander(region="GB")
    reply = speak(d, "no", "yes", "six, I lost count after that")
    assert reply.awaiting == "resp_count" and d.result.start_category is None  # never 24 a minute, YELLOW
    d = bystander(region="GB")
    speak(d, "no", "yes", "seven or eight, I lost count")
    assert d.result.start_category == Category.RED and "resp_count" in d.result.assumed


def test_a_corrected_count_takes_the_urgent_end():
    d = bystander(region="GB")
    speak(d, "no", "yes", "seven, or was it eight")
    assert d.result.start_category == Category.RED and d.result.respiratory_rate == 32


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


def test_choking_advice_is_spoken_even_when_stroke_and_breathing_flags_come_first_in_the_table():
    d = Dialogue(region="NG")
    d.start()
    reply = speak(d, "someone else", "he is choking on meat and can not breathe, his speech is slurred")
    assert {"choking", "stroke"} <= set(d.result.red_flags)
    assert "back blows" in reply.text  # what saves him in the next minute
    assert "Note the time" not in reply.text  # a stroke's advice can wait; at most two are spoken


def test_red_flag_after_a_green_records_red_and_keeps_what_start_found():
    """A case summary never says GREEN on an emergency; the health worker still sees START's GREEN."""
    d = bystander()
    speak(d, "yes")
    reply = d.answer("two days, and now her lips are going blue")
    r = d.result
    assert reply.finished and r.start_category == Category.RED and r.decided_by == "red_flag"
    assert r.urgency == Urgency.EMERGENCY and r.red_flags == ["breathing_difficulty"]
    assert r.answers["start_before_red_flag"] == "GREEN"
    assert r.summary.startswith("RED (red_flag), emergency") and "START before the red flag: GREEN" in r.summary


def test_structured_answer_at_breathing_is_not_a_red_flag():
    d = bystander()
    reply = speak(d, "no", "no, he's not breathing")
    assert reply.awaiting == "reposition" and d.result.red_flags == []


def test_caller_for_themselves_skips_breathing_and_commands_and_adapts_words():
    d = Dialogue(channel="voice")
    d.start()
    assert "How old are you" in speak(d, "myself", "I have a fever", "no").text
    walk = d.answer("thirty")
    assert walk.text == "Can you get up and walk?"
    count = d.answer("no I can't")
    assert count.awaiting == "resp_count" and "your own breaths" in count.text
    perfusion = d.answer("five")
    assert "your own fingernails" in perfusion.text
    pulse = d.answer("yes")
    assert pulse.awaiting == "pulse" and "your own wrist" in pulse.text
    reply = d.answer("yes")
    assert reply.awaiting == "duration"
    r = d.result
    assert r.start_category == Category.YELLOW and r.assumed == []
    assert r.answers["breathing"] == "yes" and r.answers["commands"] == "yes"
    assert set(r.answers["inferred"]) == {"breathing", "commands"}


def test_jumpstart_apnoeic_child_with_pulse_gets_rescue_breaths():
    d = Dialogue()
    d.start()
    reply = speak(d, "my son", "he fell in the water", "no", "three years old", "no", "no", "no")
    assert reply.awaiting == "pulse" and d.result.protocol == "JumpSTART"
    reply = d.answer("yes I can feel it")
    assert reply.awaiting == "rescue_breaths" and "5 rescue breaths" in reply.text
    reply = d.answer("yes, he is breathing now")
    assert d.result.start_category == Category.RED and reply.finished


def test_jumpstart_black_child_gets_child_cpr():
    d = Dialogue()
    d.start()
    reply = speak(d, "my daughter", "she is sick", "no", "two", "no", "no", "no", "no")
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


# Three ways to CPR: agonal breathing after repositioning, agonal breathing in someone who cannot be woken
# (a red flag), and a reposition never answered (assumed): each sets why CPR is said as it ends.
CPR_PATHS = [
    ["someone else", "he is not well", "no", "he is forty", "no", "only occasional gasps", "he is still only gasping"],
    ["someone else", "he collapsed and he is gasping"],
    ["someone else", "he is not well", "no", "he is forty", "no", "no, he's not breathing", "I can't tell",
     "I can't tell", "I can't tell"],
]


def _stored(d: Dialogue) -> Dialogue:
    return Dialogue.from_state(json.loads(json.dumps(d.to_state())))


def _everything_kept(d: Dialogue) -> dict:
    """Every field of the dialogue but the take-back snapshot (which only ever holds the latest answer's)."""
    return {name: value for name, value in vars(d).items() if name != "_before_answer"}


@pytest.mark.parametrize("answers", CPR_PATHS)
def test_a_stored_dialogue_keeps_every_field_and_goes_on_exactly_as_the_original(answers):
    """A resumed call or the next text message goes on from `to_state()`: nothing the dialogue knows may be lost."""
    whole = Dialogue(channel="voice", region="NG")
    whole.start()
    assert speak(whole, *answers).segments[-1].prompt_id == "cpr"
    for cut in range(len(answers) + 1):
        original = Dialogue(channel="voice", region="NG")
        original.start()
        speak(original, *answers[:cut])
        stored = _stored(original)
        assert _everything_kept(stored) == _everything_kept(original)
        for said in answers[cut:]:
            assert stored.answer(said) == original.answer(said)
        assert _everything_kept(stored) == _everything_kept(original)


@pytest.mark.parametrize("answers", CPR_PATHS)
def test_an_answer_taken_back_leaves_the_dialogue_exactly_as_before_it(answers):
    d = Dialogue(channel="voice", region="NG")
    d.start()
    for said in answers:
        before = _everything_kept(_stored(d))
        d.answer(said)
        after = _everything_kept(d)
        assert d.take_back() and _everything_kept(d) == before
        d.answer(said)
        assert _everything_kept(d) == after
    assert d.finished


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
    for answer in ("my mother", "she is vomiting", "no", "seventy"):
        d.answer(answer)
    assert d.awaiting == "walk"
    reply = d.answer("No, she has to reach to walk.")
    assert reply.awaiting == "walk"  # re-asked
    assert d.result.start_category is None


def test_a_first_text_that_says_the_complaint_is_not_asked_for_again():
    """sms/conversation.py passes the first SMS to answer(): when it says what is wrong, that is the complaint."""
    d = Dialogue(channel="text", region="NG")
    reply = d.answer("my son fell off his bike and hurt his arm")
    assert [s.prompt_id for s in reply.segments] == ["disclaimer", "danger_signs"]
    assert d.result.who == "other" and d.result.complaint == "my son fell off his bike and hurt his arm"

    d = Dialogue(channel="text", region="NG")
    reply = d.answer("Fever and cough since Monday")
    assert reply.awaiting == "who"  # who it is for is still unknown
    reply = d.answer("1")
    assert reply.awaiting == "danger_signs" and d.result.who == "self"
    assert d.result.complaint == "Fever and cough since Monday"

    d = Dialogue.from_state(json.loads(json.dumps(Dialogue(channel="text").to_state())))
    d.answer("I have a bad toothache")
    d = Dialogue.from_state(json.loads(json.dumps(d.to_state())))  # the SMS channel stores state between texts
    assert d.awaiting == "danger_signs" and d.result.complaint == "I have a bad toothache"


# --- who the patient is: asked, not guessed ---------------------------------------------------


def test_a_bare_me_is_confirmed_before_the_breathing_check_is_skipped():
    d = Dialogue()
    d.start()
    reply = d.answer("Me.")
    assert reply.awaiting == "who_confirm" and d.result.who is None
    assert "are you yourself the person" in reply.text
    assert d.answer("yes, it's me").awaiting == "complaint" and d.result.who == "self"


@pytest.mark.parametrize("channel", ["voice", "text"])
@pytest.mark.parametrize("unclear", [["", ""], ["hmm", "keypad:*"], ["Not from my pocket.", "Not from my pocket."]])
def test_an_unconfirmed_me_is_someone_else_after_the_keypad_offer_and_the_breathing_check_is_asked(unclear, channel):
    """The confirmation is "who" asked again: unclear, the keypad is offered next (not a third wording), then the
    safe side, and the complaint (the red-flag screen) comes one question sooner (~11 s through audio)."""
    d = Dialogue(channel=channel)
    d.start()
    d.answer("mine")
    replies = []
    for turn in unclear:
        if turn.startswith("keypad:"):
            replies.append(d.keypad(turn.removeprefix("keypad:")))
        else:
            replies.append(d.answer(turn) if turn else d.no_answer())
    assert "press 1" in replies[0].text.lower() or "reply 1" in replies[0].text.lower()  # the keypad offer
    assert replies[-1].awaiting == "complaint"
    assert d.result.who == "other" and d.result.assumed == ["who"]
    speak(d, "he fell in the water", "no", "he is six", "no")
    assert d.awaiting == "breathing"


def test_can_you_hear_me_is_a_line_check_not_the_patient():
    d = Dialogue()
    d.start()
    reply = d.answer("Can you hear me?")
    assert reply.awaiting == "who" and d.result.who is None  # asked again in other words


def test_a_complaint_naming_someone_else_overrules_an_earlier_self():
    """One ASR slip ("myself") must not remove the breathing check for a child pulled from water."""
    d = dialogue_after("myself", "my son fell in the water", "no", "he is four", "no")
    assert d.result.who == "other" and d.awaiting == "breathing"
    assert "who_corrected" in d.result.answers


def test_a_relative_who_died_of_something_leaves_the_caller_the_patient():
    """"My uncle died of a stroke so I worry, but it's only my sinuses": the uncle is history, the caller is ill."""
    d = dialogue_after("myself", "my uncle died of a stroke so I worry, but it's only my sinuses playing up", "no",
                       "forty one")
    assert d.result.who == "self" and "who_corrected" not in d.result.answers


def test_a_no_at_the_walk_question_with_its_reason_is_a_no():
    """"No, I go dizzy when I stand": the stand is the reason, not a yes; asked once, then START goes on."""
    d = Dialogue()
    d.start()
    reply = speak(d, "myself", "I've had a cough for a week and I feel weak", "no", "fifty",
                  "no, I go dizzy when I stand")
    assert d.result.answers["walk"] == "no" and reply.awaiting == "resp_count"


# --- apnoea, agonal breathing, CPR fitted to the age -------------------------------------------


@pytest.mark.parametrize("said", ["I didn't see any breaths", "his chest isn't moving", "no breath at all",
                                  "I can't see him breathing", "Nothing at all."])
def test_apnoea_in_other_words_is_a_no_at_once(said):
    d = bystander()
    reply = speak(d, "no", said)
    assert reply.awaiting == "reposition" and d.result.answers["breathing"] == "no"
    assert d.result.assumed == [] and d.result.red_flags == []


@pytest.mark.parametrize("said", ["only occasional gasps", "he is gasping every now and then",
                                  "he is making snoring noises", "he's not breathing normally, just gasping"])
def test_agonal_breathing_is_not_breathing_repositioned_then_cpr_never_black(said):
    d = bystander()
    reply = speak(d, "no", said)
    assert reply.awaiting == "reposition" and d.result.red_flags == []
    reply = d.answer("he is still only gasping")
    r = d.result
    assert r.start_category == Category.RED and r.urgency == Urgency.EMERGENCY  # gasps are not a said "no": not BLACK
    assert reply.segments[-1].prompt_id == "cpr" and "not normal breathing" in reply.text
    assert "sit upright" not in reply.text.lower()  # never the breathing-difficulty advice


@pytest.mark.parametrize("complaint", ["he collapsed and he is gasping", "he won't wake up and he's snoring",
                                       "she is unconscious, only gasping now and then"])
def test_agonal_breathing_in_someone_unresponsive_gets_cpr_at_once(complaint):
    d = Dialogue(region="NG")
    d.start()
    reply = speak(d, "someone else", complaint)
    assert reply.finished and reply.segments[-1].prompt_id == "cpr"
    assert "not_breathing" in d.result.red_flags and "breathing_difficulty" not in d.result.red_flags
    assert "heel of your hand" in reply.text and "sit upright" not in reply.text.lower()


@pytest.mark.parametrize(
    "channel, complaint, words_in_reply",
    [
        ("voice", "my baby is not breathing", ["two fingers", "mouth and nose", "5 gentle rescue breaths"]),
        ("text", "my newborn has stopped breathing", ["two fingers", "mouth and nose"]),
        ("voice", "my toddler stopped breathing", ["5 rescue breaths", "heel of one hand", "a third"]),
        ("text", "the little girl is not breathing", ["5 rescue breaths", "heel of one hand"]),
        ("voice", "my husband is not breathing", ["heel of your hand", "your other hand on top"]),
    ],
)
def test_cpr_before_the_age_is_asked_fits_the_words_said(channel, complaint, words_in_reply):
    d = Dialogue(channel=channel, region="NG")
    d.start()
    reply = speak(d, "someone else", complaint)
    assert reply.finished and reply.segments[-1].prompt_id == "cpr" and "112" in reply.text
    assert all(w in reply.text for w in words_in_reply), reply.text
    assert not any(w in reply.text.lower() for w in FORBIDDEN_WORDS)


@pytest.mark.parametrize("age, group_words", [("six months", "two fingers"), ("five", "heel of one hand"),
                                              ("forty", "your other hand on top")])
def test_cpr_after_black_fits_the_age(age, group_words):
    d = Dialogue(region="NG")
    d.start()
    answers = ["someone else", "they fell in the river", "no", age, "no", "no", "no"]
    if age != "forty":
        answers.append("no")  # JumpSTART: no pulse
    reply = speak(d, *answers)
    assert d.result.start_category == Category.BLACK
    assert reply.segments[-1].prompt_id == "cpr" and group_words in reply.text


def test_black_needs_the_caller_to_say_not_breathing_after_repositioning():
    d = bystander()
    speak(d, "no", "no, he's not breathing")
    for _ in range(3):
        reply = d.answer("I can't tell")  # reposition never answered: assumed, so never BLACK
    r = d.result
    assert r.start_category == Category.RED and r.assumed == ["reposition"]
    assert reply.segments[-1].prompt_id == "cpr" and "not sure" in reply.text


def test_a_silent_caller_at_the_breathing_steps_is_red_with_cpr_not_black():
    d = bystander()
    d.answer("no")
    reply = None
    while not d.finished:
        reply = d.no_answer()
    r = d.result
    assert r.start_category == Category.RED and r.assumed == ["breathing", "reposition"]
    assert reply.segments[-1].prompt_id == "cpr" and r.outcome is None  # they answered before: not "no answer"


# --- counts and ages as people say them: the urgent side --------------------------------------


@pytest.mark.parametrize(
    "count, category, rate, assumed",
    [
        ("seven or eight", Category.RED, 32, ["resp_count"]),  # 28-32 straddles > 30: the RED side, assumed
        ("eight or nine", Category.RED, 36, []),  # 32-36: RED whichever it was
        ("between 7 and 9", Category.RED, 36, ["resp_count"]),
        ("five or six", None, 24, []),  # 20-24: on to perfusion
        ("about 30 a minute", Category.RED, 30, ["resp_count"]),  # hedged, exactly on the threshold
        ("30 a minute", None, 30, []),  # exactly 30 said plainly: not above 30
        ("20 in one minute", None, 20, []),  # a minute's count is not multiplied by 4
        ("more than seven", Category.RED, 32, []),
    ],
)
def test_start_breath_counts_take_the_urgent_side(count, category, rate, assumed):
    d = bystander()
    speak(d, "no", "yes", count)
    r = d.result
    assert (r.start_category, r.respiratory_rate, r.assumed) == (category, rate, assumed)
    assert d.finished == (category is not None)


@pytest.mark.parametrize(
    "count, category, assumed",
    [("three or four", Category.RED, ["resp_count"]),  # 12-16 straddles < 15
     ("ten to twelve", Category.RED, ["resp_count"]),  # 40-48 straddles > 45
     ("about 15 a minute", Category.RED, ["resp_count"]),
     ("five or six", None, [])],
)
def test_jumpstart_breath_counts_take_the_urgent_side(count, category, assumed):
    d = dialogue_after("my son", "he is sick", "no", "he is four", "no", "yes", count)
    assert (d.result.start_category, d.result.assumed) == (category, assumed)


@pytest.mark.parametrize(
    "age, protocol, years, assumed",
    [
        ("she'll be eight next month", "JumpSTART", 7, []),
        ("almost eight", "JumpSTART", 7, []),
        ("nearly 8", "JumpSTART", 7, []),
        ("seven or eight", "JumpSTART", 7, ["age"]),  # the younger end, across the threshold
        ("eight or nine", "START", 8, []),  # the younger end is 8: START by SAFETY.md (8 and over)
        ("about 8", "JumpSTART", 7, ["age"]),  # hedged next to the threshold: the younger side
        ("about seven", "JumpSTART", 7, []),  # already under 8: nothing to take
        ("about 12", "START", 11, ["age"]),  # the child danger signs stay on
        ("about forty", "START", 40, []),
        ("in his thirties", "START", 30, []),
    ],
)
def test_ages_take_the_younger_side_at_the_threshold(age, protocol, years, assumed):
    d = dialogue_after("someone else", "they are unwell", "no", age)
    r = d.result
    assert (r.protocol, r.age_years, r.assumed) == (protocol, years, assumed)


@pytest.mark.parametrize("complaint, protocol", [("my little boy fell", "JumpSTART"), ("he fell", "START")])
def test_an_unknown_age_is_assumed_jumpstart_only_with_child_words(complaint, protocol):
    d = dialogue_after("someone else", complaint, "no")
    for _ in range(3):
        d.answer("I don't know")
    assert d.result.protocol == protocol and d.result.assumed == ["age"] and d.result.age_years is None


# --- silence is not death ----------------------------------------------------------------------


@pytest.mark.parametrize("channel", ["voice", "text"])
@pytest.mark.parametrize("first", ["", "Hello? Can you hear me?", "hmm"])
def test_a_call_without_a_usable_answer_ends_as_no_answer_urgent_never_black(channel, first):
    d = Dialogue(channel=channel, region="NG")
    d.start()
    reply = d.answer(first) if first else d.no_answer()
    while not d.finished:
        reply = d.no_answer()
    r = d.result
    assert r.outcome == "no_answer" and r.urgency == Urgency.URGENT
    assert r.start_category is None and r.decided_by is None and r.red_flags == []
    assert reply.segments[-1].prompt_id == "no_answer" and "call you back" in reply.text and "112" in reply.text
    assert "NO ANSWER" in r.summary and "call back" in r.summary and "bystander" not in r.summary
    assert r.who is None  # nobody said who the patient is; the urgent guess that kept the questions going is not a fact
    assert not any(w in reply.text.lower() for w in FORBIDDEN_WORDS)


def test_a_caller_who_answered_something_is_not_a_no_answer_call():
    d = Dialogue()
    d.start()
    d.answer("someone else")
    while not d.finished:
        d.no_answer()
    assert d.result.outcome is None and d.result.start_category == Category.RED  # assumed apnoea: RED, not BLACK


def test_line_closed_marks_a_call_with_no_usable_answer_and_leaves_others_alone():
    d = Dialogue()
    d.start()
    d.no_answer()
    d.answer("can you hear me?")
    result = d.line_closed()
    assert result.outcome == "no_answer" and result.urgency == Urgency.URGENT and "call back" in result.summary
    assert result.who is None
    assert Dialogue().line_closed().outcome == "no_answer"  # the line went before the first question
    d = bystander()
    assert d.line_closed().outcome is None and d.result.start_category is None


def test_no_answer_state_round_trips_and_old_states_still_load():
    d = Dialogue(channel="text")
    d.start()
    d.no_answer()
    d.no_answer()
    state = json.loads(json.dumps(d.to_state()))
    e = Dialogue.from_state(state)
    for _ in range(3):
        assert e.no_answer().text == d.no_answer().text
    assert e.result.to_dict() == d.result.to_dict() and e.result.outcome == "no_answer"
    old = bystander(channel="text").to_state()
    for key in ("answered", "unanswered"):
        old.pop(key)
    del old["result"]["outcome"]
    restored = Dialogue.from_state(old)
    assert restored.result.outcome is None and restored.line_closed().outcome is None  # answers were given


def test_gasping_in_someone_unresponsive_at_the_breathing_step_who_then_breathes_is_red_without_cpr():
    d = bystander()
    reply = speak(d, "no", "he won't wake up and he is gasping")
    assert reply.awaiting == "reposition" and d.result.red_flags == []
    reply = d.answer("yes, he is breathing normally now")
    assert d.result.start_category == Category.RED and reply.segments[-1].prompt_id == "emergency"


def test_a_child_danger_sign_told_at_the_avpu_question_is_recorded():
    """The AVPU answer decides RED by itself, but "floppy, won't feed" is more than a letter of AVPU: the health
    worker must see the IMCI danger sign, so it is kept as a red flag (only unconsciousness is the AVPU's own)."""
    d = Dialogue()
    d.start()
    reply = speak(d, "my daughter", "she fell off the sofa", "no", "ten months", "no", "yes", "nine", "yes")
    assert reply.awaiting == "avpu"
    speak(d, "she's all floppy, she won't take the bottle at all and I can hardly wake her")
    assert d.result.start_category == Category.RED and "child_danger_signs" in d.result.red_flags


@pytest.mark.parametrize("words", ["my husband collapsed and he isn't breathing",
                                   "she's only gasping every few seconds, I don't think she's breathing properly"])
def test_cpr_reached_from_the_callers_words_starts_with_the_dispatchers_check(words):
    """A red flag in words can reach CPR for someone awake and fighting for breath; the words first ask the bystander to
    start only if the patient does not respond and is not breathing normally, as ambulance dispatchers do. The
    breathing questions' own path, where the caller said "not breathing" after the airway was opened, needs no check."""
    d = Dialogue()
    d.start()
    reply = speak(d, words)
    assert d.result.red_flags and reply.segments[-1].prompt_id == "cpr"
    assert "do not respond and you are not sure they are breathing normally" in reply.text
    told = bystander()
    reply = speak(told, "no", "no", "no")
    assert told.result.start_category == Category.BLACK and "not sure" not in reply.text
