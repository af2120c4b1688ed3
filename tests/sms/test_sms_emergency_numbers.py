"""Voice and text tell a caller the same emergency number, for an example number of every region the phone library knows."""

from __future__ import annotations

import re

import phonenumbers
import pytest

from intake.dialogue import Dialogue
from intake.emergency import emergency_number_for, region_of
from intake.models import TriageResult, Urgency
from sms.conversation import fallback_text, help_text
from sms.summaries import CaseSummaryInput, caller_summary


def _example(region: str) -> str:
    """A mobile number of `region` in E.164, or any example number where the library has no mobile one."""
    number = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    number = number or phonenumbers.example_number(region)
    assert number is not None, region
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _numbers(text: str) -> set[str]:
    """The number the text tells the caller to call first (a note after it may name another service)."""
    found = re.search(r"[Cc]all (\d+)", text)
    return {found.group(1)} if found else set()


def _voice_dialogue_number(phone: str) -> set[str]:
    # voice/call.py builds the call's dialogue from the caller's number exactly so
    return _numbers(Dialogue(channel="voice", region=region_of(phone)).start().text)


@pytest.mark.parametrize("region", sorted(phonenumbers.SUPPORTED_REGIONS))
def test_voice_and_text_give_the_same_number(region):
    phone = _example(region)
    expected = {emergency_number_for(phone).number}
    assert region_of(phone) in phonenumbers.COUNTRY_CODE_TO_REGION_CODE[phonenumbers.parse(phone).country_code]
    assert _voice_dialogue_number(phone) == expected
    assert _numbers(Dialogue(channel="text", region=region_of(phone)).start().text) == expected
    assert _numbers(help_text(phone)) == _numbers(fallback_text(phone)) == expected
    assert _numbers(help_text("whatsapp:" + phone)) == expected
    summary = caller_summary(CaseSummaryInput("TL-1", phone, region_of(phone), TriageResult(urgency=Urgency.EMERGENCY)))
    assert _numbers(summary) == expected


@pytest.mark.parametrize("phone", ["+12425551234", "+23480312345", "+447797712345", "+447781123456", "+447624123456"])
def test_numbers_the_library_calls_invalid_or_crown_dependencies_agree_too(phone):
    expected = {emergency_number_for(phone).number}
    assert _voice_dialogue_number(phone) == _numbers(help_text(phone)) == expected
