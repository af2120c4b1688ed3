"""The weakest flags of blind set m (intake/corpus/blind_m_*.jsonl, spent): suicidal, pregnancy_emergency,
overdose_poisoning and child_danger_signs, each miss sorted into its kind and fixed at the level of its concept.

Every sentence here was written for these tests, none copied from a corpus. Each kind is heard in several new
wordings, and its look-alikes (the same words with no emergency in them) stay unflagged.
"""

import pytest

from intake.red_flags import find_red_flags, prepare

FOUND = [
    # Intent with a decision and a means, no "kill myself": a height and a jump made up one's mind to.
    ("suicidal", "my brother is on the roof of the multi storey and he says he has made up his mind to jump"),
    ("suicidal", "I'm standing on the bridge over the river and I've decided to jump"),
    ("suicidal", "she's at her bedroom window on the fourth floor saying she's ready to jump"),
    # A stockpile counted, and the taking said with its decision.
    ("suicidal", "I've saved up sixty painkillers and I've decided to take them once everyone's in bed"),
    ("suicidal", "she's got forty pills on the bedside table and she's decided to take them"),
    # A denial of a denial is what it denies.
    ("suicidal", "honestly I can't say I don't want to die, not any more"),
    ("suicidal", "I won't pretend I don't want to end it all, I've thought about how"),
    # The farewell and the going: things given away, gone or not around soon; a note and a missing gun.
    ("suicidal", "she gave all her stuff away yesterday and keeps saying she'll be gone soon"),
    ("suicidal", "my daughter gave her things away this week and told her sister she'll be gone by Sunday"),
    ("suicidal", "there was a note by the kettle that says sorry, and his rifle is gone from the gun safe"),
    # Behaving as before a past attempt: the yardstick is the attempt, the behaviour is now.
    ("suicidal", "he's acting exactly like he did before his last attempt, all calm and quiet out of nowhere"),
    ("suicidal", "mum, she's talking the way she did right before her first overdose"),
    # Worn out, and everything taken.
    ("suicidal", "his message says he can't carry on like this and he's swallowed the whole lot"),
    ("overdose_poisoning", "his message says he can't carry on like this and he's swallowed the whole lot"),
    ("overdose_poisoning", "his note says he can't take it any more and he has had every one of them"),
    # Poisoning told by an amount missing, beside a child or a mark of it on the mouth.
    ("overdose_poisoning", "a few of grandad's water tablets are missing and my grandson was up there on his own"),
    ("overdose_poisoning", "my toddler was in the bathroom and half the bottle of calpol is gone"),
    ("overdose_poisoning", "a corner of the washing tablet is gone and there's blue stuff round her mouth"),
    ("overdose_poisoning", "five or six of my sleeping tablets have gone and my little boy is very drowsy"),
    # A farm or household chemical a child got into.
    ("overdose_poisoning", "our little girl got into the creosote in the shed and she's coughing"),
    ("overdose_poisoning", "the baby has got at the sheep drench in the barn and it's all round his mouth"),
    ("overdose_poisoning", "my two year old drank some of the nail varnish remover"),
    # Pregnancy said in dialect: a final g dropped, "odd" weeks, belly, a baby in the tummy.
    ("pregnancy_emergency", "my missus is carryin' and she's been bleedin' heavy all mornin'"),
    ("pregnancy_emergency", "my wife's expectin and she's been losin blood all evenin"),
    ("pregnancy_emergency", "me daughter's thirty-odd weeks and she's losin' loads of blood"),
    ("pregnancy_emergency", "my sister has a baby in her belly and she is bleeding a lot from down below"),
    ("pregnancy_emergency", "she's 26 weeks and she's bled right through her jeans"),
    # A pain in late pregnancy that does not let go, with faintness.
    ("pregnancy_emergency", "thirty six weeks, a cramp in my tummy that never stops, and I feel dizzy"),
    ("pregnancy_emergency", "I'm thirty two weeks and this belly pain won't settle, I feel like I'll pass out"),
    # A positive test says the pregnancy began, however long ago it was done.
    ("pregnancy_emergency", "the test came up positive a few days ago and I've got a sharp pain down on one side, I nearly fainted"),
    ("pregnancy_emergency", "it feels just like my ectopic did, and I had a positive test on Saturday"),
    # An infant who cannot be woken properly, and signs compared with someone else's past.
    ("child_danger_signs", "I can't rouse her properly, she's five weeks old"),
    ("child_danger_signs", "he's a month old and he won't wake up properly for anything"),
    ("child_danger_signs", "she's grunting like her sister did when she had bronchiolitis as a baby, with every breath"),
    ("child_danger_signs", "my son is one and he's sucking in under his ribs just like he did last winter with that chest infection"),
    ("child_danger_signs", "she's six weeks and she keeps falling asleep in the middle of feeds"),
]

NOT_FLAGGED = [
    # A jump, a take, a decision and a time with no means of harm.
    "I've decided to jump on the trampoline tonight",
    "the kids have made up their minds to jump in the pool after lunch",
    "I've got thirty tablets for the month and I'm going to take them one a day",
    "I've decided to take my tablets at night from now on",
    # Given away and gone, for a journey.
    "I'm giving my things away because I'm moving abroad, I'll be gone by Friday",
    "we found a note saying sorry from the neighbour about the fence",
    # An attempt at something else.
    "she's nervous like she was before her last attempt at the driving test",
    # Missing, and accounted for; gone with no medicine or poison.
    "the pills are missing from the cupboard, I moved them",
    "two of my tablets are missing from the pack, I think the pharmacy short changed me",
    "three of my son's tablets are missing from his school bag, I found them in the car",
    "my toddler ate half the cake and now it's gone",
    "the kids got into the cheese dip at the party",
    # Dialect with nothing in it; "thin" is not "thing".
    "she's carryin' the shopping in from the car and she's fine",
    "he's so thin these days, nothin' else is wrong, I'm just askin' about his diet",
    # A pregnancy test, and no sign.
    "my test came back positive last week and I'd like to book my first scan",
    "I'm thirty weeks and the heartburn won't let up at night",
    # "Have belly" is a pregnancy, "have belly ache" is not; a struggle going on since an old stroke is its mark.
    "I have belly ache and it's a really bad pain",
    "I had a stroke three years ago and I have been struggling to speak since",
    # A baby's past, and a grown-up who dozes.
    "he was grunting when he was a newborn but he's four now and fine",
    "I keep falling asleep at my desk after lunch",
]


@pytest.mark.parametrize("flag, text", FOUND)
def test_each_weak_flag_kind_is_heard_by_the_rules(flag, text):
    # The rules alone: the learned reader behind them is a backstop, not the place a kind is fixed.
    assert flag in find_red_flags(text, learned=False), prepare(text)


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_look_alikes_of_the_weak_flags_stay_unflagged(text):
    assert find_red_flags(text) == [], prepare(text)


def test_a_final_g_dropped_is_read_back_only_to_words_the_tables_know():
    assert prepare("she's carryin' and hurtin bad") == "she is carrying and hurting bad"
    assert prepare("he is thin and the cabin is cold") == "he is thin and the cabin is cold"


def test_a_denial_of_a_denial_keeps_what_is_left():
    # "I can't say I don't want to live" wants to live: the double denial is no wish to die.
    assert "want to live" in prepare("I can't say I don't want to live")
    assert "not" not in prepare("I can't say I don't want to live").split()
    assert "suicidal" in find_red_flags("I can't say I don't want to die", learned=False)


def test_a_comparison_dates_its_yardstick_not_the_sign():
    # The past is the brother's; the grunting is now. Told of the baby's own past, it is history.
    assert "child_danger_signs" in find_red_flags("he's grunting the way his brother did when he was small", child=True)
    assert "child_danger_signs" not in find_red_flags("he used to grunt when he was a newborn, years ago", child=True)


def test_still_going_on_for_an_hour_is_now_even_after_a_date():
    text = "we moved here two years ago, I have been standing on the railway bridge for an hour and I have decided to jump"
    assert "suicidal" in find_red_flags(text, learned=False)
