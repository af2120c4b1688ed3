"""How fast photos may be uploaded: per case (every link to one case shares it) and per client address.

The `limits` library does the counting (a moving window, the algorithm Flask-Limiter and slowapi use) rather
than a hand-written bucket. Its in-memory storage is per process: with several web processes each keeps its
own count, which still bounds every process; the per-case photo cap (routing) is in the database and holds
across all of them.
"""

from __future__ import annotations

import math
import time

from limits import RateLimitItem, parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

PER_LINK = "10/minute"  # a patient sending a few photos, with retries, stays well inside it
PER_CLIENT = "20/minute"  # one address: a family sharing a phone, a clinic's Wi-Fi


class UploadThrottle:
    """Counts upload attempts; `hit_*` answers None (go on) or the seconds to wait before trying again."""

    def __init__(self, per_link: str = PER_LINK, per_client: str = PER_CLIENT, *, trusted_proxy_hops: int = 0) -> None:
        self.per_link: RateLimitItem = parse(per_link)  # a malformed setting fails at start, not at an upload
        self.per_client: RateLimitItem = parse(per_client)
        self.trusted_proxy_hops = trusted_proxy_hops
        self._limiter = MovingWindowRateLimiter(MemoryStorage())

    def client_key(self, remote_addr: str | None, forwarded_for: str | None) -> str:
        """The client's address: the peer's, or with N trusted proxies in front, the address the Nth from
        the right of X-Forwarded-For saw. A client cannot spoof it: entries left of that are ignored."""
        if self.trusted_proxy_hops > 0 and forwarded_for:
            hops = [h.strip() for h in forwarded_for.split(",") if h.strip()]
            if len(hops) >= self.trusted_proxy_hops:
                return hops[-self.trusted_proxy_hops]
        return remote_addr or "unknown"

    def hit_client(self, client: str) -> int | None:
        """One upload attempt from `client`."""
        return self._hit(self.per_client, "client", client)

    def hit_link(self, case_id: int) -> int | None:
        """One upload attempt through a link to case `case_id`."""
        return self._hit(self.per_link, "case", str(case_id))

    def _hit(self, item: RateLimitItem, *key: str) -> int | None:
        if self._limiter.hit(item, *key):
            return None
        reset = self._limiter.get_window_stats(item, *key).reset_time
        return max(1, math.ceil(reset - time.time()))
