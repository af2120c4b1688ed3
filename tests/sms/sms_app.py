"""A tiny Quart app around the sms blueprint, as the app factory would build it, for tests."""

from __future__ import annotations

from pathlib import Path

from quart import Quart
from twilio.request_validator import RequestValidator

from sms.sender import OutboxSender
from sms.web import SmsContext, create_blueprint
from voice.security_headers import install_security_headers

AUTH = "webhook-auth-token"
BASE = "https://triage.example.org"
SECRET = b"k" * 32
WORKERS = ("+2348030000001", "+2348030000002")


def make_app(store, photo_dir: Path, *, now: float, auth_token: str | None = AUTH, commands=None, media=None,
             sender=None) -> Quart:
    """The blueprint bound to `store`, the outbox (or `sender`), and a fixed clock."""
    app = Quart(__name__)
    ctx = SmsContext(store=store, sender=sender or OutboxSender(store), secret=SECRET, photo_dir=photo_dir,
                     public_base_url=BASE, auth_token=auth_token, worker_numbers=WORKERS, commands=commands,
                     media=media, clock=lambda: now)
    app.register_blueprint(create_blueprint(ctx))
    install_security_headers(app, https=BASE.startswith("https://"))  # as the app factory does
    return app


def signed(path: str, form: dict[str, str]) -> dict:
    """Keyword arguments for the test client: the form and Twilio's signature of it."""
    signature = RequestValidator(AUTH).compute_signature(BASE + path, form)
    return {"form": form, "headers": {"X-Twilio-Signature": signature}}


def queue_replies(store, *, now: float):
    """The app's real command handler (sms.commands), with the test secret and clock."""
    from sms.commands import QueueReplies

    return QueueReplies(store, secret=SECRET, public_base_url=BASE, sender=OutboxSender(store), clock=lambda: now)


class Phone:
    """One phone texting the webhook through the Quart test client, signed like Twilio, with unique MessageSids."""

    _sids = iter(range(1, 10**9))

    def __init__(self, client, sender: str) -> None:
        self.client, self.sender = client, sender

    async def text(self, body: str, *, sid: str | None = None, media: list[tuple[str, str]] = ()) -> str | None:
        """Send one message; the reply's text, or None for an empty <Response/>."""
        import xml.etree.ElementTree as ET

        form = {"MessageSid": sid or f"SMt{next(self._sids):06d}", "AccountSid": "AC1", "From": self.sender,
                "To": "+15005550006", "Body": body, "NumMedia": str(len(media))}
        for i, (url, content_type) in enumerate(media):
            form[f"MediaUrl{i}"], form[f"MediaContentType{i}"] = url, content_type
        response = await self.client.post("/sms/incoming", **signed("/sms/incoming", form))
        assert response.status_code == 200 and response.content_type.startswith("text/xml")
        message = ET.fromstring(await response.get_data(as_text=True)).find("Message")
        return None if message is None else message.text
