"""Understanding on what Whisper really wrote: each text here came out of `triage call` or the ASR probe
(flite voices slt/rms -> 8 kHz mu-law -> endpointer -> tiny.en with the question as prompt -> correction).

The left column is what the caller said, for the reader; only the right column (Whisper's text) is tested.
"""

import pytest

from intake.dialogue import Dialogue
from intake.models import Category
from intake.red_flags import find_red_flags
from intake.quantities import parse_age, parse_breath_count
from intake.understanding import asr_loop, choice_digits, parse_yes_no
from tests.support.dialogue import dialogue_after

BREATHING = (r"breath\w*",)


@pytest.mark.parametrize(
    "said, heard, flags",
    [
        ("her face is drooping on one side", "Her face is roping on one side.", ["stroke"]),
        ("she suddenly became confused and her words are jumbled",
         "She suddenly became confused and her words were jumbled.", ["stroke"]),
        ("he hit his head very hard and is vomiting", "He had his head very hard and is vomiting.", ["serious_injury"]),
        ("she fell from the roof", "She felt from the roof.", []),
        ("she is shaking all over and not responding", "She is shaping all over and not responding.",
         ["seizure", "unconscious"]),
        ("he is having a fit", "He is having a sit.", ["seizure"]),
        ("my father has stopped breathing", "My father has taught breathing.", ["not_breathing"]),
        ("my pregnant sister is having fits", "My pregnant sister is having six.", ["seizure", "pregnancy_emergency"]),
        ("her lips and tongue are swelling", "Her lips and thunder swelling.", ["anaphylaxis"]),
        ("his lips are turning blue", "He's lip-fartining blue.", ["breathing_difficulty"]),
        ("my daughter can't stay awake", "My daughter can stay awake.", ["child_danger_signs"]),
        ("the baby is floppy and won't breastfeed", "The baby is sloppy and won't rest, Steve.", ["child_danger_signs"]),
        ("my son is vomiting everything", "My son is vomiting, everything.", ["child_danger_signs"]),
        ("my dad is choking on a bone", "My dad is shocking on a bone.", ["choking"]),
        ("she hasn't come round since she fainted", "She hasn't come around since she fainted.", ["unconscious"]),
        ("he fainted and isn't answering me", "He fainted and he's not entering me.", ["unconscious"]),
        ("he's been self-harming, cutting deep", "He's been self-arming, cutting deep.", ["suicidal"]),
        ("my uncle drank pesticide", "My uncle drank a pester side.", ["overdose_poisoning"]),
    ],
)
def test_red_flags_survive_real_mishearings(said, heard, flags):
    assert find_red_flags(heard) == flags


@pytest.mark.parametrize(
    "text",
    ["his lips are not blue", "her face is swollen on one side", "his face is hurting on one side",
     "he is not responding to treatment", "he is too old", "I have a toothache and my face is a bit swollen",
     "the price is shocking on food these days, my back hurts", "they are not entering the race, my knee is sore",
     "my cousin came around for dinner and now I have a cough", "the sales were shocking on the radio, my ear aches"],
)
def test_the_new_patterns_leave_plain_benign_text_alone(text):
    assert find_red_flags(text) == []


@pytest.mark.parametrize(
    "said, heard, expected",
    # "Yet, barely." (for "yeah, barely") stays unclear: a "Yet." may be a "not yet" whose "not" was lost,
    # and "yes" is the milder branch at breathing, reposition and rescue_breaths.
    [("yeah, barely", "Yet, barely.", None), ("not yet", "Yet.", None), ("yes", "Yes.", "yes"), ("Yep", "Yes.", "yes"),
     ("not yet", "Not yet.", "no"), ("no, he's not breathing", "No, he's not breathing.", "no")],
)
def test_yes_no_as_heard(said, heard, expected):
    assert parse_yes_no(heard, keywords=BREATHING) == expected


@pytest.mark.parametrize(
    "said, heard, expected",
    [("he is four years old", "He is far here, though old.", 4), ("he is forty", "Here's 40.", 40),
     ("six months", "6 months.", 0.5), ("I am thirty two", "I am 32.", 32), ("he is too old", "he is too old", None)],
)
def test_age_as_heard(said, heard, expected):
    assert parse_age(heard) == expected


@pytest.mark.parametrize(
    "said, heard, expected",
    [("nine maybe ten", "9, maybe 10.", (36, 40)), ("I counted 6.", "I count as 6.", (24, 24)),
     ("about twelve", "About well.", None),
     # "about forty a minute": a garbled "a minute" is not taken as per minute, the milder reading (x4 stands)
     ("about forty a minute", "About 40 on minute.", (160, 160))],
)
def test_breath_counts_as_heard(said, heard, expected):
    count = parse_breath_count(heard)
    assert (count and (count.per_minute.low, count.per_minute.high)) == expected


def test_a_keypad_choice_said_aloud_is_the_key():
    """Offered "press 1 for yes", callers say "one"; Whisper writes it "One." or "1." at random."""
    assert [choice_digits(t) for t in ("One.", "1.", "number 2", "Press one.", "to", "for", "No.")] == [
        "1", "1", "2", "1", None, None, None]
    d = Dialogue(channel="voice", region="NG")
    d.start()
    for text in ("Someone else?", "He is not feeling well.", "No.", "Here's 40.", "No."):
        d.answer(text)
    assert d.awaiting == "breathing"
    assert d.answer("One.").awaiting == "resp_count"
    assert d.result.answers["breathing"] == "yes"


def _at(prompt_id: str, *before: str) -> Dialogue:
    return dialogue_after(*before, channel="voice", region="NG", awaiting=prompt_id)


def test_a_lost_nt_is_re_asked_and_never_taken_as_yes():
    """"no, he can't do it" came out "No, he can do it.": re-ask, keypad, then the urgent branch (RED)."""
    d = _at("commands", "someone else", "he is not well", "no", "he is forty", "no", "yes", "five", "yes", "yes")
    assert d.answer("No, he can do it.").awaiting == "commands"
    assert d.answer("No, he can do it.").awaiting == "commands"
    d.answer("No, he can do it.")
    assert d.result.start_category == Category.RED and "commands" in d.result.assumed


def test_garbled_avpu_is_assumed_unresponsive():
    """"no response at all" came out "No risk on that at all.": never a milder AVPU level by guess."""
    d = _at("avpu", "my son", "my son is sick", "no", "he is four years old", "no", "yes", "five", "yes")
    for _ in range(3):
        d.answer("No risk on that at all.")
    assert d.result.start_category == Category.RED and d.result.assumed == ["avpu"]


def test_a_whisper_repetition_loop_is_no_answer():
    """"two" (no) at `walk` came out "Yeah, yeah, yeah, yeah, yeah, yeah.": taken as yes it made a GREEN."""
    assert asr_loop("Yeah, yeah, yeah, yeah, yeah, yeah.")
    assert asr_loop("thank you thank you thank you thank you")
    assert not asr_loop("Yeah, yeah.") and not asr_loop("yes he can walk") and not asr_loop("")
    d = _at("walk", "Someone else?", "He is in well.", "No.", "40.")
    assert d.answer("Yeah, yeah, yeah, yeah, yeah, yeah.").awaiting == "walk"
    assert d.result.start_category is None
