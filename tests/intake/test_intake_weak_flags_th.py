"""The three weakest flags on every outside author (suicidal, overdose_poisoning, pregnancy_emergency), by kind: a
present overdose told after an old one, a farewell with and without a journey, someone else's threat, medicines the
tables did not know, a bed soaked red after a birth, and a birth told in Pidgin or Hinglish.

Every sentence here was written for these tests; the corpus's th- lines (intake/corpus/utterances.jsonl) are other
wordings of the same kinds.
"""

import pytest

from intake.red_flags import find_red_flags

OVERDOSE_NOW_AFTER_AN_OLD_ONE = [
    "he overdosed twice when he was at uni and tonight he swallowed the entire packet of his sleeping pills",
    "she took an OD in 2021, and about an hour ago she necked a whole strip",
    "she's on antidepressants, she had a bad week and she's just taken a full strip of them",
    "my son's had overdoses before, today he's taken the whole box",
]

OVERDOSE_KINDS = [
    "my flatmate took about 25 of her ritalin and she's shaking and sweating",  # a medicine the table did not know
    "he's got two fentanyl patches on and drank a bottle of rum, his breathing is very slow",
    "someone put something in my drink at the club, I can hardly stand",
    "my son's been huffing loads of deodorant in his room and now he's jerking on the floor",
]

OVERDOSE_LOOKALIKES = [
    "I drank a whole bottle of water after my run and I still have a headache",
    "the kids ate a whole packet of biscuits and now they're hyper",
    "she took a whole box of cereal to school",
    "I overdosed on pizza at the weekend, my stomach is a bit off",
    "he took an overdose years ago, he's fine now, he's calling about his knee",
]

FAREWELLS = [
    "my mum video called me from Accra to say goodbye and now nobody can reach her",
    "he phoned me at 5 this morning just to say goodbye and now his phone is off",
    "she messaged me to say bye forever",
]

FAREWELL_LOOKALIKES = [
    "she called to say goodbye before her cruise, I'm calling about my own sore throat",
    "my son rang to say goodbye, he's off to university on Monday, I've got a bad cough",
    "he texted us to say goodbye before the flight to Lagos, and now I've twisted my ankle",
]

SOMEONE_ELSES_THREAT = [
    "my wife wants to kill me when she sees the car, anyway I've hurt my wrist",
    "this pain wan kill me o, my knee dey swell",
    "my boss wants to murder us for missing the deadline, I've got a sore throat",
]

PREGNANCY = [
    "I gave birth on Tuesday and the mattress is soaked red",
    "I'm 32 weeks and my pyjamas are soaked red",
    "she born two days ago, she dey bleed well well and she dey weak",
    "baccha hone ke baad bahut khoon ja raha hai",
    "I'm 24 weeks pregnant and my waters have gone, they were brown",
    "I'm 35 weeks and the baby has gone really still since last night",
]

PREGNANCY_LOOKALIKES = [
    "I'm 30 weeks and my nightie is soaked with sweat every night",
    "she was born in 1990 and she has a sore throat",
    "I'm 33 weeks and the baby is kicking loads, just asking about my heartburn",
]


@pytest.mark.parametrize("text", OVERDOSE_NOW_AFTER_AN_OLD_ONE + OVERDOSE_KINDS)
def test_an_overdose_now_is_found_whatever_was_before_it(text):
    assert "overdose_poisoning" in find_red_flags(text)


@pytest.mark.parametrize("text", OVERDOSE_LOOKALIKES)
def test_a_whole_pack_of_food_or_an_old_overdose_is_no_poisoning(text):
    assert "overdose_poisoning" not in find_red_flags(text)


@pytest.mark.parametrize("text", FAREWELLS)
def test_a_goodbye_rung_or_texted_with_no_journey_is_suicidal(text):
    assert "suicidal" in find_red_flags(text)


@pytest.mark.parametrize("text", FAREWELL_LOOKALIKES + SOMEONE_ELSES_THREAT)
def test_a_goodbye_before_a_journey_or_someone_elses_threat_is_not(text):
    assert "suicidal" not in find_red_flags(text)


def test_a_threat_to_others_and_then_oneself_is_still_suicidal():
    assert "suicidal" in find_red_flags("he says he wants to kill me and then himself, he has a gun")


@pytest.mark.parametrize("text", PREGNANCY)
def test_a_danger_sign_in_pregnancy_or_after_a_birth(text):
    assert "pregnancy_emergency" in find_red_flags(text)


@pytest.mark.parametrize("text", PREGNANCY_LOOKALIKES)
def test_pregnancy_with_no_danger_sign(text):
    assert "pregnancy_emergency" not in find_red_flags(text)


# After a birth, bleeding said to be getting lighter or easing is the normal loss of the weeks after it (SAFETY.md:
# heavy bleeding). "Light", "a little" or "brown" before the word stays flagged: that veto cost a held-out pregnancy
# emergency (set r, scored in aggregate only).
SETTLING_AFTER_A_BIRTH = [
    "six days postpartum and the bleeding is light now, is that normal",
    "I had my baby 5 days ago and the bleeding is getting lighter",
    "c-section three weeks ago, just brown spotting and getting less",
    "she gave birth on Sunday, the bleeding is only slight now, she wants to ask about feeding",
]
STILL_HEAVY_AFTER_A_BIRTH = [
    "I delivered 3 days ago and the bleeding is not getting lighter, I'm soaking a pad every hour",
    "pregnant, light bleeding and a terrible pain in her belly",
    "she had the baby yesterday and blood is pouring out of her",
]


@pytest.mark.parametrize("text", SETTLING_AFTER_A_BIRTH)
def test_light_or_easing_bleeding_after_a_birth_is_no_pregnancy_emergency(text):
    assert "pregnancy_emergency" not in find_red_flags(text)


@pytest.mark.parametrize("text", STILL_HEAVY_AFTER_A_BIRTH)
def test_heavy_bleeding_or_pain_after_a_birth_still_is(text):
    assert "pregnancy_emergency" in find_red_flags(text)
