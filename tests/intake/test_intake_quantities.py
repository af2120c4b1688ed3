"""Counts, ages and ranges as people say them: every number is an interval, and how it was said is kept."""

import pytest

from intake.quantities import Quantity, parse_age, parse_age_quantity, parse_breath_count, quantities


@pytest.mark.parametrize(
    "text, low, high, kind",
    [
        # ranges joined by to / or / and / - / maybe / no, in digits and in words
        ("eight or nine", 8, 9, "range"), ("between 7 and 9", 7, 9, "range"), ("25 to 35", 25, 35, "range"),
        ("7-9", 7, 9, "range"), ("from seven to nine", 7, 9, "range"), ("nine maybe ten", 9, 10, "range"),
        ("nine, no, ten", 9, 10, "range"), ("twenty five or thirty", 25, 30, "range"),
        ("in his thirties", 30, 39, "range"), ("thirty something", 30, 39, "range"), ("30s", 30, 39, "range"),
        # approximations
        ("about 30", 30, 30, "about"), ("around twenty two", 22, 22, "about"), ("sevenish", 7, 7, "about"),
        ("8 or so", 8, 8, "about"), ("roughly a dozen", 12, 12, "about"),
        ("almost eight", 7, 7, "just_under"), ("nearly 8", 7, 7, "just_under"),
        ("she'll be eight next month", 7, 7, "just_under"), ("about to turn 8", 7, 7, "just_under"),
        ("over seventy", 71, None, "above"), ("more than 7", 8, None, "above"), ("at least 30", 30, None, "above"),
        ("30 or more", 30, None, "above"), ("under 8", None, 7, "below"), ("less than four", None, 3, "below"),
        ("up to 10", None, 10, "below"),
        # one number, said plainly or counted aloud
        ("twenty two", 22, 22, "exact"), ("I counted 6.", 6, 6, "exact"), ("a dozen", 12, 12, "exact"), ("two dozen", 24, 24, "exact"),
        ("one, two, three, four, five", 5, 5, "exact"), ("one and a half", 1.5, 1.5, "exact"),
    ],
)
def test_numbers_are_intervals(text, low, high, kind):
    q = quantities(text)[0]
    assert (q.low, q.high, q.kind) == (low, high, kind)


def test_units_follow_the_number_and_a_rate_is_not_a_time():
    assert [q.unit for q in quantities("4 or 5 months")] == ["month"]
    assert [q.unit for q in quantities("8 breaths in 15 seconds")] == ["breath", "second"]
    assert [q.unit for q in quantities("forty a minute")] == [None]  # "a minute" makes it a rate, not 40 minutes


@pytest.mark.parametrize(
    "text, expected",
    [
        ("six months", 0.5), ("he's 45", 45), ("forty five years old", 45), ("a year and a half", 1.5),
        ("18 months", 1.5), ("two years and six months", 2.5), ("She is 3.", 3), ("I don't know", None),
        # a range gives its younger end
        ("seven or eight", 7), ("eight or nine", 8), ("between 7 and 9", 7), ("4 or 5 months", 0.33),
        ("18 months to 2 years", 1.5), ("in her thirties", 30),
        # just under a birthday is the completed year below it
        ("she'll be eight next month", 7), ("almost eight", 7), ("nearly 8", 7), ("going on eight", 7),
        ("he turns 8 next week", 7), ("almost one", 0.92), ("over seventy", 71), ("under 8", 7),
    ],
)
def test_ages_as_said(text, expected):
    assert parse_age(text) == expected


def test_a_hedged_age_keeps_its_number_and_says_so():
    assert parse_age_quantity("about 8") == Quantity(8, 8, "about", "year", 8)


@pytest.mark.parametrize(
    "text, per_minute, seconds",
    [
        ("In 15 seconds I counted 8", (32, 32), 15), ("8", (32, 32), 15), ("eight or nine", (32, 36), 15),
        ("seven or eight", (28, 32), 15), ("between 7 and 9", (28, 36), 15),
        # a count over a minute is already a rate: never multiplied by 4
        ("about forty a minute", (40, 40), 60), ("20 in one minute", (20, 20), 60), ("twenty per min", (20, 20), 60),
        ("I counted for a whole minute, 20", (20, 20), 60), ("18 in 60 seconds", (18, 18), 60),
        ("25 to 35 a minute", (25, 35), 60),
        # another counting time scales to a minute
        ("12 in 30 seconds", (24, 24), 30), ("six in half a minute", (12, 12), 30),
        # open ends
        ("more than 7", (32, None), 15), ("less than 4", (None, 12), 15),
        # no breaths at all
        ("none", (0, 0), 15), ("not one", (0, 0), 15), ("not a single breath", (0, 0), 15), ("zero", (0, 0), 15),
        ("for", (16, 16), 15),
    ],
)
def test_breath_counts_become_rates(text, per_minute, seconds):
    count = parse_breath_count(text)
    assert (count.per_minute.low, count.per_minute.high) == per_minute
    assert count.seconds == seconds


def test_no_count_is_no_answer():
    assert parse_breath_count("I lost count") is None
    assert parse_breath_count("I don't know") is None
    assert parse_breath_count("") is None


@pytest.mark.parametrize("said, per_minute", [
    ("six, or was it seven", (24, 28)), ("nine, no wait, it was ten", (36, 40)), ("seven, is it eight?", (28, 32)),
    ("five, make that six", (20, 24)), ("eleven, hmm, twelve", (44, 48)),
])
def test_a_count_corrected_or_doubted_keeps_both_numbers(said, per_minute):
    """Which of the two is right the caller cannot say: both ends stay, and the dialogue takes the urgent one."""
    rate = parse_breath_count(said).per_minute
    assert (rate.low, rate.high) == per_minute


@pytest.mark.parametrize("said", ["six, I lost count after that", "about nine but I lost track",
                                  "eight, I missed a few when he moved", "twelve, I could not keep count"])
def test_a_count_the_counter_does_not_trust_says_so(said):
    assert parse_breath_count(said).doubted and not parse_breath_count(said.split(",")[0].split(" but")[0]).doubted


def test_numbers_in_different_statements_are_no_range():
    assert [(q.low, q.high) for q in quantities("he is thirty and it was two days ago")] == [(30, 30), (2, 2)]


def test_a_count_whose_window_is_in_doubt_spans_both_windows():
    # Over 15 seconds or over a minute: 12 to 48 a minute, and the dialogue takes the urgent end (SAFETY.md).
    for said in ["ten, or maybe that was over the whole minute", "nine per minute, I'm not sure if it was a minute"]:
        rate = parse_breath_count(said).per_minute
        assert rate.high == rate.low * 4, said
    assert parse_breath_count("twelve in a minute").per_minute.high == 12


@pytest.mark.parametrize(
    "text, low, high",
    [("she was born in 2023", 2, 3), ("he was born in October 2019", 6, 7), ("born 2026", 0, 0.99),
     ("my grandad, born in 1950", 75, 76)],
)
def test_an_age_said_as_a_year_of_birth_is_a_range_of_a_year(text, low, high):
    """The birthday is not said, so "born in 2019" in 2026 is six or seven: the JumpSTART side of 8 is kept open
    (the dialogue takes the younger end and records the age as assumed when it straddles a threshold)."""
    age = parse_age_quantity(text, this_year=2026)
    assert age is not None and (age.low, age.high) == (low, high)
