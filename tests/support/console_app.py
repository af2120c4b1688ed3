"""A tiny Quart app around the console blueprint, as the app factory builds it, for tests."""

from __future__ import annotations

import re

from quart import Quart

from routing.outbox import list_messages
from sms.sender import OutboxSender
from voice.console.session import COOKIE, Session, SessionCodec
from voice.console.signin_limits import SignInThrottle
from voice.console.web import ConsoleContext, create_blueprint
from voice.security_headers import install_security_headers

SECRET = b"c" * 32
COORDINATOR = "+2348039990001"


class Clock:
    """A settable clock (epoch seconds) for session idle times."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def make_app(store, *, clock: Clock, coordinators: tuple[str, ...] = (COORDINATOR,), https: bool = False,
             throttle: SignInThrottle | None = None, idle_s: int = 900) -> Quart:
    """The console bound to `store` and the outbox, as the app factory wires it."""
    app = Quart(__name__)
    app.register_blueprint(create_blueprint(ConsoleContext(
        store=store, sender=OutboxSender(store), secret=SECRET, coordinators=coordinators, https=https,
        idle_s=idle_s, throttle=throttle or SignInThrottle("100/minute", "100/minute"), clock=clock)))
    install_security_headers(app, https=https)
    return app


def forged_cookie(coordinator_id: int, *, since: float, seen: float, secret: bytes = SECRET) -> str:
    """A session cookie as the console would sign it with `secret` (a wrong secret makes a forgery)."""
    return SessionCodec(secret).dump(Session(coordinator=coordinator_id, since=since, seen=seen))


async def latest_code(store, to: str = COORDINATOR) -> str:
    """The last sign-in code texted to `to`, read from the outbox as `triage outbox` shows it."""
    codes = [m for m in await list_messages(store) if m.kind == "sign_in_code" and m.to == to]
    assert codes, "no sign-in code in the outbox"
    return re.search(r"\b(\d{6})\b", codes[0].body).group(1)


CSRF = re.compile(r'name="csrf" value="([^"]+)"')
__all__ = ["COOKIE", "COORDINATOR", "CSRF", "Clock", "SECRET", "forged_cookie", "latest_code", "make_app"]
