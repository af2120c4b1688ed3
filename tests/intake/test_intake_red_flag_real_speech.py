"""Kinds of false flag found in real patient speech (PriMock57 GP consultations, a development set), each written
here in other words and other Englishes, with the true sign beside it. Run with the learned reader on, as the
service runs."""

import pytest

from intake.red_flags import find_red_flags

# (flag, look-alike that must not raise it, the true sign beside it that must)
KINDS = {
    # IMCI danger signs are a child's: a caller vomiting everything themselves, or a grown-up they name, is no child.
    "an_adult_vomiting_everything": ("child_danger_signs", [
        "Yes, I've been throwing up. I can't keep anything in me, not even water. I've just been throwing up everything.",
        "I've been vomiting literally everything I take, so I doubt the tablets had the chance to work",
        "how do I get myself hydrated when I'm not able to drink water? I'm throwing up everything.",
        "Since morning I am vomiting everything, not even water is staying inside",
        "my mum, she has quite bad migraines, she has the vomiting and everything",
        "my husband has been throwing up everything he eats for two days",
    ], [
        "my baby has been throwing up everything, even water",
        "I'm so worried, she is vomiting everything I give her",
        "my son can't keep anything down, he's throwing up everything",
        "I think my little girl is vomiting everything, she is two",
        "the pikin dey vomit everything since morning",
        "my two year old is throwing up everything, even water",
        "I think my 6 month old is vomiting everything",
        "I can't wake her, she is so floppy",
        "I can't keep him awake, he keeps falling asleep",
        "my husband called me at work, my little one, she is vomiting everything",
        # a grown-up's belongings are not the patient: "her mum's pills" leaves the child the one who is floppy
        "she got into her mum's pills and now she's floppy and won't wake, she's two",
        "he found his dad's tablets and now he's floppy and not feeding",
        "he took his grandad's heart pills, now he's very sleepy and won't feed",
    ]),
    # Where a pain is ("on the left side only") is no one-sided weakness: the learned reader must not read it as a stroke.
    "the_side_a_pain_is_on": ("stroke", [
        "It's in, uh, one side, uh, the left side, only.",
        "the headache is on one side, the right side only",
        "it's only on the left side, on one side of my head",
    ], [
        "his left side is weak and he can't lift his arm",
        "one side of her face has dropped",
        "she suddenly can't move her left arm or leg",
    ]),
    # "Every day" is how often a dose is taken, not every pill in the packet.
    "a_dose_taken_every_day": ("overdose_poisoning", [
        "I've been taking ibuprofen and paracetamol over the counter but it's not helping, just been taking the recommended dose every day of those.",
        "I take paracetamol every day for my back but it is not helping",
        "been taking my ibuprofen every four hours and the pain is still there",
    ], [
        "he took every pill in the bottle and now he is drowsy",
        "she has swallowed every tablet in the packet",
        "he took a whole packet of paracetamol an hour ago",
    ]),
    # A feared diagnosis, named when asked what worries them, whose death in the family is said next; a heart attack
    # the caller thought was coming.
    "a_feared_diagnosis": ("chest_pain", [
        "Hmm, the main one would be, um, heart attack. My, my father passed away of that.",
        "Heart attack. My dad died of that when I was young.",
        "I was lying in bed and my heart was racing so much, I thought I was gonna have a heart attack in the morning.",
        "before the exam I felt like I was going to have a heart attack, my heart was pounding",
    ], [
        "I think my dad is having a heart attack, he is grey and sweating",
        "He's having a heart attack. His father died of that too.",
        "I am having a heart attack, please help",
        "111 said it was a heart attack and told me to call you",
    ]),
    # A diagnosis a clinician gave for an episode in the past, told in the past tense.
    "a_diagnosis_given_before": ("chest_pain", [
        "Uh, well I was told I had like a, they called it like a small heart attack.",
        "They just called it something, uh, something like that, a small heart attack.",
        "Uh, no they, they said that it, uh, it seemed, it was like, more than angina.",
        "About, five years ago. Um, I had like some chest pain and they took me into hospital.",
    ], [
        "the paramedic on the phone said it is a heart attack",
        "About five minutes ago. He had chest pain and collapsed.",
        "I had a heart attack two years ago and now I have the same crushing chest pain again",
    ]),
    # What a known condition always does ("always have problems with my breathing because of the asthma") is not
    # this call's sign; "but today I can't breathe" is.
    "a_known_condition_as_always": ("breathing_difficulty", [
        "Um, I always have problems with my breathing, because of the asthma like.",
        "I've always had a bit of trouble breathing with my asthma, nothing new",
    ], [
        "I always have asthma but today I can't breathe",
        "I've always had asthma but now I'm struggling to breathe",
        "she always gets chest infections, and she is struggling to breathe",
    ]),
    "a_known_allergy_said_to_be_mild": ("anaphylaxis", [
        "Yeah, uh, it's an allergic reaction, so I swell up, um, a bit, but, um, nothing life threatening.",
        "I'm allergic to nuts, my lips swell up a bit, but it's never life threatening",
    ], [
        "she's allergic to nuts and her lips and tongue are swelling up",
        "it's an allergic reaction, his throat is closing",
        "her lips are swelling up, it's not life threatening, is it?",
        "he's having an allergic reaction and his face is swelling",
    ]),
    # Not knowing when a sign comes is no sign now; not knowing whether someone breathes is.
    "not_knowing_when_it_comes": ("breathing_difficulty", [
        "I haven't been walking lately at all, so it's really hard for me to identify when I feel the shortness of breath.",
        "it's difficult to say when I get short of breath, I don't go out much",
    ], [
        "it's hard to say when it started, but I am very short of breath now",
        "I can hardly breathe and I can't tell when it will stop",
    ]),
}


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, (_, benign, _) in KINDS.items() for t in benign])
def test_a_look_alike_from_real_speech_raises_no_flag_of_its_kind(kind, text):
    flag = KINDS[kind][0]
    assert flag not in find_red_flags(text), text


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, (_, _, real) in KINDS.items() for t in real])
def test_the_true_sign_beside_it_is_found(kind, text):
    flag = KINDS[kind][0]
    assert flag in find_red_flags(text), text
