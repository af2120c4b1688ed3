"""Look-alikes of each red flag, written for this file (no corpus line): the words of a sign said of a film, a game,
a device, an animal, a plant, history, someone else, a hypothetical or a clinician's examination raise nothing; the
real sign said plainly, beside them, is still found. Run with the learned reader on, as the service runs."""

import pytest

from intake.red_flags import find_red_flags

BENIGN = {
    "not_breathing": [
        'my phone died in the middle of the call, sorry, the battery is flat',
        'the film ends with the hero not breathing under the ice, it gave me nightmares',
        'our fish stopped breathing in the tank this morning, the kids are upset',
        'in the game your character stops breathing if you stay underwater too long',
        "my grandad stopped breathing in his sleep years ago, I'm calling about my own cough",
        'what do I do if he ever stops breathing, he has sleep apnoea and snores',
        "I held my breath for a minute at swimming and felt dizzy after, I'm fine now",
    ],
    "chest_pain": [
        'the nurse listened to her chest and said it sounds clear, she just has a cold',
        "my heart was pounding before the interview, it's calmed down now",
        'the bench press gave me a sore chest, it only hurts when I push on the muscle',
        'my old phone has a heavy weight to it, I dropped it on my foot',
        "my dad had a heart attack in 2015, I'm ringing about my sore throat",
        "that horror film made my heart race but I'm okay",
        "the physio pressed on my ribs and said it's just a bruise from the fall",
    ],
    "stroke": [
        'what a stroke of luck, I found my inhaler in the car',
        "the swimmer's stroke technique hurt her shoulder a bit",
        'my grandmother had a stroke five years ago and walks with a stick now',
        "the cat's face looks lopsided because of a swollen bite",
        'my dentist injection has made one side of my mouth numb and droopy',
        "in the video game his avatar's arm went limp after the hit",
        "my toddler's speech is slurred because he has a dummy in his mouth all day",
        "there's a bit of blood round his mouth since he fell off the bench",  # he fell: his face has not
    ],
    "breathing_difficulty": [
        'my boss is breathing down my neck about the deadline',
        'the new flat is so small I can hardly breathe, we need to move',
        'I was out of breath after running for the bus but it settled in a minute',
        'the dog pants a lot in this heat, is that normal for a pug',
        "my son's asthma used to be bad when he was a baby, he's fine these years",
        "he is breathing fine, it's his ankle that hurts",
        'the guitar amp is wheezing and buzzing again',
    ],
    "choking": [
        'our team choked in the final again',
        'the traffic on the ring road is choking the whole town',
        'he choked on his words during the wedding speech, it was sweet',
        'the weeds are choking my tomatoes',
        'she coughed a crumb up straight away and is laughing now',
        'the cat is choking up a hairball, it does this every week',
        'I nearly choked laughing at that comedy show',
    ],
    "heavy_bleeding": [
        'the red paint is pouring out of the tin all over the garage floor',
        'my nose bled for a minute this morning and stopped on its own',
        "the film had so much blood pouring everywhere I couldn't watch",
        "the company is bleeding money and I'm stressed",
        'I cut my finger on a page, just a tiny drop of blood',
        'the butcher says the meat was bleeding all over the counter',
        'my period is a bit heavier than usual but nothing soaking through',
    ],
    "serious_injury": [
        'my laptop screen is broken and the glass is sticking out',
        'he broke his arm skiing last winter, it has healed',
        'in the war film a soldier had a bone sticking out, it was horrible',
        'the car got a deep dent when the trolley hit it',
        "my son fell off the sofa, he's running around laughing, no bump",
        'the fence post broke in the storm and is sticking out into the road',
        "the dog hurt his paw on a nail, we're taking him to the vet",
    ],
    "severe_burns": [
        'I burned the toast and the smoke alarm went off',
        "I got a bit sunburnt at the beach, it's pink and itchy",
        "this curry is burning my mouth, it's so spicy",
        'the burned-out car on our street has been there a week',
        "I'm burnt out from work and can't sleep",
        "my grandad was badly burned in the war, he's ninety now",
        'I touched the iron for a second, a small red mark, no blister',
    ],
    "seizure": [
        'my laptop froze and the screen kept shaking and flickering',
        'the washing machine is shaking the whole kitchen on spin',
        'she had fits of laughter all through the film',
        'the engine seized up on the motorway and we got towed',
        'he had a seizure as a child but none since he was five',
        "my hands shake a little when I've had too much coffee",
        'the bailiffs came to seize the car this morning',
    ],
    "unconscious": [
        'the boxer in the film was knocked out cold in round one',
        "my phone is unresponsive and won't turn on",
        "he's not answering because he's at work, can you text him",
        "my teenage son won't wake up for school, he was gaming till three",
        "he has a sore throat and I can't get him to drink anything",
        "I can't get her to take her tablets, she spits them out",
        "we couldn't get him to eat his dinner, he says his tummy hurts",
        "the drunk guy at the bus stop is talking back to me, he's just loud",
        'my grandad fainted once in the heat years ago',
    ],
    "anaphylaxis": [
        'my lips are swollen from the filler at the clinic yesterday',
        "I'm allergic to cats, my eyes get itchy and I sneeze",
        'the bee sting on my arm is red and a bit swollen, I can breathe fine',
        'my tongue is sore because I bit it eating',
        "he's allergic to homework, he says",
        'she had a peanut reaction as a toddler but has grown out of it',
        "the dog's face swelled up after a wasp sting, we are at the vet",
    ],
    "suicidal": [
        "I'm dying to see the new film this weekend",
        "this heat is killing me, I can't sleep",
        'I could kill my brother for eating my lunch',
        'my phone is dead and I want to end this contract',
        'I gave away my old clothes to the charity shop',
        'she left a note for the milkman to skip tomorrow',
        "the character in the book wanted to jump off the bridge but didn't, it was a good ending",
    ],
    "overdose_poisoning": [
        'I took two paracetamol for my headache like the box says',
        'the weed killer I sprayed on the path worked really well',
        "the dog ate some chocolate yesterday, the vet said he's fine",
        "I think I had food poisoning from the takeaway, it's settled now",
        'my daughter swallowed a bit of toothpaste while brushing',
        'the film was about a poisoner in the eighteen hundreds',
        'I forgot my blood pressure tablet yesterday, should I take two today',
    ],
    "pregnancy_emergency": [
        'my sister is pregnant and feeling great',
        'when I was pregnant with my first I had bad back pain',
        'our cow is giving birth in the barn tonight',
        "I'm twelve weeks pregnant and a bit tired, is that normal",
        "the midwife says the baby's head is down, I'm thirty six weeks",
        'my wife is expecting and we want to book the scan',
        "my friend had a miscarriage last year, I'm calling about my cold",
    ],
    "child_danger_signs": [
        'my toddler is floppy with tiredness after the party but drinking and playing',
        'the baby was sick once after her feed then fed fine',
        "my son has a fever but he's watching cartoons and eating toast",
        "my daughter's doll is floppy because the stuffing came out",
        'he sleeps a lot since the growth spurt but wakes easily for meals',
        'the puppy is floppy and sleepy after the vaccine',
        "my niece had a febrile fit two years ago, she's fine",
    ],
}

REAL = {
    "not_breathing": [
        "he has collapsed and there's no breath coming out of him at all",
        "she's gone grey and her chest isn't moving, I can't hear any breathing",
        "my husband isn't breathing, he just fell off the chair",
    ],
    "chest_pain": [
        "there's a heavy crushing feeling in the middle of my chest and it's going down my left arm",
        'my dad is clutching his chest, sweating and grey',
        'it feels like someone is sitting on my chest',
    ],
    "stroke": [
        "her face has dropped on one side and she can't lift her left arm",
        "suddenly his speech is slurred and he can't find his words",
        "mum's mouth is droopy on the right and her arm is weak",
        "she fell over in the kitchen and now her mouth has fallen on one side",
    ],
    "breathing_difficulty": [
        'he can only say a couple of words between breaths',
        'she is gasping for air and her lips are going blue',
        "his inhaler isn't working and he's really struggling to breathe",
    ],
    "choking": [
        "my son has a grape stuck in his throat and can't breathe",
        "she was eating and now she's choking and can't cough",
        "something is stuck in his throat, he's clutching his neck and going red",
    ],
    "heavy_bleeding": [
        "the blood is pouring out of his leg and won't stop",
        "he cut his arm on glass and it's spurting blood everywhere",
        'the towel is soaked through with blood already',
    ],
    "serious_injury": [
        "he fell off the ladder and hit his head, now he's confused and being sick",
        'her leg is broken and the bone is sticking out of the skin',
        'he was knocked out for a minute after the crash',
    ],
    "severe_burns": [
        'boiling water went all over her chest and arm, the skin is peeling off',
        "his hand is badly burned, the skin's gone white and leathery",
        'she got burned in the kitchen fire and her face is blackened',
    ],
    "seizure": [
        "she's shaking all over on the floor and not responding",
        "he's having a fit right now and it's been going five minutes",
        'my son is jerking and his eyes have rolled back',
    ],
    "unconscious": [
        "he collapsed and won't wake up no matter what I do",
        "she's lying there and not responding when I shout her name",
        'my dad is unconscious on the kitchen floor',
        "I can't get him to wake up, he's just lying there",
        "we can't get her to respond, we've shaken her",
    ],
    "anaphylaxis": [
        'after the peanut her lips and tongue are swelling up',
        'he got stung by a bee and his throat is closing up',
        "her face is swelling after the new antibiotic and she's wheezing",
    ],
    "suicidal": [
        'I want to kill myself tonight',
        "my brother texted goodbye and said he's going to end it all",
        "I don't want to live anymore and I've got the pills here",
    ],
    "overdose_poisoning": [
        "he's taken a whole packet of paracetamol on purpose",
        'my toddler drank some bleach from under the sink',
        'she swallowed all of her sleeping tablets',
    ],
    "pregnancy_emergency": [
        "I'm thirty weeks pregnant and bleeding heavily",
        'my wife is pregnant and having a fit',
        "I'm pregnant and the pain in my belly is unbearable",
    ],
    "child_danger_signs": [
        "my baby is floppy and won't wake up properly to feed",
        "the baby's skin is sucking in under his ribs with every breath",
        'my toddler is vomiting everything, even water',
    ],
}


@pytest.mark.parametrize(("flag", "text"), [(f, t) for f, ts in BENIGN.items() for t in ts])
def test_a_look_alike_of_each_flag_raises_nothing(flag, text):
    assert find_red_flags(text) == []


@pytest.mark.parametrize(("flag", "text"), [(f, t) for f, ts in REAL.items() for t in ts])
def test_the_real_sign_beside_them_is_found(flag, text):
    assert flag in find_red_flags(text)


def test_every_flag_has_six_look_alikes_and_three_real_signs():
    assert set(BENIGN) == set(REAL) and len(BENIGN) == 15
    assert all(len(v) >= 6 for v in BENIGN.values()) and all(len(v) >= 3 for v in REAL.values())


@pytest.mark.parametrize("text", [
    "the doctor pressed on my chest and said it's only a strained muscle",
    "the paramedic had a listen to his chest and said his lungs are clear",
])
def test_a_clinicians_examination_of_the_chest_is_not_chest_pain(text):
    assert find_red_flags(text) == []


def test_the_chest_pain_said_after_an_examination_still_counts():
    assert "chest_pain" in find_red_flags("the GP pressed on my chest last week, but now there's a crushing pain going into my jaw")


@pytest.mark.parametrize("text", [
    "my chest isn't sore at all, it's my elbow that hurts",  # the rules read the denial: the reader may not undo it
    "I strained my chest doing bench press yesterday",  # an explanation the chest rule holds to
    "my face is aching on one side from the dentist",  # a face, a side and an explanation: no drooping
    "I'm thirty two weeks and my feet are a bit puffy",  # the pregnancy alone is the required context
    "I'm going to end things with my boyfriend this weekend",  # the frame of a blanked idiom
])
def test_the_learned_reader_does_not_overrule_what_the_rules_read(text):
    assert find_red_flags(text) == []


@pytest.mark.parametrize(("text", "flag"), [
    ("in the film a man stops breathing, and now my dad isn't breathing either", "not_breathing"),
    ("we were watching a film when she had a fit, she's still shaking all over", "seizure"),
])
def test_a_film_does_not_hide_the_callers_own_present(text, flag):
    assert flag in find_red_flags(text)


@pytest.mark.parametrize("text", [
    "my son can't breathe, he's not moving at all",
    "she can't get any air and she's gone limp on the floor",
    "pikinini blong mi hem i no save pulum win, hem i no muv",  # Bislama: cannot pull breath, does not move
])
def test_cannot_breathe_in_a_body_that_does_not_move_takes_the_urgent_branch(text):
    # SAFETY.md: the unclear is never resolved toward the milder branch; a caller who says it of himself is breathing.
    assert "not_breathing" in find_red_flags(text, learned=False)


@pytest.mark.parametrize("text", [
    "I can't breathe and I'm not moving much because of my back",
    "papa blong mi i no save pulum win, hem i sidaon",  # sitting up, struggling: breathing difficulty only
])
def test_cannot_breathe_said_of_oneself_or_of_someone_sitting_up_is_not_apnoea(text):
    assert "not_breathing" not in find_red_flags(text)


@pytest.mark.parametrize("text", [
    "she can't get her breath, she's gasping and leaning on the table",
    "Mum can't get her breath back after the stairs",
    "I can't get my breath since this morning",
    "he's choking on a grape, he can't get a breath in",
])
def test_cannot_get_ones_breath_is_breathlessness_not_apnoea(text):
    """"Can't get her breath" is a caller's word for fighting for air: breathing-difficulty advice, not CPR."""
    flags = find_red_flags(text)
    assert flags and "not_breathing" not in flags


@pytest.mark.parametrize("text", [
    "I can't get a pulse and he isn't moving",
    "we couldn't get a heartbeat on her",
])
def test_cannot_get_a_pulse_is_still_no_pulse(text):
    assert "not_breathing" in find_red_flags(text)


@pytest.mark.parametrize("text", [
    "she had a bad cough last night but the throat spray sorted it",
    "he had the sniffles so I gave him his nasal spray and he's fine",
    "I had a tight chest earlier but the spray from the chemist helped",
])
def test_a_medicine_spray_is_no_poison(text):
    assert "overdose_poisoning" not in find_red_flags(text)


@pytest.mark.parametrize("text", [
    "my son drank the spray we use on the tomatoes, he is vomiting",
    "the toddler swallowed some fly spray from the shelf",
    "he had a mouthful of the mosquito spray, he's drooling and sweating",
])
def test_a_poisonous_spray_taken_is_still_poisoning(text):
    assert "overdose_poisoning" in find_red_flags(text)


@pytest.mark.parametrize("text", [
    "my baby stopped breathing in her sleep and she is blue",
    "he stopped breathing in his sleep and now he is limp and not waking",
    "grandad stopped breathing at night and he's cold and grey",
])
def test_stopped_breathing_in_sleep_with_a_sign_now_is_not_breathing(text):
    """Sleep apnoea's pauses are blanked as a look-alike; a patient found blue, limp or cold after one is not that."""
    assert "not_breathing" in find_red_flags(text)


@pytest.mark.parametrize("text", [
    "my baby stopped breathing for a few seconds in her sleep, now she is fine and feeding",
    "she stops breathing in her sleep sometimes, the doctor said it is sleep apnoea",
])
def test_pauses_in_sleep_with_the_patient_well_now_are_no_flag(text):
    assert "not_breathing" not in find_red_flags(text)


@pytest.mark.parametrize("text", [
    "he won't come to the phone, he's embarrassed about his rash",
    "she will not come to the door, she is sulking about her sore knee",
    "the doctor said it's apnoea, he snores a lot and has a cold now",
    "my husband was diagnosed with sleep apnoea, today he has a sore throat",
    "I hope the baby doesn't wake up while I talk, she has a rash",
    "I am whispering, I hope my son does not wake, he has an earache",
    "hopefully my little one won't wake up, she has a cough",
    "I hope he doesn't wake up, he's been crying all night with his ear",
])
def test_coming_to_a_place_a_diagnosis_and_a_sleeper_left_to_sleep_are_no_flag(text):
    """"Come to" is regaining consciousness only without a place after it; apnoea named as a diagnosis is no pause
    now; a sleeper the caller hopes will not wake is asleep."""
    assert find_red_flags(text) == []


@pytest.mark.parametrize(("text", "flag"), [
    ("he won't come to, he's just lying there", "unconscious"),
    ("she did not come to for five minutes", "unconscious"),
    ("he won't come to the door, he's lying on the floor not moving", "unconscious"),
    ("I shook him and he does not wake", "unconscious"),
    ("he's having an apnoea now, not breathing", "not_breathing"),
])
def test_not_coming_round_and_apnoea_now_are_still_found(text, flag):
    assert flag in find_red_flags(text)


def test_tablets_taken_so_as_not_to_wake_stay_suicidal():
    assert "suicidal" in find_red_flags("my flatmate took all her tablets so she won't wake up")


@pytest.mark.parametrize("text", [
    "I hope I don't wake up tomorrow, I can't do this any more",
    "she said she hopes she never wakes up",
    "she keeps saying she wishes she would not wake up",
    "I pray I don't wake up again",
])
def test_a_wish_not_to_wake_said_of_oneself_is_suicidal_not_unconscious(text):
    """A hope not to wake, the hoper's own, is a wish to die; a sleeper hoped to sleep on (above) is nothing."""
    assert find_red_flags(text) == ["suicidal"]


@pytest.mark.parametrize("text", [
    "she's on blood thinners for her heart and has a sore throat",
    "he takes tablets for his heart, today his ankle hurts",
    "he has tablets for his heart and a sore knee",
])
def test_a_treatment_for_the_heart_beside_another_pain_is_no_chest_pain(text):
    assert find_red_flags(text) == []


@pytest.mark.parametrize("text", [
    "he takes pills for his heart and now his chest is hurting badly",
    "he has medicine for his heart, and his heart is hurting now",
    "he has pills for his heart and the pain is going down his left arm",
])
def test_chest_pain_beside_a_treatment_for_the_heart_is_still_found(text):
    assert "chest_pain" in find_red_flags(text)


@pytest.mark.parametrize("text", [
    "he took too many of his blood thinners, like ten of them",
    "my toddler got into the blood thinners, some are missing",
])
def test_blood_thinners_taken_too_many_are_an_overdose(text):
    """"Blood thinners" is a medicine's name, not blood: it was blanked with "blood pressure" and hid the overdose."""
    assert "overdose_poisoning" in find_red_flags(text)
