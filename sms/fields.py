"""Twilio webhook fields as typed, bounded values: every webhook form is parsed once, at the edge, into a model.

A signed request is Twilio's, but its fields still reach the database and the logs: "²" passes str.isdigit()
and fails int(), an id past 2**31 overflows an INTEGER column, a NUL byte is refused by PostgreSQL. Each field
here says its type, its range, its length and which characters it may hold, so a bad one is a 400 with a
logged reason instead of a 500 deep inside. Free text (an SMS body) is cleaned rather than refused: a patient
must get an answer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, StringConstraints, ValidationError

MAX_BODY_CHARS = 1600  # Twilio's own limit for one message body
INT4_MAX = 2**31 - 1  # the database's INTEGER columns (ids, durations)
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # C0 (but tab and newlines), DEL, C1


def _digits(max_digits: int, maximum: int):
    """A before-validator: ASCII digits only (not "²", "٣" or " 4"), at most `max_digits`, at most `maximum`;
    an absent or empty field is None."""
    pattern = re.compile(rf"[0-9]{{1,{max_digits}}}")

    def check(value: object) -> int | None:
        if value is None or value == "":
            return None
        if not isinstance(value, str) or not pattern.fullmatch(value):
            raise ValueError(f"not 1-{max_digits} ASCII digits")
        number = int(value)
        if number > maximum:
            raise ValueError(f"more than {maximum}")
        return number

    return check


def twilio_word(meanings: Mapping[str, object]) -> BeforeValidator:
    """A before-validator: one of the status words Twilio documents for this field, as what it means to us
    (routing's own enum); any other word is refused."""
    def check(value: object) -> object:
        if isinstance(value, str) and value in meanings:
            return meanings[value]
        raise ValueError("not a status word Twilio sends here")

    return BeforeValidator(check)


def _clean_text(value: str) -> str:
    """Drop control characters (tab and newlines stay) and keep Twilio's length."""
    return _UNPRINTABLE.sub("", value)[:MAX_BODY_CHARS]


# Twilio's ids are two letters and 32 hex digits; ours in tests and the simulator are looser, never longer.
Sid = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
# A phone number, whatsapp:+..., client:name, sip:user@host or "anonymous": printable ASCII, no controls.
Address = Annotated[str, StringConstraints(pattern=r"^[ -~]{0,64}$")]
Sender = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[!-~][ -~]{0,63}$")]  # not empty
MessageText = Annotated[str, AfterValidator(_clean_text)]
Seconds = Annotated[int | None, BeforeValidator(_digits(9, INT4_MAX))]
RowId = Annotated[int | None, BeforeValidator(_digits(10, INT4_MAX))]
ErrorCode = Annotated[int | None, BeforeValidator(_digits(10, 10**10))]  # Twilio's are five digits
MediaUrl = Annotated[str, StringConstraints(pattern=r"^https?://[!-~]{1,2040}$")]
ContentType = Annotated[str, StringConstraints(pattern=r"^([A-Za-z0-9.+-]{1,60}/[A-Za-z0-9.+-]{1,60})?$")]


class TwilioForm(BaseModel):
    """A webhook's form: Twilio's field names as aliases; fields we do not read are ignored, never stored."""

    model_config = ConfigDict(extra="ignore", frozen=True)


Form = TypeVar("Form", bound=TwilioForm)


def parse_form(model: type[Form], fields: dict[str, str]) -> Form | str:
    """The form as `model`, or why not: the fields at fault and what is wrong, never their values (a phone
    number or a patient's words may be among them)."""
    try:
        return model.model_validate(fields)
    except ValidationError as exc:
        return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors(include_input=False))
