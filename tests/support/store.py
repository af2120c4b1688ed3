"""Small helpers shared by the routing tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class FakeClock:
    """A clock the test moves by hand (the store takes time as an argument, never from the wall)."""

    def __init__(self) -> None:
        self.now = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs) -> None:
        self.now += timedelta(**kwargs)


async def queued_case(store, call_sid: str, *, caller: str = "+2348031234567", category: str | None = "YELLOW",
                      urgency: str = "urgent", **extra) -> int:
    """A case that finished intake and waits in the queue."""
    ref = await store.open_call(call_sid=call_sid, caller=caller)
    await store.save_triage(ref.case_id, {"start_category": category, "urgency": urgency, **extra}, complete=True)
    return ref.case_id
