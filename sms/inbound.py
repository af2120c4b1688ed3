"""Inbound SMS/WhatsApp webhooks (a message, a delivery report) become typed objects here, once, at the edge."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from routing.models import MessageStatus

from .fields import (MAX_BODY_CHARS, Address, ContentType, ErrorCode, MediaUrl, MessageText, RowId, Sender, Sid,
                     TwilioForm, twilio_word)

__all__ = ["MAX_BODY_CHARS", "InboundMessage", "InboundSmsForm", "SmsStatusForm"]

MAX_MEDIA = 10
M = MessageStatus
# Twilio's message status words (status callbacks and the REST API), and what each means to routing. Twilio's
# "sending" is our own SENDING word too: a row it marks so is reconciled with Twilio before any resend.
TWILIO_MESSAGE_STATES = {
    "accepted": M.ACCEPTED, "scheduled": M.SCHEDULED, "queued": M.QUEUED, "sending": M.SENDING, "sent": M.SENT,
    "delivered": M.DELIVERED, "undelivered": M.UNDELIVERED, "failed": M.FAILED, "read": M.READ,
    "partially_delivered": M.PARTIALLY_DELIVERED, "canceled": M.CANCELED, "receiving": M.RECEIVING,
    "received": M.RECEIVED,
}
TwilioMessageStatus = Annotated[MessageStatus, twilio_word(TWILIO_MESSAGE_STATES)]

Keyword = Literal["stop", "start", "help"]
# Twilio's default opt-out handling on long codes answers these whole-message keywords itself; we mirror it.
KEYWORDS: dict[str, Keyword] = {
    **dict.fromkeys(("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"), "stop"),
    **dict.fromkeys(("START", "UNSTOP"), "start"),
    **dict.fromkeys(("HELP", "INFO"), "help"),
}


@dataclass(frozen=True)
class InboundMessage:
    """One text (and any media) a person sent to our number."""

    sid: str
    sender: str  # E.164 or whatsapp:+E.164, exactly as replies must be addressed
    to: str
    body: str
    media: tuple[tuple[str, str], ...] = ()  # (url, content type)

    @property
    def keyword(self) -> Keyword | None:
        """The compliance keyword this message is, if the whole message is one."""
        return KEYWORDS.get(self.body.strip().strip(".!").upper())

    @property
    def has_words(self) -> bool:
        """False for empty, emoji-only or punctuation-only texts: nothing a dialogue can use."""
        return bool(re.search(r"\w", self.body))


class MediaItem(TwilioForm):
    """One attachment Twilio holds for us: where to fetch it, and what it says it is."""

    url: MediaUrl
    content_type: ContentType = ""


class InboundSmsForm(TwilioForm):
    """Twilio's inbound message webhook, checked field by field (sms/fields.py)."""

    message_sid: Sid = Field(alias="MessageSid")
    sender: Sender = Field(alias="From")
    to: Address = Field("", alias="To")
    body: MessageText = Field("", alias="Body")
    media: tuple[MediaItem, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _collect_media(cls, fields: Any) -> Any:
        """MediaUrl0..N and MediaContentType0..N (N from NumMedia, at most MAX_MEDIA) become `media`."""
        if not isinstance(fields, dict):
            return fields
        count = fields.get("NumMedia") or "0"
        if not (isinstance(count, str) and re.fullmatch(r"[0-9]{1,3}", count)):
            raise ValueError("NumMedia is not a small ASCII number")
        media = [{"url": fields[f"MediaUrl{i}"], "content_type": fields.get(f"MediaContentType{i}", "")}
                 for i in range(min(int(count), MAX_MEDIA)) if fields.get(f"MediaUrl{i}")]
        return {**fields, "media": media}

    def message(self) -> InboundMessage:
        """The message as the rest of sms reads it."""
        return InboundMessage(self.message_sid, self.sender, self.to, self.body,
                              tuple((m.url, m.content_type) for m in self.media))


class SmsStatusForm(TwilioForm):
    """Twilio's delivery report for a message we sent; `message_id` is our own, from the callback's query."""

    message_id: RowId = None
    message_status: TwilioMessageStatus | None = Field(None, alias="MessageStatus")
    sms_status: TwilioMessageStatus | None = Field(None, alias="SmsStatus")
    message_sid: Sid | None = Field(None, alias="MessageSid")
    error_code: ErrorCode = Field(None, alias="ErrorCode")

    @property
    def status(self) -> MessageStatus | None:
        """What became of the message (sent, delivered, undelivered...)."""
        return self.message_status or self.sms_status
