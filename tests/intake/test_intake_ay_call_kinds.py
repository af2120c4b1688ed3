"""Two kinds spent set ay's whole calls (an outside author's false alarms) showed, tested in the team's own words.

A travelling pain is read as the heart's only when the travelling word takes the arm, jaw, neck or shoulder as where it
goes ("going down his left arm", "up into my jaw"): a fall, a walk or a run that merely stands near a hurt limb ("went
to the farm and hurt his arm", "ran into the door and hurt his shoulder") is the limb's own injury. Pidgin's bare "no fit"
is "can not" only with its verb after it; in a list of absent signs ("no grunting, no fit, not floppy") it is English.
Fast or hard breathing told with its cause, a screaming fit, crying or a sprint, is that effort's, as "out of breath from
running" already was; from a fever, from the pain, or beside blue lips it is still the sign.
"""

from tests.support.red_flag_kinds import turn_kind_tests

FLAGGED = [
    ("the pain is moving down into her left arm and she is sweating", "chest_pain", False),
    ("there's an ache that runs down his arm and up to the jaw", "chest_pain", False),
    ("a squeezing pain going to both shoulders", "chest_pain", False),
    ("the pain goes up into my jaw, it won't stop", "chest_pain", False),
    ("e no fit breathe well since morning", "breathing_difficulty", None),
    ("the baby is grunting, no fit but very floppy", "child_danger_signs", True),
    ("he is breathing very fast from the fever and can't finish a sentence", "breathing_difficulty", None),
]

QUIET = [
    "he went to the farm this morning and hurt his arm lifting a sack",
    "she ran into the glass door at the mall and hurt her shoulder",
    "my uncle fell into the gutter and his arm is paining him now",
    "he slipped going down into the basement and his neck aches",
    "she went to the dentist and her jaw is sore after the filling",
    "the boy rolled down the bank and hurt his shoulder, he is crying",
    "no, none of that, no grunting, no fit, not floppy, she's feeding",
    "no fit, no blood, he just has a fever since yesterday",
    "the little one is breathing fast from all the screaming after he fell off the swing",
    "he was breathing hard after sprinting for the bus, then he twisted his ankle",
]

NOT_ALSO = [
    ("my son fell into the well and he is not breathing", "not_breathing", "chest_pain", True),
]

TWINS = [
    ("he fell this morning and now the pain is going down his left arm and into his jaw", "chest_pain", False),
    ("she's breathing fast from the crying but her lips have gone blue", "breathing_difficulty", True),
]

(test_the_kind_is_heard, test_its_look_alike_is_quiet, test_heard_without_its_look_alike,
 test_the_twin_still_flags) = turn_kind_tests(FLAGGED, QUIET, NOT_ALSO, TWINS)
