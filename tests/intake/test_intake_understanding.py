"""Answer understanding on the kinds of text Whisper and SMS really produce."""

import pytest

from intake.quantities import parse_age
from intake.understanding import (
    age_band,
    age_group,
    agonal,
    names_someone_else,
    parse_avpu,
    parse_breathing,
    parse_duration,
    parse_number,
    parse_severity,
    parse_who,
    parse_yes_no,
    unresponsive_said,
)

BREATHING = (r"breath\w*",)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("yes", "yes"), ("Yes!", "yes"), ("yeah.", "yes"), ("Yeah, barely.", "yes"), ("uh huh", "yes"),
        ("Uh-huh.", "yes"), ("yep", "yes"), ("I think so", "yes"), ("he is breathing", "yes"),
        ("He's breathing.", "yes"), ("No, no, he is breathing now.", "unsure"),
        ("no", "no"), ("Nope", "no"), ("nah", "no"), ("I don't think so", "no"), ("not really", "no"),
        ("he's not breathing", "no"), ("He stopped breathing.", "no"), ("Yeah, he is not breathing.", "unsure"),
        ("I'm not sure", "unsure"), ("I don't know", "unsure"), ("maybe", "unsure"), ("No idea.", "unsure"),
        ("", None), ("hmm", None), ("the weather is bad", None),
        # a doubt beside a yes or a no is no answer; a bare "he isn't" is one
        ("I can't tell if he's breathing", "unsure"), ("I'm not sure, no", "unsure"), ("he isn't", "no"),
        ("No, he isn't.", "no"), ("he is", "yes"), ("yes he is", "yes"),
    ],
)
def test_yes_no(text, expected):
    assert parse_yes_no(text, keywords=BREATHING) == expected


def test_yes_no_question_words_and_hints():
    walk = (r"walk\w*",)
    assert parse_yes_no("she is too weak to walk", keywords=walk) == "no"
    assert parse_yes_no("I don't think he can walk", keywords=walk) == "no"
    assert parse_yes_no("he is walking around", keywords=walk) == "yes"
    assert parse_yes_no("it stays white", no_phrases=(r"stay\w* white",)) == "no"
    assert parse_yes_no("okay") is None
    assert parse_yes_no("okay", consent=True) == "yes"


@pytest.mark.parametrize(
    "text, expected",
    [("I counted nine", 9), ("about twelve", 12), ("nine maybe ten", 9), ("twenty two", 22), ("twenty-two", 22),
     ("6", 6), ("I counted 6.", 6), ("Eight.", 8), ("a dozen", 12), ("none", 0), ("zero", 0), ("for", 4),
     ("I don't know", None), ("", None)],
)
def test_numbers(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [("six months", 0.5), ("he's 45", 45), ("forty five years old", 45), ("a year and a half", 1.5),
     ("18 months", 1.5), ("two years and six months", 2.5), ("She is 3.", 3), ("I don't know", None)],
)
def test_age(text, expected):
    assert parse_age(text) == expected


def test_age_group_from_words():
    assert age_group("she is a baby") == "child"
    assert age_group("an old man") == "adult"
    assert age_group("not sure") is None
    assert [age_band(t) for t in ("my baby", "six weeks old", "a toddler", "an old man", "hmm")] == [
        "infant", "infant", "child", "adult", None]


@pytest.mark.parametrize(
    "text, expected",
    [("seven", 7), ("seven out of ten", 7), ("10/10", 10), ("maybe 3", 3), ("twenty", None), ("bad", None)],
)
def test_severity(text, expected):
    assert parse_severity(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [("since yesterday", "since yesterday"), ("three days", "3 days"), ("for about 2 hours", "2 hours"),
     ("one week", "1 week"), ("it started last night", "last night"), ("a few days", "a few days"), ("hmm", None)],
)
def test_duration(text, expected):
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [("myself", "self"), ("It's me.", "self"), ("for me", "self"), ("someone else", "other"), ("my son", "other"),
     ("I'm calling about my mum", "other"), ("he fell", "other"), ("hello", None),
     # first-person symptoms are clear evidence; a bare "me" or "mine" is not, and a line check is no answer
     ("I have a really bad headache", "self"), ("my chest hurts", "self"), ("I can't breathe", "self"),
     ("I fell off a ladder", "self"), ("me", "maybe_self"), ("Me.", "maybe_self"), ("mine", "maybe_self"),
     ("can you hear me?", None), ("Hello? Can you hear me?", None), ("I don't know", None), ("I need help", None),
     ("I am her mother", "other"), ("the baby", "other"), ("me, my daughter", "other"), ("my little boy", "other")],
)
def test_who(text, expected):
    assert parse_who(text) == expected


def test_a_complaint_naming_someone_else_overrules_self_only_without_first_person_symptoms():
    assert names_someone_else("my son fell in the water")
    assert names_someone_else("the baby is not moving")
    assert not names_someone_else("I fell while carrying my son")
    assert not names_someone_else("I have a fever")


@pytest.mark.parametrize("text", [
    "my mum died of a stroke so I'm scared, but I only have a stiff neck from sleeping",
    "my grandad passed away from cancer two years ago and now I keep worrying about moles",
    "my brother died in 2019 of an overdose, I just want to talk about my low mood",
])
def test_a_relative_who_died_of_something_is_the_familys_history_not_the_patient(text):
    assert not names_someone_else(text)


@pytest.mark.parametrize("text", [
    "my dad just collapsed and died in front of me",
    "my husband died of fright, he's not breathing",
    "my mum died of cancer and now my sister is fitting on the floor",
])
def test_a_death_now_or_another_patient_beside_it_is_still_someone_else(text):
    assert names_someone_else(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # apnoea in other words than "no"
        ("I didn't see any breaths", "no"), ("I did not see a single breath", "no"), ("his chest isn't moving", "no"),
        ("her chest is not rising", "no"), ("no breath at all", "no"), ("there's no breathing", "no"),
        ("I can't see him breathing", "no"), ("nothing", "no"), ("Nothing at all.", "no"),
        ("not that I can see", "no"), ("he stopped breathing", "no"), ("no", "no"),
        # agonal breathing and the noises of a blocked airway
        ("only occasional gasps", "agonal"), ("he is gasping every now and then", "agonal"),
        ("he's making snoring noises", "agonal"), ("she is breathing but snoring loudly", "agonal"),
        ("gurgling sounds", "agonal"), ("he's not breathing normally, just gasping", "agonal"),
        ("a breath every ten seconds or so", "agonal"), ("like a fish out of water", "agonal"),
        # breathing, and what stays unclear
        ("yes", "yes"), ("yeah, barely", "yes"), ("he is breathing fast", "yes"), ("his chest is going up and down", "yes"),
        ("Yeah, he is not breathing.", "unsure"), ("No, no, he is breathing now.", "unsure"), ("I'm not sure", "unsure"),
        ("I'm not sure, I can't see him breathing", "unsure"), ("he is barely breathing", "yes"),
        ("hmm", None), ("Yet, barely.", None),
    ],
)
def test_breathing_answers(text, expected):
    assert parse_breathing(text, keywords=(r"breath\w*", r"chest (is )?(moving|going up|rising)")) == expected


def test_gasping_is_agonal_only_when_the_patient_does_not_respond():
    assert agonal("he is gasping", unresponsive=True) and not agonal("he is gasping", unresponsive=False)
    assert agonal("he's snoring and won't wake", unresponsive=False)  # snoring in a collapse: always
    assert unresponsive_said("he collapsed") and unresponsive_said("she won't wake up")
    assert unresponsive_said("he is not responding") and not unresponsive_said("he is not unconscious")
    assert not unresponsive_said("he did not collapse") and not unresponsive_said("he is awake")


@pytest.mark.parametrize(
    "text, expected",
    [("he is awake and looking at me", "alert"), ("she's not awake but responds to my voice", "voice"),
     ("only when I pinch him, he pulls away", "pain"), ("nothing at all", "unresponsive"),
     ("he goes stiff", "unresponsive"), ("he does not respond when I call his name", "unresponsive"),
     ("blah", None)],
)
def test_avpu(text, expected):
    assert parse_avpu(text) == expected


@pytest.mark.parametrize(
    "text",
    ["my co-worker", "it's my flatmate", "my mate from the site", "my boyfriend", "the lad from next door",
     "our lodger", "my pupil", "my stepdad", "the guy who delivers our milk", "my hubby"],
)
def test_people_from_work_home_and_street_are_someone_else(text):
    """A person named in everyday words is someone else, never a first person to be confirmed four times."""
    assert parse_who(text) == "other"


@pytest.mark.parametrize(
    "text, expected",
    [("yes she walks, no problem", "yes"), ("he's walking fine, no worries", "yes"), ("no problem", None),
     ("no bother, he walked in himself", "yes"), ("no, no problem, he can't walk", "no"),
     ("yeah no trouble", "yes")],
)
def test_no_problem_is_no_denial(text, expected):
    """ "No problem" says the thing is easy: beside a yes it is no doubt; alone it answers nothing."""
    assert parse_yes_no(text, keywords=(r"walk\w*",)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [("no, I go all dizzy when I stand up", "no"), ("nope, every time she tries to walk her legs buckle", "no"),
     ("no, he screams if we try to get him up", "no"), ("no I can't, I feel faint standing", "no"),
     # the condition alone answers nothing (asked again, never a yes); a yes or a walk said outright still is one
     ("I get dizzy when I stand", None), ("yes, though she's wobbly when she stands", "yes"),
     ("yes he can walk if I hold his arm", "yes"), ("no, he can walk", "unsure"),
     ("no, she's walking about", "unsure")],
)
def test_the_questions_word_as_a_condition_is_no_answer(text, expected):
    """ "No, I get dizzy when I stand": "stand" is when the dizziness comes, not a yes beside the no."""
    assert parse_yes_no(text, keywords=(r"walk\w*", r"stand\w*", r"get up", r"on (his|her|their|my) feet")) == expected


@pytest.mark.parametrize(
    "text, expected",
    [("I said to him squeeze my fingers, he just stared at me, nothing", "no"),
     ("I asked her to grip my hand and she didn't", "no"),
     ("we told the patient to open his eyes, nothing, he only blinks", "no"),
     ("I asked him to squeeze my hand and he squeezed it", "yes"),
     ("I told her to open her eyes and she did it", "yes"),
     # The instruction quoted with nobody named, then the result in a clause of its own.
     ("I said squeeze my hand, she didn't, she only groans", "no"),
     ("we kept saying open your eyes, he just mumbles, he won't do what we ask", "no"),
     ("I said squeeze my fingers and she squeezed them tight", "yes"),
     ("I shouted open your eyes and he opened them", "yes")],
)
def test_the_test_the_caller_describes_is_not_its_result(text, expected):
    """A bystander tells what they asked before what happened; only what happened answers "can they squeeze?".
    Reading the request as a yes sent a patient who did not obey commands to YELLOW instead of RED."""
    from intake.prompts import PROMPTS

    commands = PROMPTS["commands"]
    said = parse_yes_no(text, keywords=commands.keywords, yes_phrases=commands.yes_phrases,
                        no_phrases=commands.no_phrases)
    assert said == expected


@pytest.mark.parametrize("text", ["my aai, mother", "my chacha, uncle", "jjajja, my grandmother", "my da", "me dad",
                                  "me mam", "it is my mam", "my aunty", "my mammy", "my nani, grandma"])
def test_a_relation_said_in_dialect_or_named_twice_is_someone_else(text):
    """"me dad" is "my dad"; "my aai, mother" names her in the caller's language, then in English: no
    confirmation question (a yes/no the caller may not hear clearly) stands between them and the complaint."""
    assert parse_who(text) == "other"


@pytest.mark.parametrize("text", ["me", "Me.", "mine", "my leg", "my pocket", "me only", "my own"])
def test_a_bare_me_or_my_is_still_confirmed(text):
    assert parse_who(text) == "maybe_self"


@pytest.mark.parametrize(
    "text, expected",
    [("I can't feel anything at her wrist or her neck", "no"), ("felt nothing on his neck", "no"),
     ("I pressed his wrist, can't find a thing", "no"), ("yes, I can feel it beating", "yes"),
     ("I can feel it, it's fast", "yes")],
)
def test_a_pulse_felt_for_and_not_found_is_a_no(text, expected):
    """Callers answer "is there a pulse?" with what their fingers found; "I can't feel anything" was not understood
    and asked four times while the child, not breathing after the airway was opened, waited for CPR."""
    from intake.prompts import PROMPTS

    pulse = PROMPTS["pulse"]
    assert parse_yes_no(text, keywords=pulse.keywords, yes_phrases=pulse.yes_phrases,
                        no_phrases=pulse.no_phrases) == expected


@pytest.mark.parametrize(
    "prompt_id, text, expected",
    [("perfusion", "her nail pinked up straight away", "yes"), ("perfusion", "it went right back to normal", "yes"),
     ("perfusion", "it stayed white, slow to come back", "no"),
     ("commands", "he's doing everything we tell him, grumbling", "yes"),
     ("commands", "she follows whatever I ask", "yes"), ("commands", "he doesn't do what I say", "no")],
)
def test_answers_said_as_what_happened(prompt_id, text, expected):
    """"His nail pinked right back", "she's doing everything I say": clear answers that were asked four times and
    then taken the urgent way, ending a hip fall RED."""
    from intake.prompts import PROMPTS

    assert PROMPTS[prompt_id].read_yes_no(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [("it's me, the patient", "self"), ("me, a nurse", "maybe_self"), ("me, a man of fifty", "maybe_self"),
     ("me, the driver knocked my boy down", "other"), ("me, the mum, my baby won't feed", "other")],
)
def test_words_after_me_that_describe_the_caller_name_nobody_else(text, expected):
    """"It's me, the patient" was read as someone else ("the patient"), and a caller who is the patient was asked
    to count someone else's breaths; a description after "me" names the caller, a new clause may name another."""
    assert parse_who(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [("a mi, mi a call fi miself", "self"), ("na me, na my belly dey pain", "self"), ("it a me, fi me", "self"),
     ("mi pickney, she a three", "other"), ("mi pikin", "other")],
)
def test_who_said_in_patois_pidgin_or_krio(text, expected):
    """"A me, a fi me" ("it's me, it's for me") was not understood, asked three times and taken as someone else."""
    assert parse_who(text) == expected
