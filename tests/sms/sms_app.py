"""A tiny Quart app around the sms blueprint, as the app factory would build it, for tests."""

from __future__ import annotations

from pathlib import Path

from quart import Quart
from twilio.request_validator import RequestValidator

from sms.sender import OutboxSender
from sms.web import SmsContext, create_blueprint

AUTH = "webhook-auth-token"
BASE = "https://triage.example.org"
SECRET = b"k" * 32
WORKERS = ("+2348030000001", "+2348030000002")


def make_app(store, photo_dir: Path, *, now: float, auth_token: str | None = AUTH, commands=None) -> Quart:
    """The blueprint bound to `store`, the outbox, and a fixed clock."""
    app = Quart(__name__)
    ctx = SmsContext(store=store, sender=OutboxSender(store), secret=SECRET, photo_dir=photo_dir,
                     public_base_url=BASE, auth_token=auth_token, worker_numbers=WORKERS, commands=commands,
                     clock=lambda: now)
    app.register_blueprint(create_blueprint(ctx))
    return app


def signed(path: str, form: dict[str, str]) -> dict:
    """Keyword arguments for the test client: the form and Twilio's signature of it."""
    signature = RequestValidator(AUTH).compute_signature(BASE + path, form)
    return {"form": form, "headers": {"X-Twilio-Signature": signature}}
