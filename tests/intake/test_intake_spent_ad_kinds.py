"""Kinds of telling spent set ad's author (Nigeria, India and the Philippines and their diasporas: Pidgin, Yoruba, Igbo,
Hausa, Hinglish and other Indian languages, Taglish, Cebuano, Waray) showed the rules misread, one caller turn at a time:
the team's own paraphrases, not set ad's lines, in several voices, each kind with look-alikes that must stay unflagged.

Self-harm and poisoning, the weakest flags on every recent author, are rarely named: callers tell the means and the
amount, and the end they want, not the act.
- a question of how many tablets, with a permanent sleep for its purpose ("enough to not wake up", "to sleep forever");
- a ligature of whatever cloth is at hand (dupatta, chunni, gamcha, bedsheet) tied to whatever is overhead (a ceiling
  fan, a hook, a beam); a rope in a simile ("like someone tied a rope round my chest") is a feeling, not a means;
- a farewell posted where everyone sees it ("goodbye world" on a status) with the place it was sent from;
- a means only held ("sitting there with the rat poison") is no poisoning yet; "kill this pain" is no wish to die;
- a poisoning told as the amount against the patient's own dose: all their own tablets "at once" (in Pidgin and Indian
  English the bare verb is the past: "Mama take all her drugs"), a dose taken three times "instead of once" with the
  sweating and shaking of a low sugar;
- a fire kept burning in a closed room told in one sentence and the headaches and vomiting in the next.
Other kinds:
- breath-check words ("I can't find his breath", a hand under the nose and "nothing is coming");
- dots typed between the words of a breathless clause ("short of... breath") are the breath drawn, not a sentence end;
- breathless speech ("gasping, can't talk straight") is no stroke's speech;
- another person's sign told in the past, taken away since (the police took him, they took him home), the caller then
  turning to their own worry; "took him to the hospital" is no swallowing;
- look-alikes and idioms of these places: an engine's choke, "passed out" of an academy (graduated), "overdosed on"
  a food, "can't breathe with this landlord", lips chapped by the harmattan, an eye swollen where a bee stung, a burn's
  skin hanging (the burn's, not a wound's), a baby's head falling back (floppy, not a blow), "gave paracetamol" for a
  fever (care, not a swallowing), "severe" belly pain beside "some blood", a baby who "sucks breast well", a climb
  that ended in a fall, foaming at the mouth after a swallowed insecticide (the poison's sign, not a fit);
- an unwitnessed swallowing told by its evidence (the pack found empty, a trace on the mouth); a self-harm intent said now
  with its means got days ago (the purchase is dated, the intent is not); a batting or racket "stroke"; "passed out" at
  a passing-out parade (these four from set ad's calls, one answer at a time);
- words of the region's languages that carry a sign: pregnant in Waray, Cebuano and Ilocano, Hausa's "maganin kwari"
  (insecticide), chest pain in Telugu and Kannada, Cebuano "karon" (now); texted "pls" is please, not pulse.
"""

import pytest

from intake.red_flags import find_red_flags, prepare


@pytest.mark.parametrize(
    "text, flag",
    [
        # a question of the dose, with a permanent sleep for its purpose
        ("how many of my sleeping pills would be enough so I never wake up again", "suicidal"),
        ("tell me honestly how many tablets it takes to sleep forever, I'm done", "suicidal"),
        ("Ate, how many can I take together para hindi na ako magising, to not wake up na", "suicidal"),
        ("how much insulin would I need to take to not wake up tomorrow", "suicidal"),
        # a ligature of the cloth at hand, tied overhead
        ("She locked her room and she has tied her chunni to the ceiling fan, she won't open the door", "suicidal"),
        ("Bhaiya ne gamcha pankhe se baandh diya, he tied the gamcha to the fan hook and he's standing on the bed",
         "suicidal"),
        ("my son knotted a bedsheet to the beam in the store room and is sitting under it crying", "suicidal"),
        # a farewell posted, and the place it came from
        ("my cousin put up goodbye everyone on her facebook and her location shows the Mandaue bridge", "suicidal"),
        ("he posted goodbye world on his insta story and now he is on the railway line near the station", "suicidal"),
        # the amount against the patient's own dose
        ("Papa swallow all him heart tablets one time this morning, now he dey weak and dizzy", "overdose_poisoning"),
        ("Dadi take all her sugar tablets at one time, pata nahi kyun, she is sweating badly", "overdose_poisoning"),
        ("Mummy don take all her pressure drugs together by mistake, she no fit stand", "overdose_poisoning"),
        ("I think I took my sugar tablet three times today instead of once, I'm shaking and sweating",
         "overdose_poisoning"),
        ("Lolo took his diabetes pills twice this morning, he forgot, now he's weak and clammy", "overdose_poisoning"),
        # a fire in a closed room, and the signs in the next sentence
        ("It was freezing so we shut the windows and kept the charcoal uling burning in the bedroom. Now the kids "
         "woke up with headaches and my wife keeps vomiting.", "overdose_poisoning"),
        ("We closed all the doors and windows and kept the angithi inside the room because of the cold. In the "
         "morning dadaji is confused and my mother has a terrible headache.", "overdose_poisoning"),
        # breath-check words
        ("I cannot find his breath, he is sitting in his chair and not answering", "not_breathing"),
        ("I held my hand under her nose, nothing is coming, she's on the floor", "not_breathing"),
        ("my ear by his mouth, nothing comes, please come quick", "not_breathing"),
        # dots between the words of a breathless clause
        ("it's fine... just my asthma... a bit... short of... breath, can't finish... my sentence", "breathing_difficulty"),
        ("she can only say… two words… at a time… her inhaler isn't doing anything", "breathing_difficulty"),
        # the region's words for a sign
        ("Tabangi mi, akong asawa mabdos, eight months, nagdugo siya ug daghan, bleeding heavy", "pregnancy_emergency"),
        ("An akon bugto burod, six months, damo nga dugo, please", "pregnancy_emergency"),
        ("Maa ki gunde noppi chaala ekkuva, she is sweating and pale", "chest_pain"),
        ("Appa ge ede novu, he is holding his chest and sweating", "chest_pain"),
        ("Yaron ya sha maganin bera, he is vomiting", "overdose_poisoning"),
        # an unwitnessed swallowing told by its evidence: the pack found empty, a trace on the mouth
        ("Nani's sugar tablet strip is lying under the sofa, it is empty, and the baby has white bits on his lips",
         "overdose_poisoning"),
        ("the calpol bottle was full this morning, now it's empty, she was holding it, sticky pink stuff round her mouth",
         "overdose_poisoning"),
        # the intent now, its means got days ago
        ("I keep thinking of ending it all, I bought the rat poison on Sunday, it's in the cupboard", "suicidal"),
        ("honestly I've been thinking of ending things, I got a rope last week, it's under my bed", "suicidal"),
    ],
)
def test_said_the_ways_set_ad_showed(text, flag):
    assert flag in find_red_flags(text)


@pytest.mark.parametrize(
    "text, flag",
    [
        # a dose question for care, not for ending
        ("how many paracetamol can I give him so he doesn't wake up at night with the fever", "suicidal"),
        ("how many sleeping tablets can I take to sleep through the night shift noise", "suicidal"),
        ("I could sleep forever after this week, how many vitamins should I take", "suicidal"),
        # a cloth tied overhead for a cradle or to dry, a rope in a simile
        ("we tied a saree to the ceiling hook as a jhula for the baby", "suicidal"),
        ("I hung my dupatta on the fan to dry it quickly before the function", "suicidal"),
        ("my chest feels like someone tied a rope around it and pulled", "suicidal"),
        # a farewell to a job
        ("she posted goodbye to everyone at her old office, she starts her new job tomorrow", "suicidal"),
        # a means only held
        ("he says he will end it all, he is sitting there with the rat poison on his lap", "overdose_poisoning"),
        ("my son is crying holding the kerosene bottle, he keeps saying he is done", "overdose_poisoning"),
        # an ache or a pest to kill
        ("I just want to kill this headache, what can I take", "suicidal"),
        ("how do I kill the cockroaches in the kitchen without harming the kids", "suicidal"),
        # how to take the tablets, asked
        ("should she take all her tablets at once or spread them through the day?", "overdose_poisoning"),
        ("the doctor said she can take all her tablets together after breakfast", "overdose_poisoning"),
        # a fire outside, a cooking fire
        ("we closed the windows because of the mosquitoes. Mum has a migraine, the generator is outside by the gate",
         "overdose_poisoning"),
        ("My mother cooks on the chulha in the kitchen every day. Today she has a bad headache and fever.",
         "overdose_poisoning"),
        # a breath check that found breath
        ("I put my hand near his nose, he's breathing fine, just sleeping deeply", "not_breathing"),
        # breathless speech is no stroke
        ("my bro cant breathe well since morning, he dey gasp, cant talk properly, inhaler no work", "stroke"),
        ("Nana is wheezing badly, she can't talk properly, the pump is not helping", "stroke"),
        # another person's past, taken away since
        ("My mate was bleeding badly after the fight at the bus stand, the police took him to the hospital; "
         "I'm calling because I'm still shaking and can't sleep", "heavy_bleeding"),
        ("My friend passed out at the wedding last night, they took him home; I'm the one with the bad headache",
         "unconscious"),
        ("My neighbour's boy drank kerosene yesterday, they took him to the hospital; I'm just worried about my own "
         "son's cold", "overdose_poisoning"),
        # look-alikes and idioms
        ("the generator was on full choke and the pull cord snapped back into my wrist", "choking"),
        ("I pulled the choke on the scooter and the kick lever hit my ankle, it's swollen", "choking"),
        ("my nephew passed out of IIT last year, now he works in Bangalore, he has a cold", "unconscious"),
        ("Our daughter passed out from the nursing college today, her new shoes have given her blisters",
         "unconscious"),
        ("I overdosed on suya at the party, now my belly is running", "overdose_poisoning"),
        ("we OD'd on mangoes this summer and now the kids have loose motions", "overdose_poisoning"),
        ("honestly I can't breathe with my mother in law, she's been here three weeks", "breathing_difficulty"),
        ("I can't breathe because of these school fees, my BP is up and I have a headache", "breathing_difficulty"),
        ("her lips are all cracked and swollen from the cold wind, she keeps licking them", "anaphylaxis"),
        ("a wasp stung her on the hand and now her hand is swollen and red", "anaphylaxis"),
        ("a bee stung him near the eye two days ago, the eye swelled, today it is almost gone", "anaphylaxis"),
        ("the cracker burst in his hand, the skin is hanging off his palm and it is blistering", "serious_injury"),
        ("the stove blew up on her, her arm is burnt and the skin is hanging", "serious_injury"),
        ("the baby had a high fever since yesterday, we gave calpol, now she is so floppy her head falls back",
         "serious_injury"),
        ("the baby had a little fever this morning, we gave paracetamol syrup as the chemist said", "overdose_poisoning"),
        ("my wife is eight months, she has severe back pain since morning and some spotting", "heavy_bleeding"),
        ("the pikin dey suck breast well, just small cough since yesterday", "child_danger_signs"),
        ("my son climbed onto the water tank on the terrace and fell down into the yard, he's walking and crying",
         "suicidal"),
        ("the boy climbed up on the compound wall and slipped, he landed on his bottom", "suicidal"),
        ("the toddler drank the insecticide from the bottle, he is foaming at the mouth", "seizure"),
        ("he lifted the gas cylinder this morning and now his back hurts", "overdose_poisoning"),
        ("pls call me back when you can, it's about my mum's appointment", "not_breathing"),
        # an empty pack with its refill said; an attempt long past
        ("the strip is empty, I finished my course of antibiotics, I need a new prescription", "overdose_poisoning"),
        ("he tried to end it last year with the pills, he is doing well now, I'm calling about his cough", "suicidal"),
        # a stroke of a bat or a racket; "passed out" at a passing-out parade
        ("he was practising his cover drive stroke in the lane and the ball hit his lip, it's swollen", "stroke"),
        ("my daughter hurt her shoulder playing a backhand stroke at badminton", "stroke"),
        ("Our son passed out at the passing out parade at the police college today, he's happy, just a sprained wrist",
         "unconscious"),
        # "can't get his breath" is breathless, not a breath looked for and not found
        ("Grandad can't get his breath, he's leaning on the gate and wheezing", "not_breathing"),
        # all of one's tablets at once, threatened: a means not taken yet
        ("she keeps saying she'll take all her tablets at once tonight, she's done with everything",
         "overdose_poisoning"),
    ],
)
def test_look_alikes_stay_unflagged(text, flag):
    assert flag not in find_red_flags(text)


@pytest.mark.parametrize(
    "text, flag",
    [
        # each look-alike's own sign still counts
        ("a bee stung him on the eyelid, now his lips and tongue are swelling up", "anaphylaxis"),
        ("his lips are swollen after the prawn curry and his voice is hoarse", "anaphylaxis"),
        ("my uncle drank the weedkiller, now he is shaking all over and foaming at the mouth", "seizure"),
        ("he collapsed in the shop and is foaming at the mouth", "seizure"),
        ("he came off the okada, I can see the bone in his leg", "serious_injury"),
        ("the glass cut his arm open, the flesh is hanging", "serious_injury"),
        ("she is sitting there with the rat poison, she drank some already, she's vomiting", "overdose_poisoning"),
        ("he took the rat poison an hour ago", "overdose_poisoning"),
        ("he has a severe cut on his leg and the blood won't stop", "heavy_bleeding"),
        ("she's seven months and bleeding badly, the cloth is soaked", "heavy_bleeding"),
        ("my dad suddenly can't talk properly and his arm is weak", "stroke"),
        ("he's choking on a sweet", "choking"),
        ("my nephew has climbed onto the roof and says he is going to jump", "suicidal"),
        ("she climbed onto the bridge railing and won't come down", "suicidal"),
        ("he wants to kill himself", "suicidal"),
        ("my baby no dey suck breast since morning, he is two months", "child_danger_signs"),
        ("the baby had some of grandma's tablets and he's sleepy", "overdose_poisoning"),
        ("my friend passed out at the party, we took him home and he still won't wake up", "unconscious"),
        ("my friend collapsed at the gym, he's not breathing", "not_breathing"),
        ("my dad had a stroke this morning, his face is drooping on one side", "stroke"),
        ("he passed out on parade in the heat and is still not responding", "unconscious"),
        ("she passed out during the graduation ceremony and hit her head, she's not answering", "unconscious"),
        ("the paracetamol bottle is empty and the toddler has the syrup on his lips", "overdose_poisoning"),
    ],
)
def test_the_sign_beside_a_look_alike_still_counts(text, flag):
    assert flag in find_red_flags(text)


def test_texted_please_is_no_pulse():
    assert "pulse" not in prepare("pls my mum is not well").split()


def test_a_clock_time_of_one_is_no_dose_time():
    """"At one time" is "at once", not a clock time blanked: the amount stays readable."""
    assert "one time" in prepare("she took all her tablets at one time")
