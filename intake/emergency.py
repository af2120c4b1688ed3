"""The emergency number a caller should dial, by the country of their phone number.

`emergency_number_for(phone)` is the one path from a caller's number to what they are told to dial, and
`region_of(phone)` the region it uses: voice and text, the dialogue, the webhooks and the summaries all
go through them, so a caller never hears one number and reads another.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("emergency_numbers.json")
CHANNEL_PREFIXES = ("whatsapp:", "sms:", "tel:")  # how Twilio writes the address of each channel


@dataclass(frozen=True)
class EmergencyNumber:
    """A number to dial now, and an optional note said after it ("for an ambulance you can also call 108")."""

    number: str
    note: str | None = None


@cache
def _table() -> dict[str, EmergencyNumber]:
    """Region -> number; an entry that is a string names another entry ("default", or "NO" for Svalbard)."""
    raw = {k: v for k, v in json.loads(DATA_FILE.read_text(encoding="utf-8")).items() if not k.startswith("_")}
    table = {k: EmergencyNumber(v["number"], v.get("note")) for k, v in raw.items() if isinstance(v, dict)}
    table.update({k: table[v] for k, v in raw.items() if isinstance(v, str)})
    return table


def emergency_number(region: str | None) -> EmergencyNumber:
    """The number for an ISO 3166 alpha-2 region; unknown or None gets 112 and a note to use the local number."""
    table = _table()
    return table.get((region or "").upper(), table["default"])


def emergency_number_for(phone: str | None) -> EmergencyNumber:
    """What the caller from `phone` (E.164, or "whatsapp:+..."), is told to dial in an emergency."""
    return emergency_number(region_of(phone))


def region_of(phone: str | None) -> str | None:
    """ISO region of a caller's number ("+2348031234567" -> "NG"); None when it cannot be parsed.

    A number the phone library calls invalid (its ranges lag the carriers') still names its country by its
    calling code: the caller reached us on it, so that is where they are. Numbers of places that share a
    calling code resolve to the place itself where the library knows it (+44 7781 -> GG, +1 242 -> BS).
    """
    import phonenumbers

    number = (phone or "").strip()
    for prefix in CHANNEL_PREFIXES:
        if number.lower().startswith(prefix):
            number = number[len(prefix) :]
    if not number:
        return None
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(parsed) or phonenumbers.region_code_for_country_code(parsed.country_code)
    return region if region and region != "ZZ" else None
