"""Blood vomited is an emergency (NHS: vomiting blood, or vomit like ground coffee, is a 999/A&E sign); blood
coughed up is not by itself (NHS: urgent unless more than a few teaspoons), and a streak after retching, a denial,
a past episode or a question stay quiet. Written for this file."""

import pytest

from intake.red_flags import find_red_flags

BROUGHT_UP = [
    "my mother is vomiting blood",
    "he threw up blood twice in the toilet",
    "she's been bringing up dark blood since lunch",
    "my dad vomited fresh blood and he's very pale",
    "what he's throwing up looks like ground coffee",
    "her vomit had bits like coffee grounds in it",
]
QUIET = [
    "he's not vomiting blood, it's just yellow bile",
    "she vomited blood in 2019 from an ulcer, today her knee is sore",
    "she brought up a little streak of blood after retching hard",
    "what if he starts vomiting blood again?",
    "I'm sick of instant, we bought ground coffee",
    "the blood test made him feel sick",
]


@pytest.mark.parametrize("text", BROUGHT_UP)
def test_blood_brought_up_is_an_emergency(text):
    assert "heavy_bleeding" in find_red_flags(text)


@pytest.mark.parametrize("text", QUIET)
def test_no_blood_brought_up_now_stays_quiet(text):
    assert "heavy_bleeding" not in find_red_flags(text)
