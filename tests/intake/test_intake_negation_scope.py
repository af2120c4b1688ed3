"""A denial reaches only its own clause (ConText's termination: a break, or a new subject with its verb), with or
without the comma a speech recogniser seldom writes; a list of denials stays denied. Written for this file."""

import pytest

from intake.red_flags import find_red_flags

# A denial, then the real sign in a clause of its own: a new subject and its verb end the denial.
SIGN_AFTER_A_DENIAL = [
    ("she is not drunk she will not wake up at all", "unconscious"),
    ("it is not his heart there is blood gushing out of his arm", "heavy_bleeding"),
    ("he doesnt have eczema his tongue is swelling up", "anaphylaxis"),
    ("we have no epipen his lips are swelling", "anaphylaxis"),
    ("not a lot to tell her mouth dropped on one side", "stroke"),
    ("the car isnt working hes having a fit", "seizure"),
    ("he isnt diabetic hes fitting on the floor", "seizure"),
    ("it wasnt a bad crash the bone is poking through his skin", "serious_injury"),
    ("no he is not allergic to nuts his throat is closing", "anaphylaxis"),
    ("she never had this before her face is drooping", "stroke"),
    ("the nosebleed stopped she is choking on a grape", "choking"),
    ("i said no he is fitting", "seizure"),
]

# What is said after the denial is part of what is denied, or is a denial of its own.
STILL_DENIED = [
    ("no fever no cough no chest pain", "chest_pain"),
    ("she does not have chest pain or tightness", "chest_pain"),
    ("he is not fitting and he is not floppy", "seizure"),
    ("it does not feel like my chest is tight", "chest_pain"),
    ("not that his face is drooping, he just looks tired", "stroke"),
    ("he never said his chest was tight", "chest_pain"),
    ("he is not breathing fast, not bleeding", "not_breathing"),
    ("she is not breathing quickly, she is just tired", "not_breathing"),
]


@pytest.mark.parametrize("text,flag", SIGN_AFTER_A_DENIAL)
def test_a_denial_ends_where_a_new_subject_starts_its_own_clause(text, flag):
    assert flag in find_red_flags(text)


@pytest.mark.parametrize("text,flag", STILL_DENIED)
def test_what_a_denial_covers_stays_denied(text, flag):
    assert flag not in find_red_flags(text)


# A body part said to be well is denied by what comes after it, not before: the pain of another part is not its pain.
PART_SAID_FINE = [
    "my chest is fine, it's my back that's killing me",
    "chest is okay but my shoulder hurts a lot",
    "there's a bad pain in my lower back, my chest feels normal",
    "his chest is alright, it's his knee that's in agony",
]
# ... unless its fine has an exception, or the sign is said of another part.
PART_FINE_WITH_THE_SIGN = [
    ("my chest is fine until I climb the stairs, then it gets really tight", "chest_pain"),
    ("his chest is ok when he sits but when he walks it's crushing", "chest_pain"),
    ("his arm is fine but his face has dropped and he can't talk", "stroke"),
]


@pytest.mark.parametrize("text", PART_SAID_FINE)
def test_a_part_said_fine_is_not_paired_with_anothers_pain(text):
    assert "chest_pain" not in find_red_flags(text)


@pytest.mark.parametrize("text,flag", PART_FINE_WITH_THE_SIGN)
def test_a_part_fine_only_sometimes_still_carries_the_sign(text, flag):
    assert flag in find_red_flags(text)
