"""Kinds spent set au's whole calls and answers showed (issue 14), in the team's own words (no corpus line).

1. A caller who never hears a question, in their own English: "who dis?", "yuh deh deh?", "mi cyaan hear nutten", "the
   line bad bad" were read as a complaint, so the call went on through START's questions unanswered and ended RED. A
   line check in any English is no answer; such a call ends "no answer", urgent, with a call-back (SAFETY.md: silence
   is not death).
2. A panicking caller who takes a no back with a yes said twice ("No... yes, yes, she fainted, sorry") was read as
   unsure and the danger-sign screen passed by; the doubled yes after a break settles the answer as a doubled no does.
3. A yes relayed from someone else beside the caller's own finding of nothing ("my cousin says she squeezed, but I
   didn't feel anything") was read as the yes; it is both, asked again and, still unclear, taken the urgent way.
"""

import pytest

from intake import prompts as P
from intake.models import Category
from intake.understanding import parse_yes_no, without_line_checks
from tests.support.dialogue import dialogue_after, run_call, scenario_call, speak

CALLER = "+18765550100"
COMMANDS = P.PROMPTS["commands"]


# --- 1. a line check in any English is no answer -----------------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "Hello? Hello? Who dis?",
    "Yuh deh deh? Hello?",
    "Hello, mi cyaan hear yuh",
    "Me no hear nutten, the line bad bad",
    "Hello? Are you hearing me? Your voice is not coming",
    "hello hello, can hear or not?",
    "the call is cutting, hello?",
    "Halo? Unanisikia? Sikusikii",
    "you still there?",
    "who dat? hello?",
])
def test_a_line_check_in_the_callers_english_is_no_answer(said):
    assert without_line_checks(said).strip(" ?,.") == ""


@pytest.mark.parametrize("said", [
    "my husband, his voice is not coming out",
    "hello, my son is not breathing",
    "who dis? my mother fell",
    "Yuh deh deh? My baby won't wake",
])
def test_words_of_an_answer_beside_a_line_check_stay(said):
    assert without_line_checks(said).strip(" ?,.") != ""


@pytest.mark.parametrize("region, lines", [
    ("JM", ["Hello? Hello? Who dis?", "Hello? Mi cyaan hear nutten", "Yuh deh deh? The line bad bad"]),
    ("KE", ["Halo? Unanisikia?", "Hello, the network is bad bad", "you still there?"]),
    ("IN", ["Hello? Are you hearing me?", "the voice is not coming, hello", "who is dis?"]),
    ("SG", ["hello hello, can hear or not?", "the call is cutting, hello?", "hello?"]),
])
def test_a_caller_who_never_hears_a_question_ends_as_no_answer(region, lines):
    d = dialogue_after(region=region, channel="voice")
    speak(d, *lines * 8)
    r = d.result
    assert r.outcome == "no_answer" and r.start_category is None and r.start_category != Category.BLACK
    assert r.urgency.value == "urgent" and r.who is None


# --- 2. a no taken back with a doubled yes -----------------------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "No... yes, yes, she fainted a minute ago, sorry",
    "no. yes yes, he went all floppy",
    "No! Yes, yes, sorry, she is fitting",
    "nahi... yes, yes, he fell down unconscious",
])
def test_a_no_taken_back_by_a_doubled_yes_is_a_yes(said):
    assert parse_yes_no(said) == "yes"


@pytest.mark.parametrize("said, expected", [
    ("Yes... no, no, sorry, no", "no"),
    ("yes yes", "yes"),
    ("No wait, yes... sorry, I don't know", "unsure"),
    ("no, no wait, yes", "yes"),
])
def test_other_corrections_keep_their_reading(said, expected):
    assert parse_yes_no(said) == expected


def _fall_call(call_id: str, step: str, said: str, expect: dict) -> dict:
    answers = {
        "who": "my grandmother", "who_confirm": "no, not me, my grandmother",
        "complaint": "she slipped on the steps and hurt her leg", "danger_signs": "no, none", "harm": "no",
        "age": "seventy-nine", "walk": "no, she can't stand", "breathing": "yes, breathing normal",
        "resp_count": "five", "pulse": "yes, at the wrist", "perfusion": "yes, it came back pink",
        "commands": "yes, she squeezed my hand", "duration": "fifteen minutes", "severity": "seven",
        "medications": "none", "allergies": "none", "photo": "no"}
    answers[step] = said
    return scenario_call(call_id, answers, expect, caller=CALLER)


@pytest.mark.parametrize("said", [
    "No... yes, yes, she fainted a minute ago, sorry",
    "no. yes yes, she went stiff and shook, sorry sorry",
])
def test_a_danger_sign_screen_taken_back_to_yes_is_an_emergency(said):
    record, _ = run_call(_fall_call("au-screen-corrected", "danger_signs", said, {}))
    assert record["urgency"] == "emergency" and record["start_category"] == "RED", record


# --- 3. a relayed yes beside the caller's own finding of nothing ------------------------------------------------------

@pytest.mark.parametrize("said", [
    "my cousin says she did squeeze but I didn't feel anything",
    "Auntie says yes she squeezed, I can't feel anything myself",
    "they are shouting she squeezed, but we didn't feel any squeeze",
])
def test_a_relayed_squeeze_beside_nothing_felt_is_not_taken_as_a_yes(said):
    assert parse_yes_no(said, keywords=COMMANDS.keywords, yes_phrases=COMMANDS.yes_phrases,
                        no_phrases=COMMANDS.no_phrases) in ("unsure", "no")
    record, _ = run_call(_fall_call("au-relayed-commands", "commands", said, {}))
    assert record["start_category"] == "RED", record


@pytest.mark.parametrize("said", [
    "yes, she squeezed, I didn't see anything wrong",
    "yes, she squeezed my hand hard, my cousin felt it too",
])
def test_a_squeeze_felt_stays_a_yes(said):
    assert parse_yes_no(said, keywords=COMMANDS.keywords, yes_phrases=COMMANDS.yes_phrases,
                        no_phrases=COMMANDS.no_phrases) == "yes"
