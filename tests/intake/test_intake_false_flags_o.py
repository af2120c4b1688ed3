"""False flags and misread answers of the kinds set o showed, written for this file (no corpus line): each look-alike is
paired with a real sign in nearby words that must still be found. The kinds: a training manikin; an acquaintance's sign
days ago; idioms (a stroke of luck, a poisonous atmosphere, a place choked with weeds, nearly fainting at a bill); a
toddler's gibberish; a droop with its cause named; meat that leaked blood; lips coloured by a drink; someone awake who
cannot hear; body parts said to be all fine; what would count as a sign, asked; an animal's own paw; a short drop.
Then whole-call answers: trapped in a seat, not tried yet, the rescuer's own breaths, pulling a limb away, a yes said
in another language, an age either side of JumpSTART's 8, a pregnant caller's baby. Run with the learned reader on."""

import pytest

from intake.dialogue import Dialogue
from intake.red_flags import find_mechanisms, find_red_flags
from intake.understanding import names_someone_else, parse_avpu, parse_breathing, parse_yes_no
from intake.yes_no_words import yes_no_in_english

# (flag, look-alike that must not raise it, real sign that must)
PAIRS = [
    # a training manikin
    ("not_breathing", "the CPR mannequin at the club isn't breathing since the valve broke, where do I get a spare",
     "the man at our first aid course isn't breathing, he just went down"),
    # an acquaintance's sign, days back, told in the past
    ("seizure", "a pupil in my class had a fit during assembly on Monday and I've felt shaky ever since",
     "a pupil in my class is having a fit in assembly right now"),
    ("chest_pain", "my colleague was rushed off with chest pain last week, I'm phoning because I've a sore throat",
     "my colleague has chest pain right now and he's sweating"),
    # idioms
    ("stroke", "what a stroke of rotten luck, I slipped on the ice and bruised my hip", "he's had a stroke, his face has dropped"),
    ("overdose_poisoning", "the atmosphere at home is really toxic and I can't sleep", "she's swallowed something toxic from under the sink"),
    ("choking", "the pond is choked with reeds and I cut my hand clearing it", "he's choking on a grape and can't breathe"),
    ("unconscious", "my wife almost fainted when she saw the price of the repairs, anyway my wrist is sore",
     "my wife fainted and she still won't come round"),
    # a toddler's speech
    ("stroke", "he's speaking gibberish but he's only one, he chatters like that all day, it's his ear I'm worried about",
     "my dad is suddenly speaking gibberish and his arm is weak"),
    # a droop with its cause named
    ("stroke", "her eyelid is drooping because she got bitten by a midge, she can smile and lift both arms",
     "her eyelid and mouth are drooping on one side and her arm is weak"),
    # meat that leaked blood
    ("heavy_bleeding", "the pack of mince leaked blood over the bottom of the fridge, do I bin the cheese", "his leg is pouring blood and it won't stop"),
    # lips coloured by a drink
    ("breathing_difficulty", "his lips are purple but that's from the blackcurrant ice lolly, he's fine",
     "his lips are purple and he's struggling to breathe"),
    # awake, but cannot hear or will not be disturbed
    ("unconscious", "mum has her headphones in so she doesn't answer me, she's awake watching the garden",
     "mum doesn't answer me, she's slumped in the chair"),
    ("unconscious", "he's praying and doesn't react when I talk to him, he's sitting up with his eyes closed",
     "he's slumped over and doesn't react when I talk to him"),
    # body parts said to be all fine
    ("anaphylaxis", "a wasp got my hand, it's swollen, but my face, lips and tongue are all fine",
     "a wasp got me and my lips and tongue are swelling up"),
    # asked what would count
    ("heavy_bleeding", "what would be considered heavy bleeding after a nosebleed? there's no bleeding now",
     "the nosebleed is pouring and won't stop"),
    # a simple faint with its trigger named: its own seconds out are no knock on the head
    ("serious_injury", "my son passed out after his flu jab, he was out for about ten seconds, he's fine now",
     "my son was knocked out by a cricket ball, he was out for ten seconds and now he's being sick"),
    ("serious_injury", "she fainted during her blood donation, she was out briefly and she's drinking juice now",
     "she fainted at church and hit her head on the pew, she was out for a minute and now she's confused"),
    # an animal's own paw
    ("heavy_bleeding", "our cat caught her paw on a fence and it's bleeding heavily, I scratched my arm holding her",
     "our boy caught his hand on a fence and it's bleeding heavily"),
]


@pytest.mark.parametrize("flag,lookalike,real", PAIRS, ids=[f"{f}-{i}" for i, (f, _, _) in enumerate(PAIRS)])
def test_lookalike_is_no_sign_but_the_sign_still_is(flag, lookalike, real):
    assert flag not in find_red_flags(lookalike), lookalike
    assert flag in find_red_flags(real), real


@pytest.mark.parametrize("text", [
    "my neighbour had a fit yesterday and she's still fitting now",
    "my colleague collapsed at work yesterday and he's not breathing",
    "my neighbour had chest pains last night and now I have them too",
])
def test_an_acquaintance_told_in_the_present_is_still_the_sign(text):
    assert find_red_flags(text), text


def test_the_dog_that_bit_someone_is_no_patient_of_its_own():
    """Only the animal's own part is the animal's: a person it acted on is the patient."""
    assert "heavy_bleeding" in find_red_flags("the dog bit his leg and it's bleeding heavily")


def test_a_short_jump_is_no_attempt_and_no_fall_from_height():
    text = "she jumped off the garden wall, just one step down, and twisted her ankle"
    assert "suicidal" not in find_red_flags(text)
    assert "fall_from_height" not in find_mechanisms(text)
    assert "suicidal" in find_red_flags("he's on the balcony saying he'll jump off")


@pytest.mark.parametrize("text", [
    "she thinks she could walk but she hasn't tried, her leg is pinned under the dashboard",
    "he's trapped in the driver's seat, he says he can walk",
    "no idea, he hasn't tried to stand up yet",
])
def test_walking_not_tried_or_trapped_is_no_yes(text):
    """A walk not tried, or a patient trapped, is not GREEN (SAFETY.md: an unclear answer never takes the milder branch)."""
    from intake.prompts import PROMPTS
    p = PROMPTS["walk"]
    assert parse_yes_no(text, keywords=p.keywords, no_phrases=p.no_phrases) != "yes"


@pytest.mark.parametrize("text", [
    "I blew two breaths into him and there's still nothing",
    "did the rescue breaths, she's still not breathing",
])
def test_the_rescuers_breaths_are_not_the_patients(text):
    assert parse_breathing(text, keywords=(r"breath\w*",)) == "no"


def test_pulling_a_limb_away_from_a_touch_is_pain():
    assert parse_avpu("eyes shut, but when I press his foot he pulls it away") == "pain"


@pytest.mark.parametrize("text", ["sí, but fast", "oui, breathing", "ja"])
def test_a_yes_said_in_another_language(text):
    assert parse_yes_no(yes_no_in_english(text)) == "yes"


@pytest.mark.parametrize("text", ["si lolo hindi makalakad", "ja nahi sakta, bahut dard hai"])
def test_the_same_word_inside_another_languages_sentence_is_no_yes(text):
    """Tagalog's "si" before a name, Hindi's "ja" (go): only a yes word said on its own is one."""
    assert parse_yes_no(yes_no_in_english(text, region="PH"), keywords=(r"walk\w*",)) != "yes"


def _call(*answers: str) -> Dialogue:
    d = Dialogue(channel="sms", region="GB")
    d.start()
    for said in answers:
        if d.finished:
            break
        d.answer(said)
    return d


def test_an_age_either_side_of_eight_takes_the_protocol_whose_rate_is_red():
    """"Seven or eight" and 40 a minute: RED by START, not by JumpSTART; the urgent one is taken."""
    d = _call("my neighbour's girl", "she fell off the climbing frame", "no", "seven or eight I think", "no", "yes",
              "ten in fifteen seconds")
    assert d.result.start_category.value == "RED"
    assert d.result.protocol == "START"


def test_a_clear_age_keeps_its_protocol():
    d = _call("my son", "he fell off the climbing frame", "no", "seven", "no", "yes", "ten in fifteen seconds", "yes")
    assert d.result.protocol == "JumpSTART"


def test_a_pregnant_callers_baby_is_not_someone_else():
    assert not names_someone_else("I'm 28 weeks pregnant and the baby's moving fine, I just cut my finger")
    assert names_someone_else("my baby is not moving")
