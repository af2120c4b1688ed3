"""False flags of the kinds set n showed, written for this file (no corpus line): each look-alike is paired with a real
sign in nearby words that must still be found. The kinds: a monitor's alarm that was the device's fault; a sign in the
distant past (a newborn, a child, a year ago); a look-alike explained by its cause (dental numbing, a piercing) or by
"always been like that"; words that are not the sign (a label's warning, a legal seizure, a bias, a swearing idiom, a
plant, a sleep start, choking on stage, cold from the weather); a descriptor said of another body part; an animal
told of as "it"; unconsciousness told by the one who is talking. Run with the learned reader on, as the service runs."""

import pytest

from intake.dialogue import Dialogue
from intake.red_flags import find_red_flags
from intake.understanding import parse_yes_no

# (flag, look-alike that must not raise it, real sign that must)
PAIRS = [
    # a device's alarm, and the device was at fault
    ("not_breathing", "the apnoea alarm on his cot sounded, false alarm, he was pink and snoring",
     "the breathing monitor beeped and I went in and he isn't breathing"),
    ("not_breathing", "the apnoea monitor alarmed twice tonight, each time she was breathing away fine, the sensor pad had worked loose",
     "his apnea alarm went off and he's gone floppy and stopped breathing"),
    # the distant past
    ("not_breathing", "she stopped breathing as an infant and had a week in special care, she's seven now with a cough",
     "she's seven and she just stopped breathing on the sofa"),
    ("suicidal", "my best friend took her own life a year ago this week, I'm not in danger, I just can't sleep",
     "I want to take my own life tonight"),
    ("stroke", "his mouth has been crooked since he was a baby, I'm ringing about his ingrown toenail",
     "his mouth went crooked an hour ago and he can't lift his arm"),
    # explained by its cause or by always
    ("stroke", "her cheek is numb and her mouth droops on that side, she's dribbling after a tooth came out at the dentist this morning",
     "my lip is numb and drooping on one side and I'm drooling, it came on out of nowhere"),
    ("stroke", "he's slurring a bit since he got his lip pierced on Saturday, it's swollen where the ring goes",
     "he's suddenly slurring his words and his face looks lopsided"),
    ("stroke", "one of her eyelids droops, it's always been like that, she wants to know about her hay fever",
     "her eyelid and the corner of her mouth are drooping on the left since lunch"),
    # words that are not the sign
    ("choking", "the balloons have a choking hazard label, is it alright for my four year old's party?",
     "my four year old is choking on a balloon, he can't breathe"),
    ("seizure", "customs seizure of my parcel has me so wound up I've had a migraine all day",
     "she's having a seizure, her arms and legs are jerking"),
    ("unconscious", "our team had a session on unconscious biases and I came home with a splitting headache",
     "my flatmate is unconscious on the bathroom floor"),
    ("unconscious", "I passed out on the settee after the stag do, this morning it's just a sore head",
     "my mate passed out on the settee after the stag do and we can't wake him"),
    ("breathing_difficulty", "she's fine and breathing, swearing a blue streak at the ladder she fell off",
     "she fell off the ladder and her lips are going blue"),
    ("overdose_poisoning", "the kids walked through poison oak at camp and their legs are covered in itchy bumps",
     "the kids drank weedkiller at camp"),
    ("seizure", "when he's nodding off his whole body jerks once and wakes him up, is that ok",
     "he's twitching all over and won't stop, his eyes have rolled back"),
    ("choking", "my son choked at his school concert, forgot the whole song, and now he won't come out of his room",
     "my son is choking at the school concert, something is stuck in his throat"),
    ("child_danger_signs", "my baby's hands went cold because we were out in the snow at the park, they warmed up inside by the fire",
     "her little hands are icy and she's floppy and won't feed"),
    # a descriptor said of another body part
    ("stroke", "she fell down the bank, she's awake and talking, her ankle's bent funny",
     "he's talking funny and his words come out jumbled"),
    ("anaphylaxis", "her ankle is swollen, her mouth is sore from a mouth ulcer, she tripped on the step",
     "after the prawns her mouth is swelling up"),
    # an animal told of as "it"
    ("not_breathing", "our pony went down in the field and it's not breathing now, I twisted my knee getting to it",
     "our son went down in the field and he's not breathing now"),
    ("not_breathing", "the old goat collapsed by the fence and it's not breathing, I scraped my hand on the wire",
     "my old dad collapsed by the fence and he's not breathing"),
]


@pytest.mark.parametrize("flag,lookalike,real", PAIRS, ids=[f"{f}-{i}" for i, (f, _, _) in enumerate(PAIRS)])
def test_lookalike_is_no_sign_but_the_sign_still_is(flag, lookalike, real):
    assert flag not in find_red_flags(lookalike), lookalike
    assert flag in find_red_flags(real), real


@pytest.mark.parametrize("text", [
    "he moved his thumb a bit, is that squeezing?",
    "her fingers flickered, does that count?",
    "he sort of gripped, would that be following?",
])
def test_an_answer_asked_back_is_not_a_yes(text):
    """Whether what was seen counts, asked back, is unclear: re-asked, and assumed urgent if it stays so (SAFETY.md)."""
    assert parse_yes_no(text, keywords=(r"squeez\w*", r"follow\w*")) == "unsure"


def test_an_age_said_beside_a_red_flag_still_sets_the_protocol():
    d = Dialogue(channel="sms", region="GB")
    d.start()
    for said in ("it's me", "a wasp stung my neck", "no"):
        d.answer(said)
    d.answer("thirty one, and hang on, my tongue is swelling up and my throat is closing")
    assert d.finished and "anaphylaxis" in d.result.red_flags
    assert d.result.age_years == 31 and d.result.protocol == "START"


@pytest.mark.parametrize("text", [
    "his lips are swollen since we ate at the local takeaway",
    "her tongue is swelling after eating the pie filling",
])
def test_a_dental_word_that_names_no_dental_cause_keeps_the_sign(text):
    """The dental explanation reaches a few words for its cause, so the cause words must name dental work."""
    assert "anaphylaxis" in find_red_flags(text)
