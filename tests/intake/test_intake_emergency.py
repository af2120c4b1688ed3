"""Emergency numbers: data by region, with a safe default."""

import pytest

from intake.emergency import emergency_number, region_of


@pytest.mark.parametrize(
    "region, number", [("NG", "112"), ("IN", "112"), ("PH", "911"), ("US", "911"), ("CA", "911"), ("GB", "999"),
                       ("DE", "112"), ("FR", "112"), ("ng", "112")],
)
def test_numbers_by_region(region, number):
    assert emergency_number(region).number == number


def test_notes_for_alternatives():
    assert "199" in emergency_number("NG").note
    assert "108" in emergency_number("IN").note


@pytest.mark.parametrize("region", [None, "", "ZZ", "XX"])
def test_unknown_region_falls_back_to_112_with_a_note(region):
    fallback = emergency_number(region)
    assert fallback.number == "112"
    assert "local emergency number" in fallback.note


def test_region_from_caller_number():
    assert region_of("+2348031234567") == "NG"
    assert region_of("whatsapp:+919812345678") == "IN"
    assert region_of("+447700900123") == "GB"
    assert region_of("not a number") is None
    assert region_of(None) is None
