"""A poisoning the caller does not name, and a wish to sleep and never wake.

Spent set ah's Lviv call: a man dizzy with belly pain was never asked the harm question, so the home-made spirits told
only at that question went unheard. Dizziness and sight gone blurred are how methanol, a pesticide or a
stove's fumes first show when nobody names them: they ask the question. And English's "hope I never wake up" is a
wish to die, not Pidgin's "e never wake" (has not woken).
"""

import pytest

from intake.red_flags import find_red_flags, harm_cue_said
from intake.scenarios import run_text


@pytest.mark.parametrize("said", [
    "since the morning he is dizzy and his belly hurts",
    "my auntie dey feel dizzy since morning, she lie down",
    "mi papá está mareado, dizzy, he says everything looks foggy",
    "he says everything is blurry and his head is spinning",
    "she can't see properly since lunch, and she is lightheaded",
    "bố em bị chóng mặt, my dad is dizzy and he has double vision",
])
def test_dizziness_or_sight_gone_ask_the_harm_question(said):
    assert harm_cue_said(said)


@pytest.mark.parametrize("said", [
    "he twisted his ankle playing football", "she has a rash on her arm since yesterday",
    "my son has a fever and a cough", "she has been vomiting since last night",
])
def test_a_complaint_with_no_cue_still_asks_nothing(said):
    assert not harm_cue_said(said)


def _dizzy_call(harm: str) -> dict:
    return {"id": "dizzy", "answers": {"who": "my father", "who_confirm": "no, it's my father",
                                       "complaint": "since this morning he is dizzy and his belly hurts",
                                       "danger_signs": "no", "harm": harm, "age": "sixty", "walk": "yes"},
            "default": "no"}


@pytest.mark.parametrize("harm", [
    "yes, he drank the home-brew from the neighbour last night and now everything is foggy",
    "yes he took my sleeping tablets, the whole strip is empty",
])
def test_the_poison_told_at_the_harm_question_after_dizziness_is_an_emergency(harm):
    record = run_text(_dizzy_call(harm))
    assert "overdose_poisoning" in record["red_flags"] and record["urgency"] == "emergency"


def test_no_at_the_harm_question_after_dizziness_leaves_start_to_decide():
    record = run_text(_dizzy_call("no, nothing like that"))
    assert record["red_flags"] == [] and record["start_category"] == "GREEN"


@pytest.mark.parametrize("said", [
    "she said she wishes she could go to sleep and never wake up",
    "I hope I never wake up, honestly",
    "he keeps saying he hopes he will never wake up",
    "my sister says she prays she could just sleep and not wake up",
])
def test_a_wish_to_sleep_and_never_wake_is_suicidal(said):
    assert "suicidal" in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "I hope he won't wake up yet, the baby is so tired",
    "I wish I could sleep and not wake up till noon on Sunday",
    "she hopes she will never wake up that early again",
])
def test_a_tired_wish_is_not_suicidal(said):
    assert "suicidal" not in find_red_flags(said)


@pytest.mark.parametrize("said", ["my papa never wake since morning, we shake am", "e sleep, e never wake till now"])
def test_pidgin_never_wake_is_still_not_waking(said):
    assert "unconscious" in find_red_flags(said)


# Spent set ak's calls: the sign was first told at the harm question, which a withdrawn or strange patient, or a
# toddler found beside bottles, never reached.
@pytest.mark.parametrize("said", [
    "he's been lying on his bed since the afternoon, he doesn't want to talk",
    "she lost her job last week and she won't get out of bed",
    "since his wife died he stays in his room all day",
    "my son is very quiet and withdrawn today",
    "he is seeing things and not making sense",
    "I found him on the balcony next to the bottles, he is coughing",
    "the baby is drowsy and his pupils are tiny",
])
def test_withdrawal_a_strange_mind_or_bottles_ask_the_harm_question(said):
    assert harm_cue_said(said)


@pytest.mark.parametrize("said", ["he hurt his knee playing football", "my mum is not talking since her stroke"])
def test_neither_a_sprain_nor_a_known_stroke_asks_it(said):
    assert not harm_cue_said(said)
