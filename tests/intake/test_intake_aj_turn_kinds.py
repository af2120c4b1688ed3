"""Kinds of telling spent set aj's author (East and Southeast Asian callers and their diasporas) showed the rules misread
in single turns: the team's own paraphrases, not set aj's lines, in several voices, each kind with look-alikes that
must stay unflagged.

Missed emergencies:
- a texted run-on with no commas, the sign first and a date after a new subject ("... wont stop 20 mins her meds
  finish last month"): the date is the meds', not the fit's;
- a means of self-harm (charcoal, a rope, pesticide) beside "not coming home" (its ordinary tails, "till late", "for
  dinner", "this weekend", excluded as for "not coming back");
- medicines or a household poison swallowed by someone who "thought they were sweets" (candy, juice, water);
- a herbal remedy (aconite, fuzi, phu tu, a home-made brew) taken, then a numb or tingling mouth or limbs, a heart gone
  funny, vomiting;
- a pregnancy told by its weeks alone with a belly pain "like being stabbed" (a likeness, read as a stabbing pain).
False flags on turns with no such flag:
- a sign said of a look-alike the table blanks ("my son's backstroke is weak on the left side");
- a medicine's kind told by what it is for ("is the one for breathing difficulty"), no dose given now;
- a dye or ink that bleeds onto clothes, with a few words between;
- a known sleep apnoea's pauses "every night", "some nights";
- a past dated "back in March", "last August";
- an episode told in the past by someone asking what to do next time;
- a throat tight or a voice gone from singing, shouting or preaching;
- "overdosed" on a food (durian, dumplings, bubble tea);
- a mouth, tongue or lips "on fire" from chilli, and "feels like it's on fire";
- teeth or dentures knocked out (no one knocked out);
- a sore shoulder that stops the arm going high;
- "says he won't come home" (going somewhere, not words that will not come).
Extra flags beside the right one: deliberate cutting is serious_injury only when deep; confusion beside fumes or a
poison is no stroke; a burner is no burn; a tongue "thick" beside a limb gone dead on one side is a stroke's speech, no
allergy (unless an allergen is said); a pain "like being stabbed" is no stab wound.
"""

import pytest

from intake.red_flags import find_red_flags


@pytest.mark.parametrize(
    "text, flag",
    [
        # a texted run-on: the date after a new subject is that subject's
        ("husband fitting again cant stop 10 mins his tablets ran out last week", "seizure"),
        ("mum fitting non stop 20 mins her meds finish last month", "seizure"),
        ("my brother dey shake for ground e no stop 10 minutes now his drugs finish last week", "seizure"),
        ("kuya seizure again not stopping 5 mins na his meds finished last week po", "seizure"),
        ("papa having fits continuously for 10 minutes his tablets got over last week", "seizure"),
        # a means beside "not coming home"
        ("my husband bought charcoal and drove off, he texted he's not coming home again", "suicidal"),
        ("she has the rope in her bag and she says she's never coming home", "suicidal"),
        ("My oppa said he has charcoal and tape in the car and he is not coming home, please help", "suicidal"),
        ("Dad has the pesticide bottle with him in the field and says he won't come home", "suicidal"),
        ("he has the charcoal ready in his car and says he is not coming home any more", "suicidal"),
        # swallowed, thought to be sweets
        ("My toddler ate grandma's heart pills, he thought they were sweets", "overdose_poisoning"),
        ("my 3 year old swallowed some of my iron tablets thinking they were candy", "overdose_poisoning"),
        ("the little one drank bleach from the bottle, he thought it was water", "overdose_poisoning"),
        ("Hello, I'm nine, my baby sister ate the white pills from the drawer, she thought they were mints",
         "overdose_poisoning"),
        ("mera beta ne dadi ki tablets kha li, he thought they were toffees", "overdose_poisoning"),
        # a herbal remedy and its signs
        ("My mum drank the herbal soup with aconite root and now her lips are tingling and she keeps vomiting",
         "overdose_poisoning"),
        ("Grandpa brewed his own Chinese herbal medicine, and now his tongue and fingers are numb and his heartbeat is "
         "irregular", "overdose_poisoning"),
        ("Papa took some ayurvedic powder from a village vaidya and now his hands are tingling and heart is racing",
         "overdose_poisoning"),
        ("My dad drank the ruou thuoc with phu tu and now his lips are tingling and he is throwing up",
         "overdose_poisoning"),
        ("he drank a homemade herbal tea for his cough and now he's throwing up and his heart is pounding",
         "overdose_poisoning"),
        # weeks alone, a stabbing likeness
        ("I'm thirty weeks, my tummy is so painful, like being stabbed", "pregnancy_emergency"),
        ("she's 32 weeks and says it's like someone is stabbing her in the belly", "pregnancy_emergency"),
        ("thirty-four weeks pregnant, sharp pain like being knifed in the lower tummy", "pregnancy_emergency"),
        ("my wife is thirty weeks and her belly pain is terrible, like a knife", "pregnancy_emergency"),
    ],
)
def test_said_the_ways_set_aj_showed(text, flag):
    assert flag in find_red_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        # dates that are the event's own, or an episode over
        "wife had a seizure last week her meds were changed last month shes fine now just asking about driving",
        "son seizure last year his doctor changed meds last week asking if he can swim",
        "her fits stopped years ago her meds finish last week can i get a refill",
        # "not coming home" in its everyday senses
        "he brought the charcoal for the barbecue at the park, he's not coming home till late",
        "he has the charcoal ready in his car for the beach barbecue",
        "my son went fishing off the bridge, he's not coming home for dinner",
        "she's bought rope for the tent and she's not coming home this weekend",
        "my brother is not coming home for new year, he's working in Seoul",
        # sweets that are sweets, vitamins kept away
        "My son thinks his vitamins are sweets, so I keep them up high, how many can he have a day?",
        "he takes his chewable vitamin every morning, he thinks it's candy",
        "she ate the sweets, she thought they were tablets and got scared",
        # herbs with no sign, or a sign with another cause
        "Grandma drinks her herbal tea every night, her hands go numb in the cold, is that normal?",
        "We boiled herbal soup for the family, it tastes bitter but everyone is fine",
        "My dad takes fuzi in his soup every winter, is it safe with his blood pressure pills?",
        # a pregnancy with no danger sign; a stabbing idiom
        "I'm thirty weeks, little twinges in my tummy now and then, nothing bad",
        "the gossip felt like being stabbed in the back",
        # a sign said of a blanked look-alike
        "Her breaststroke is weak on the right side, the coach wants more drills",
        "my son's backstroke is weak on one side, he's been complaining of a sore shoulder",
        "his golf stroke has been weak on the left since the lesson",
        # what a medicine is for
        "the nurse told us the red one is the kind you use for chest pain, but he hasn't needed it, where do I get a refill?",
        "This spray is meant for breathing difficulty, can my son take it on the plane?",
        "the pharmacist said the brown one is the one for breathing difficulty, she's well, I want to know how often she "
        "takes it",
        # dye and ink
        "The ink from the pen in her pocket is bleeding all through her white blouse",
        "the colour from my son's new jeans is bleeding onto everything in the wash",
        # a known sleep apnoea
        "My dad stops breathing for a few seconds every night then snores, he has sleep apnoea, can we get a new mask?",
        "Lola stops breathing some nights in her sleep, the doctor said it's sleep apnoea, when is her sleep study",
        # dated past
        "Back in June my mum stopped breathing during her surgery, she's fine now, I'm asking about her physio",
        "back in 2019 he had a stroke, now I want to ask about his diabetes tablets",
        "last August she had a seizure at work, she's been fine since, can she drive?",
        # what to do next time
        "My classmate had a fit in the canteen yesterday, what should I do next time?",
        "Tita had a seizure at church last Sunday, how can we help if it happens again?",
        "my cousin's friend has epilepsy and had a seizure at the party last night, what do I do next time",
        # going home, not words that fail
        "my son says he won't come home for the holidays, he's staying in Busan",
        # a strained throat or voice
        "Throat's sore and tight from all the shouting at the match, no swelling, just hoarse",
        "my voice is gone and my throat feels tight after preaching all Sunday",
        # overdosed on food
        "I totally overdosed on mangoes at lola's, tummy is so full",
        "he overdosed on bubble tea, now he can't sleep haha",
        "my brother says he OD'd on dumplings last night, he's just bloated",
        # chilli
        "Ate the ghost pepper noodles, my tongue feels like it's on fire",
        "The sambal was so spicy my lips are on fire",
        "my mouth is on fire from the som tam, lol",
        # teeth knocked out
        "He knocked out his front tooth on the trampoline, he's fine otherwise, which dentist?",
        "Fell off the scooter and knocked out two of her teeth, no other injury",
        # a shoulder's reach
        "I strained my shoulder at badminton, I can't raise my arm very high",
        "her shoulder is frozen, she can't lift her arm past her shoulder",
    ],
)
def test_look_alikes_stay_unflagged(text):
    assert find_red_flags(text) == []


@pytest.mark.parametrize(
    "text, flag",
    [
        ("She is fitting right now, what do I do, and what should I do next time?", "seizure"),
        ("he had a fit last night and now he's fitting again and won't stop, what do we do next time", "seizure"),
        ("the swimmer's backstroke was fine but now his left arm is weak and his face is drooping", "stroke"),
        ("I gave him the inhaler that is the one for breathing difficulty but he still can't breathe",
         "breathing_difficulty"),
        ("the dye from the new shirt ran, and he cut his hand on the glass, it's bleeding heavily and won't stop",
         "heavy_bleeding"),
        ("he stops breathing in his sleep every night but tonight he's gone blue and won't wake", "unconscious"),
        ("back in March he had a stroke and now his face is drooping again", "stroke"),
        ("she ate prawns at the karaoke and her throat is tight and her lips are swelling", "anaphylaxis"),
        ("he overdosed on his sleeping pills after eating durian", "overdose_poisoning"),
        ("the pan of oil caught fire and her arm is badly burned, the skin is peeling", "severe_burns"),
        ("he drank drain cleaner and his mouth feels like it's on fire", "overdose_poisoning"),
        ("he got knocked out in the fight and still won't wake up, two teeth gone", "unconscious"),
        ("he can't lift his right arm and his face has dropped on one side", "stroke"),
        ("he tries to say something but the words won't come", "stroke"),
        ("he was stabbed in the belly outside the bar", "serious_injury"),
        ("he cut his arms deliberately and the cuts are deep", "serious_injury"),
        ("mum suddenly doesn't know where she is and her words are slurred", "stroke"),
        ("he fell onto the gas burner and his arm is badly burned and blistered", "severe_burns"),
        ("after the peanut her tongue feels thick and her lips are swelling", "anaphylaxis"),
    ],
)
def test_the_sign_beside_a_look_alike_still_counts(text, flag):
    assert flag in find_red_flags(text)


@pytest.mark.parametrize(
    "text, right, wrong",
    [
        ("she's been cutting her arms on purpose, small cuts, and she says she wants to die", "suicidal", "serious_injury"),
        ("we had the gas burner on in the tent overnight, now dad is confused and doesn't know where he is",
         "overdose_poisoning", "stroke"),
        ("the camping burner was on in the closed room and we all have headaches and vomiting", "overdose_poisoning",
         "severe_burns"),
        ("Her tongue feels thick and her left arm has gone weak", "stroke", "anaphylaxis"),
        ("pain in my chest like being stabbed, going into my left arm", "chest_pain", "serious_injury"),
        ("I'm thirty weeks, my tummy is so painful, like being stabbed", "pregnancy_emergency", "serious_injury"),
        ("My back hurts like I'm being stabbed when I bend, I lifted boxes yesterday", None, "serious_injury"),
    ],
)
def test_no_wrong_flag_beside_the_right_one(text, right, wrong):
    flags = find_red_flags(text)
    assert (right is None or right in flags) and wrong not in flags
