"""Answer understanding on the kinds of text Whisper and SMS really produce."""

import pytest

from intake.understanding import (
    age_group,
    parse_age,
    parse_avpu,
    parse_breath_count,
    parse_duration,
    parse_number,
    parse_severity,
    parse_who,
    parse_yes_no,
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


def test_breath_count_ignores_the_fifteen_seconds_and_knows_per_minute():
    assert parse_breath_count("In 15 seconds I counted 8") == (8, False)
    assert parse_breath_count("about forty a minute") == (40, True)
    assert parse_breath_count("I lost count") is None


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
    [("myself", "self"), ("It's me.", "self"), ("someone else", "other"), ("my son", "other"),
     ("I'm calling about my mum", "other"), ("he fell", "other"), ("hello", None)],
)
def test_who(text, expected):
    assert parse_who(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [("he is awake and looking at me", "alert"), ("she's not awake but responds to my voice", "voice"),
     ("only when I pinch him, he pulls away", "pain"), ("nothing at all", "unresponsive"),
     ("he goes stiff", "unresponsive"), ("he does not respond when I call his name", "unresponsive"),
     ("blah", None)],
)
def test_avpu(text, expected):
    assert parse_avpu(text) == expected
