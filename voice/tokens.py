"""Per-call stream tokens: proof that a websocket belongs to a call our signed webhook answered."""

from __future__ import annotations

import hashlib
import hmac


def stream_token(secret: bytes, call_sid: str) -> str:
    """HMAC-SHA256 of the CallSid under the server secret, hex."""
    return hmac.new(secret, f"stream:{call_sid}".encode(), hashlib.sha256).hexdigest()


def is_valid_stream_token(secret: bytes, call_sid: str, token: str | None) -> bool:
    """Constant-time check of a token from `start.customParameters`."""
    if not token or not call_sid:
        return False
    return hmac.compare_digest(stream_token(secret, call_sid), token)
