"""A phone texting a real server's /sms/incoming over HTTP, signed as Twilio signs when the server has a token."""

from __future__ import annotations

import asyncio
import itertools
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

from twilio.request_validator import RequestValidator

_SIDS = itertools.count(1)


class HttpPhone:
    """Texts `base`/sms/incoming as Twilio would post them; each text answers the TwiML reply's text."""

    def __init__(self, base: str, sender: str, *, auth_token: str | None = None) -> None:
        self.base, self.sender, self.auth_token = base, sender, auth_token

    async def text(self, body: str, *, media: list[tuple[str, str]] = ()) -> str | None:
        """Send one message (and media: url, content type), signed when the server has an auth token;
        the reply's text (several <Message>s joined by newlines), or None for an empty <Response/>."""
        form = {"MessageSid": f"SMhttp{next(_SIDS):06d}", "AccountSid": "AC1", "From": self.sender,
                "To": "+15005550006", "Body": body, "NumMedia": str(len(media))}
        for i, (url, content_type) in enumerate(media):
            form[f"MediaUrl{i}"], form[f"MediaContentType{i}"] = url, content_type
        url = self.base + "/sms/incoming"
        headers = {"X-Twilio-Signature": RequestValidator(self.auth_token).compute_signature(url, form)} \
            if self.auth_token else {}

        def post() -> str:
            request = urllib.request.Request(url, data=urllib.parse.urlencode(form).encode(), headers=headers,
                                             method="POST")
            with urllib.request.urlopen(request, timeout=60) as response:
                assert response.status == 200
                return response.read().decode()

        message = ET.fromstring(await asyncio.to_thread(post)).find("Message")
        return None if message is None else message.text
