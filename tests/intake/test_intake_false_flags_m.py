"""False flags of the kinds sets l and m showed (issue 14), written for this file (no corpus line): each look-alike is
paired with a real sign in nearby words that must still be found. The kinds: a sign asked about, not happening; a
machine, an animal, a recording or smoke with the sign; someone on a screen or someone else who died; an episode over
(came round, a moment); nothing taken; what explains a look-alike (teething, a cold, a normal period, grief); a
mechanism told without a sign. Run with the learned reader on, as the service runs."""

import pytest

from intake.red_flags import find_mechanisms, find_red_flags, prepare

# (flag, look-alike that must not raise it, real sign that must)
PAIRS = [
    # a sign asked about, or a named condition, is no sign now
    ("not_breathing", "Her apnoea is worse lately, what should I do if she stops breathing overnight? She's fine at the moment",
     "my wife has stopped breathing and she won't wake up"),
    ("severe_burns", "How should I treat a burn off the deep fat fryer? I begin at the chip shop next week",
     "he tipped the deep fat fryer over himself, his chest and both arms are burnt and the skin is peeling off"),
    # a machine, an animal, a recording, smoke
    ("breathing_difficulty", "the van's gasping on every climb, it wants a service, and my ear has been blocked all week",
     "my dad is gasping and can't get his breath, his lips are blue"),
    ("unconscious", "our rabbit is lying flat in the hutch and won't wake, the kids are crying, should I ring a vet",
     "my grandad is lying flat on the kitchen floor and won't wake"),
    ("heavy_bleeding", "the sheep we butchered for the feast is bleeding all over the yard, that's expected, I'm ringing about my girl's earache",
     "my son caught his leg on the fence wire and it's bleeding all over the yard"),
    ("stroke", "the voice on the recording sounds slurred because the connection keeps dropping, anyway my son has a rash",
     "his voice is suddenly slurred and one side of his face has dropped"),
    ("not_breathing", "the fire in the wood burner stopped breathing, no draw at all, we're all outside and fine",
     "my brother is on the floor by the wood burner and he stopped breathing"),
    ("choking", "the smoke off the stubble burning is choking, our eyes sting, it happens every harvest",
     "my toddler put a grape in his mouth and he's choking, he can't breathe"),
    # someone on a screen, someone else who died
    ("unconscious", "a cyclist on the telly got knocked out in the race and it frightened my son, he wants a helmet",
     "my son came off his bike in the race and got knocked out"),
    ("not_breathing", "a lorry hit our minibus, one of the passengers in the minibus has died, my sister is sat next to me",
     "a lorry hit our minibus and my sister isn't breathing"),
    # an episode that is over
    ("unconscious", "she passed out in the heat at the market, came round in a few seconds, now having a drink and chatting",
     "she passed out in the heat at the market and hasn't come round"),
    ("unconscious", "he's breathing normally, snoring away, he'd nodded off in his chair and I couldn't rouse him for a moment",
     "he nodded off in his chair and now I can't rouse him"),
    # nothing taken
    ("overdose_poisoning", "she had the bottle of paracetamol syrup but the cap is still sealed and nothing is missing, she's fine",
     "she drank the whole bottle of paracetamol syrup and now she's drowsy"),
    # what explains a look-alike
    ("stroke", "my baby is teething, drooling a lot and one cheek is red, feeding well",
     "her face has dropped on one side and she is drooling"),
    ("heavy_bleeding", "my period pains are bad this month, ordinary bleeding, I'm not pregnant, I just want painkiller advice",
     "my period is pouring, I'm soaking through a pad every hour"),
    ("stroke", "I got choked up at my mum's funeral, couldn't get the words out, and now I can't sleep",
     "he suddenly can't get the words out and his arm has gone weak"),
    ("stroke", "she's got a cold and a runny nose and her voice is gone, she's talking in a whisper but breathing fine",
     "her speech went slurred all of a sudden an hour ago"),
    ("overdose_poisoning", "my 3yo has a temp 39 but eating and playing, what dose of ibuprofen",
     "my 3yo swallowed a whole bottle of ibuprofen"),
    ("choking", "the van battery is flat, not breathing any life, I'm stuck on the motorway and need a tow",
     "my son swallowed a button battery and it's stuck, he can't breathe"),
    ("serious_injury", "the bone came out when I gave him back blows, he's breathing and talking, his throat feels scratchy",
     "he fell off the scaffolding and the bone is sticking out of his shin"),
    ("choking", "there's a chicken bone stuck in her gum, it's only a tiny scratch",
     "a chicken bone is stuck in her throat and she can't breathe"),
    ("unconscious", "the wind knocked out the electricity and the fridge is warm, is my insulin still ok",
     "a branch came down in the wind and knocked him out cold"),
    ("heavy_bleeding", "I'm bleeding the radiators and there's water all over the carpet, wrong number, sorry",
     "he's bleeding all over the carpet and it won't stop"),
    ("unconscious", "the computer is frozen, won't wake, I was after tech support",
     "my mum collapsed and won't wake"),
]


@pytest.mark.parametrize("flag, look_alike, real", PAIRS)
def test_look_alike_raises_nothing_and_the_real_sign_is_found(flag, look_alike, real):
    assert find_red_flags(look_alike) == [], prepare(look_alike)
    assert flag in find_red_flags(real), prepare(real)


def test_an_animal_sign_after_and_belongs_to_the_animal_but_a_person_after_and_is_the_patient():
    assert find_red_flags("our lamb was born and wasn't breathing so we rubbed it, it's up now") == []
    assert find_red_flags("the kitten won't eat and is floppy, where is the nearest vet", child=True) == []
    assert "child_danger_signs" in find_red_flags("the baby won't feed and is floppy", child=True)
    assert "heavy_bleeding" in find_red_flags("the dog bit my son and he is bleeding everywhere")


def test_a_crash_vehicle_is_no_thing_with_a_sign():
    """A vehicle may have a sign ("the van is gasping"), but the one that hits a person is the crash."""
    assert "serious_injury" in find_red_flags("the motorbike knocked him down and now he is confused")
    assert "road_traffic" in find_mechanisms("a van ploughed into the back of our car at high speed on the bypass")
    assert "choking" in find_red_flags("the smoke is choking him")


# Mechanisms told without a sign: recorded, never a red flag (SAFETY.md).
@pytest.mark.parametrize("text, mechanism", [
    ("my brother fell through the roof of the cowshed, a good fifteen feet, and landed on the concrete yard", "fall_from_height"),
    ("my nephew climbed up onto the roof to fetch his kite and fell off onto the lawn", "fall_from_height"),
    ("I came off the balcony on the first floor into the hedge, my shoulder aches", "fall_from_height"),
])
def test_a_mechanism_alone_is_recorded_not_flagged(text, mechanism):
    assert find_red_flags(text) == [], prepare(text)
    assert mechanism in find_mechanisms(text)


def test_a_threat_from_a_roof_and_spreading_pain_are_still_found():
    assert "suicidal" in find_red_flags("my nephew has climbed onto the roof and says he is going to jump")
    assert "chest_pain" in find_red_flags("the pain in his chest is going into his shoulder and jaw")


def test_a_moment_ends_only_a_failure_to_wake():
    assert "not_breathing" in find_red_flags("my baby stopped breathing for a moment and went blue")
    assert "seizure" in find_red_flags("he had a fit for a moment")
