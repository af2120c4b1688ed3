"""Kinds of telling spent set aa's author (the Caribbean, Mexico and Central America, US Latino Spanglish, Fiji, Samoa,
Tonga, Papua New Guinea, Maori and Pacific families) showed the rules misread: the team's own paraphrases, not set aa's
lines, in several voices, each kind with look-alikes that must stay unflagged.

- the caller's own reason for calling said after a full stop, "anyway", "what I'm calling for is" or "because I twisted
  my ...": what came before is an aside, unless it is told in the present ("I can't breathe, I'm calling about my
  asthma" is a sign now);
- a stranger taken away since (the police took him, I drove him to the hospital): no patient of this call;
- a saying the patient always uses, called only talk; a first-aid question ("do I put something in his mouth?"); an
  "if ... ever"; nothing taken, counted; a poison line or centre is a service, not a poison;
- "no more" after a negative is "any more" ("I can't do this no more, gonna end it tonight");
- pregnancy said in the caller's language ("pet se hai", "ma'ito"), an in-law's months, "having the baby", a first
  baby that is the one carried now, pain "really strong" that won't ease;
- an explosion is a mechanism, not a burn without a burn word; vehicles callers name (minibus, maxi taxi, PMV), a
  vehicle that went off the road or rolled, a level of a building, a vehicle that ran over a limb, Spanish run-over words;
- a spraying told first and its poisoning signs in the next sentence; a brew of leaves with two signs; an overdose
  "because I was upset" is deliberate.
"""

import pytest

from intake.red_flags import find_mechanisms, find_red_flags


@pytest.mark.parametrize(
    "text, flag",
    [
        # an aside never hides a sign told in the present
        ("I can't breathe, I'm calling about my asthma", "breathing_difficulty"),
        ("he's bleeding a lot, I am calling about his finger", "heavy_bleeding"),
        ("My dad was bleeding bad from his head. I am calling because I don't know what to do", "heavy_bleeding"),
        ("she is fitting right now on the floor, anyway I'm calling about her tablets", "seizure"),
        # someone with the caller now, not taken away
        ("a man at the petrol station got burnt bad, he's lying here screaming, the skin is peeling off", "severe_burns"),
        ("a stranger collapsed outside the shop and he's not breathing, we're waiting for them to take him", "not_breathing"),
        # a saying with nothing that calls it talk, or with a means now
        ("my dad always says he wants to die, but tonight he has the rope in the shed", "suicidal"),
        ("she keeps saying she wants to die, it's just talk she says", "suicidal"),
        # a first-aid question with the sign past the comma
        ("should I put him on his side, he's not breathing", "not_breathing"),
        ("he has a fish bone stuck in his throat, should I put my fingers in his mouth?", "choking"),
        ("do we give him milk, he swallowed the rat poison", "overdose_poisoning"),
        ("my toddler drank bleach, the poison centre said to bring him in", "overdose_poisoning"),
        # "no more" after a negative
        ("i cant take it no more, tonight i end it, the pills dem ready", "suicidal"),
        ("he is not breathing no more, please", "not_breathing"),
        ("she can't go on no more, she says she'll drink the weedkiller tonight", "suicidal"),
        # pregnancy in other words
        ("Meri bahu pet se hai, seven months, bahut dard in her belly and she can't stand", "pregnancy_emergency"),
        ("My wife is ma'itō, eight months, and there's blood everywhere, the towel is soaked", "pregnancy_emergency"),
        ("Mi nuera tuvo el bebé en la casa hace media hora and the bleeding won't stop", "pregnancy_emergency"),
        ("my sister-in-law is eight months, her head is pounding and she's seeing flashing lights", "pregnancy_emergency"),
        ("mum is having the baby on the kitchen floor and there's so much blood", "pregnancy_emergency"),
        ("I'm thirty two weeks, probably nothing, but the cramps are really strong and they won't ease", "pregnancy_emergency"),
        ("she's seven months with her first baby and she just had a fit", "pregnancy_emergency"),
        # an explosion that burned
        ("the gas bottle exploded in her face, the skin is hanging off", "severe_burns"),
        # poisoning told across sentences, or by a brew of leaves
        ("We sprayed the cotton with the insecticide all day. Tonight my husband is sweating and his eyes keep watering",
         "overdose_poisoning"),
        ("Nana brewed a tea from the leaves of the bush behind the house, now she's confused and vomiting", "overdose_poisoning"),
        # deliberate, said as why
        ("I took all my mum's sleeping tablets because I was so sad", "suicidal"),
        ("he swallowed the whole box of panadol cos he was so down after the breakup", "suicidal"),
        # a trauma, then confusion and vomiting, in one long sentence
        ("a motorbike knocked my cousin down on the main road, he's up now but he's confused, doesn't know what day it is, "
         "and he's been sick", "serious_injury"),
        # a Spanish child's indrawing
        ("mi bebé, se le hunden las costillas every time he breathes, he's five months", "child_danger_signs"),
        # idioms kept apart from the real thing
        ("he burnt me with the iron and took my phone, my arm is blistered all over", "severe_burns"),
        ("I can't breathe when I lie down, and my lips are blue", "breathing_difficulty"),
        ("he was gasping after the race, then he was fine, but now he can't breathe again and his lips are blue",
         "breathing_difficulty"),
    ],
)
def test_kind_is_read(text, flag):
    assert flag in find_red_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        # the caller's own reason, after an aside told in the past
        "I nearly couldn't breathe from laughing at the wedding. Anyway I'm calling about my sore toe",
        "The fella at the market was bleeding from his nose, the police took him. I'm calling because I cut my finger",
        "A man collapsed at church and he was not breathing, the ambulance came for him. I'm calling because I have a headache",
        "my cousin choked at her driving test, couldn't say a word, but what I'm calling for is my own back pain",
        # a stranger taken away
        "a woman on the bus had a fit, they drove her to the hospital, now I can't stop shaking, can I get something",
        "a man at the wharf got burnt bad when the boat caught fire, I drove him to the hospital, now my stomach is upset",
        # a saying called only talk
        "my dad always says he wants to die when the cricket goes badly, it's just his way of talking, his foot is swollen",
        "Tutu always says she wants to die when she's hungry, she doesn't mean it, I'm calling about her cough",
        # asked, not happening
        "if she has a fit, should I put a spoon in her mouth?",
        "what do we do if the baby ever swallows a battery?",
        "what's the number for the poison centre? I just want it on the fridge",
        "he licked the soap, just a taste, the poison line lady said it's fine, he's playing now",
        # nothing taken, counted
        "she didn't drink any, I checked, the bleach bottle is still sealed, she was just holding it",
        "No, he never swallowed one, all the tablets are accounted for, he only had the packet",
        # "no more" in an everyday complaint
        "I can't do this no more, this job is killing me, anyway my back hurts",
        # pregnancy with no danger sign, a celebration, a first baby long ago
        "my sister is having her baby shower today and she cut her finger a little",
        "my daughter in law is seven months, she's fine, just asking about vitamins",
        "when she had her first baby she bled a lot, now she is fine",
        "I'm 30 weeks and the kicks are very strong, my back is sore from the bed",
        # a blast that burned no one
        "the gas bottle blew up at the stall, the man was blown back, he's talking, just a scratch on his hand",
        # a brew or a spraying with no poisoning
        "she made lemongrass tea from the garden for her cold and she's sweating it out",
        "we sprayed the cane field last week. today he is sweating from the heat and vomiting from a tummy bug",
        # upset, but not the patient's reason
        "my toddler swallowed two of my vitamins, I'm so upset because I left them out",
        # idioms
        "My pride got a serious injury, I slipped on the church steps, just a graze on my knee",
        "My ex burnt me bad, took my car and my savings, I can't sleep, I want something to help me sleep",
        "when she opened the electric bill she couldn't breathe lol, anyway her knee hurts",
        # well again after a scare or exertion
        "she held her breath crying, went quiet a few seconds, then she gasp and cry again, now she is pink and feeding",
        "he was puffing hard after netball for a few minutes, then he's fine, now he's eating with his mates",
    ],
)
def test_look_alike_stays_unflagged(text):
    found = find_red_flags(text)
    if "my toddler swallowed" in text:
        assert "suicidal" not in found  # the caller's upset is no reason the child had
    else:
        assert found == []


@pytest.mark.parametrize(
    "text, mechanism",
    [
        ("the boiler exploded in the basement, my dad was thrown across the room, he's talking", "explosion"),
        ("the gas bottle blew up at the stall, the man was blown back, he's talking, just a scratch on his hand", "explosion"),
        ("a maxi taxi hit my son going fast, he's sitting up and talking", "pedestrian_struck"),
        ("la atropelló una camioneta, my mum, she's awake and her hip hurts", "pedestrian_struck"),
        ("the PMV ran off the road and rolled down the bank, I'm okay, just cuts", "road_traffic"),
        ("our jeep went off the highway near the river, we all got out", "road_traffic"),
        ("one lady died inside the minibus, I'm calling for myself, my arm is cut", "death_in_same_vehicle"),
        ("he fell from the third level of the car park, he's sitting up", "fall_from_height"),
        ("his foot, his foot, the bone is out, the truck rolled over it", "pedestrian_struck"),
    ],
)
def test_mechanism_is_recorded(text, mechanism):
    assert mechanism in find_mechanisms(text)


@pytest.mark.parametrize(
    "text",
    [
        "we had a blast at the party, now my friend has a sore head",
        "the generator went off and the baby is fine",
        "my car engine blew up on the highway, I pulled over and I'm fine",
        "the minibus was parked and my son bumped his knee on the door",
    ],
)
def test_no_mechanism(text):
    assert find_mechanisms(text) == []
