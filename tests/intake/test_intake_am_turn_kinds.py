"""Kinds spent set am's turns showed (issue 14: the Caribbean, the Pacific, rural Ireland, Scotland, Appalachia), each
fixed as a kind and tested here in the team's own words (no corpus line), with look-alikes that must stay quiet.

Recall:
- Caribbean English Creoles: "dead" as the verb ("she say she want to dead"), "big wid pickney" (pregnant), Trinidad and
  Guyana "eh" before a verb as its negation ("he eh know where he is");
- a head blow said "bounce he head", and a dive into shallow water, then the signs of a head injury;
- a household poison named by what it is for ("the stuff for cleaning the toilet").
Look-alikes (no flag):
- a machine with a sign's words ("the chainsaw keeps choking", "the flue is struggling for air", "the washing machine
  went into a fit", "the old Hilux can't breathe"); an engine's choke; "says the X is struggling" is no speech;
- idioms: "breathless with laughing", "choked in the final"; "out cold, she means freezing";
- a habit's sign absent now ("same as always, it's not on me now"); an acquaintance's sign dated weeks back or at a feast;
- a belief corrected by what it was ("thought it was blood, it's only dye"); the bone of a joint of meat; food burnt in
  the pot; awake and talking, only sleepy with the flu; a bottle held with the cap still on; a song's title; the vet not
  answering the phone; a toddler grunting engine noises at his toy; itchy blisters of a rash; skin gone dry and scaly.
Mechanisms: a quad bike that flipped; a boat that hit another at speed.
"""

import pytest

from intake.red_flags import find_mechanisms, find_red_flags

FLAGGED = [
    ("She drink the weedkiller and she say she want to dead", "suicidal"),
    ("he tell me he wants to dead, he have a rope in the shed", "suicidal"),
    ("My daughter big wid pickney an she bleeding bad bad", "pregnancy_emergency"),
    ("She big with pickney, seven months, an she have pain in her belly real bad", "pregnancy_emergency"),
    ("she eh breathing at all, she lips blue", "not_breathing"),
    ("the blood eh stopping, it pouring through the cloth", "heavy_bleeding"),
    ("He bounce he head on the pavement and he eh know where he is", "serious_injury"),
    ("he bounced his head off the wall and he's drowsy and throwing up", "serious_injury"),
    ("My nephew dived off the big rock into the shallow bit. He came up and he's been vomiting, and he keeps asking "
     "what happened", "serious_injury"),
    ("he dived into the rocks at the river and he's confused and being sick", "serious_injury"),
    ("my baby sister drank the stuff for cleaning the toilet and she's crying", "overdose_poisoning"),
    ("my son swallowed some of the liquid we use to unblock the drains", "overdose_poisoning"),
    ("the toddler got the bottle for cleaning the floors open and had some", "overdose_poisoning"),
    # the look-alikes' words, said of a person
    ("my dad was fixing the chainsaw and now he is choking on a bit of apple, can't breathe", "choking"),
    ("the washing machine flooded and my mum slipped and is having a fit, shaking all over", "seizure"),
    # a machine's part is where the wound came from, not whose the sign is
    ("my husband cut his hand on the chainsaw blade, it's quite deep, you can see the white tendons", "serious_injury"),
    ("the ute rolled and my brother can't breathe, he's gasping", "breathing_difficulty"),
    ("my husband says his speech is slurred and his face is drooping", "stroke"),
    ("he choked on a chip at the game and he can't breathe", "choking"),
    ("Mum says Dad is out cold on the floor and she can't wake him", "unconscious"),
    ("she's breathless with her asthma, wheezing, can't finish a sentence", "breathing_difficulty"),
    ("I get the angina walking up the hill, same as always, but now it won't go with the spray and it's going down my arm",
     "chest_pain"),
    ("a man in our church had a stroke at Christmas and now my mum's face is drooping and she can't lift her arm", "stroke"),
    ("blood is pouring down his arm, I thought it was paint at first but it's blood", "heavy_bleeding"),
    ("the bone is sticking out of his leg after he fell off the ham radio mast", "serious_injury"),
    ("the pot of boiling rice tipped on her and her skin is peeling off, big blisters", "severe_burns"),
    ("the pan burned his hand badly, the skin is white and peeling", "severe_burns"),
    ("the baby is very sleepy, we can't keep her awake and she's not feeding", "child_danger_signs"),
    ("my son had the bleach bottle, the cap was still on, but he's been sick and his mouth is burning", "overdose_poisoning"),
    ("my son took an overdose after listening to that song called Numb, he's drowsy", "overdose_poisoning"),
    ("the GP surgery isn't answering and my dad is not answering me either, he's slumped", "unconscious"),
    ("the baby is grunting with every breath and sucking in under the ribs", "child_danger_signs"),
    ("boiling water went over her, big blisters on both legs", "severe_burns"),
    ("the skin has gone white and leathery on her back from the boiling water", "severe_burns"),
]

QUIET = [
    "I want to dead tired after work, lol",
    "he eh know the answer to the quiz, he fine",
    "He dived into the shallow end this morning, he's fine, just wants to know if he can swim tomorrow",
    "the ball bounced off his head in the game, he's fine",
    "I used the stuff for cleaning the toilet and now my hands are dry and cracked",
    "where do you buy the stuff for killing the weeds",
    "The mechanic says the old Hilux can't breathe, the air filter's full of dust, and I banged my shin on it",
    "my husband says the flue is struggling for air, and I've got soot in my eye from poking at it",
    "The chainsaw keeps choking out, the choke's stuck, and I've a splinter in my palm",
    "the choke is stuck on the old ute so it won't start, and I pinched my finger",
    "The washing machine went into a fit on the spin and walked across the floor, it ran over my toe",
    "the strimmer keeps choking and cutting out on the long grass, I've a blister from the handle",
    "the teacher says the class is struggling with maths",
    "I was breathless with laughing at the wedding, my ribs are sore from it",
    "we were breathless with excitement at the match",
    "he choked at the penalties again, the team lost",
    "she choked under pressure in the exam",
    "Dad says he's out cold in the shed, he means frozen, the heater's broken",
    "he gets his angina on the stairs, same as always, it's not on him now, he wants a repeat prescription",
    "a lady at work collapsed a few weeks ago and I keep worrying, I'm fine",
    "we thought it was blood all over her face, it was only ketchup",
    "mum thought it was blood on the sheets, it's just the red juice he spilled",
    "the bone is sticking out of the leg of lamb, how long do I roast it",
    "the toast is burnt and the kitchen is smoky",
    "she's very sleepy with the flu but she's awake and chatting",
    "she didn't drink any of the kerosene, the lid is still on, she's fine",
    "the film was called Heart Attack, it gave me a headache",
    "the game is called Stroke and he's playing it",
    "the vets not answering and our goat has a sore foot",
    "she's grunting making dinosaur noises at her brother",
    "I got nettle rash down by the river, itchy blisters up both legs",
    "his skin has gone dry and flaky from the kava, is there a cream",
]


@pytest.mark.parametrize("text,flag", FLAGGED)
def test_the_sign_is_heard(text, flag):
    assert flag in find_red_flags(text)


@pytest.mark.parametrize("text", QUIET)
def test_the_look_alike_stays_quiet(text):
    assert find_red_flags(text) == []


@pytest.mark.parametrize("text", [
    "She came off the back of the quad bike when it flipped on the hill, she's up and limping",
    "the atv rolled over on the slope and threw him off, he's walking",
    "A speedboat hit our dinghy flat out and threw me into the water, I'm on the beach now, sore",
    "a jet ski hit my son in the water at speed, he's crying",
])
def test_the_mechanism_is_recorded(text):
    assert find_mechanisms(text)


@pytest.mark.parametrize("text", [
    "the boat hit the jetty gently and I stubbed my toe",
    "we parked the quad bike and he tripped over it",
])
def test_no_mechanism_without_its_force(text):
    assert find_mechanisms(text) == []
