"""How often codes may be asked for: per number and per client address (the `limits` library, as uploads use).

In-memory, per process, like the upload throttle: each web process bounds what it sends; a code's own
five-guess limit (routing/coordinators.py) is in the database and holds across all of them.
"""

from __future__ import annotations

import math
import time

from limits import RateLimitItem, parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

from sms.throttle import UploadThrottle

PER_NUMBER = "3/15minutes"  # a coordinator whose text is slow asks twice, maybe three times
PER_CLIENT = "10/hour"


class SignInThrottle:
    """Counts code requests; `hit` answers None (go on) or the seconds to wait."""

    def __init__(self, per_number: str = PER_NUMBER, per_client: str = PER_CLIENT, *, trusted_proxy_hops: int = 0) -> None:
        self.per_number: RateLimitItem = parse(per_number)
        self.per_client: RateLimitItem = parse(per_client)
        self._addresses = UploadThrottle(trusted_proxy_hops=trusted_proxy_hops)  # the same reading of X-Forwarded-For
        self._limiter = MovingWindowRateLimiter(MemoryStorage())

    def client_key(self, remote_addr: str | None, forwarded_for: str | None) -> str:
        """The client's address, as the upload throttle reads it."""
        return self._addresses.client_key(remote_addr, forwarded_for)

    def hit(self, client: str, number_key: str) -> int | None:
        """One code request from `client` for the number hashed to `number_key`."""
        for item, key in ((self.per_client, "client:" + client), (self.per_number, "number:" + number_key)):
            if not self._limiter.hit(item, key):
                reset = self._limiter.get_window_stats(item, key).reset_time
                return max(1, math.ceil(reset - time.time()))
        return None
