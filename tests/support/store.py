"""The routing side of a test: a clock moved by hand, a queued case, the job queue run to empty."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from routing.jobs import run_once


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


async def drain(store, handlers, name: str = "w1") -> list[str]:
    """Run due jobs one by one until none is left; the kinds that ran, in order."""
    ran = []
    while job := await run_once(store, handlers, name):
        ran.append(job.kind)
    return ran
