"""A pregnant woman's severe pain, told without a place.

Callers say "she's seven months and the pain is too much", "she's in agony", "she has bad pains", leaving out the belly
the question would name. SAFETY.md's pregnancy emergency includes severe abdominal pain, and an unclear answer takes
the urgent side: a severe pain in pregnancy with no other place said is read as the belly's. A pain placed elsewhere
(back, head, teeth, legs, a knee) is not, nor is a pain said to be over. (Headache with spots seen is left as it was: SAFETY.md's pregnancy emergency
names bleeding, belly pain and fits, and outside authors wait for one of those.)
"""

import pytest

from intake.red_flags import find_red_flags


def _flags(text: str) -> set[str]:
    return {getattr(f, "id", f) for f in find_red_flags(text)}


@pytest.mark.parametrize("text", [
    "my daughter is eight months pregnant and she has bad pain",
    "she's carrying, seven months, and the pain is very bad, she can't sit",
    "I'm 30 weeks pregnant, I'm in so much agony",
    "my wife is six months gone, she's in agony on the bed",
    "she's pregnant and she's been having terrible pains since morning",
    "her waters came out and she's pregnant only seven months, she's in a lot of pain",
    "pregnant madam, the pain is too much for her, she dey cry",
])
def test_severe_pain_or_preeclampsia_in_pregnancy(text):
    assert "pregnancy_emergency" in _flags(text)


@pytest.mark.parametrize("text", [
    "she's pregnant and has a bad pain in her back from fetching water",
    "six months pregnant with a bad toothache, the pain is too much",
    "I'm pregnant and my legs have bad pains after standing all day at the stall",
    "she's pregnant and she twisted her knee, she's in agony with it",
    "my sister is pregnant, she had bad pain last month but now she's fine",
    "she is pregnant and has no pain at all, she only wants a check-up",
])
def test_pain_elsewhere_or_over_is_no_pregnancy_emergency(text):
    assert "pregnancy_emergency" not in _flags(text)
