"""Red flags by kind of failure, second round: the kinds found by sorting every miss and false flag of the blind
set of author d (intake/corpus/blind_*.jsonl, spent on 2026-12-02), each fixed at the level of its concept.

Every sentence here was written for these tests, none copied from a corpus: passing them says a fix reaches
words it was not tuned on. Each kind has its emergencies and its benign look-alikes side by side.
"""

import pytest

from intake.red_flags import find_mechanisms, find_red_flags
from intake.scenarios import run_text
from intake.understanding import names_an_adult, parse_breathing
from tests.support.red_flag_kinds import kind_tests

FOUND = [
    # Apnoea said as stillness, or in its textbook words.
    ("not_breathing", "his tummy is completely still, I've been watching it for a minute"),
    ("not_breathing", "I'm looking at her chest and I can't see anything going up"),
    ("not_breathing", "the patient is apnoeic"),
    # Chest: a heavy thing resting on it; pain climbing into the jaw; a belt pulled tight round the body; on exertion.
    ("chest_pain", "he says it feels like a lorry is parked on his chest"),
    ("chest_pain", "there's a pressure that started low down and now it's creeping up into her jaw, the pain is awful"),
    ("chest_pain", "it's like a belt tightening around me and I'm grey and sweaty"),
    ("chest_pain", "I was on the rowing machine at the gym and got a heavy tightness in my chest that won't go"),
    # Stroke in textbook words.
    ("stroke", "sudden left-sided weakness and aphasia"),
    ("stroke", "she has a facial droop on the right"),
    # Breathing: the skin sucked in, a whistle on each breath, fast breathing with the work of breathing.
    ("breathing_difficulty", "you can see the skin between his ribs pulling in every time he breathes"),
    ("breathing_difficulty", "there's a high pitched noise every time she breathes in"),
    ("breathing_difficulty", "he's breathing so quickly and his nostrils are flaring"),
    # Choking in textbook words.
    ("choking", "foreign body obstructing the airway"),
    # Bleeding that keeps filling a mouth or a dressing; "a bit" said of something else in a long turn.
    ("heavy_bleeding", "since the extraction his mouth keeps filling up with blood"),
    ("heavy_bleeding", "I've changed the dressing eight times in the last hour"),
    ("heavy_bleeding", "the gash on his arm is bleeding heavily and he's gone a bit pale and quiet"),
    # Serious injury: bones said in the plural, something poking through the skin, a head blow across a question mark.
    ("serious_injury", "you can see his bones poking out of his shin"),
    ("serious_injury", "something sharp is poking out through the skin above her ankle"),
    ("serious_injury", "do you think he was knocked out? he can't remember how he got home"),
    ("serious_injury", "tumama ang ulo niya sa pader tapos nagsusuka siya"),
    # Unconscious with a verb between "not" and "conscious".
    ("unconscious", "he is not fully conscious since he fell"),
    ("unconscious", "she isn't regaining consciousness"),
    # Suicidal: a plan to jump from a height; a burden with a means at hand; an overdose said to be deliberate.
    ("suicidal", "my son is on the railing of the flyover and says he's going to jump"),
    ("suicidal", "she told me she will jump if anyone comes near, she's on the balcony"),
    ("suicidal", "I'm at the railway tracks, it'd be better for my family without me"),
    ("suicidal", "deliberate overdose of her sleeping tablets"),
    ("suicidal", "she says she wants to go to sleep and never wake up, she has her pills with her"),
    ("suicidal", "he's taken the lot and plans to go to sleep and not wake up"),
    # Poisoning: a child who got into medicine or a chemical, a capsule bitten.
    ("overdose_poisoning", "the little one has been into my handbag and chewed some of my pills"),
    ("overdose_poisoning", "she bit into one of the washing capsules, there's gel in her mouth"),
    # Pregnancy said as weeks in two words, a big belly, or its textbook words.
    ("pregnancy_emergency", "I'm around thirty-one weeks and I'm bleeding heavily"),
    ("pregnancy_emergency", "she's at twenty eight weeks and she just had a fit"),
    ("pregnancy_emergency", "antepartum haemorrhage, heavy, ongoing"),
    # Child danger signs: milk refused, cannot stay awake, whatever he drinks comes back, a convulsing child.
    ("child_danger_signs", "she's five months and she won't take any formula today"),
    ("child_danger_signs", "my toddler keeps nodding off, even in the middle of his dinner"),
    ("child_danger_signs", "whatever he drinks comes straight back up"),
    ("child_danger_signs", "my baby girl is fitting"),
    # Burns: the whole back is the back.
    ("severe_burns", "the boiling water went all down his back"),
    # A belief corrected by the sign itself: the sign is current.
    ("not_breathing", "we thought she was just asleep, but she's not breathing"),
    ("chest_pain", "I thought it was indigestion but now there's a crushing pain in my chest"),
]



NOT_FLAGGED = [
    # Stillness and "still" that is not apnoea.
    "my tummy is still sore from the operation",
    "mera bhai apne kamre mein so raha hai, he has a cold",  # Hindi "apne" (own) is not apnoea
    "his chest is still a bit tight from the cold, he's breathing fine",
    # Chest words beside a gym, a car, a jaw that has a cause.
    "I pulled a muscle in my chest doing bench press at the gym",
    "my son parked his car on my lawn again",
    "my jaw has ached since the dentist pulled my tooth",
    # Noses, offices and fast breathing with a reason.
    "my nose whistles when I breathe through it",
    "the air in this flat is stifling in summer",
    "he's breathing fast because he just ran up the stairs, he's fine now",
    # Counts, changes and a bit of something that are not bleeding.
    "I changed the baby's nappy five times today",
    "a little bit of blood on the tissue when I blew my nose",
    # Something poking through that is not a bone; a bump with nothing after it.
    "her new tooth is poking through the gum",
    "he bumped his head on the cupboard, he remembers everything and he's playing",
    # Jumps and bridges that are not a plan.
    "the kids were jumping off the wall into the pool all afternoon",
    "we drove over the bridge and it'd be better for everyone if the council fixed the potholes",
    "I'm going to sleep now and hope I wake up feeling better",
    # Poisoning look-alikes: things got into, doses that are normal, a reading, wind.
    "the cat got into the washing machine but she's fine",
    "I took my usual dose of insulin and my sugar is around twelve",
    "bloating and gas after dinner, nothing else",
    # Pregnancy words that are a baby's age.
    "my son is about ten weeks old and has a runny nose",
    # Children who fall asleep or get back up.
    "the baby fell asleep on the way home and I put her in the cot",
    "he got straight back up after falling off the swing and ran off",
    "he hasn't taken anything, I've checked the medicine cupboard",
    # Burns that are small.
    "she touched the iron, a small red mark on the back of her hand",
    "tiny blister on my finger from the oven tray",
    # Someone else's past, an earlier day, a condition since long ago, a question where the line is.
    "my dad had a heart attack at my age so I'm getting my cholesterol checked",
    "my brother collapsed last Saturday but he's home now, I'm calling about my cough",
    "she has had seizures ever since her brain injury and takes her tablets",
    "how much bleeding is too much after a tooth extraction?",
    # Over: eating again, a bleed that stop (said in the present).
    "he choked on a grape, I did back blows, now he is eating again",
    "the nose bleed was heavy but now it stop, he is ok",
    # Idioms: knocked out by tablets, bleeding money, a midwife not answering.
    "I'm knocked out by these hay fever tablets",
    "we're bleeding money on this renovation",
    "the midwife is not answering her phone, I just want to ask about my appointment",
]


test_each_kind_is_heard_in_new_words, test_look_alikes_of_each_kind_stay_unflagged = kind_tests(FOUND, NOT_FLAGGED)


def test_a_small_burn_is_not_a_severe_burn_but_a_large_one_is():
    assert "severe_burns" not in find_red_flags("he burnt his hand on the kettle, one small red patch")
    assert "severe_burns" in find_red_flags("he burnt his hand on the kettle, the whole hand and arm are blistered")


def test_going_to_sleep_and_not_waking_is_an_intent_not_an_unconscious_patient():
    assert "unconscious" not in find_red_flags("I've had all my tablets and I'm going to sleep and not wake up")


def test_a_known_adult_is_not_given_the_childs_danger_signs_for_a_fit():
    assert find_red_flags("my son is fitting", child=False) == ["seizure"]
    assert "child_danger_signs" in find_red_flags("he is fitting", child=True)


@pytest.mark.parametrize("answer", ["I tipped her head back and there's still nothing", "no change, nothing",
                                    "we did that but nothing is happening"])
def test_nothing_after_repositioning_is_still_not_breathing(answer):
    assert parse_breathing(answer) == "no"


def test_nothing_wrong_is_not_apnoea():
    assert parse_breathing("yes, there's nothing wrong with his breathing") == "yes"


@pytest.mark.parametrize("text, mechanism", [
    ("his bike skidded on the gravel at the roundabout", "road_traffic"),
    ("the keke skidded off into the gutter", "road_traffic"),
    ("the taxi went off the road into a ditch", "road_traffic"),
    ("he dropped from the top of the coconut tree", "fall_from_height"),
    ("she came off the roof of the shed", "fall_from_height"),
])
def test_a_mechanism_in_its_other_verbs(text, mechanism):
    assert mechanism in find_mechanisms(text)


@pytest.mark.parametrize("text", ["I just came off the phone to the window cleaner", "I came off the night shift"])
def test_coming_off_a_call_or_a_shift_is_no_mechanism(text):
    assert find_mechanisms(text) == []


@pytest.mark.parametrize("who, adult", [("my grandad", True), ("my mother in law", True), ("my wife", True),
                                        ("my grandson", False), ("my husband's little boy", False), ("a girl", False)])
def test_a_patient_named_as_a_grown_up(who, adult):
    assert names_an_adult(who) is adult


def _call(who: str, complaint: str, **answers: str) -> dict:
    return run_text({"id": "t", "caller": "+447700900001", "default": "I don't know",
                     "answers": {"who": who, "complaint": complaint, "duration": "an hour", "severity": "I don't know",
                                 "medications": "none", "allergies": "none", "photo": "no thanks", **answers}})


def test_a_grandfather_too_weak_to_stand_gets_start_not_the_childs_danger_signs():
    record = _call("my grandfather", "he's had a fever and he's so weak he can't get up off the sofa", age="seventy-nine",
                   walk="no", breathing="yes", resp_count="six", perfusion="yes", pulse="yes",
                   commands="yes he does what I ask")
    assert record["red_flags"] == []
    assert record["start_category"] == "YELLOW"


def test_still_nothing_after_the_airway_is_opened_is_black_with_cpr_words():
    record = _call("a woman on the pavement, I don't know her", "she was knocked down by a van and she's not moving",
                   age="about forty", walk="no", breathing="no", reposition="I did the head tilt, still nothing")
    assert record["start_category"] == "BLACK"


def test_a_small_scald_on_a_walking_child_is_green():
    record = _call("my daughter", "she splashed hot tea on her wrist, a small pink patch, she's upset", age="nine",
                   walk="yes")
    assert (record["red_flags"], record["start_category"]) == ([], "GREEN")
