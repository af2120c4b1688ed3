"""Twilio's voice webhooks as typed forms (the fields are sms/fields.py's: one set of rules for every webhook)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from routing.models import CallState
from sms.fields import Address, Seconds, Sid, TwilioForm, twilio_word

C = CallState
# Twilio's CallStatus words, and what each means to routing: the one place routing's call states meet Twilio's.
TWILIO_CALL_STATES = {
    "queued": C.QUEUED, "initiated": C.INITIATED, "ringing": C.RINGING, "in-progress": C.LIVE,
    "completed": C.COMPLETED, "busy": C.BUSY, "failed": C.FAILED, "no-answer": C.NO_ANSWER, "canceled": C.CANCELED,
}


class CallForm(TwilioForm):
    """/voice/incoming and /voice/after-stream: which call, and who is calling (may be empty or "anonymous")."""

    call_sid: Sid = Field(alias="CallSid")
    caller: Address = Field("", alias="From")


class CallStatusForm(TwilioForm):
    """/voice/status: what became of the call, and how long it lasted."""

    call_sid: Sid = Field(alias="CallSid")
    call_state: Annotated[CallState, twilio_word(TWILIO_CALL_STATES)] = Field(alias="CallStatus")
    duration_s: Seconds = Field(None, alias="CallDuration")
