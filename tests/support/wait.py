"""Waiting for an event, not for a length of time: a test's verdict must not depend on the machine's speed."""

from __future__ import annotations

import asyncio
import inspect
import time
from typing import Any, Awaitable, Callable

PATIENCE_S = 60.0  # long enough for a 2-core machine at load 9; a passing test never waits it out
PATIENCE_MS = int(PATIENCE_S * 1000)  # the same, as audio a test caller streams while it waits for a reply
WHOLE_CALL_S = 900.0  # a simulated call from dial to hang-up took up to 7 min at load 15-19 on 2 cores


async def wait_until(check: Callable[[], Any | Awaitable[Any]], *, timeout_s: float = PATIENCE_S,
                     interval_s: float = 0.1, what: str = "the condition") -> Any:
    """Poll `check` (plain or async) until it returns something truthy; that value, or AssertionError at the
    deadline."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = check()
        if inspect.isawaitable(value):
            value = await value
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"{what} did not happen within {timeout_s:g} s")
        await asyncio.sleep(interval_s)
