"""Inbound SMS/WhatsApp webhooks become typed messages here, once, at the edge."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

MAX_BODY_CHARS = 1600  # Twilio's own limit for one message body
MAX_MEDIA = 10

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

    @classmethod
    def from_form(cls, form: dict[str, str]) -> "InboundMessage | None":
        """Parse Twilio's form fields; None when the fields a reply needs are missing."""
        sid, sender = form.get("MessageSid", "").strip(), form.get("From", "").strip()
        if not sid or not sender or len(sid) > 64 or len(sender) > 64:
            return None
        try:
            count = min(int(form.get("NumMedia", "0") or 0), MAX_MEDIA)
        except ValueError:
            count = 0
        media = tuple((form[f"MediaUrl{i}"], form.get(f"MediaContentType{i}", ""))
                      for i in range(count) if form.get(f"MediaUrl{i}"))
        return cls(sid, sender, form.get("To", ""), form.get("Body", "")[:MAX_BODY_CHARS], media)

    @property
    def keyword(self) -> Keyword | None:
        """The compliance keyword this message is, if the whole message is one."""
        return KEYWORDS.get(self.body.strip().strip(".!").upper())

    @property
    def has_words(self) -> bool:
        """False for empty, emoji-only or punctuation-only texts: nothing a dialogue can use."""
        return bool(re.search(r"\w", self.body))
