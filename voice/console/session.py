"""The console's session: a signed cookie (itsdangerous, as Quart's own sessions) with an idle timeout and a CSRF token.

The cookie holds no PHI: the coordinator's id, the hash of the number a code was asked for, the CSRF token and
two times. It is signed, not encrypted; a forged or altered cookie fails the signature and is refused. It is
HttpOnly, SameSite=Strict, Secure when the public origin is https, and is re-signed on every request, so a
session ends `idle_s` after its last use (and at most `max_age_s` after sign-in, however busy).
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field, replace

from itsdangerous import BadSignature, URLSafeSerializer

COOKIE = "triage_console"
SALT = "console-session"
IDLE_S = 15 * 60
MAX_AGE_S = 12 * 3600


@dataclass(frozen=True)
class Session:
    """One browser's console session; `coordinator` is None until a code was accepted."""

    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    coordinator: int | None = None
    phone_key: str | None = None  # the hash of the number a code was sent to (between the two sign-in forms)
    since: float = 0.0  # signed in at (epoch seconds)
    seen: float = 0.0  # last request

    def checks_csrf(self, token: str | None) -> bool:
        """The form's token is this session's (in constant time)."""
        return bool(token) and hmac.compare_digest(token.encode(), self.csrf.encode())

    def signed_in(self, coordinator: int, now: float) -> "Session":
        """A new session for the coordinator: a fresh CSRF token (nothing from before sign-in carries over)."""
        return Session(coordinator=coordinator, since=now, seen=now)

    def touched(self, now: float) -> "Session":
        """The session, used now."""
        return replace(self, seen=now)


class SessionCodec:
    """Signs sessions into cookie values and reads them back."""

    def __init__(self, secret: bytes, *, idle_s: int = IDLE_S, max_age_s: int = MAX_AGE_S) -> None:
        self._serializer = URLSafeSerializer(secret, salt=SALT)
        self.idle_s, self.max_age_s = idle_s, max_age_s

    def dump(self, session: Session) -> str:
        """The cookie value."""
        return self._serializer.dumps({"x": session.csrf, "c": session.coordinator, "p": session.phone_key,
                                       "i": session.since, "s": session.seen})

    def load(self, value: str | None, now: float) -> tuple[Session | None, str | None]:
        """(session, None) for a good cookie, (None, None) for none, (None, 'forged' | 'expired') for a refused one."""
        if not value:
            return None, None
        try:
            data = self._serializer.loads(value)
            session = Session(csrf=str(data["x"]), coordinator=data["c"], phone_key=data["p"],
                              since=float(data["i"]), seen=float(data["s"]))
        except (BadSignature, KeyError, TypeError, ValueError):
            return None, "forged"
        if session.coordinator is not None and (now - session.seen > self.idle_s or now - session.since > self.max_age_s):
            return None, "expired"
        return session, None
