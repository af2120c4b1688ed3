"""Red flags by kind of failure, fourth round: the kinds found by sorting every miss and false flag of the blind
set of author f (intake/corpus/blind_f_*.jsonl, spent on 2026-12-02, branch clinical3), each fixed at the level of
its concept.

Every sentence here was written for these tests, none copied from a corpus: passing them says a fix reaches
words it was not tuned on. Each kind has its emergencies and its benign look-alikes side by side.
"""

import pytest

from intake.red_flags import find_mechanisms, find_red_flags, prepare
from tests.support.red_flag_kinds import kind_tests

FOUND = [
    # Seen, not said: the chest or tummy that does not rise; breathing that stopped "and has not come back".
    ("not_breathing", "I can't see her tummy moving up and down at all"),
    ("not_breathing", "his chest isn't going up and down, he's just lying there"),
    ("not_breathing", "she was breathing funny and then it stopped, and it hasn't come back"),
    ("not_breathing", "my grandad fell off the chair and now he no breathe"),
    # Elderly, indirect FAST: a hand that will not hold, dribbling from the side, muddled since a moment ago.
    ("stroke", "Dad's dribbling out of one side of his mouth and his right hand won't hold his spoon"),
    ("stroke", "her leg's gone weak and she seems all muddled, it came on suddenly at tea"),
    # A bleed that has gone on for hours, or used up a whole roll, in someone on thinners.
    ("heavy_bleeding", "his gums have been bleeding for two hours and we've gone through a whole box of tissues"),
    ("heavy_bleeding", "the cut on her hand has been bleeding since lunchtime and won't settle"),
    ("heavy_bleeding", "she's passing big clots and there's blood everywhere in the bathroom"),
    # A fight or a vehicle, then a spine or a skull base sign.
    ("serious_injury", "a van hit my brother and now he can't feel his feet"),
    ("serious_injury", "after the brawl there's clear fluid dripping out of her nose and she's drowsy"),
    # A fit told by what is seen: spit bubbling, shaking down one side that will not settle.
    ("seizure", "his arms are jerking and there's froth bubbling at his lips"),
    ("seizure", "she's twitching down her left side and it's been going for ten minutes"),
    # No response to a call, said as "doesn't move"; Pidgin "no dey hear".
    ("unconscious", "he doesn't stir when I shout his name, he's just lying on the sofa"),
    ("unconscious", "my sister collapse, she no dey hear anything, we shake am and nothing"),
    # Preparations: farewell letters beside the means; a ligature tied to a fixed point; Tagalog.
    ("suicidal", "he has written notes for the kids and he's got rope in his bag"),
    ("suicidal", "she's tied a scarf round the door handle and she won't come out"),
    ("suicidal", "ayoko nang mabuhay, tapusin ko na ito"),
    # The wrong tablets or a double dose of heart pills; a floor cleaner drunk (India).
    ("overdose_poisoning", "grandma took the wrong tablets this morning, she's very drowsy"),
    ("overdose_poisoning", "my uncle swallowed his blood pressure pills twice over and feels faint"),
    ("overdose_poisoning", "the toddler drank some phenyl from the bucket"),
    # Pregnancy in Pidgin with a belly that is "pass" painful; a child who brings back everything (Yoruba).
    ("pregnancy_emergency", "she get belle, her belle dey pain pass and e hard like rock"),
    ("child_danger_signs", "omo mi o le mu omi, every time he drinks he vomits it"),
    # The chest heavy as a stone.
    ("chest_pain", "it feels like a brick sitting on his chest"),
]

NOT_FLAGGED = [
    # Chronic baseline: years of it, or since a named month.
    "he's snored and stopped breathing for a few seconds at night for years, we're waiting for a sleep clinic",
    "my mouth has drooped on the left since February, the physio says it's Bell's palsy",
    # An episode told as finished, the patient well since.
    "her usual absence seizure lasted about a minute and she's sleeping now and breathing fine",
    "I fainted in the queue this morning but I've been fine all day since",
    "when we lifted her out of the car seat she woke and cried, she'd just been fast asleep",
    # Denied inside the phrase; spat out; lips and throat said to be fine.
    "there's a little blood on the plaster but it is not pouring, it's stopped really",
    "he put the washing pod in his mouth but spat it straight out, nothing swallowed",
    "a bee got her on the hand, it's puffy there but her lips and tongue are fine",
    # Idiom families: a weight off the chest, giving someone a stroke, having a fit when..., fit notes, toxic work.
    "getting that exam done is a huge weight off my chest",
    "you nearly gave me a heart attack with that news, anyway I need a repeat prescription",
    "Dad is going to have a fit when he sees the car, but I'm calling about my ankle",
    "can you do me a fit note for my back",
    "that office is toxic and it's poisoning my mind, I need to talk to someone about stress",
    "I'm totally limp with exhaustion after the night shift",
    # Look-alikes: pepper on the tongue, itchy peeling toes, a blocked ear, a shoulder that won't go up, sleep fine.
    "my tongue is on fire after that chilli sauce",
    "the skin between my toes is itchy and peeling",
    "my ears have been blocked since the flight",
    "my shoulder is stiff and I can't raise my arm above my head",
    "I'm worried about my exams but I'm sleeping okay and eating fine",
    # Someone else's past, then the reason for the call; a vitamin taken twice.
    "my aunt lost a lot of blood when she had her twins, but I'm ringing about my own period pain",
    "I took my vitamin D twice today, I feel completely normal",
    # A baby gagging on new food.
    "she gags on the lumpy food and then carries on eating",
]


test_each_kind_is_heard_in_new_words, test_look_alikes_of_each_kind_stay_unflagged = kind_tests(FOUND, NOT_FLAGGED)


def test_someone_elses_death_is_a_mechanism_not_the_patients_sign():
    said = "our car hit a wall, the other passenger has died, I climbed out and my back hurts"
    assert "not_breathing" not in find_red_flags(said)
    assert "death_in_same_vehicle" in find_mechanisms(said)
    assert "not_breathing" in find_red_flags("the driver has died and my son has stopped breathing too")


@pytest.mark.parametrize("text, mechanism", [
    ("a child on a bike got knocked off by a car on the main road", True),
    ("the minibus rolled over on the highway", True),
    ("he was knocked off his scooter by his brother in the garden", False),
    ("she came off her quad bike in the paddock", False),
])
def test_mechanism_needs_a_vehicle_or_speed(text, mechanism):
    assert bool(find_mechanisms(text)) is mechanism, prepare(text)


@pytest.mark.parametrize("answer, heard", [
    ("she is breathing but she's gasping and her lips have gone blue", "yes"),  # breathing hard: difficulty
    ("he's breathing but only gasping every now and then", "agonal"),  # agonal gasps stay the CPR path
])
def test_breathing_said_in_words_with_signs_of_working_hard_is_a_yes(answer, heard):
    from intake.understanding import parse_breathing
    assert parse_breathing(answer) == heard


@pytest.mark.parametrize("flag, text", [
    ("not_breathing", "we held a mirror under his nose and it didn't mist at all"),
    ("heavy_bleeding", "she's changing a pad every ten minutes since the birth"),
    ("suicidal", "he swallowed a whole packet of his pills because he wants everything to end"),
    ("serious_injury", "sar pe chot lagi, behosh ho gaye the, ab ulti kar rahe hain"),
])
def test_second_pass_kinds_are_heard(flag, text):
    assert flag in find_red_flags(text), prepare(text)


@pytest.mark.parametrize("text", [
    "the bathroom mirror keeps steaming up, nothing else to report",
    "I've been changing his nappy every few hours and he's fine",
    "I took the day off because I wanted the week to end quickly",
])
def test_second_pass_look_alikes_stay_unflagged(text):
    assert find_red_flags(text) == [], prepare(text)
