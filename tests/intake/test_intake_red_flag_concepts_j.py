"""Red flags by kind of failure, eighth round: the kinds found by sorting every false flag and miss of the blind set of
author j (intake/corpus/blind_j_*.jsonl, spent on 2026-12-03, branch clin-j), each fixed at the level of its concept.

Every sentence here was written for these tests, none copied from a corpus: passing them says a fix reaches words it
was not tuned on. Each look-alike has the real sign beside it, said in new words, to show the fix did not take it; each
newly heard sign has a look-alike beside it. Misses that were only a missing word of another language (Bislama,
Jamaican) are left to intake/codeswitch.tsv.
"""

from intake.red_flags import find_red_flags
from tests.support.red_flag_kinds import kind_tests

FOUND = [
    # Beside the machine that "breathes" smoke: a person who stops.
    ("not_breathing", "my dad was in the smoky kitchen and now he has stopped breathing"),
    # Beside a small nick from a machete: a deep one.
    ("serious_injury", "he slipped with the machete and it went into his leg, it's deep and gaping"),
    # Beside heartburn the caller knows: a burning that spreads, or whose usual remedy fails.
    ("chest_pain", "there's a burning behind my breastbone and it's spreading down my left arm, I'm sweating"),
    ("chest_pain", "it's like a heavy weight on my chest, not like my usual heartburn at all"),
    # Beside limbs "dead" from work: a person who is.
    ("not_breathing", "my grandad is dead in his chair, he isn't breathing"),
    # Beside an attack the inhaler ended: one it did not.
    ("breathing_difficulty", "she's having an asthma attack and the inhaler isn't working, she can't get words out"),
    # Beside a bump with every red sign denied: one with them.
    ("serious_injury", "he banged his head on the shelf and he was knocked out, now he keeps being sick"),
    # Beside paper in a cut: bone.
    ("serious_injury", "there's something white in the gash on his shin, I think it's the bone"),
    # Beside a drunk who swears when nudged: one who cannot be roused.
    ("unconscious", "my brother passed out drunk and I can't wake him, he doesn't respond when I shake him"),
    # Beside a computer that is unresponsive: a person who is.
    ("unconscious", "my grandmother is unresponsive in her chair"),
    # Beside swollen wallets and allergic to meetings: the real reaction.
    ("anaphylaxis", "I'm allergic to peanuts and my lips are swollen and my throat feels tight"),
    # Beside killing weeds: killing oneself.
    ("suicidal", "I'm going to kill myself tonight, I've had enough"),
    # Beside an animal that ate poison: a child who did.
    ("overdose_poisoning", "my toddler ate some of the rat poison pellets from the shed"),
    # Beside someone else's past pregnancy fits: the caller's own, now.
    ("pregnancy_emergency", "I'm thirty weeks pregnant and I just had a fit"),
    # Beside a tantrum: a baby truly floppy.
    ("child_danger_signs", "my baby is floppy and won't feed"),
    # Beside a teenager who won't get up for school: someone who cannot be woken.
    ("unconscious", "I can't wake him up, he's not responding at all"),
    # Beside a wall that collapsed: a person who did.
    ("unconscious", "my workmate collapsed in the tunnel and he isn't moving or answering"),
    # Beside medicine given at the right dose: a bottle drunk.
    ("overdose_poisoning", "he's two and he drank a whole bottle of cough syrup"),
    # Misses. A breath check with a glass, spoon or screen at the nose or mouth that stays clear.
    ("not_breathing", "I held my glasses in front of her mouth and they didn't fog up at all"),
    ("not_breathing", "held a spoon under grandad's nose and it stayed completely clear"),
    # Watching the chest, told of as "it".
    ("not_breathing", "I've been looking at his chest for a couple of minutes and it hasn't moved"),
    # A self-correction: breathing, then stopped and nothing.
    ("not_breathing", "she was breathing ever so slowly, and now she's stopped, there's no breath at all"),
    # English with its final g dropped.
    ("not_breathing", "he ain't breathin' no more and he ain't movin'"),
    # "Same as last time" is now, not history.
    ("chest_pain", "it's just like last time with his angina, he's clutching his chest and says it's crushing"),
    # The present starting again after a dated aside.
    ("suicidal", "I lost the farm last year, and I'm sitting here with the shotgun and I want to end it"),
    # Recession without -ing, or "right in".
    ("child_danger_signs", "his chest pulls in under the ribs every breath, he's nine months"),
    ("breathing_difficulty", "she's breathing so fast and the skin at her neck sucks right in"),
    # A broken bone pressing up under the skin.
    ("serious_injury", "after the fall there's a jagged bit poking up under the skin of her shin"),
    # A deep burn from a heater: dark or white and hard, not felt.
    ("severe_burns", "she fell asleep against the radiator and the skin on her thigh has gone white and leathery"),
    # The end told as easier, by water or a bridge.
    ("suicidal", "it would be so much easier to just step off the bridge"),
    ("suicidal", "I'm parked by the river and I reckon it'd be easier to drive in"),
    # A pet given away, and nothing needed after a day.
    ("suicidal", "she gave her cat to her sister and says she won't need anything after tonight"),
    # A birth said "she give birth".
    ("pregnancy_emergency", "my wife she give birth this morning and the blood won't stop, she's dizzy and pale"),
]

NOT_FLAGGED = [
    # A machine (or a stage dragon) "breathing" smoke or fire.
    "the dragon on the float stopped breathing fire halfway through the parade, the kids were gutted",
    "the old tractor has stopped breathing black smoke since we changed the filter",
    # Heartburn the caller knows, after food, with the remedy that always works.
    "burning in my chest after the chilli, it's my usual indigestion, the gaviscon always helps",
    # Limbs "dead" from work.
    "my legs are dead after the marathon, I can barely get up the stairs",
    # An asthma attack the inhaler ended; the question is whether to see someone.
    "my son had an asthma attack at football, the blue inhaler worked and he's breathing normally, do we still need the GP",
    # A bump on the head with every red sign denied.
    "she bumped her head on the car door, she didn't black out, she's not dizzy or drowsy, only a small lump",
    # Something white in a cut that the caller knows is not bone.
    "there's something white in the wound on his knee but it's just cotton wool from the dressing",
    # Drunk, snoring and answering back: rousable.
    "my brother's passed out drunk after the wedding, snoring away, he told me to go away when I shook him",
    # A device that is unresponsive.
    "my laptop is unresponsive and the printer's not responding either, anyway I've got a sore throat",
    # Swollen and allergic as figures of speech.
    "my inbox is swollen with emails and I'm allergic to meetings, anyway my knee hurts",
    # Killing weeds or pests.
    "we need to kill the slugs before they eat all the lettuce",
    "I'm going to kill off the ants in the kitchen with that powder",
    # Someone else's animal that ate a poison.
    "my friend's dog ate a bar of chocolate yesterday, he's fine, I'm ringing about my rash",
    # Someone else's past pregnancy.
    "my sister had seizures during her pregnancy, I'm twelve weeks and I feel well, just nervous",
    # A tantrum.
    "she goes completely floppy on purpose when it's time to leave the park",
    # A teenager who won't get up for school.
    "I can't wake her for college in the mornings, she's seventeen and on her phone half the night",
    # A wall or roof that collapsed, not a person.
    "a wall in the tunnel collapsed overnight, nobody was under it, but my wrist is sore from digging",
    # A feverish child drinking and playing, medicine given.
    "she has a temperature of thirty-nine, she's two, she's eating and laughing, I gave her paracetamol at tea time",
    # A small cut from a machete that has stopped (set j's calls).
    "I nicked my thumb with the machete clearing the yard, only a small cut, it stopped bleeding",
    # Beside the newly heard signs: the same words with no sign.
    "she had a nosebleed, she's stopped now and there's nothing coming",
    "it would be easier to drive in tomorrow morning when the roads are clear",
    "we gave our dog to my mum because we're moving abroad, we won't need anything after the weekend",
    "he's been movin' furniture all day and his back's achin'",
    "the mould by the radiator has left a patch of the wall gone black and hard",
]


test_each_sign_beside_its_look_alike_is_heard, test_look_alikes_of_set_j_stay_unflagged = kind_tests(FOUND, NOT_FLAGGED)


def test_a_spreading_pain_leads_to_the_arm_or_jaw():
    assert "chest_pain" in find_red_flags("the pain in her chest is going down into her left arm")
    assert "chest_pain" in find_red_flags("a tight pain, it's moving up to his jaw")
    assert find_red_flags("our van went into the ditch and the driver died, my shoulder aches a bit") == []
