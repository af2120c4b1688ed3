"""Kinds of telling set n's author used for pregnancy, choking, head injury, deep burns, stroke and a baby's breathing
that the rules did not read (the team's own paraphrases, not set n's lines): a pregnancy said as "with baby", "seven
months gone", "at eight weeks" or a delivery this morning, with a danger sign in lay words; an object taken and the
airway gone; a blow, a "went down and didn't move", then sickness and daft talk; skin white and leathery that does not
hurt; a caller at home in a trailer; a baby's ribs going in. Each kind has look-alikes that must stay unflagged."""

import pytest

from intake.red_flags import find_red_flags


@pytest.mark.parametrize(
    "text, flag",
    [
        # pregnancy said other ways, with a danger sign
        ("my wife is with baby, eight months, and she's on the floor shaking and won't stop", "pregnancy_emergency"),
        ("she's with child, six months, and she's been fitting on the kitchen floor", "pregnancy_emergency"),
        ("our Kayleigh's expecting, eight month gone, and the pain in her belly's got her bent over, it won't let up",
         "pregnancy_emergency"),
        ("I'm carrying, six month gone, and I'm doubled up with my stomach, can't stand straight", "pregnancy_emergency"),
        ("is it normal to bleed this much at eight weeks? I've gone through two pads in half an hour", "pregnancy_emergency"),
        ("how much blood is too much at eleven weeks, I've soaked four pads since lunch", "pregnancy_emergency"),
        ("she had the baby at the clinic this morning and now at home the blood won't stop, it's pouring", "pregnancy_emergency"),
        ("my daughter delivered at the maternity this afternoon and now she's bleeding like a tap and feels faint",
         "pregnancy_emergency"),
        ("she gave birth in the village two days ago and now there's so much blood, she's dizzy", "pregnancy_emergency"),
        ("we're both pregnant, I'm grand, but my cousin is thirty two weeks and bent over with her belly, she can't "
         "talk through the pain", "pregnancy_emergency"),
        ("meri biwi pregnant hai, seven months, she's doubled over with pain in her tummy and it won't ease",
         "pregnancy_emergency"),
        ("dada yangu amejifungua jana usiku, and now she's soaked in blood and dizzy", "pregnancy_emergency"),
        # choking: an object taken, then the airway gone
        ("my sister swallowed a marble and now she can't breathe or make a sound, she's four", "choking"),
        ("the baby put a button in his mouth and now he can't get his breath, he's gagging and nothing's coming out",
         "choking"),
        ("he ate a boiled sweet and now he can't talk or breathe and he's going purple", "choking"),
        ("she's after swallowing a bit of the lego and she can't get her breath at all", "choking"),
        ("my son was eating grapes and suddenly he can't breathe, he's going red and silent", "choking"),
        # head injury signs without the words
        ("the cow kicked my dad in the head, he went down and didn't move for a minute, now he's throwing up and "
         "talking daft", "serious_injury"),
        ("a hurley caught him on the head, he dropped and didn't move, now he's being sick and talking rubbish",
         "serious_injury"),
        ("he was unconscious after the fight, he's awake now but he's confused and keeps vomiting", "serious_injury"),
        ("She was unconscious! She's awake now but she's muddled and throwing up, just send someone", "serious_injury"),
        # full-thickness burns
        ("the kettle went over his foot, the skin's gone white and leathery and he says it doesn't even hurt",
         "severe_burns"),
        ("it's third degree, from the fire, her arm is white and leathery and there's no pain in it", "severe_burns"),
        ("he fell against the stove and his hand has gone white and hard and he can't feel it", "severe_burns"),
        # stroke told from a trailer, in dialect
        ("me nan's in the trailer and her face has dropped one side and she can't lift her arm, she was grand at dinner",
         "stroke"),
        ("Dad's in the caravan, his mouth's gone down one side and his arm won't lift, dordi", "stroke"),
        # a baby's ribs going in
        ("my baby's three months and the skin under her ribs goes in with every breath and she's grunting",
         "breathing_difficulty"),
        ("he's six weeks, grunting every breath and the bottom of his chest goes in", "breathing_difficulty"),
    ],
)
def test_the_sign_is_read(text, flag):
    assert flag in find_red_flags(text)


def test_the_breathing_of_an_infant_with_indrawing_is_a_child_danger_sign_too():
    found = find_red_flags("my baby, two months, is grunting with each breath and her lower ribs suck in", child=True)
    assert {"breathing_difficulty", "child_danger_signs"} <= set(found)


def test_a_jigsaw_piece_gone_down_and_no_breath_is_choking():
    assert "choking" in find_red_flags("she can't get her breath since the piece of jigsaw went down, she's three")


def test_a_blow_then_talking_funny_is_a_head_injury_not_a_stroke():
    found = find_red_flags("the ram butted our Sean in the head, he went down and didn't stir, now he's talking funny")
    assert "serious_injury" in found and "stroke" not in found


def test_a_blow_then_awake_and_confused_is_serious_injury_not_unconscious():
    found = find_red_flags("He was unconscious! He's awake now but he's confused and being sick")
    assert "serious_injury" in found and "unconscious" not in found
    # said in the present, the next sentence's sickness ends nothing
    assert "unconscious" in find_red_flags("he is unconscious. now he's being sick, what do I do")


@pytest.mark.parametrize(
    "text, flag",
    [
        ("I'm with baby, eight weeks, and the morning sickness is awful, can't keep breakfast down", "pregnancy_emergency"),
        ("she's seven months gone and getting tightenings, they don't hurt, they come and go", "pregnancy_emergency"),
        ("I'm at nine weeks and had some brown spotting yesterday, it's stopped now", "pregnancy_emergency"),
        ("my period is really heavy this month, I'm not pregnant, just changing pads more", "pregnancy_emergency"),
        ("at nine weeks the midwife said I'd get a scan, when is that", "pregnancy_emergency"),
        ("I got all choked up at the christening, I'm fine, it's my ear I'm ringing about", "choking"),
        ("the box says choking hazard, can my toddler have the little cars", "choking"),
        ("he swallowed a grape whole and coughed it straight up, he's fine and eating again", "choking"),
        ("she bumped her head on the cupboard, no sickness, she's playing and chatting", "serious_injury"),
        ("the horse kicked the fence and broke a rail, I'm calling about my sore back", "serious_injury"),
        ("her shoulders are sunburnt and red and sore after the beach", "severe_burns"),
        ("he's got a small white blister from the kettle on his finger, it stings", "severe_burns"),
        ("my baby's tummy goes in and out when she sleeps, is that normal? she's feeding well", "breathing_difficulty"),
        ("we live in a trailer and my arm's been sore since I lifted the gas bottle", "stroke"),
        ("she had a coil fitted last week and the cramps are bad today, she's not pregnant", "seizure"),
        ("ate a sweet at the party and now his lips are swelling up and he can't breathe", "choking"),
    ],
)
def test_the_look_alike_is_not(text, flag):
    assert flag not in find_red_flags(text)
