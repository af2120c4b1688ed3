"""A tiny Quart app around the sms blueprint, as the app factory would build it, for tests."""

from __future__ import annotations

import asyncio
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from email.message import Message

from quart import Quart
from twilio.request_validator import RequestValidator

from sms.sender import OutboxSender
from sms.web import SmsContext, create_blueprint
from voice.security_headers import install_security_headers

AUTH = "webhook-auth-token"
BASE = "https://triage.example.org"
SECRET = b"k" * 32
WORKERS = ("+2348030000001", "+2348030000002")


def make_app(store, *, now: float, auth_token: str | None = AUTH, commands=None, media=None, sender=None,
             **context) -> Quart:
    """The blueprint bound to `store` (photos in its photo_dir), the outbox (or `sender`), and a fixed clock;
    `context`: other SmsContext fields."""
    app = Quart(__name__)
    ctx = SmsContext(store=store, sender=sender or OutboxSender(store), secret=SECRET,
                     public_base_url=BASE, auth_token=auth_token, commands=commands,
                     media=media, clock=lambda: now, **context)
    app.register_blueprint(create_blueprint(ctx))
    install_security_headers(app, https=BASE.startswith("https://"))  # as the app factory does
    return app


def _post_photo(url: str, data: bytes, headers: dict[str, str]) -> tuple[int, Message, str]:
    boundary = uuid.uuid4().hex
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="photo"; filename="photo.png"\r\n'
            "Content-Type: image/png\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": f"multipart/form-data; boundary={boundary}", **headers})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read().decode()


# The test's HTTP clients block a thread each; on the default pool they would starve the server's own
# to_thread calls (it runs in this same process and loop).
_CLIENTS = ThreadPoolExecutor(max_workers=32, thread_name_prefix="test-http-client")


async def post_photo(url: str, data: bytes, headers: dict[str, str] | None = None) -> tuple[int, Message, str]:
    """Upload `data` as the photo form's file over real HTTP: (status, headers (any case), page text)."""
    return await asyncio.get_running_loop().run_in_executor(_CLIENTS, _post_photo, url, data, headers or {})


def signed(path: str, form: dict[str, str]) -> dict:
    """Keyword arguments for the test client: the form and Twilio's signature of it."""
    signature = RequestValidator(AUTH).compute_signature(BASE + path, form)
    return {"form": form, "headers": {"X-Twilio-Signature": signature}}


async def run_photo_digests(store, sender=None, *, now: float) -> list[str]:
    """Run every job due by the end of the digest window after `now` (store clock moved there), as `triage worker`
    would, photo digests included; returns how many photo digests ran, as a list of their kinds."""
    from datetime import UTC, datetime, timedelta

    from routing.jobs import run_once
    from routing.tasks import handlers
    from sms.digest import photo_digest_handlers

    clock = store.clock
    store.clock = lambda: datetime.fromtimestamp(now, UTC) + timedelta(seconds=store.policy.photo_digest_s + 1)
    sender = sender or OutboxSender(store)
    try:
        jobs = {**handlers(store, sender), **photo_digest_handlers(
            store, sender, secret=SECRET, public_base_url=BASE, clock=lambda: now)}
        ran = []
        while (job := await run_once(store, jobs, "test-worker")) is not None:
            ran.append(job.kind)
        return [kind for kind in ran if kind == "photo_digest"]
    finally:
        store.clock = clock


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
