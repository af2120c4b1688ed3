"""A phone texting a real server's /sms/incoming over HTTP, unsigned (development without TWILIO_AUTH_TOKEN)."""

from __future__ import annotations

import asyncio
import itertools
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

_SIDS = itertools.count(1)


class HttpPhone:
    """Texts `base`/sms/incoming as Twilio would post them; each text answers the TwiML reply's text."""

    def __init__(self, base: str, sender: str) -> None:
        self.base, self.sender = base, sender

    async def text(self, body: str) -> str | None:
        """Send one message; the reply's text, or None for an empty <Response/>."""
        form = {"MessageSid": f"SMhttp{next(_SIDS):06d}", "AccountSid": "AC1", "From": self.sender,
                "To": "+15005550006", "Body": body, "NumMedia": "0"}

        def post() -> str:
            request = urllib.request.Request(self.base + "/sms/incoming", data=urllib.parse.urlencode(form).encode(),
                                             method="POST")
            with urllib.request.urlopen(request, timeout=60) as response:
                assert response.status == 200
                return response.read().decode()

        message = ET.fromstring(await asyncio.to_thread(post)).find("Message")
        return None if message is None else message.text
