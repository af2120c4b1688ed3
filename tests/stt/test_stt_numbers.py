"""Spoken numbers become digits for the dialogue."""

from __future__ import annotations

import pytest

from stt.numbers import normalize_numbers


@pytest.mark.parametrize(
    ("spoken", "digits"),
    [
        ("I counted thirty nine", "I counted 39"),
        ("nine maybe ten", "9 maybe 10"),
        ("nine, ten", "9, 10"),
        ("about twelve breaths", "about 12 breaths"),
        ("Twenty-five", "25"),
        ("a hundred and twenty", "120"),
        ("two thousand and five", "2005"),
        ("he is seventy two years old", "he is 72 years old"),
        ("thirty eight point five degrees", "38.5 degrees"),
        ("I counted 9", "I counted 9"),
        ("no one is here", "no one is here"),
        ("that one hurts", "that one hurts"),
        ("a hundred", "100"),
        ("and then a cat", "and then a cat"),
        ("", ""),
    ],
)
def test_spoken_numbers(spoken, digits):
    assert normalize_numbers(spoken) == digits
