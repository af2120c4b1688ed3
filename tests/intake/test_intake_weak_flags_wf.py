"""The four weakest flags on the newest outside authors (suicidal, overdose_poisoning, pregnancy_emergency, chest_pain),
by the kinds the team's wf- lines found missing or falsely flagged: despair said as being tired of the world or done with
life beside a means; a means behind a locked door; a plan to join someone who died; a ligature tied to furniture; a
hairdryer in the bath; walking into the sea clothed; a last post, a will written today, savings given away; a walk off
the end of a pier; foraged food cooked and eaten; a needle beside someone; gestation said as "carry belly",
"conceiving", "far along", "and a half weeks", "since my section"; a pregnancy's upper-belly pain, stars before the eyes,
a cord coming first, movements stopped, pain "off the scale"; a pain reaching the arm or throat with a cold sweat; jaw and
back aching together with a sweat. Look-alikes: commuters waiting on a platform, goodbyes before a move, the end of
one's rope, a two-stroke engine, an everyday meal (no harm question for a biscuit).

Every sentence here was written for these tests; the corpus's wf- lines (intake/corpus/utterances.jsonl) are other
wordings of the same kinds.
"""

import pytest

from intake.red_flags import find_red_flags, harm_cue_said
from tests.support.red_flag_kinds import kind_tests

FOUND = [
    # Despair in other words, beside a means or a place.
    ("suicidal", "my uncle says he is tired of living and he has taken the shotgun down from the wall"),
    ("suicidal", "she told me she's done with life and she's got the weedkiller from the shed"),
    ("suicidal", "he's locked himself in the bathroom with a rope and he isn't answering me"),
    ("suicidal", "my gran keeps saying she wants to go and be with her husband, he passed in the spring, she's stopped eating"),
    ("suicidal", "my brother's tied his belt round his neck and hooked it to the bunk bed"),
    ("suicidal", "my sister is lying in the bath with her hair straighteners plugged in and the door locked"),
    ("suicidal", "an old man just walked into the river in all his clothes, he's not stopping"),
    ("suicidal", "she posted that this is her final message and she's sitting at the end of the jetty"),
    ("suicidal", "he keeps saying he will step off the edge of the car park roof, he's up there now"),
    ("suicidal", "my son says he is going to lie down in front of the train tonight"),
    ("suicidal", "hataki kuishi, my brother, and he has the rat poison in his pocket"),
    ("suicidal", "she says she will drink the toilet cleaner, she has the bottle open"),
    ("suicidal", "he says everyone would cope without him and he's sitting at the open window of his flat"),
    ("suicidal", "she keeps cutting her wrists and now she says she'll cut deeper next time"),
    # Foraged food cooked and eaten; a needle beside someone.
    ("overdose_poisoning", "we boiled some berries from the hedge for jam and the kids are vomiting and flushed"),
    ("overdose_poisoning", "my husband cooked toadstools from the woods and now he's shaking and confused"),
    ("overdose_poisoning", "there's a woman on the bench with a syringe beside her and she can't keep her eyes open"),
    # Gestation in other words, and the signs that were missing.
    ("pregnancy_emergency", "my sister carry belly six months and she don dey bleed heavy heavy"),
    ("pregnancy_emergency", "my wife is conceiving, seven months, and she has fits"),
    ("pregnancy_emergency", "she's quite far along and her belly pain is off the scale"),
    ("pregnancy_emergency", "I'm thirty-four and a half weeks and there's a pain right under my ribs and my head is pounding"),
    ("pregnancy_emergency", "five days since my caesarean and I'm pouring blood"),
    ("pregnancy_emergency", "I'm thirty weeks and I have a pain at the top of my tummy and I'm seeing stars"),
    ("pregnancy_emergency", "she's nearly due and a foot has come out first"),
    ("pregnancy_emergency", "I'm 38 weeks and the movements have stopped since lunch"),
    # A pain reaching the arm or throat with a cold sweat; jaw and back together with a sweat.
    ("chest_pain", "it's a dull ache that's moving up into his neck and he's gone grey and clammy"),
    ("chest_pain", "she's got an ache in her jaw and between her shoulder blades and she's pale and sweating"),
]

NOT_FLAGGED = [
    "I'm sitting at the edge of the platform waiting for my train and I feel sick, it's stuffy down here",
    "I'm at the end of my tether with this eczema",
    "my son's two-stroke scooter won't start and he cut his finger on it, it's stopped bleeding",
    "we've been tired of all this rain, my husband's knee is playing up",
    "my wife is conceiving, we found out today, she's got a bit of a cold",
    "I'm far along the road home and my ankle is a bit sore",
    "the rash is spreading down her arm and she's got a temperature and feels sweaty",
    "my jaw aches from the dentist and my back's stiff from the chair",
    "the window is open and she is standing there having a cigarette, she has a headache",
]

test_the_kind_is_found, test_the_look_alike_is_not_flagged = kind_tests(FOUND, NOT_FLAGGED)


@pytest.mark.parametrize("text", [
    "he's eating a biscuit now and he seems fine",
    "she ate her lunch and then her knee gave way",
    "he was eating his dinner when his ankle started hurting",
])
def test_an_everyday_meal_brings_no_harm_question(text):
    assert not harm_cue_said(text)


@pytest.mark.parametrize("text", [
    "he ate something from under the sink",
    "she's been eating the pellets from the garden",
    "he ate some of the tablets",
])
def test_what_is_eaten_unnamed_or_not_food_still_brings_it(text):
    assert harm_cue_said(text)


def test_a_goodbye_said_because_of_a_move_is_no_farewell_phrase():
    """The rules' farewell phrase lets a move explain the goodbye; the learned reader, left as shipped, still proposes
    suicidal on the whole turn (a false flag the team weighs rather than closes by narrowing the reader)."""
    text = "my daughter said goodbye to all her classmates because we're moving to Perth, she has a cold"
    assert find_red_flags(text, learned=False) == []
