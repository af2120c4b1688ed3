"""Per-call end events, as the harness sees them from the server's call events: a waiter is woken, a late asker
sees the end, and a long-running watch keeps none of them."""

from __future__ import annotations

import asyncio
import gc
import uuid

import pytest

from voice.call import CallSession
from voice.call_ends import ENDED_CALLS_KEPT, CallEnds
from voice.harness.callrun import call_ended, watch
from voice.protocol import Start

CALLS = 5000
KEEP = 50


async def test_ended_calls_are_not_kept_beyond_the_bound():
    ends = CallEnds(keep=KEEP)
    for n in range(CALLS):
        ends.event(f"CA{n}").set()  # what a finished session does, nobody waiting
    assert len(ends) == KEEP
    assert ends.event(f"CA{CALLS - 1}").is_set()  # a late asker still sees a recent end


async def test_a_waiter_is_woken_and_its_event_is_dropped_once_set():
    ends = CallEnds(keep=KEEP)
    waiter = asyncio.create_task(ends.event("CAwait").wait())
    await asyncio.sleep(0)
    ends.event("CAwait").set()  # the session's finish gets the same event the waiter holds
    assert await asyncio.wait_for(waiter, timeout=5) is True
    assert ends.event("CAwait").is_set()
    assert len(ends) == 1  # only the remembered end


async def test_an_event_nobody_waits_on_any_more_is_forgotten():
    ends = CallEnds(keep=KEEP)
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(ends.event("CAnever").wait(), timeout=0.05)  # a waiter that gave up
    gc.collect()
    assert len(ends) == 0


@pytest.mark.slow
@pytest.mark.asyncio(loop_scope="module")
async def test_a_server_that_takes_many_calls_keeps_no_event_per_call(server):
    _, services = server
    watch(services).ends.keep = KEEP
    sids = []
    try:
        for _ in range(KEEP + 20):
            session = CallSession(services, _discard)
            await session.on_start(Start("MZ" + uuid.uuid4().hex, "CA" + uuid.uuid4().hex, {}), "+2348031234567")
            sids.append(session.call_sid)
            await session.finish(hung_up=True)
        waiter_sid = "CA" + uuid.uuid4().hex
        waiting = asyncio.create_task(call_ended(services, waiter_sid).wait())
        session = CallSession(services, _discard)
        await session.on_start(Start("MZ" + uuid.uuid4().hex, waiter_sid, {}), "+2348031234567")
        await session.finish(hung_up=True)
        assert await asyncio.wait_for(waiting, timeout=30)
        del waiting
        gc.collect()
        assert len(watch(services).ends) == KEEP
        assert call_ended(services, sids[-1]).is_set()  # the simulator asks after the call: still answered
    finally:
        watch(services).ends.keep = ENDED_CALLS_KEPT


async def _discard(message: str) -> None:
    """The websocket's send: nobody listens in this test."""
