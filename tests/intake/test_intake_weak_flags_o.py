"""The weak flags of blind set o (intake/corpus/blind_o_*.jsonl, spent): suicidal, overdose_poisoning and
pregnancy_emergency, each miss sorted into its kind and fixed at the level of its concept.

Every sentence here was written for these tests, none copied from a corpus. Each kind is heard in several new
wordings, and its look-alikes (the same words with no emergency in them) stay unflagged.
"""

import pytest

from intake.red_flags import find_red_flags, prepare

SUICIDAL = [
    # At a place to die, now, with the way or the time: the edge, the water that cannot be swum, the train that is due.
    "I'm at the end of the jetty now and I'm going in, I never learned to swim",
    "I'm at the end of the pier and I'm going to go in, the water's freezing and I can't swim",
    "standing on the edge of the platform, the express comes through in five minutes, I'm sorry",
    "I'm right at the edge of the cliff path now, I'm sorry for all of it",
    "I'm at the lookout now and I don't want to be here any more",
    "I'm by the railway tracks at the crossing, the next train is due and I can't do this anymore",
    "I'm at the top of the quarry right now and I'm going to step off",
    "I'm on the railway bridge now and the next train's in a few minutes, tell my kids I love them",
    "I've driven up to the cliffs and I'm standing at the edge, I can't keep going",
    "I'm up at the top of the car park, level six, I'm going over, I'm sorry mum",
    "he's sat on the edge of the quay with his legs over, says nobody would miss him",
    # Walking, wading or driving into deep water, said as a plan or as happening.
    "I'm walking into the sea right now",
    "I'm going to drive into the harbour tonight",
    "I'm going to walk into the ocean tonight",
    "gonna walk out into the bay after dark, no one would miss me",
    "she keeps saying she'll wade into the loch tonight",
    # A means at hand and no reason left to go on, in other words.
    "the rifle is in my lap and I can't see any reason to keep going",
    "I've got my dad's shotgun out and I don't see a reason to carry on",
    "there's a loaded gun in the drawer and I can't find a reason to go on living",
    "I've got his service pistol here and I can't see any reason to go on",
    "I've got the rope in the garage and I see no reason to carry on",
    # A lethal dose worked out, the means beside it.
    "I've calculated how much of my morphine would be fatal and it's all in the drawer",
    "I've looked up the lethal dose of paracetamol and I have enough here",
    "I've figured out a deadly amount of my tablets, they're in front of me",
    "he's worked out the fatal dose of his heart pills and he's got them in his bag",
    "I've worked out exactly how much insulin it would take and the pens are in my hand",
    # To sleep out in the cold and not wake.
    "I just want to curl up out in the cold and not wake up",
    "I'm going to lay down in the snow and never wake up",
    "I want to fall asleep out on the moor and not wake up, I've left my coat at home",
    "I'm going to go out in the blizzard without a coat and just lie down and not wake up",
    # Nobody would miss them, beside a way or a time.
    "nobody would miss me if I went off the bridge tonight",
    "no one would even miss me, I've got all the pills here",
    # Hawaii Pidgin: "like make" is wanting to die, "no like be here no more" not wanting to be alive.
    "my bruddah say he like make, he stay up on da roof",
    "I no like stay alive no more",
    "I no like be here no more, I stay at da cliff right now",
]

SUICIDAL_LOOKALIKES = [
    "I'm standing at the edge of the platform, the train's due, and I've cut my finger on my ticket",
    "I'm sorry, I'm at the end of the pier and my son has a fish hook in his thumb",
    "we're at the end of the wharf fishing and my son got a hook in his thumb",
    "I'm at the lookout with my family, it's beautiful, I'm calling about my mum's rash",
    "my kid can't swim so we stay away from the water at the harbour",
    "we're going to walk along the harbour tonight for the fireworks",
    "I can't see any reason to carry on with the antibiotics, they gave me a rash",
    "I can't see a reason why my knee keeps swelling",
    "what is the lethal dose of caffeine, it's for my pharmacology homework",
    "I want to lie down in a dark room and not wake up until this migraine has gone",
    "we're going to lie on the beach this afternoon and try not to wake the baby",
    "I've worked out how much insulin it would take to bring my sugar down, can you check it",
    "my nan went over on her ankle at the end of the jetty, I'm sorry to call so late",
    "I'm done, eh, the shift was twelve hours and my back is killing me",
    "I'm standing on the edge of the platform and I'm sorry but I feel really dizzy",
    "she's wading into the river to get the dog and she's cut her foot",
    "I'm walking into the sea for a swim, is it okay with stitches",
    "I'm at the top of the car park going over to the lift, my mum has a nosebleed",
    "my friend walked into the sea and drowned ten years ago, I'm calling about my anxiety",
    "no one would miss me at the party tonight if I left early, I've got a migraine",
    "my uncle walked into the sea years ago, I'm calling about my cough",
    "I'm done with this job, I'm handing my notice in tonight",
    "I no like stay here, the food is junk, my stomach hurts a little",
]

POISONED = [
    # A week of tablets gone at once: an emptied dosette box or blister pack and someone muddled or drowsy.
    "mum's pill organiser for the week is empty and it's only Tuesday, she's very confused",
    "grandad's blister pack has all seven days popped and he's drowsy and muddled",
    "my dad has taken the whole week's tablets out of his dosette and he's not making sense",
    "nan's weekly tablet tray is completely empty and she's slurring and sleepy",
    # Something bad smoked, taken or drunk, and what it does to the mind.
    "he smoked something dodgy at the festival and now he's sweating buckets and talking nonsense",
    "my girlfriend took something at the club and now she's paranoid and seeing things",
    "they had something laced at the party, my mate is raving and burning up",
    "my son vaped something weird and now he's acting crazy",
    "my cousin smoke something bad at the beach, he stay talking crazy",
    # A count that dropped, with a child who had them (looking at the box is reading its label, no means at hand).
    "I'm looking at the bottle of his vitamins now, there were twenty and now there are five, my son had them",
    "there were twenty of her iron tablets and now there are only three, my toddler was playing with the pot",
    "there were ten calpol in the box but now there's only two, my little boy was in the cupboard",
]

POISON_LOOKALIKES = [
    "I'm refilling mum's dosette box for the week, it's empty, she's well and took her usual this morning",
    "the pharmacy hasn't delivered so the dosette box is empty, can I give her tomorrow's from the packet",
    "I smoked something for the first time years ago, now I want to ask about quitting cigarettes",
    "my brother smoked a cigarette outside and came in shaking from the cold",
    "the office politics is toxic and I keep getting headaches",
    "there were four kids at the party and now there are two with a cough",
    "the gossip at work has become poisonous and I can't sleep for worrying",
    "my in-laws are absolutely poisonous and I've had a migraine all week",
    "the banter in the group chat is getting poisonous, I feel sick with stress",
]

PREGNANT = [
    # Pregnant said in another language, with a danger sign.
    "mia moglie è incinta and she's bleeding a lot",
    "she's schwanger, thirty weeks, and she's had a seizure",
    "mijn vrouw is zwanger and she has terrible pain in her belly, she can't stand",
    "she's hapū and she's having a fit",
    "my wahine stay hapai and she bleeding plenty",
    "my sister is trudna and she's bleeding heavily",
    # So many months along, said bare, beside blood (beside a fit it may be a baby's age: "she's seven months").
    "she's eight months and there's blood running down her legs",
    "she's seven months, her waters have gone and there's blood in them",
    "she is nine months, the bed is soaked in blood",
    # An ectopic pregnancy told by its signs: one-sided low pain, a late period, faint on standing.
    "sharp stabbing low down on the right, I've missed my period, and I nearly passed out getting up",
    "it feels like a knife in my lower left side, my period's late and I'm dizzy when I stand",
    "twisting pain low on one side, I think I'm pregnant, I go light-headed standing up",
    "there's a tearing feeling down on the right, my period is a week overdue and I keep feeling faint",
    "a stabbing pain low on my right side, I've missed a period and I nearly blacked out",
    "I think I'm pregnant, I've got a sharp pain low on my left and I keep going dizzy",
]

PREGNANT_LOOKALIKES = [
    "my wife is incinta, no bleeding, no pain, she just has a cold",
    "she's seven months old and has a runny nose",
    "what would count as heavy bleeding when you're pregnant, I'm not bleeding, I'm only asking",
    "what would be classed as severe pain in pregnancy, asking for a friend who is fine",
    "my period is late and I get a stitch on my left side when I run",
]


# A means only looked at, thought of or laid out is an intent, not yet a poisoning.
ONLY_AT_HAND = [
    "I keep going out to the weed killer in the shed and thinking about drinking it to end it all",
    "I'm staring at the box of paracetamol and I want to die",
    "the pills are all counted out on the bed and I don't want to be here any more, I've been drinking a lot lately",
    "he says he's thinking about taking them all, the tablets are lined up on his desk, he wants to end it",
]


@pytest.mark.parametrize("text", ONLY_AT_HAND)
def test_a_means_only_at_hand_is_an_intent_not_a_poisoning(text):
    found = find_red_flags(text)
    assert "suicidal" in found and "overdose_poisoning" not in found, prepare(text)


@pytest.mark.parametrize("text", SUICIDAL)
def test_each_kind_of_intent_is_heard(text):
    assert "suicidal" in find_red_flags(text, learned=False), prepare(text)


@pytest.mark.parametrize("text", SUICIDAL_LOOKALIKES)
def test_look_alikes_of_intent_stay_unflagged(text):
    assert "suicidal" not in find_red_flags(text), prepare(text)


@pytest.mark.parametrize("text", POISONED)
def test_each_kind_of_poisoning_is_heard(text):
    assert "overdose_poisoning" in find_red_flags(text, learned=False), prepare(text)


@pytest.mark.parametrize("text", POISON_LOOKALIKES)
def test_look_alikes_of_poisoning_stay_unflagged(text):
    assert "overdose_poisoning" not in find_red_flags(text), prepare(text)


@pytest.mark.parametrize("text", PREGNANT)
def test_each_kind_of_pregnancy_emergency_is_heard(text):
    assert "pregnancy_emergency" in find_red_flags(text, learned=False), prepare(text)


@pytest.mark.parametrize("text", PREGNANT_LOOKALIKES)
def test_look_alikes_of_pregnancy_emergency_stay_unflagged(text):
    assert "pregnancy_emergency" not in find_red_flags(text), prepare(text)
