"""Kinds of telling spent set af's author (rural and small-town Nigeria, India and the Philippines, often a caller
relaying what someone beside them says) showed the rules misread in single turns: the team's own paraphrases, not set
af's lines, in several voices, each kind with look-alikes that must stay unflagged.

Missed emergencies:
- a pregnancy told by its months alone ("she is seven months", "my wife back home is eight months", texted "preg"),
  then a pregnancy's danger sign: a belly pain or a fit as well as blood (a baby's age says "old");
- a stroke's face and speech in lay words: the mouth that "has turned" with no side named, a tongue "heavy" or "lazy";
- food that will go "neither down nor up" is stuck, with no word for stuck;
- a collision with something hard (ran into a wall, the back of a lorry), the head not named, then the signs of a hurt
  head: vomiting and asking the same question again and again;
- the intent to die said as the day to come not seen ("I won't see tomorrow"); a means with its purpose ("so the debt
  dies with him": a thing that "dies with him" is no one's past death).
False flags on turns with no red flag:
- a sign word said of a feeling or a start: the breath that stopped at the sight of a bill, a chest heavy with worry,
  the weather called suffocating;
- a sign word said of a thing: a wall or plaster that does not breathe, weeds that choke a crop, a dye that bleeds,
  crops the sun burned, strokes of a cane, knocked out of a quiz, a phone that will not wake;
- an animal of the farm (a buffalo, the baby of a goat) with a sign, told as "is pregnant and bleeding";
- an ending said as "it went completely" or "no pain now"; the pauses of a known sleep apnoea, "a few seconds" at night;
- a child's noise compared to an animal's while he eats, laughed about.
Mechanisms: a vehicle named first and its turning over told after "it"; a fall from a moving vehicle; a death of the one
sitting next to the caller.
"""

import pytest

from intake.red_flags import find_mechanisms, find_red_flags


@pytest.mark.parametrize(
    "text, flag",
    [
        # pregnancy by its months alone, with pain or a fit
        ("she's seven months and the pain in her tummy is terrible, it won't stop", "pregnancy_emergency"),
        ("my daughter-in-law is eight months, since morning she has severe stomach pain", "pregnancy_emergency"),
        ("she is six months and she had a fit just now, shaking all over", "pregnancy_emergency"),
        ("my wife back home in Enugu is eight months and she has very bad belly pain", "pregnancy_emergency"),
        ("preg 7 months bleeding a lot since morning", "pregnancy_emergency"),
        ("my sister is preggers, about 30 weeks, and she is bleeding heavily", "pregnancy_emergency"),
        # a stroke's face and speech in lay words
        ("my father's mouth has turned, and his tongue is heavy when he talks", "stroke"),
        ("Lola's face turned and now she talks with a heavy tongue", "stroke"),
        ("his tongue feels lazy, the words are not coming well, and his mouth has turned since morning", "stroke"),
        # food neither down nor up
        ("the piece of yam will not go down or come up and she cannot speak", "choking"),
        ("a fishbone, it won't go down nor come up, he is drooling", "choking"),
        # a collision with something hard, then a hurt head's signs
        ("my boy ran into a concrete pole chasing the ball, now he keeps vomiting and asking the same question again and again", "serious_injury"),
        ("she cycled straight into the side of a parked bus, she has vomited twice and keeps repeating the same questions over and over", "serious_injury"),
        # the day to come not seen; a means with a purpose clause
        ("I have made up my mind, I will not see the morning, please tell my mother", "suicidal"),
        ("he says he is going to drink the weedkiller so that the debt dies with him", "suicidal"),
    ],
)
def test_said_the_ways_set_af_showed(text, flag):
    assert flag in find_red_flags(text)


@pytest.mark.parametrize(
    "text, flag",
    [
        # a feeling or a start
        ("my heart stopped when I saw the price at the pharmacy, but I'm asking about my son's cough", "not_breathing"),
        ("my breath caught when I heard the news; anyway, when do the stitches come out?", "not_breathing"),
        ("my chest is heavy with sorrow since my father travelled, I want to ask about his tablets", "chest_pain"),
        ("the air in this room is so stifling, we can't breathe in this heat, haha; I want to ask about a rash", "breathing_difficulty"),
        # a thing
        ("the builder says the plaster on the new wall is not breathing, the room smells damp; is that bad for my cough?", "not_breathing"),
        ("water hyacinth is choking the pond and I cut my finger clearing it, will it swell?", "choking"),
        ("the colour from his new shirt is bleeding onto his chest, it is only dye; can it cause itching?", "heavy_bleeding"),
        ("the frost burned all our seedlings last week; I'm calling about my back pain", "severe_burns"),
        ("the headmaster gave him three strokes of the cane and his hand is a bit red", "stroke"),
        ("my daughter got knocked out of the spelling bee in the semi final and cried all night; she has a cold", "unconscious"),
        ("my mobile won't wake up, the screen is dead, so I am on my husband's phone about my daughter's rash", "unconscious"),
        # an animal of the farm
        ("our carabao is pregnant and bleeding a little, can you give me the vet's number?", "pregnancy_emergency"),
        ("the newborn goat will not suck from its mother, is there a vet nearby?", "child_danger_signs"),
        # an ending; a known sleep apnoea
        ("he had a burning chest pain after the spicy stew, it went completely with the antacid, no pain now", "chest_pain"),
        ("my uncle has sleep apnoea, he stops breathing some seconds in his sleep, his doctor knows, he's fine in the day", "not_breathing"),
        # a child's noise compared to an animal's while eating
        ("he snorts like a little piglet when he eats, so funny; when is his next vaccine?", "child_danger_signs"),
    ],
)
def test_look_alikes_stay_unflagged(text, flag):
    assert flag not in find_red_flags(text)


@pytest.mark.parametrize(
    "text, flag",
    [
        # the same words said of a person, or with the sign kept
        ("my baby is not breathing, his chest is not moving", "not_breathing"),
        ("he snores and stops breathing in his sleep and now he is blue and we can't wake him", "unconscious"),
        ("she is eight months pregnant and the dye is not the problem, she is bleeding heavily", "pregnancy_emergency"),
        ("his chest is heavy like a stone and the pain is going into his left arm", "chest_pain"),
        ("he ran into the wall, he is vomiting and he doesn't know where he is", "serious_injury"),
        ("our buffalo kicked my son in the head and now he is vomiting and confused", "serious_injury"),
    ],
)
def test_the_sign_beside_a_look_alike_still_counts(text, flag):
    assert flag in find_red_flags(text)


def test_a_babys_age_in_months_is_no_pregnancy():
    assert "pregnancy_emergency" not in find_red_flags("my daughter is eight months old and her tummy pain is severe")


@pytest.mark.parametrize(
    "text, mechanism",
    [
        ("a bus hit our tricycle at speed and it turned over, my arm is scraped", "road_traffic"),
        ("the jeepney hit a post and then it flipped, I have a cut on my knee", "road_traffic"),
        ("my son fell off the back of the pickup while it was moving fast, he says only his elbow hurts", "road_traffic"),
        ("she jumped off a moving bus and landed on the road, she can walk", "road_traffic"),
        ("the man sitting beside me in the auto died; I only have a sore shoulder", "death_in_same_vehicle"),
    ],
)
def test_mechanisms_told_these_ways(text, mechanism):
    assert mechanism in find_mechanisms(text)


@pytest.mark.parametrize(
    "text",
    [
        "he fell off the back of the chair while eating, he is fine",
        "the auto driver turned the meter over to me, I want to ask about my cough",
        "my husband sitting next to me says hello",
    ],
)
def test_no_mechanism_in_look_alikes(text):
    assert find_mechanisms(text) == []
