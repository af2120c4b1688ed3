"""The emergency number a caller should dial, by the country of their phone number."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("emergency_numbers.json")


@dataclass(frozen=True)
class EmergencyNumber:
    """A number to dial now, and an optional note said after it ("for an ambulance you can also call 108")."""

    number: str
    note: str | None = None


@cache
def _table() -> dict[str, EmergencyNumber]:
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return {k: EmergencyNumber(v["number"], v.get("note")) for k, v in raw.items() if not k.startswith("_")}


def emergency_number(region: str | None) -> EmergencyNumber:
    """The number for an ISO 3166 alpha-2 region; unknown or None gets 112 and a note to use the local number."""
    table = _table()
    return table.get((region or "").upper(), table["default"])


def region_of(phone: str | None) -> str | None:
    """ISO region of an E.164 number ("+2348031234567" -> "NG"); None when it cannot be parsed."""
    import phonenumbers

    if not phone:
        return None
    try:
        parsed = phonenumbers.parse(phone.removeprefix("whatsapp:"), None)
    except phonenumbers.NumberParseException:
        return None
    # A number outside the plan's valid ranges still names its country by its calling code.
    region = phonenumbers.region_code_for_number(parsed) or phonenumbers.region_code_for_country_code(parsed.country_code)
    return region if region and region != "ZZ" else None
