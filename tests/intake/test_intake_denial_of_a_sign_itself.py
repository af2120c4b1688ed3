"""A sign said as what no longer happens is the sign, not its denial (fifteenth session).

nf-sweep taught the reader that "itchy, not tight" and "throat not swelling" deny the sign word at the phrase's end. The
merged tree's CI then found "his chest isn't rising at all" silenced: where the sign itself is a "not" (a chest not
rising, a face not straight, a baby not crying or sucking), the word after it is no denial.
"""

import pytest

from intake.red_flags import find_red_flags

SIGNS = [
    ("his chest isn't rising at all", "not_breathing"),
    ("his chest isn't lifting, not even a little", "not_breathing"),
    ("the baby's chest is not going up at all", "not_breathing"),
    ("pikin belle no dey rise at all", "not_breathing"),
    ("my dad is not talking properly and his face not straight", "stroke"),
    ("the baby not crying, not sucking, just floppy", "child_danger_signs"),
    ("the bleeding is not stopped, it's pouring", "heavy_bleeding"),
]

DENIED = [
    "throat is itchy, not tight",
    "her throat not swelling, just scratchy from the dust",
    "lips tingly but not swollen",
    "no face drooping or slurring, he's just tired",
]


@pytest.mark.parametrize("said, flag", SIGNS)
def test_a_sign_said_with_its_not_is_the_sign(said, flag):
    assert flag in find_red_flags(said)


@pytest.mark.parametrize("said", DENIED)
def test_a_sign_word_denied_at_the_phrase_end_stays_quiet(said):
    assert find_red_flags(said) == []
