"""Signed, expiring links that open one case for one purpose, short enough for an SMS.

A token is `<case_id>.<expires>.<mac>` where mac = HMAC-SHA256(secret, purpose:case_id.expires), cut to
128 bits and base64url-encoded. The purpose ("photo", "case") is inside the MAC, so a photo-upload link
never opens a case page. Stdlib hmac keeps the format explicit and lets tests pass the time in.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

PHOTO_LINK_TTL_S = 7 * 24 * 3600  # a patient may take a day or two to get a photo
CASE_LINK_TTL_S = 3 * 24 * 3600
MAC_BYTES = 16


class LinkError(Exception):
    """A link that does not open anything; `code` says why (link-malformed, link-forged, link-expired)."""

    code = "link-malformed"

    def __init__(self, message: str = "", *, code: str | None = None) -> None:
        super().__init__(message or code or self.code)
        if code:
            self.code = code


def _mac(secret: bytes, purpose: str, payload: str) -> str:
    digest = hmac.new(secret, f"{purpose}:{payload}".encode(), hashlib.sha256).digest()[:MAC_BYTES]
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def make_token(secret: bytes, *, purpose: str, case_id: int, now: float, ttl_s: int) -> str:
    """A token for `purpose` on `case_id`, valid until now + ttl_s."""
    payload = f"{case_id}.{int(now) + ttl_s}"
    return f"{payload}.{_mac(secret, purpose, payload)}"


def read_token(secret: bytes, token: str, *, purpose: str, now: float) -> int:
    """The case id a valid token opens; raises LinkError otherwise."""
    try:
        case_text, expires_text, mac = token.split(".")
        case_id, expires = int(case_text), int(expires_text)
    except ValueError:
        raise LinkError(code="link-malformed") from None
    if not hmac.compare_digest(mac, _mac(secret, purpose, f"{case_text}.{expires_text}")):
        raise LinkError(code="link-forged")
    if now > expires:
        raise LinkError(code="link-expired")
    return case_id


def photo_url(base_url: str, secret: bytes, case_id: int, *, now: float, ttl_s: int = PHOTO_LINK_TTL_S) -> str:
    """The upload page link a caller receives."""
    return f"{base_url.rstrip('/')}/upload/{make_token(secret, purpose='photo', case_id=case_id, now=now, ttl_s=ttl_s)}"


def case_url(base_url: str, secret: bytes, case_id: int, *, now: float, ttl_s: int = CASE_LINK_TTL_S) -> str:
    """The case page link a health worker receives."""
    return f"{base_url.rstrip('/')}/cases/{make_token(secret, purpose='case', case_id=case_id, now=now, ttl_s=ttl_s)}"
