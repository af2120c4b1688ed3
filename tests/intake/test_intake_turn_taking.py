"""Whether the words so far answer the open question completely: what lets the phone close a turn early."""

import pytest

from intake.dialogue import Dialogue
from intake.turn_taking import ShortAnswer, answer_is_complete, short_answer


@pytest.mark.parametrize("prompt_id, text", [
    ("walk", "Yes."), ("walk", "No, he can't."), ("breathing", "Yeah."), ("perfusion", "No."),
    ("age", "Seventy two."), ("age", "about 20"), ("age", "She is a baby."), ("resp_count", "Nine."),
    ("severity", "7 out of 10."), ("who", "My son."), ("who", "Myself."), ("photo", "Okay."),
])
def test_a_whole_short_answer_is_complete(prompt_id, text):
    assert answer_is_complete(prompt_id, text)


@pytest.mark.parametrize("prompt_id, text", [
    ("age", "About"), ("age", "He is, um"), ("age", "Twenty"), ("age", "he is seventy..."), ("walk", "Yes but"),
    ("walk", "Yes,"), ("walk", "Uh"), ("breathing", "I'm not sure"), ("walk", "yes yes yes yes"),
    ("resp_count", "I counted"), ("who", "It's"), ("who", "me"), ("complaint", "He fell."),
    ("duration", "Two days."), ("medications", "None."), ("walk", ""), (None, "Yes."),
])
def test_an_unfinished_answer_or_an_open_question_is_not(prompt_id, text):
    assert not answer_is_complete(prompt_id, text)


def test_each_question_says_what_it_waits_for():
    assert [short_answer(p) for p in ("walk", "age", "resp_count", "who", "avpu", "complaint", None)] == [
        ShortAnswer.YES_NO, ShortAnswer.AGE, ShortAnswer.NUMBER, ShortAnswer.WHO, ShortAnswer.CHOICE, None, None]


def test_an_answer_taken_back_reopens_its_question_and_the_whole_answer_counts():
    d = Dialogue(channel="voice")
    d.start()
    d.answer("someone else")
    d.answer("he fell off a ladder")
    d.answer("no")
    d.answer("forty")
    assert d.awaiting == "walk" and d.expects() is ShortAnswer.YES_NO
    d.answer("yes")
    assert d.awaiting != "walk"
    assert d.take_back()
    assert d.awaiting == "walk" and d.transcript[-1] == ("age", "forty")
    reply = d.answer("yes but he can't breathe well")
    assert reply.finished and d.result.red_flags == ["breathing_difficulty"]  # GREEN it was not
    assert d.transcript[-2:] == [("age", "forty"), ("walk", "yes but he can't breathe well")]


def test_only_the_latest_spoken_answer_can_be_taken_back():
    d = Dialogue(channel="voice")
    d.start()
    assert not d.take_back()
    d.answer("someone else")
    d.no_answer()
    assert not d.take_back()
