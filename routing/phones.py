"""Who is calling, from where, and whether we may connect them to a health worker there."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

import phonenumbers

CHANNEL_PREFIXES = ("whatsapp:", "sms:", "tel:")


@dataclass(frozen=True)
class CallerNumber:
    """A caller's number as Twilio gave it, parsed once at the edge."""

    raw: str
    e164: str | None
    region: str | None  # ISO 3166 alpha-2, e.g. "NG"
    valid: bool


@dataclass(frozen=True)
class CountryPermission:
    """What the law of the patient's country allows (data: routing/data/countries.json)."""

    region: str | None  # None: the default for countries not reviewed
    teleconsultation_allowed: bool
    requires_local_license: bool
    note: str = ""


def parse_caller(raw: str) -> CallerNumber:
    """Parse "+2348031234567" or "whatsapp:+234..." into E.164 and region; never raises."""
    number = (raw or "").strip()
    for prefix in CHANNEL_PREFIXES:
        if number.lower().startswith(prefix):
            number = number[len(prefix):]
    try:
        parsed = phonenumbers.parse(number, None)  # only "+" numbers: Twilio always sends E.164
    except phonenumbers.NumberParseException:
        return CallerNumber(raw=raw, e164=None, region=None, valid=False)
    valid = phonenumbers.is_valid_number(parsed)
    return CallerNumber(
        raw=raw,
        e164=phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164),
        region=phonenumbers.region_code_for_number(parsed) if valid else None,
        valid=valid,
    )


@cache
def _matrix() -> dict[str, dict]:
    text = resources.files("routing").joinpath("data/countries.json").read_text()
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


def permission_for(region: str | None) -> CountryPermission:
    """The permission row for `region`, or the default (teleconsultation not allowed)."""
    key = (region or "").upper()
    row = _matrix().get(key)
    if row is None:
        return CountryPermission(region=None, **_matrix()["default"])
    return CountryPermission(region=key, **row)


def open_regions() -> frozenset[str]:
    """Regions whose patients any worker may treat (no local licence required)."""
    return frozenset(k for k, v in _matrix().items()
                     if k != "default" and v["teleconsultation_allowed"] and not v["requires_local_license"])


def routable_regions() -> frozenset[str]:
    """Regions whose patients may be connected to a health worker at all."""
    return frozenset(k for k, v in _matrix().items() if k != "default" and v["teleconsultation_allowed"])
