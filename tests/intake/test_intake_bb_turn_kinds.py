"""The turn kinds spent set bb (South and Southeast Asia, the Gulf) showed, tested in the team's own words.

An age texted short ("my 2yo", "a 3 y/o") is the age said, so a child's swallowed tablets read as a child's. An animal
is still the one with the sign when its place is named by its owner ("the fish in my daughter's aquarium"). Stiffness
that the sentence puts down to a posture or an effort ("my back is stiff from sleeping on the floor") is no fit, and a
head "broken" or "fried" from study, work or worry is an idiom. A chronic sign told "like always" stays a habit when the
only word of today says nothing changed ("nothing new today"), and so does a breathing pause "when he snores". A memory of
a stranger the caller saw bleeding yesterday is a witness's, though "him" is the stranger and "my head" the caller's
(and "kal raat", "gotokal", "hôm qua" date it too). A belief about a named child taken back by what the bottle held ("we
thought my son drank from the kerosene bottle, but it only had water in it") is no swallowing. A crash "into it head
first" is a blow to the head, read with its after-effects in the next sentence. Yellow oleander by its Sinhala, Tamil,
Hindi and Bengali names (kaneru, arali, kaner, korobi) is a poison. A stove, a brazier or a coil that "was burning" is
lit, not a burn, and a child "eating and playing" is well, not swallowing the dose the caller asks about.
"""

import pytest

from intake.red_flags import find_mechanisms
from tests.support.red_flag_kinds import turn_kind_tests

FLAGGED = [
    # an age texted short
    ("my 2 yo chewed dadis amlodipine strip, 4 gone", "overdose_poisoning", None),
    ("my 2yo ate the iron tablets from my bag", "overdose_poisoning", None),
    ("anak saya 3 y/o swallowed some of my iron pills pls help", "overdose_poisoning", None),
    ("my 4 y.o. drank from the bleach bottle under the sink", "overdose_poisoning", None),
    # a head-first crash, its after-effects in the next sentence
    ("My cousin ran after the ball and crashed into it head first, the wall I mean. Now he keeps asking what day it is "
     "and he threw up twice", "serious_injury", None),
    ("thambi ran into the gate head first at school. now he keeps asking the same questions and he threw up",
     "serious_injury", None),
    ("he fell off the becak and went into the kerb head first. sekarang he is very confused and vomiting", "serious_injury", None),
    # yellow oleander by its local names, and Hindi's "kha liye"
    ("yes, he ate kaneru seeds from the tree behind the house after the quarrel", "overdose_poisoning", False),
    ("amma ate manjal arali seeds, now she is vomiting again and again", "overdose_poisoning", False),
    ("bhai ne kaner ke beej kha liye, he is vomiting again and again", "overdose_poisoning", False),
    ("she chewed korobi seeds from the garden and now her heart is racing", "overdose_poisoning", False),
]

QUIET = [
    # an animal in its owner's place
    "The fish in my daughter's aquarium stopped breathing because the air pump broke, she's crying",
    "the hamster in my brother's room is not breathing, he is so sad, I know this is a health line",
    "the kitten from my neighbour's house stopped breathing after it fell off the wall",
    # stiff from a posture or an effort
    "anyway my back is stiff from sleeping on the floor in the labour camp",
    "my neck is so stiff from the bus journey from Medan, no big problem",
    "badan pegal, my whole body is stiff from carrying bricks at the kiln all day",
    # a head broken by study, work or worry
    "This exam is killing me, my head is broken from studying, I want to ask about eye strain",
    "my brain is fried from all the accounts at the office, can I get something for sleep",
    "sir my head is totally smashed from the tension of the agent loan, I need to talk to someone",
    # a chronic sign like always, nothing new today
    "My abba has COPD, he is breathless on the stairs like always, nothing new today, I need his inhaler refilled",
    "amma has asthma, she wheezes at night like always, nothing different now, I want to ask about the pump",
    "nani is short of breath walking to the mosque like always, no change today, the doctor knows",
    # a breathing pause when he snores
    "My father has sleep apnoea, he stops breathing for a few seconds when he snores, the doctor knows, he has the machine",
    "suami saya stops breathing sometimes while he snores, he has a CPAP, I want to ask about the mask",
    "my husband stops breathing whenever he snores, he has the machine from the hospital, can I get a new tube",
    # a stranger seen yesterday, the caller unhurt
    "I saw a man bleeding heavily on the road yesterday after a bus hit him, I can't get it out of my head, I'm not hurt",
    "kal raat I saw a biker with blood pouring from his head near Farmgate, I keep thinking about it, I'm fine",
    "yesterday at the site I watched a worker fall and his leg bone was sticking out, I was not hurt but I keep seeing it",
    # a belief taken back by what the bottle held
    "We thought my son drank from the kerosene bottle, but it only had water in it, he's fine and playing",
    "amma thought my daughter swallowed from the Harpic bottle, but the bottle only had plain water, she is fine",
    "my wife thought our baby drank from the bleach bottle, but it only had water in it, she is playing",
    # a child eating and playing, a dose asked (the texted age made this one's "4 year old" a child's)
    "my 3 year old has a cough but eating and playing, what dose of paracetamol",
    "anak 5 yo fever tapi eating n drinking, how much panadol syrup",
    "my 4yo has a runny nose, eating n playing, what dose of piriton",
    # a stove that was burning is lit, not a burn
    "the kerosene stove was still burning when we came home, the food is ruined",
    "bếp than, the charcoal burner is still burning on the balcony, is the smell a problem for the baby?",
    "the chulha was burning all morning for the wedding food, my feet are just tired",
    # oleander as a plant, nothing eaten
    "the korobi flowers in our garden are blooming, I want to ask about my hay fever",
    "we planted kaner along the boundary wall last year",
]

NOT_ALSO = [
    # fumes from a lit stove in a shut room: a poisoning, no burn
    ("the coal brazier was burning in the shut room all night, now my uncle is vomiting and confused",
     "overdose_poisoning", "severe_burns", False),
    ("the angeethi was burning in the closed room, now abbu and ammi are dizzy and throwing up and ammi is confused",
     "overdose_poisoning", "severe_burns", False),
    # the stranger's memory does not hide the caller's own son's wound
    ("yesterday I saw a man bleeding heavily after a bus hit him and my son was with him, my son has a deep cut",
     "serious_injury", "not_breathing", None),
]

TWINS = [
    ("my daughter fell near the aquarium and she stopped breathing", "not_breathing", None),
    ("he fell on the floor and went stiff and his eyes rolled up", "seizure", None),
    ("his head is broken, he fell from the scaffolding", "serious_injury", False),
    ("he is breathless like always but today he can not finish a sentence", "breathing_difficulty", False),
    ("he stopped breathing while he was snoring and now he won't wake up", "not_breathing", False),
    ("we thought my son had a cold, but now he drank from the kerosene bottle and is coughing", "overdose_poisoning", None),
    ("we thought he drank water, but the bottle only had kerosene in it", "overdose_poisoning", None),
    ("my 2 year old swallowed my iron tablets, he is eating and playing", "overdose_poisoning", None),
]

(test_the_kind_is_heard, test_its_look_alike_is_quiet, test_heard_without_its_look_alike,
 test_the_twin_still_flags) = turn_kind_tests(FLAGGED, QUIET, NOT_ALSO, TWINS)


# A vehicle by its regional name ("wagon", "CNG", "angkot", "xe tải", a three-wheeler) hitting a walker at speed is a
# pedestrian struck; "tuk tuk" is one vehicle, not a repeat; "off the wagon" is drinking, no crash.
@pytest.mark.parametrize("said", [
    "a speeding wagon hit him while he was crossing Murree Road, he was thrown onto the divider",
    "a speeding CNG hit my nani near the ghat",
    "a speeding angkot hit my ibu while she was crossing",
    "xe tải chạy nhanh, a fast xe tai hit my bố while he crossed the road",
    "a fast three wheeler knocked down my aachchi at Kurunegala",
    "a speeding tuk tuk hit my thaatha outside the temple",
])
def test_a_regional_vehicle_hitting_a_walker_at_speed(said):
    assert "pedestrian_struck" in find_mechanisms(said)


@pytest.mark.parametrize("said", [
    "my uncle fell off the wagon last month, he is drinking again",
    "we loaded the wagon with rice sacks for the market",
    "the becak driver was resting in the shade",
])
def test_a_regional_vehicle_word_without_a_crash(said):
    assert find_mechanisms(said) == []
