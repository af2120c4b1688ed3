"""Twilio's voice webhooks as typed forms (the fields are sms/fields.py's: one set of rules for every webhook)."""

from __future__ import annotations

from pydantic import Field

from sms.fields import Address, Seconds, Sid, StatusWord, TwilioForm


class CallForm(TwilioForm):
    """/voice/incoming and /voice/after-stream: which call, and who is calling (may be empty or "anonymous")."""

    call_sid: Sid = Field(alias="CallSid")
    caller: Address = Field("", alias="From")


class CallStatusForm(TwilioForm):
    """/voice/status: what became of the call, and how long it lasted."""

    call_sid: Sid = Field(alias="CallSid")
    call_status: StatusWord = Field("unknown", alias="CallStatus")
    duration_s: Seconds = Field(None, alias="CallDuration")
