"""Spent set az (an outside author's hardest-to-hear emergencies) missed suicidal intent and poisonings told sideways
(issue 14). Each kind mended, tested here in the team's own words (no corpus line), beside look-alikes that borrow the
same words in everyday speech.

Suicidal: a ligature told cloth first ("her dupatta is knotted to the fan hook"); hanging said as the act with no object
("he says he'll hang"); a purpose of not waking beside a means ("all the tablets so I can sleep and not wake up", "cut
deeper so she doesn't wake up"); tablets hidden away beside a note asking forgiveness; farewells told sideways (a will
written out, which clothes to lay one's body out in, a note handing over a pet or a parent, "you won't hear from me
again"); heading off towards a drop beside a farewell; kerosene and matches laid out beside a wish to go; Hindi "jeene ka
mann nahi" said "on the phone" ("phone pe bola" had read the phone as the subject).
Poisoning: home-made or bought-loose spirits with sight failing; a small battery gone where there is a child; a baby
given opium or spirits; a dose taken too often from a label read wrong; a worker struck inside a tank; a poison named by
what it is (mercury, cyanide). Look-alikes: "it was gas" (wind), "eating well" beside a refill, a goodbye letter for a
move.
"""

import pytest

from intake.red_flags import find_red_flags, prepare
from tests.support.red_flag_kinds import turn_kind_tests

FLAGGED = [
    ("there is a stool on its side and her dupatta is tied to the fan hook, and she is not in her room", "suicidal", False),
    ("my cousin has a cord and a stool in the garage and he keeps saying he will hang", "suicidal", False),
    ("she texted me she has the rope and she is going to hang, we can't find her", "suicidal", False),
    ("I keep thinking about swallowing all my pills so I can just not wake up", "suicidal", False),
    ("he showed us the razor and said next time he will cut so he never wakes up", "suicidal", False),
    ("my uncle has been hiding his painkillers in a sock for a month, we found a letter saying forgive me", "suicidal", False),
    ("grandpa wrote out his will this morning and told me which suit to dress his body in, now he won't speak", "suicidal", False),
    ("she left her phone and a note saying please look after my cat, and she walked off towards the bridge", "suicidal", False),
    ("my son sent a voice note, after tonight you will not hear from me again, look after mum", "suicidal", False),
    ("my grandmother says she wants to go now, and she keeps a bottle of petrol and a lighter under her bed", "suicidal", False),
    ("didi ne phone pe bola ki jeene ka mann nahi, now she is not picking up", "suicidal", False),
    ("my dad drank some home made liquor at the wedding and now he says everything is like fog", "overdose_poisoning", False),
    ("they bought cheap spirit from a man on the road and now my brother's eyes are blurry", "overdose_poisoning", False),
    ("my toddler is drooling and crying, the button battery from the car key is missing", "overdose_poisoning", True),
    ("the little battery out of the kitchen scale is gone and the baby keeps pulling at her mouth", "overdose_poisoning", True),
    ("her mother in law gave the baby some afeem so he would sleep and now he is hard to rouse", "overdose_poisoning", True),
    ("someone gave my baby brandy to stop the crying and he won't feed", "overdose_poisoning", True),
    ("she read the label wrong and took her warfarin every two hours, now she is vomiting", "overdose_poisoning", False),
    ("he misread the prescription and has been taking double doses of his digoxin, he feels sick", "overdose_poisoning", False),
    ("our painter was working inside the tank with thinner and now he is talking nonsense", "overdose_poisoning", False),
    ("the boy drank water from a jar that had mercury in it, at the mine", "overdose_poisoning", False),
    ("her heart tablets for the whole week are gone and she is drowsy", "overdose_poisoning", False),
    ("the whole week of his sugar tablets is gone, the box is open on the bed", "overdose_poisoning", False),
    ("my husband swallowed some cyanide from the workshop", "overdose_poisoning", False),
]

QUIET = [
    # a ligature that is laundry or a cradle, hanging said of a phone or a picture
    "her dupatta is tied to the fan hook to make a cradle for the baby, the baby has a rash",
    "his towel is hanging on the ceiling fan to dry, he has a cold",
    "hold on, I will hang up and call my sister, the baby has a fever",
    "we are going to hang the pictures tomorrow, my knee hurts",
    # not waking said of another's sleep or of a night's sleep
    # a will, a funeral, a note, a move
    "my grandfather wrote out his will with the lawyer last year, today his knee is swollen",
    "she left a note saying please feed the cat, she is at her sister's, I have a sore throat",
    "my daughter wrote goodbye letters to her class because we are moving to Kenya, she has a cough",
    "if you go on holiday you will not hear from me again until Monday, my ear hurts",
    "we walked to the bridge and he tripped and grazed his knee",
    # kerosene and matches at the stove
    "we keep the kerosene and the matches by the stove for the lamp, she has a cough",
    "he wants to go now, the clinic is closing, his ankle is sore",
    # drink, batteries, dosing, tanks, poisons named, wind, a refill
    "my dad made home made wine for the wedding, he has a sore back",
    "the battery in the remote is flat again, my son has a cold",
    "the battery from the remote was missing but we found it under the sofa, my son has a cold",
    "she gave up alcohol when the baby came, now the baby has a rash",
    "I read the label wrong but I gave him the right amount, he is fine and playing",
    "his tablets for the week are finished, I need to collect more from the chemist, my back aches",
    "he takes his paracetamol every four hours as the label says, his fever is down",
    "he climbed inside the water tank to clean it and scraped his knee",
    "the mercury thermometer broke on the floor, nobody touched it, the baby has a fever",
    "she had belly pain but it was gas, she is fine now",
    "my son is seven, eating well, I just need his inhaler medicine refilled",
]

# Look-alikes another flag's rules still read (not waking, "come out of it": unconscious's, not this round's).
NOT_THIS_FLAG = [
    ("I closed the door so she does not wake up, she has a cough", "suicidal"),
    ("I take my sleeping tablet at ten so I do not wake up at three, but my knee hurts", "suicidal"),
    ("the doctor said she will come out of it soon, she took her antibiotics, the cough is better", "overdose_poisoning"),
]


@pytest.mark.parametrize("text, flag", NOT_THIS_FLAG)
def test_az_look_alike_not_this_flag(text, flag):
    assert flag not in find_red_flags(text), prepare(text)


NOT_ALSO = [
    # the sign, without the look-alike's flag beside it
    ("he has a rope and says he will hang, he is on the roof", "suicidal", "overdose_poisoning", False),
    # a poison hidden away and nothing taken; recovering said as "come out of it"
    ("she keeps saying she wants to die and she has hidden the pesticide somewhere in the house", "suicidal",
     "overdose_poisoning", False),
    ("the family says he will come out of it, but tonight he asked how many tablets it takes to never wake up",
     "suicidal", "overdose_poisoning", False),
]

TWINS = [
    # each look-alike's twin, with the one thing that makes it the sign
    ("her dupatta is tied to the fan hook and she is standing on a stool, she won't come down", "suicidal", False),
    ("I closed the door and took all my tablets so I would not wake up", "suicidal", False),
    ("my daughter wrote goodbye letters to her friends and then locked herself in the bathroom", "suicidal", False),
    ("the battery in the remote is missing and the baby is drooling and crying", "overdose_poisoning", True),
    ("he climbed inside the water tank to clean it and collapsed", "overdose_poisoning", False),
]

test_az_kind_heard, test_az_look_alike_quiet, test_az_without_the_look_alike, test_az_twin_heard = turn_kind_tests(
    FLAGGED, QUIET, NOT_ALSO, TWINS)


# --- whole calls: confusion asks the harm question ---------------------------------------------------------------------
# An elder "confused and sweating" with no cause told is how an overdose of her own tablets first shows (as drowsiness
# is): the harm question is asked, and its yes is the flag.

from intake.red_flags import harm_cue_said  # noqa: E402
from tests.support.dialogue import run_call, scenario_call  # noqa: E402


@pytest.mark.parametrize("said", ["my grandfather is confused since this morning and sweaty",
                                  "she's all confused, talking nonsense since lunch"])
def test_confusion_asks_the_harm_question(said):
    assert harm_cue_said(said)


def test_a_confused_elder_whose_pill_box_is_empty_reaches_the_number():
    call = scenario_call("az-kind-confused-empty-box", {
        "who": "my grandad", "who_confirm": "no, my grandad",
        "complaint": "he is confused since the afternoon, keeps calling me by my uncle's name, and he is sweaty",
        "danger_signs": "no, none of those",
        "harm": "yes I think so, his sugar tablets for the whole week are gone from the box",
        "age": "eighty-one"},
        {"red_flags": ["overdose_poisoning"], "urgency": "emergency", "protocol": None}, caller="+254700000111")
    record, wrong = run_call(call)
    assert not wrong, wrong
