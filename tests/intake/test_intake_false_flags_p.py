"""False flags of the kinds set p showed, written for this file (no corpus line): each look-alike is paired with a real
sign in nearby words that must still be found. The kinds: an animal named first and then called "he" or "she"; a
swallowed thing that came back up, the patient talking; "nobody is" denying a sign; a place or its traffic choked, and
fumes out of doors; someone who cannot be woken while sleepwalking; a swelling a cosmetic is made to cause; "I want to
die" said with a laugh; cutting oneself off from people; a jump into water for fun; swollen glands beside a sore throat;
wax or a bead blocking an ear or a nose; a body gone stiff with pain or shock; arms that cannot be lifted because
one is in a sling; a thumping or banging head (the ache, not a blow). Then mechanisms: a fall from a ladder's bottom
rungs, a child's kick scooter, a car driven into a garage. Run with the learned reader on."""

import pytest

from intake.red_flags import find_mechanisms, find_red_flags

# (flag, look-alike that must not raise it, real sign that must)
PAIRS = [
    # an animal named first, then called "he" or "she"
    ("not_breathing", "my hamster's been lying still in his cage all morning, he's not breathing, is he dead",
     "my grandad's been lying still in his chair all morning, he's not breathing"),
    ("not_breathing", "our old cat curled up under the bed and the children reckon she is dead",
     "our old neighbour curled up on the sofa and I reckon she is dead, she's not breathing"),
    ("not_breathing", "the goldfish is floating at the top, I think he is dead, do I flush him",
     "my uncle is slumped at the table, I think he is dead"),
    # a swallowed thing that came back up, and the patient is talking
    ("choking", "she choked on a boiled sweet but it came up after I slapped her back, she's chatting away now",
     "she's choking on a boiled sweet and it won't come up, she can't talk"),
    ("choking", "my lad choked on a crisp, it came back up on its own and he's talking normally",
     "my lad is choking on a crisp, nothing has come up and he's going blue"),
    # "nobody is" denies a sign
    ("choking", "what's the right way to do abdominal thrusts? nobody's choking, I'm revising for my course",
     "what's the right way to do abdominal thrusts? my dad's choking on a bit of steak"),
    ("heavy_bleeding", "nobody is bleeding, we just want to know where the plasters are kept",
     "my son is bleeding heavily and it won't stop"),
    # a place or its traffic choked; fumes out of doors
    ("choking", "the lorries are choking the village every morning and I can't sleep with the noise",
     "my little girl is choking on a grape"),
    ("choking", "building work is choking the high street, my asthma is a bit worse with the dust",
     "he's choking on his dinner and can't breathe"),
    ("overdose_poisoning", "the traffic fumes on the main road give me headaches when I walk to work",
     "the boiler fumes are giving all of us headaches and the kids are drowsy"),
    ("overdose_poisoning", "the fumes from the bus station outside my window are giving me headaches, what can I take",
     "the fumes from the generator in the kitchen are giving us headaches and she's confused"),
    # someone who cannot be woken while sleepwalking
    ("unconscious", "my teenager sleepwalks most nights and we can't wake her while she's at it, she goes back to bed",
     "my teenager fell down the stairs and we can't wake her"),
    ("unconscious", "he walks in his sleep and I can't wake him up when he does, is that dangerous",
     "he collapsed in the kitchen and I can't wake him up"),
    # a swelling a cosmetic is made to cause
    ("anaphylaxis", "my lips are a bit swollen and tingling from the plumping lip balm, is that what it's supposed to do",
     "my lips are swollen and tingling since I ate the prawns and it's hard to breathe"),
    ("anaphylaxis", "her lips swelled up after she put the lip plumper on, that's the point of it, but one side stings",
     "her lips swelled up after she ate the cake with nuts in"),
    # "I want to die" said with a laugh, of an everyday thing
    ("suicidal", "I sang karaoke in front of my boss last night, I want to die haha, anyway my throat is sore",
     "I want to die, I've got the tablets lined up on the table"),
    ("suicidal", "lol I want to die, the hill walk wrecked my knees, what cream should I use",
     "I want to die, nobody would miss me"),
    # cutting oneself off from people
    ("suicidal", "since the divorce he's been cutting himself off from all his mates, he's lonely, can he get counselling",
     "since the divorce he's been cutting himself with a razor on his arms"),
    ("suicidal", "I keep cutting myself off from my family, I just don't feel sociable, who could I talk to",
     "I keep cutting myself on purpose, it's getting deeper"),
    # a jump into water for fun
    ("suicidal", "my nephew jumped off the harbour wall into the sea with his mates and hurt his shoulder on the water",
     "my nephew is on the harbour wall saying he'll jump off, he doesn't want to be here"),
    ("suicidal", "she jumped off the rocks at the lake into the water for a dare and now her ear hurts",
     "she's standing on the bridge saying she's going to jump off"),
    # swollen glands beside a sore throat
    ("anaphylaxis", "my throat's sore and the glands under my jaw are swollen, no trouble breathing or swallowing",
     "my throat is swelling up after the bee sting and I can hardly swallow"),
    ("anaphylaxis", "sore throat with swollen glands for three days, eating and drinking fine",
     "after the peanut his throat is swelling shut"),
    # wax or a bead blocking an ear or a nose
    ("choking", "there's a lump of wax blocking my left ear since the flight, everything sounds muffled",
     "there's a lump of meat blocking his throat, he can't breathe"),
    ("choking", "my toddler pushed a bead up his nose and it's stuck there, he's breathing fine through his mouth",
     "my toddler swallowed a bead and it's stuck in his throat, he can't breathe"),
    # a body that stiffened with pain or shock, its cause said with it
    ("seizure", "he caught his arm on the oven shelf and went all rigid with the pain, he's yelling at me now",
     "he caught his arm on the oven shelf and then went all rigid and started jerking"),
    ("seizure", "she went stiff from the shock when the kettle tipped on her, she's crying and talking",
     "she went stiff and her arms are jerking, she isn't answering me"),
    # arms that cannot be lifted because one is strapped up or broken
    ("stroke", "his wrist is in a cast since he broke it, so he can't lift both arms to put his jumper on",
     "he can't lift both arms, he broke his hip last year but this is new"),
    ("stroke", "she can't raise both arms since her shoulder operation, the left one is strapped up in a sling",
     "she suddenly can't raise both arms and one of them just drops"),
    # a thumping or pounding head is the ache (a hangover, a headache), not a blow; in slang too
    ("serious_injury", "I've woken up with a thumping head and I've been sick twice, it was my mate's stag do",
     "he got thumped on the head outside the pub and he's been sick twice"),
    ("serious_injury", "my head's been banging since I got up and I was sick in the bathroom, too much wine",
     "she took a thump to the head from the swing, now she's vomiting"),
    ("serious_injury", "my bonce is throbbing and I keep being sick, I think it's a migraine",
     "he got clobbered on the bonce with a bottle and keeps being sick"),
    ("serious_injury", "pounding noggin and been sick all morning after the party",
     "someone thumped him round the noggin and he's been sick since"),
]


@pytest.mark.parametrize("flag,lookalike,real", PAIRS, ids=[f"{f}-{i}" for i, (f, _, _) in enumerate(PAIRS)])
def test_lookalike_is_no_sign_but_the_sign_still_is(flag, lookalike, real):
    assert flag not in find_red_flags(lookalike), lookalike
    assert flag in find_red_flags(real), real


@pytest.mark.parametrize("text", [
    "the dog knocked him over on the path and he's not breathing",
    "we were walking the dog and my husband collapsed, he's not breathing",
    "the dog was barking at the back door and I found her there, she's not breathing",
    # an animal that only did something led the caller there: the pronoun after it is a person
    "the dog was going mad at the door, she's not breathing",
    "our cat kept miaowing at me so I went up, he's not breathing",
    "the puppy jumped on the bed and now she has stopped breathing",
    "the dog has been whining for an hour, he won't wake up and he's not breathing",
])
def test_a_person_beside_an_animal_is_still_the_patient(text):
    assert "not_breathing" in find_red_flags(text), text


def test_a_patient_named_in_an_earlier_turn_is_who_he_or_she_is():
    """The dialogue asks who the patient is first: "she" after "my nan" is the nan, whatever animal this turn names."""
    said = "the dog was barking like mad when I came in, she's lying there and she's not breathing"
    assert "not_breathing" in find_red_flags(said, context="it's my nan")
    assert "not_breathing" not in find_red_flags("the cat has been curled up all day and she is not breathing",
                                                 context="our cat")


def test_a_sleepwalker_who_fell_is_still_unconscious():
    assert "unconscious" in find_red_flags("he was sleepwalking and fell down the stairs, now I can't wake him")


# (mechanism, look-alike that must not record it, real mechanism that must)
MECHANISM_PAIRS = [
    ("fall_from_height", "she stepped off the ladder at the second rung and went over on her ankle",
     "she fell off the ladder from the top of the house, a good four metres"),
    ("fall_from_height", "he slipped off a ladder, only a couple of rungs up, and grazed his shin",
     "he fell off the ladder while clearing the gutters"),
    ("road_traffic", "my daughter fell off her scooter in the park and scraped her knee",
     "my daughter was on her scooter on the main road and skidded into a car"),  # a fall alone is no crash (SAFETY.md)
    ("road_traffic", "he smashed his kick scooter into the garden wall and bumped his lip",
     "his motorbike crashed into the wall on the bypass"),
    # a vehicle its rider or driver put into something; driving into a garage or running a car into the ground is none
    ("road_traffic", "he drove his car into the garage and hurt his back lifting the shopping out",
     "he rode his motorbike into the back of a bus at the lights"),
    ("road_traffic", "she's run her old car into the ground, and now her wrist hurts from the stiff gears",
     "she ploughed her car into a lamp post coming home from work"),
    # "not moving" says a vehicle stood still, not a rider lying still after the crash
    ("road_traffic", "the bus was not moving when he slipped on its step and banged his elbow",
     "he smashed his motorbike into the wall and he's not moving"),
]


@pytest.mark.parametrize("mechanism,lookalike,real", MECHANISM_PAIRS,
                         ids=[f"{m}-{i}" for i, (m, _, _) in enumerate(MECHANISM_PAIRS)])
def test_a_low_or_playful_mechanism_is_not_recorded_but_the_real_one_is(mechanism, lookalike, real):
    assert mechanism not in find_mechanisms(lookalike), lookalike
    assert mechanism in find_mechanisms(real), real


@pytest.mark.parametrize("text", [
    "she drank her juice out of the blue cup and now she says her tummy hurts",
    "he's sitting in his blue car outside, he feels a bit sick after lunch",
])
def test_a_blue_thing_is_no_blue_lips(text):
    assert not {"choking", "breathing_difficulty", "not_breathing"} & set(find_red_flags(text)), text


def test_blue_lips_beside_a_blue_thing_are_still_blue_lips():
    assert "breathing_difficulty" in find_red_flags("she is gasping, her lips are blue, she's in her blue dress")
