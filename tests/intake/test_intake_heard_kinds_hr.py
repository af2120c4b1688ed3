"""Kinds of mishearing found in Whisper's texts of spent sets o and p (tiny.en, flite, 8 kHz mu-law), each written here
as a new paraphrase: what the line leaves of a sign must still read as the sign, and the look-alike that shares the
heard words must not become one. Never a corpus line (the corpus has its own, `hr-*`)."""

import pytest

from intake.red_flags import find_red_flags


@pytest.mark.parametrize(
    "heard, flag",
    [
        # "fit" heard "sit" after a named subject's 's ("Kyle's having a fit" -> "Kyle's having a sit"), and one arm and one
        # leg going are limbs going as much as both arms are
        ("Our Jade's having a sit on the landing, her arm and leg are going, it's not stopping", "seizure"),
        ("The lad's having a sit by the till, his leg and arm keep going, it won't stop", "seizure"),
        # tonic-clonic written as two words with a comma, seizure written as it sounds
        ("He's epileptic, tonic, clonic, still going after six minutes", "seizure"),
        ("Her seeser hasn't stopped, it's been going ten minutes", "seizure"),
        # the n't swallowed, the "at all" that only follows a denial kept
        ("He's on the bathroom floor and his chest is going up at all", "not_breathing"),
        ("I've turned her over and she is moving at all, she's cold", "unconscious"),
        # Pidgin "no dey breathe" heard with a past ending
        ("My mama fall for kitchen, she know they breathed, help us", "not_breathing"),
        # /kl/ heard /gl/ on the line: "closing" as "gloating", "cleared" as "gleared"
        ("After the prawns his throat is gloating up and he's wheezing", "anaphylaxis"),
        ("I've done the back blows and it's still not gleared, she's going blue", "choking"),
        # "was out" heard "without" after a blow to the head
        ("He fell off the wall, hit his head, without for about two minutes, now he's throwing up", "serious_injury"),
        # a week's or a month's doses taken in one go, whatever the line made of the medicine's name
        ("Dad took the whole week of his war far in from the box in one go", "overdose_poisoning"),
        ("She's swallowed a month's worth of the sir tra leen all at once", "overdose_poisoning"),
        # a second cloth on top and the blood through it, the cloth's name lost
        ("I'm pressing the tea tell on it, I've put another on top and it's coming straight through", "heavy_bleeding"),
    ],
)
def test_what_the_line_leaves_of_a_sign_still_reads_as_the_sign(heard, flag):
    assert flag in find_red_flags(heard)


@pytest.mark.parametrize(
    "said, flag",
    [
        # rescue breaths and blows done, the object still in: a choking now, told clean
        ("Five back blows, five abdominal thrusts, nothing has come out", "choking"),
        ("The Heimlich didn't work, he still can't get it out", "choking"),
    ],
)
def test_first_aid_for_choking_that_has_not_cleared_it_is_choking(said, flag):
    assert flag in find_red_flags(said)


@pytest.mark.parametrize(
    "said",
    [
        "Mum's having a sit down in the lounge after the walk, she's tired",
        "He's having a sit on the bench while I park",
        "Is she breathing at all? Yes, she's breathing fine, she's just asleep",
        "The baby is moving at all hours, she kicks all night",
        "My throat's sore and my husband keeps gloating about the quiz",
        "She glared at me when I asked her to sit down",
        "We went without for a couple of days when the power was off",
        "I gave her back blows and the sweet flew out, she's screaming now",
        "We practised back blows and abdominal thrusts at the course, it was useful",
        "He took the whole week off work in one go to move house",
        "I've put another on top of the shed roof and the rain is still coming through",
        "He hasn't taken a breath I can see since October, he's hibernating in a box in the garage",
        "She's not moving and I can't see her breathe, she's curled up in her hutch",
    ],
)
def test_look_alikes_of_the_heard_forms_are_no_flag(said):
    assert find_red_flags(said) == []


def test_an_animals_ways_do_not_hide_a_person_named_first():
    assert "not_breathing" in find_red_flags("My grandad's not breathing, he has been hibernating in his room all winter")
