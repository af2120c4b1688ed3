"""Emergency numbers: data by region, with a safe default."""

import pytest

from intake.emergency import EmergencyNumber, emergency_number, emergency_number_for, region_of


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


def test_every_region_the_phone_library_knows_has_an_entry():
    import json

    import phonenumbers

    from intake.emergency import DATA_FILE

    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    missing = sorted(set(phonenumbers.SUPPORTED_REGIONS) - set(raw))
    assert missing == []
    for region in phonenumbers.SUPPORTED_REGIONS:
        entry = raw[region]
        assert isinstance(entry, dict) or entry in raw, (region, entry)  # an alias names a real entry
        assert emergency_number(region).number.isdigit()


@pytest.mark.parametrize(
    ("phone", "region"),
    [("+447797712345", "JE"), ("+447781123456", "GG"), ("+447624123456", "IM")],  # Crown-dependency mobiles
)
def test_crown_dependency_mobiles_get_999(phone, region):
    assert region_of(phone) == region
    assert emergency_number_for(phone) == EmergencyNumber("999", "112 also works")


@pytest.mark.parametrize(
    ("phone", "number"),
    [
        ("+23480312345", "112"),  # too short for the library's Nigerian ranges: still Nigeria
        ("+12425551234", "911"),  # the Bahamas' area code, a number the library calls invalid
        ("+441624123456", "999"),  # an Isle of Man landline outside the library's ranges
        ("+447700900123", "999"),  # Ofcom's drama range: not a real line, still the UK
        ("sms:+2348031234567", "112"),
        ("tel:+819012345678", "119"),
    ],
)
def test_numbers_the_library_calls_invalid_keep_their_country(phone, number):
    assert emergency_number_for(phone).number == number


def test_unparseable_numbers_get_the_default():
    for phone in (None, "", "anonymous", "+999", "whatsapp:"):
        assert emergency_number_for(phone) == emergency_number(None)
