"""Kinds of telling set s's author used that the rules did not read, or read wrongly (the team's own paraphrases, not
set s's lines): a head blow told first and its vomiting or confusion later, in the same turn or at a later question; a
known condition's baseline said after the sign; a fall whose height is denied later in the sentence; a pedestrian thrown
onto the bonnet; another person's death told by a caller who is the patient; a carbon monoxide alarm with the household
ill; household poisons; despair in other words; gestation and births said in other words; a baby's latch and
indrawing; someone else's dated past who is in hospital or far away. Each kind has look-alikes that must stay
unflagged."""

import pytest

from intake.red_flags import find_mechanisms, find_red_flags
from tests.support.dialogue import dialogue_after


@pytest.mark.parametrize(
    "text, context, flag",
    [
        # a head blow, then vomiting or confusion: one turn, or a later one
        ("the shelf came down on her head and since then she's thrown up three times", "", "serious_injury"),
        ("he knocked his head on the beam, later he went quiet and now he keeps asking where we are", "", "serious_injury"),
        ("about an hour ago, and she's been sick twice since", "she slipped and cracked her head on the step",
         "serious_injury"),
        ("twenty minutes, now he keeps asking what happened", "he landed on his head off the trampoline", "serious_injury"),
        # carbon monoxide, household poisons, missing tablets with pinpoint pupils
        ("the carbon monoxide detector is going off and the kids have banging headaches", "", "overdose_poisoning"),
        ("our CO monitor went off in the night, my wife is vomiting and dizzy", "", "overdose_poisoning"),
        ("my toddler was chewing the mothballs from the drawer", "", "overdose_poisoning"),
        ("grandad swallowed a denture cleaning tablet by mistake", "", "overdose_poisoning"),
        ("three of the oxycodone are gone from the packet and he's dozy, his pupils look tiny", "", "overdose_poisoning"),
        # despair in other words
        ("I don't want to be here no more, I'm driving to the bridge tonight", "", "suicidal"),
        ("the voices keep telling me to kill myself", "", "suicidal"),
        ("I can't do it anymore, I've got his morphine and I'm thinking of taking the whole lot", "", "suicidal"),
        ("he's on the ninth floor windowsill with his legs out, saying goodbye", "", "suicidal"),
        # gestation and births in other words; clots by size; pain by number
        ("fifteen weeks and I'm bleeding, soaking a pad an hour", "", "pregnancy_emergency"),
        ("I had my daughter by section a week ago and the bleeding is heavy now", "", "pregnancy_emergency"),
        ("I gave birth on Monday and clots the size of my fist are coming out", "", "heavy_bleeding"),
        ("I'm thirty weeks and the tummy pain is a nine now", "", "pregnancy_emergency"),
        # a baby's latch and indrawing
        ("my baby won't latch at all since this morning", "", "child_danger_signs"),
        ("she's two months and the skin between her ribs sucks in", "", "child_danger_signs"),
        # chest pain in other words
        ("a heavy pressure behind my breastbone for about thirty minutes", "", "chest_pain"),
        ("it's the chest again, the pain's come back worse than last time", "", "chest_pain"),
        ("not a breath in him since we pulled him out", "", "not_breathing"),
        ("her lips swoll up after the peanut butter", "", "anaphylaxis"),
    ],
)
def test_kind_is_read(text, context, flag):
    assert flag in find_red_flags(text, context=context)


@pytest.mark.parametrize(
    "text, context",
    [
        ("about ten minutes ago, he hasn't been sick and he's chatting normally", "he bumped his head on the door frame"),
        ("my head's been hurting all day and I've been sick with this bug", ""),
        ("he's shaking but that's his Parkinson's, he always shakes like that", ""),
        ("she says she's choking whenever she gets anxious, but she eats fine; today she hurt her hip", ""),
        ("his words get mixed up all the time, that's his normal; today it's his cough", ""),
        ("the CO alarm is chirping, I think the battery needs changing, I've got a headache from work", ""),
        ("are mothballs safe with a baby in the house?", ""),
        ("his playlist is all songs about wanting to die, but he's happy and out with his mates", ""),
        ("he was sitting with his legs out over the edge of the pool, laughing", ""),
        ("he stretched his legs out on the balcony and fell asleep", ""),
        ("I'm a week after the birth and my bleeding is like a light period and getting lighter", ""),
        ("my breasts are rock hard and sore, three days postpartum, the milk's come in", ""),
        ("her hands are cold from sledging, they went pink again once we got in", ""),
        ("my auntie back in Kingston had a stroke yesterday, I'm stuck here, I just need to talk", ""),
        ("my sister found her boyfriend unconscious last night and he's in hospital, I'm asking about her nerves", ""),
        ("she's not choking, she's coughing and talking, it went down the wrong way", ""),
        ("my app says he stops breathing in his sleep, he's got sleep apnoea and a machine", ""),
        ("his sugar was about twenty this morning", ""),
    ],
)
def test_look_alike_is_not_flagged(text, context):
    assert find_red_flags(text, context=context) == []


@pytest.mark.parametrize(
    "text, mechanism",
    [
        ("she fell off the step ladder picking fruit in the yard, it's not high, she's on the grass", None),
        ("he fell off the ladder clearing the gutters, it was really high", "fall_from_height"),
        ("a car hit a woman crossing and threw her up onto the hood", "ejected"),
        ("a speeding van mounted the pavement and hit my gran", "pedestrian_struck"),
        ("he fell off the loading dock, about three and a half metres", "fall_from_height"),
    ],
)
def test_mechanism(text, mechanism):
    found = find_mechanisms(text)
    assert (mechanism in found) if mechanism else found == []


def test_a_head_blow_told_first_and_its_vomiting_at_the_duration_question_is_an_emergency():
    d = dialogue_after("my son", "he fell off the top bunk and banged his head on the floor", "no", "nine",
                       "yes, he walked to the sofa", awaiting="duration", channel="text")
    d.answer("half an hour, and he's been sick twice since and he's very sleepy")
    assert "serious_injury" in d.result.red_flags


def test_a_callers_own_fall_with_a_relative_named_beside_keeps_them_the_patient():
    d = dialogue_after("me", "yes, it's me", "I slipped in the bath and landed on my back, my wife's here with me",
                       awaiting="danger_signs", channel="text")
    assert d.result.who == "self"


def test_another_persons_death_told_by_a_caller_who_is_the_patient_is_no_sign():
    d = dialogue_after("me", "yes, me, I'm cut a bit", "we hit a tree, my mate was driving and he's dead, I got out myself",
                       awaiting="danger_signs", channel="text")
    assert d.result.red_flags == []


def test_a_not_breathing_said_of_the_caller_who_is_the_patient_still_counts():
    d = dialogue_after("me", "yes, it's me", "I can't breathe, my chest is so tight", channel="text")
    assert d.result.red_flags
