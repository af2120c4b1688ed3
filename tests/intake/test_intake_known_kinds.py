"""Known misreadings of the spent sets mended as kinds (fourteenth session), in the team's own words, with look-alikes.

A hedged yes at the pulse that the caller then confirms ("yes, I think so, yes, I can feel it") is the yes; a hedge
alone, or any other word before the finding, stays a doubt (SAFETY.md: asked again, then the urgent side). A job, a house
or "it" finished by oneself, with no word of harm, is no suicide ("finish himself" and "finish it all" still are).
Thinking of drinking a poison, with nothing taken, is suicidal thinking, not a poisoning (README's convention: a means
not yet taken is suicidal only). A towel soaked by the dog, the bath, the hose or the rain is no bleed. A chest ache
that is "gone today" is over. A death told at "is it you who is unwell?" stays the not-breathing report it was (not
changed: see CLINICAL.md).
"""

import pytest

from intake import prompts as P
from tests.support.dialogue import run_call, scenario_call
from tests.support.red_flag_kinds import turn_kind_tests

FLAGGED = [
    # thinking of drinking a poison: suicidal thinking
    ("I keep thinking of drinking the tick dip", "suicidal", False),
    ("she told me she's been thinking about drinking the cattle dip out in the shed", "suicidal", False),
    ("honestly I thought about swallowing the bleach last night", "suicidal", False),
    ("my brother keeps thinking of drinking the weed killer, he won't come out of his room", "suicidal", False),
    ("he's been thinking about taking all his pills", "suicidal", False),
    # finishing oneself, finishing it all
    ("he says he wants to finish himself", "suicidal", False),
    ("I'm going to finish it all tonight", "suicidal", False),
    ("she said she will finish it all, she's got her mum's tablets", "suicidal", False),
    # a thing done TO oneself is not a task done by oneself (calls.jsonl's harm answer, which the task gate had silenced)
    ("ya, yes, she did it to herself on purpose", "suicidal", False),
    ("yeah, he did it to himself on purpose", "suicidal", False),
    ("yes, she did that to herself on purpose, with a blade", "suicidal", False),
]

QUIET = [
    # a task finished by oneself
    "he wants to finish the job himself",
    "my dad insists he'll finish the roof himself, he won't pay a builder",
    "she wants to do the painting herself this weekend",
    "he wants to finish it himself, he doesn't trust the plumber",
    "I'm going to fix the fence myself",
    # finishing everything by a day, food finished
    "I want to finish it all before Friday",
    "she ate her dinner and finished it all",
    # a towel soaked by something that is not blood
    "the towel is soaked from the dog",
    "my towel's soaked from bathing the dog, he rolled in the mud",
    "his shirt is drenched from the rain, he has a small graze on his elbow",
    "her t shirt is soaked from the hose, the kids were playing",
    "the cloth is soaked from the wet dog",
    # a chest ache gone today
    "my chest wall was aching yesterday, it's gone today",
    "chest pain yesterday after the gym, it's gone today",
    "I had a tight chest yesterday, today it's gone",
    # thinking of a poison, not of drinking it
    "I'm thinking of eating the spinach dip",
]

NOT_ALSO = [
    # a poison only thought of: suicidal, no poisoning
    ("I keep thinking of drinking the tick dip", "suicidal", "overdose_poisoning", False),
    ("I keep thinking about drinking the rat poison", "suicidal", "overdose_poisoning", False),
    ("he's thinking about taking the whole box of his sleeping pills", "suicidal", "overdose_poisoning", False),
]

TWINS = [
    # the poison drunk, or thought of and drunk
    ("he drank the tick dip", "overdose_poisoning", False),
    ("I keep thinking of drinking the tick dip, I drank some already and I'm vomiting", "overdose_poisoning", False),
    # a task finished by oneself, with harm said
    ("he wants to finish the job himself, he's got the rope and he says goodbye", "suicidal", False),
    ("he said he'll finish the house himself and then kill himself", "suicidal", False),
    # soaked with blood, or by a bite
    ("the towel is soaked with blood", "heavy_bleeding", None),
    ("the towel is soaked from the dog bite and it's still pouring", "heavy_bleeding", None),
    ("the dog bit him and the towel is soaked", "heavy_bleeding", None),
    ("the bandage is soaked through", "heavy_bleeding", None),
    # a chest pain not gone, or come back, or gone down the arm
    ("my chest was aching yesterday, it's gone today but it came back this afternoon", "chest_pain", False),
    ("my chest has been aching since yesterday and it's still not gone today", "chest_pain", False),
    ("chest pain yesterday and today it's gone down my left arm", "chest_pain", False),
]

test_heard, test_unflagged, test_without_the_look_alike, test_twin_heard = turn_kind_tests(FLAGGED, QUIET, NOT_ALSO, TWINS)


# --- the pulse: a hedge, then the caller's own finding ----------------------------------------------------------------

def _pulse(said: str) -> str | None:
    return P.PROMPTS["pulse"].read_yes_no(said)


@pytest.mark.parametrize("said", [
    "yes, I think so, yes, I can feel it",
    "I think so... yes, I can feel it now",
    "um, probably, yes, I can definitely feel it",
    "maybe... yes, it's there",
    "yeah I think so, hang on, yes, I've got it",
    # the yes first, the finding doubted, then found firmly (set aj's kind, which the doubt above had broken)
    "yes, I think I feel it, it's there",
    "yeah, I guess I found one, it's definitely there",
    "yes, I think so, it's there",
])
def test_a_hedge_then_the_finding_is_the_yes(said):
    assert _pulse(said) == "yes"


@pytest.mark.parametrize("said", [
    "yes, I think so",
    "I think so, yes",
    "maybe, yes",
    "maybe, it's there",  # no yes before the finding: the hedge may still cover it
    "I think I can feel it",
    "yes, I think so, I feel something",
    "no, I think so, yes, I can feel it",
    "I can't tell, yes, I can feel it",
    "I don't know, yes, I can feel it",
    "I think so, yes, I can feel it, but it might be my own fingers",
    "I think so, yes I can feel it, maybe",
    "I think so, yes, it comes and goes",
    "I think I feel it, it's there",  # no yes first: the hedge may still cover the finding
    "no, I think I feel it, it's there",
    "yes, maybe, I can't tell, it's there",
])
def test_a_hedge_alone_or_anything_else_before_the_finding_stays_a_doubt(said):
    assert _pulse(said) == "unsure"


def test_the_finding_without_a_hedge_was_a_yes_and_a_no_still_a_no():
    assert _pulse("yes, I can feel it") == "yes"
    assert _pulse("I think so, no, I can't feel it") in ("no", "unsure")


_INFANT = {"who": "my baby", "who_confirm": "no, my baby daughter, she's five months",
           "complaint": "she rolled off the bed onto the rug, she cried straight away, there's a red mark on her leg",
           "danger_signs": "no, none of those, she's feeding fine", "harm": "no", "age": "five months",
           "walk": "no, she's a baby", "breathing": "yes, normal", "resp_count": "nine",
           "avpu": "she's awake, looking at me, crying", "duration": "ten minutes", "severity": "I don't know",
           "medications": "none", "allergies": "none", "photo": "no"}


@pytest.mark.parametrize("pulse", ["yes, I think so, yes, I can feel it", "hmm, maybe... yeah, I can feel it now"])
def test_a_confirmed_pulse_goes_on_to_avpu(pulse):
    call = scenario_call("kk-pulse-confirmed", {**_INFANT, "pulse": pulse},
                         {"start_category": "YELLOW", "protocol": "JumpSTART"}, caller="+15145550999")
    record, wrong = run_call(call)
    assert not wrong, wrong


@pytest.mark.parametrize("pulse", ["yes, I think so", "maybe, I think I can feel it"])
def test_a_pulse_only_hedged_takes_the_urgent_side(pulse):
    call = scenario_call("kk-pulse-hedged", {**_INFANT, "pulse": pulse}, {"start_category": "RED"},
                         caller="+15145550999")
    record, wrong = run_call(call)
    assert not wrong, wrong
    assert record["prompts"].count("pulse") > 1  # asked again before the urgent side


# --- a death told at "is it you who is unwell?" (left as it was) --------------------------------------------------

def test_a_death_told_at_who_confirm_stays_a_not_breathing_report():
    """Kept on the urgent side (CLINICAL.md, fourteenth session): at who_confirm nothing has yet said a crash, and "he's
    dead" from a bystander is SAFETY.md's not-breathing report (never pronounced, CPR guidance); the same death told
    by a caller already taken as the patient, in the complaint, is the crash's mechanism (without_another_death)."""
    call = scenario_call("kk-who-confirm-death", {"who": "me, I'm the driver",
                                                  "who_confirm": "yeah, it's me, my mate's gone, he's dead, I'm calling for me"},
                         {"red_flags": ["not_breathing"]}, caller="+61491570999")
    record, wrong = run_call(call)
    assert not wrong, wrong
