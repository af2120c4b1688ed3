"""Red flags by kind of failure, third round: the kinds found by sorting every miss and false flag of the blind
set of author e (intake/corpus/blind_e_*.jsonl, spent on 2026-12-02), each fixed at the level of its concept.

Every sentence here was written for these tests, none copied from a corpus: passing them says a fix reaches
words it was not tuned on. Each kind has its emergencies and its benign look-alikes side by side.
"""

import pytest

from intake.red_flags import find_red_flags, prepare
from tests.support.red_flag_kinds import kind_tests

FOUND = [
    # A verb said twice is intensity: "bleeding and bleeding" is bleeding that does not stop.
    ("heavy_bleeding", "the blood is pouring and pouring out of her nose, I can't make it stop"),
    ("heavy_bleeding", "the cut on his shin has been bleeding and bleeding, and bleeding for an hour"),
    ("heavy_bleeding", "we've pressed on it but we can't get it to stop bleeding"),
    # A sign word one letter wrong, as a hurried texter or a phone line gives it.
    ("not_breathing", "shes not breatheing at all and her chest isnt movng"),
    ("unconscious", "my grandad is unconcious on the bathroom floor"),
    ("breathing_difficulty", "he cant breathe proprly and cant talk in sentenses"),
    # "Killing" said of a body part is literal pain.
    ("chest_pain", "my chest is absolutely killing me, it's like a weight"),
    ("chest_pain", "her chest has been killing her since lunch and she's clammy"),
    # A chemical splashed into the face or the eyes is a chemical burn.
    ("severe_burns", "oven cleaner sprayed into his eyes and he is screaming"),
    ("severe_burns", "acid from the car battery splashed all over her face"),
    # Limbs or a body "jumping" is a convulsion (Nigerian and Indian English).
    ("seizure", "his whole body is jumping and his eyes have gone up"),
    ("seizure", "her arms and legs are jumping and she is not answering me"),
    # Waking that has not happened yet ends nothing.
    ("seizure", "she had a seizure and then another one started before she came round"),
    # No reply to shaking and calling.
    ("unconscious", "we are shaking her and calling her name, no reply at all"),
    # Researching the means; "better if I was not around".
    ("suicidal", "I've been googling how to do it without it hurting"),
    ("suicidal", "everyone would be better off if I wasn't around, I've been reading up on ways to die"),
    # An unknown substance taken, now altered.
    ("overdose_poisoning", "my mate has taken way too much of something at the club and is totally confused"),
    ("overdose_poisoning", "he was spraying pesticide without a mask and now he is sweating, drooling and vomiting"),
    # Pregnancy: gestation said in number words; the bump is the belly; a birth a few days ago.
    ("pregnancy_emergency", "thirty-two weeks and I slipped in the bath, my bump has been sore and tight all the time since"),
    ("pregnancy_emergency", "she gave birth to her son two days ago and now she is bleeding a lot with big clots"),
    # Hinglish: everything comes back, the child is limp and slow.
    ("child_danger_signs", "mera beta sab kuch ulti kar deta hai, bilkul sust pada hai"),
    # Breathing: no breath left to talk with; lips a blue colour; not getting air.
    ("breathing_difficulty", "he is puffing hard and too breathless to answer me"),
    ("breathing_difficulty", "her lips have gone a blue colour"),
    ("breathing_difficulty", "he is not getting air properly, there's a whistling noise"),
    # Head injury: knocked oneself out; a spell of sleep and nonsense after a blow.
    ("serious_injury", "she knocked herself out on the shelf and keeps asking what happened"),
    ("serious_injury", "he banged his head on the pavement and was out for a minute, now he's talking rubbish and being sick"),
    # Idioms left alone still leave the real sign.
    ("chest_pain", "my chest is so tight I can't breathe"),
    ("stroke", "she suddenly lost her voice and her face has dropped on one side"),
    ("choking", "he coughed some of it up but he is still choking"),
    ("chest_pain", "the pain is going up into his jaw and his chest is heavy"),
]

NOT_FLAGGED = [
    # A repeat that is no sign.
    "she has been coughing and coughing all week with a cold",
    "he keeps sneezing and sneezing since we got the cat",
    # Real words one letter from a sign word.
    "I was cooking dinner and nicked my finger a little",
    "my son is in prison and I need his medication sent on",
    "I'm not aware of any allergies",
    "he is walking fine, it's his wrist that hurts",
    # A splash on clothes or hands.
    "a bit of bleach splashed on my jeans",
    # Jumping that is play, twitching that is an eyelid.
    "the kids are jumping on the bed and won't settle",
    "my eye keeps jumping when I'm tired",
    # Ways to do something else; no reply on a phone.
    "I've been looking at ways to lose weight before the wedding",
    "it would be better if I was there in person",
    # Things, not people, that "passed out" or are "poison"; a busy week that leaves no time to breathe.
    "my phone has fainted again, sorry, I was asking about my cough",
    "the atmosphere at work is absolute poison, I just need a sick note",
    "the rota is so packed I can barely breathe this week",
    # An adjective, not a heart; a voice lost to shouting.
    "what a heart-stopping finish to the race, anyway my knee is sore",
    "I've lost my voice from singing at the wedding",
    "his comeback really burned, anyway I need a repeat prescription",
    # Eyes itchy and puffy around an animal.
    "my eyes get puffy and watery around dogs, I'm allergic",
    # Small, not everything: a baby who brings up a little.
    "she brings up a little milk after each feed but she's growing well",
    # Breathless when anxious and settling; a seatbelt bruise; a choke coughed out.
    "I get breathless when I panic, it's calming down now",
    "my chest is bruised from the seatbelt but I'm fine otherwise",
    "he choked on a crisp but coughed it out and is fine",
    # Sitting up is no radiation; the prescription not got is no unconscious patient.
    "she's sitting up now but her arm hurts",
    "I couldn't get my prescription this week",
    # Everything is fine in Hinglish; a bump that itches; gestation said with "ago".
    "sab kuch theek hai, bas thoda khansi hai",
    "I'm thirty four weeks and my bump is itchy",
    "the toy is a blue coloured one",
    "this job is killing me",
]


test_each_kind_is_heard_in_new_words, test_look_alikes_of_each_kind_stay_unflagged = kind_tests(FOUND, NOT_FLAGGED)


def test_a_misspelt_sign_word_is_read_but_a_real_word_is_not():
    assert "breathing" in prepare("not breething")
    assert "cooking" in prepare("I was cooking")


@pytest.mark.parametrize("text", [
    "he can't get up off the floor, he says his knee is bad",  # getting up is no speech sign
    "my hands are shaking so much I can barely count",  # the caller's nerves, not a fit
    "I get a burning in my chest when I lie down after dinner, the antacid sorts it",  # heartburn after food
])
def test_what_a_call_answer_says_about_something_else(text):
    assert find_red_flags(text) == [], prepare(text)


def test_getting_words_out_is_still_speech():
    assert "stroke" in find_red_flags("he can't get his words out and his face looks odd")


def test_boiling_oil_over_arm_and_chest_in_taglish_is_a_severe_burn():
    assert "severe_burns" in find_red_flags("kumukulong mantika sa braso at dibdib niya, nagbabalat na")


def test_a_vehicle_that_struck_in_pidgin_word_order_is_a_mechanism_and_a_parked_car_is_not():
    from intake.red_flags import find_mechanisms

    assert "pedestrian_struck" in find_mechanisms("keke wey dey speed jam my brother for road")
    assert find_mechanisms("the car was parked and I walked into it") == []


def test_ako_is_a_first_person_answer_to_be_confirmed():
    from intake.understanding import parse_who

    assert parse_who("ako po") == "maybe_self"
    assert parse_who("the main road near the market") is None


def test_a_fall_down_the_stairs_of_a_high_place_is_no_fall_from_height():
    from intake.red_flags import find_mechanisms

    assert find_mechanisms("my niece slipped off the balcony steps and bumped her knee") == []
    assert "fall_from_height" in find_mechanisms("my niece slipped off the balcony")


def test_a_caller_with_their_own_cuts_is_not_corrected_to_someone_else_by_naming_a_driver():
    from intake.understanding import names_someone_else

    assert not names_someone_else("the man in the other car is badly hurt, I have bruises all down my legs")


@pytest.mark.parametrize("text, mechanism", [
    ("the biker came off on the bend and he's lying in the road", "road_traffic"),
    ("we were riding the keke home and a lorry pulled out and we both fell", "road_traffic"),
    ("both airbags went off and my wife is holding her neck", "road_traffic"),
    ("I came across a crash on the bypass, one man is sitting on the verge", "road_traffic"),
    ("she was knocked off her scooter by a taxi", "pedestrian_struck"),
    ("he tumbled down the lift shaft at the site", "fall_from_height"),
])
def test_a_mechanism_said_by_its_signs_and_riders(text, mechanism):
    from intake.red_flags import find_mechanisms

    assert mechanism in find_mechanisms(text)


@pytest.mark.parametrize("text", ["I stopped at the shop on the way home", "my son came off his skateboard and grazed his knee",
                                  "the car spun on the ice but we stopped safely"])
def test_no_mechanism_in_their_look_alikes(text):
    from intake.red_flags import find_mechanisms

    assert find_mechanisms(text) == []


def test_worn_out_beside_a_lethal_means_is_suicidal_but_beside_painkillers_is_not():
    assert "suicidal" in find_red_flags(
        "I've had the rope in the shed since Sunday and I keep going out to look at it, I can't keep going like this anymore")
    assert find_red_flags("I've got tablets for my back but I can't carry on like this with the pain, can I see someone") == []


@pytest.mark.parametrize(
    "text",
    ["I can't see his nail, it's dark and my phone torch has died",
     "sorry, my flashlight's gone dead so I can't look at her lips properly",
     "the car battery died so we can't drive him in, he's breathing fine",
     "my airtime is finished and the lamp has died, he cut his finger"],
)
def test_a_device_that_died_is_no_death(text):
    """Torches, batteries and cars "die" too: never CPR for a breathing patient."""
    assert "not_breathing" not in find_red_flags(text)


def test_someone_breathing_down_your_neck_is_an_idiom():
    """A boss or a deadline "breathing down my neck" is no breath and no pain spreading to the neck."""
    assert find_red_flags("the manager is always breathing down our necks, and now my back is sore from lifting") == []
    assert "chest_pain" in find_red_flags("the pain is going down his neck and into his left arm")
