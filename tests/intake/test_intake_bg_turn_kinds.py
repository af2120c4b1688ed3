"""The turn kinds spent set bg (Southeast Asia and the Pacific: Manglish, Singlish, Malay, Indonesian, Vietnamese, Thai,
Tok Pisin, Fijian, Samoan, Tongan, Maori English) showed, tested in the team's own words and other voices.

A breath told gone and then "he just stopped" is the person who stopped breathing, not the sign ending. A fall with
vomiting and names mixed up ("mixing up our names") is a head injury; a cut that "goes right down to the bone" is a deep
wound. Medicated oils and balms (minyak angin, kayu putih, tiger balm, white flower, dau gio) swallowed are a poisoning.
Saving up one's tablets to join the dead is a plan to die, and a spouse who "has passed" whom the caller means to follow
is a bereavement, not a death now (as "has died" already was). A poison drunk whose name ends in "to" ("mosquito killer") is
no "to kill". Look-alikes that must stay quiet: keropok (a snack whose
name begins like kerosene's "kero"), a joke about killing a husband who forgot an anniversary, "overdosed on video
games", an engine (a kapchai) that chokes when started, lips blue from blue rice (nasi kerabu, butterfly pea), and a
child breathing hard on a window to make fog.
"""

import pytest

from intake.red_flags import find_red_flags
from tests.support.red_flag_kinds import turn_kind_tests

FLAGGED = [
    # a breath gone, then the person "just stopped"
    ("my grandad's not breathing, he just stopped in his chair, help", "not_breathing", False),
    ("the baby isn't breathing, she just stopped all of a sudden", "not_breathing", True),
    ("bapak saya, my dad on the mat, he's not breathing, he just stopped", "not_breathing", False),
    # a fall, then vomiting and names mixed up
    ("she fell off the bike, threw up twice and keeps getting our names wrong", "serious_injury", None),
    ("since my uncle fell off the ladder he has vomited and he's mixing up the kids names", "serious_injury", False),
    # a cut down to the bone
    ("the gash on his shin is all the way to the bone", "serious_injury", None),
    ("the parang slipped, the wound went in to the bone, you can see white", "serious_injury", False),
    ("di lukanya dalam, the cut goes down to the bone on his finger", "serious_injury", None),
    # medicated oils and balms swallowed
    ("my toddler drank the tiger balm oil, some of it", "overdose_poisoning", True),
    ("con tôi uống dầu gió, my son drank the dau gio", "overdose_poisoning", None),
    ("the little one swallowed some medicated oil from the bottle", "overdose_poisoning", True),
    ("anak saya minum minyak kayu putih, she drank some from the bottle", "overdose_poisoning", None),
    # saved-up tablets to join the dead
    ("he has been saving up his sleeping pills to be with grandma, he told me tonight", "suicidal", False),
    ("I've been saving up my tablets, I just want to be with my husband again", "suicidal", False),
    ("she's been stockpiling her painkillers to end it", "suicidal", False),
]

QUIET = [
    # a snack named like kerosene
    "My lip is sore, I bit it eating keropok, just a tiny bump",
    "we ate keropok lekor at the pasar malam and now my gums are sore",
    # killing a relation, a joke
    "I'm gonna kill my brother, he ate my nasi lemak lol, anyway my knee hurts",
    "I'm going to kill my wife, she sold my fishing rod haha, I need a repeat prescription",
    # an overdose of games
    "My daughter overdosed on video games all holiday, her eyes are dry",
    "he overdosed on tiktok all night, now he has a headache",
    # an engine that chokes
    "The scooter keeps choking when I start it, and I grazed my elbow on the mirror",
    "the outboard motor always chokes when we pull it, the cord cut my palm a bit",
    # blue from food
    "his lips are blue from the butterfly pea rice, he's laughing and running",
    "her mouth is purple, it's from the mangosteen she ate, she's fine",
    # breath on a window
    "my son keeps breathing on the car window to draw smiley faces in the mist",
    # medicated oil on the skin
    "I rubbed minyak angin on her tummy for wind, is that ok?",
    "can I put tiger balm on my son's chest for a cold?",
    # tablets saved for an ordinary reason
    "I saved up my tablets for the holiday, I'll be away two weeks",
]

NOT_ALSO = [
    # a spouse passed, the caller means to follow: suicidal, no death now
    ("my husband has passed, I want to be with him, I have the pills here", "suicidal", "not_breathing", False),
    ("my wife has passed, I'm alone, I've kept all my tablets and I will go to her tonight", "suicidal", "not_breathing", False),
    # a murder and then oneself: the self-harm kept
    ("I'm going to kill him and then myself, I have the knife", "suicidal", "not_breathing", False),
    # a product whose name ends in "to" before "killer" ("mosquito killer") is no "to kill"
    ("my son drank the liquid mosquito killer, now he's vomiting", "overdose_poisoning", "suicidal", None),
    ("ate the mosquito killer coil, she's drooling and sleepy", "overdose_poisoning", "suicidal", None),
]

TWINS = [
    # the look-alikes' twins are still heard
    ("my mum has passed, she's cold, please come", "not_breathing", False),
    ("the scooter keeps choking when I start it and my son is choking on a sweet", "choking", True),
    ("her lips are going blue after the blue rice, she's gasping", "breathing_difficulty", True),
    ("she drank kerosene, she's coughing", "overdose_poisoning", None),
    ("I'm going to kill myself tonight", "suicidal", False),
    ("he drank the mosquito killer to kill himself", "suicidal", False),
    ("he's breathing hard and fast, his ribs sucking in", "breathing_difficulty", True),
]

(test_the_sign_is_heard, test_the_look_alike_is_quiet, test_without_the_look_alike,
 test_the_twin_still_flags) = turn_kind_tests(FLAGGED, QUIET, NOT_ALSO, TWINS)


@pytest.mark.parametrize("said", [
    "he wasn't breathing for a bit but it stopped, now he's breathing fine",
    "she had a fit, she's stopped now, she's talking to me",
])
def test_an_ending_still_ends(said):
    flags = find_red_flags(said)
    assert "not_breathing" not in flags and "seizure" not in flags
