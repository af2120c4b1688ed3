"""Kinds spent sets ao (South-East Asia and its workers abroad) and ap (Southern Africa) showed in their turns (issue 14),
each fixed as a kind and tested here in the team's own words (no corpus line), with look-alikes that must stay quiet.

Recall:
- a means turned on oneself ("use the gun on myself"), walking in front of a truck or a taxi, a rope bought and a beam
  or branch looked at, all one's pills (ARVs too) thought of at once, sleeping forever as the aim;
- an animal dip drunk (tick dip, cattle dip), lots of someone's pills eaten, a brazier's fumes in a closed room
  (mbawula, imbaula) with headache, confusion or vomiting;
- Malay and Indonesian doubled words typed with a 2 ("kejang2"); a pregnancy said as "a big tummy with the baby";
- a baby who refuses the bottle or will not take it, or does not want to open his eyes.
Look-alikes (no flag): the caller's own watch reading "no breathing"; a chest said fine beside a toe's pain; a swimmer's
strokes; stroking a cheek; a crowd's gasp; an engine that chokes and cuts out; an injury to pride; burnt pap; a "suicide
run" of a road; a stew overdosed with salt; shingles' blisters; a grilled fish's black skin; a heart sore over a
breakup; the dead passenger beside a relative; a bleed dated to a month with a past verb; an aside inside an if.
Co-flags that must not come with the sign: a chest not moving is no coma; a mouth hanging open is no droop; thick
speech is no swollen tongue; a pill bottle is no choking object; a jacket under the head is no head injury; confusion
after a head blow is no stroke; drooling from pesticide is no stroke; "my pants" is no panting; a texted "im" before a
number is "I am"; a means only in hand or bag is no poisoning yet; a baby not breathing is no danger sign on the
words "baby" and "child" alone; Nakhon Sawan is a place, not a fit.
"""

import pytest

from intake.red_flags import find_mechanisms
from tests.support.red_flag_kinds import turn_kind_tests

FLAGGED = [
    # a means turned on oneself, a vehicle walked in front of, a rope and a place to hang it eyed
    ("My brother locked himself in the room with the hunting rifle, he says he will use it on himself", "suicidal", None),
    ("ndiri kuda kufa, I keep wanting to turn the knife on myself", "suicidal", False),
    ("Ek kan nie meer nie, I'm going to walk in front of a taxi on the highway", "suicidal", False),
    ("Dia bilang mau jalan ke depan truk malam ini, he said he'll step in front of a car tonight", "suicidal", None),
    ("he bought a rope this afternoon and keeps staring at the branch of the big tree in the yard", "suicidal", None),
    ("she got a cord from the hardware and I found her looking up at the rafters", "suicidal", None),
    ("I've been thinking of swallowing all of my tablets together tonight", "suicidal", False),
    ("anh ấy nói muốn uống hết thuốc, he keeps thinking about taking all his pills in one go", "suicidal", None),
    ("I just want to take something so that I can sleep forever", "suicidal", False),
    # poisons of the farm and the home, said plainly
    ("the little one drank from the cattle dip bucket, he's crying and drooling", "overdose_poisoning", True),
    ("my nephew swallowed some dog dip, the stuff for ticks", "overdose_poisoning", None),
    ("my toddler ate loads of his granny's tablets from her handbag", "overdose_poisoning", True),
    ("the imbaula was burning in the shack all night, now my uncle is confused and throwing up", "overdose_poisoning", False),
    ("we kept the brazier inside because of the cold, everyone has headaches and gogo is dizzy", "overdose_poisoning", False),
    # Malay / Indonesian doubled words typed with a 2
    ("tolong, anak saya kejang2 dari tadi, still shaking", "seizure", True),
    ("wife kejang2 5 minit tak berhenti", "seizure", False),
    # a pregnancy said by a child's words
    ("my mummy has a round belly with the baby inside and she's bleeding a lot", "pregnancy_emergency", False),
    ("mama has a big tummy from the baby and she says the pain is unbearable", "pregnancy_emergency", False),
    # a baby who will not feed, will not wake to look
    ("I warmed the bottle for the baby but she won't drink it, she just turns away", "child_danger_signs", True),
    ("the infant is so quiet and doesn't want to open her eyes, even when I tickle her feet", "child_danger_signs", True),
]

QUIET = [
    # a device's reading of the caller, who is talking
    "my fitness tracker said no breathing detected last night but I'm fine, I think it's faulty",
    "my phone app keeps saying not breathing when I sleep, is that normal?",
    # a chest said fine, a swimmer's strokes, stroking a cheek
    "a box fell on my foot, the pain is all in my toes, my chest is okay",
    "the pain is in my knee, his chest is fine, he was only worried",
    "her swimming strokes looked really strong at the gala, now she has a sore ear",
    "the midwife told me to stroke his cheek so he turns to the breast, he's feeding fine",
    "I like to stroke the dog's ears when I'm anxious",
    # idioms and things
    "the fireworks made the whole crowd gasp, but my daughter only has a scraped elbow",
    "the generator keeps choking and stalling, can you send someone",
    "our team lost five nil, that's a blow to my pride, anyway I need a repeat prescription",
    "I burned the rice again and the kitchen is smoky, nobody is hurt",
    "that mountain pass is a suicide road, my son drives it every week, I want to ask about his headaches",
    "my aunt overdosed the curry with chilli, we laughed, but I'm phoning about my sore knee",
    "I have shingles, a strip of blisters on my side, it burns a bit",
    "the skin is all charred, I mean the chicken on the braai, sorry, my son has a rash",
    "my heart is broken, my boyfriend left me for my friend, I need someone to talk to",
    "the driver in front died in the crash, my cousin is sitting on the roadside, talking",
    "in March my mum had a fit and went to hospital, she is well now, I need her letter",
    "what should I do if my son, he is diabetic, has a fit at school? he is fine now",
]

# (text, the flag it is, a flag that must not come with it, child)
NOT_ALSO = [
    ("my dad isn't breathing, his chest isn't moving at all", "not_breathing", "unconscious", False),
    ("she has stopped breathing, nothing going in or out, her mouth just hanging open", "not_breathing", "stroke", None),
    ("his words are thick and his face is drooping on the right", "stroke", "anaphylaxis", False),
    ("found him with an empty pill bottle, he's very drowsy and can't talk properly", "overdose_poisoning", "choking", False),
    ("my colleague collapsed and is fitting, shaking, we put a folded jumper under her head", "seizure", "serious_injury",
     False),
    ("he banged his head on the kerb, he's vomiting and doesn't know where he is", "serious_injury", "stroke", None),
    ("the worker got weed killer sprayed in his face, he's drooling and sweating a lot", "overdose_poisoning", "stroke",
     False),
    ("im 28 wks pregnant and bleeding heavily, soaked my pants", "heavy_bleeding", "breathing_difficulty", False),
    ("I want to end my life, I have the pills in my bag", "suicidal", "overdose_poisoning", False),
    ("she says she wants to die and has the rat poison in her hand", "suicidal", "overdose_poisoning", False),
    ("Mwana wangu haasi kufema, the baby isn't breathing at all", "not_breathing", "child_danger_signs", True),
    ("my grandfather near Nakhon Sawan, his mouth droops and his words are wrong", "stroke", "seizure", False),
]

# the twins: the same words said of a person now still flag
TWINS = [
    ("she's taken the whole bottle of pills that was in her bag, she's drowsy", "overdose_poisoning", False),
    ("he drank the rat poison he had in his hand, he's vomiting", "overdose_poisoning", False),
    ("the baby's mouth is drooping on one side and she won't move her arm", "stroke", True),
    ("her face dropped on one side suddenly and she doesn't know where she is", "stroke", False),
    ("a piece of meat is stuck in his throat, he can't talk or breathe", "choking", False),
    ("she fell and hit her head, she was knocked out and now she's vomiting", "serious_injury", False),
    ("my watch says my heart is racing and my chest is crushing, the pain goes to my arm", "chest_pain", False),
    ("my sister swam too far and now she's not breathing", "not_breathing", False),
]


(test_the_sign_is_heard, test_the_look_alike_stays_quiet, test_the_sign_comes_without_its_look_alike,
 test_the_twin_still_flags) = turn_kind_tests(FLAGGED, QUIET, NOT_ALSO, TWINS)


@pytest.mark.parametrize("text", [
    "the builder fell down the open lift shaft on the fourth floor",
    "my son fell into an uncovered manhole by the road",
])
def test_a_fall_down_a_shaft_is_recorded(text):
    assert "fall_from_height" in find_mechanisms(text)
