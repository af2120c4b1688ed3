"""Which stream owns a call's case: the first stream opens it; a call whose stream dropped goes on in a new
stream, the old stream leaving the case and the new one taking it over; the stream that ends it finishes it.

Twilio reopens the stream through after-stream (voice/web.py); the database decides which stream owns the
call, so a slow old stream and a fast new one never both write it. What waits for no new stream is finished
by voice/recovery.py.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Awaitable, Callable

from intake.dialogue import Dialogue
from intake.emergency import region_of
from intake.models import Reply
from routing import calls
from routing.calls import Resumed, Suspended
from routing.privacy import mask_phone

from voice.case_writer import CaseWriter
from voice.events import CallEventType
from voice.finishing import ending_state, finish_case
from voice.listening import DRAIN_TIMEOUT_S
from voice.recovery import MAX_RESUMES, open_question

if TYPE_CHECKING:
    from routing.store import Store
    from voice.services import Services

logger = logging.getLogger(__name__)

# A reopened stream waits this long for the dropped one to save its state (its last turn may take
# DRAIN_TIMEOUT_S), then takes the call over from what is stored.
RESUME_WAIT_S = DRAIN_TIMEOUT_S + 5.0
RESUME_POLL_S = 0.2


async def open_case(store: "Store", writer: CaseWriter, *, caller: str, hold: Callable[[], Awaitable[None]],
                    choose_language: bool = False) -> tuple[Dialogue, Reply, bool] | None:
    """A stream's start: (dialogue, what the caller hears first, resumed), a new case or a dropped stream's call.

    None when a reopened stream has nothing to resume; `writer.case_id` is the call's case either way.
    """
    region = region_of(caller)  # the region every emergency number on this call comes from
    ref = await store.open_call(call_sid=writer.call_sid, caller=caller, channel="voice", region=region,
                                stream_sid=writer.stream_sid)
    writer.case_id = ref.case_id
    if ref.created:
        logger.info("call %s from %s started, case %s", writer.call_sid, mask_phone(caller), writer.case_id)
        dialogue = Dialogue(channel="voice", region=region, choose_language=choose_language)
        return dialogue, dialogue.start(), False
    resumed = await take_over(store, writer, region=region, hold=hold)
    if resumed is None:
        return None
    logger.info("call %s from %s resumed, case %s", writer.call_sid, mask_phone(caller), writer.case_id)
    return (*resumed, True)


async def take_over(store: "Store", writer: CaseWriter, *, region: str | None,
                    hold: Callable[[], Awaitable[None]]) -> tuple[Dialogue, Reply] | None:
    """Take the call over from its dropped stream: the restored dialogue and what the caller hears first.

    None when it cannot resume (the call is over, or no new stream was offered).
    """
    call_sid, loop = writer.call_sid, asyncio.get_running_loop()
    deadline = loop.time() + RESUME_WAIT_S
    held = False
    while (outcome := await calls.resume_call(store, call_sid, stream_sid=writer.stream_sid,
                                              take_over=loop.time() >= deadline)) == Resumed.BUSY:
        if not held:  # the old stream is still saving its last turn: the caller hears that we are here
            held = True
            await hold()
        await asyncio.sleep(RESUME_POLL_S)
    if outcome != Resumed.RESUMED:
        logger.warning("call %s: a new stream that cannot resume the call (over, or never offered)", call_sid)
        return None
    case = await store.find_case_by_call(call_sid)
    assert case is not None
    writer.seq = max((turn.seq for turn in case.turns), default=0)  # this stream's turns follow the old ones
    restored = Dialogue.from_state(case.dialogue_state) if case.dialogue_state else None
    if restored is None or (restored.awaiting is None and not restored.finished):
        # nothing answered yet: from the start, disclaimer included
        dialogue = Dialogue(channel="voice", region=region)
        return dialogue, dialogue.start()
    if restored.finished:
        return restored, restored.answer("")  # the end again, with the emergency number
    return restored, open_question(restored)


async def leave_or_finish(services: "Services", writer: CaseWriter, dialogue: Dialogue, *, hung_up: bool) -> bool:
    """A stream ended: leave the case to a new stream if the call may resume, else finish it now.

    True when the case was left (a new stream, or the grace's end, finishes it).
    """
    if may_resume(services, dialogue, hung_up=hung_up) and await leave_for_new_stream(services, writer):
        return True
    services.events.emit(CallEventType.FINISH_START, writer.call_sid)
    await finish_case(services, writer, dialogue, status=ending_state(dialogue, hung_up=hung_up))
    return False


def may_resume(services: "Services", dialogue: Dialogue, *, hung_up: bool) -> bool:
    """A line that dropped mid-dialogue, with the caller still on it, may come back on a new stream."""
    return not hung_up and not dialogue.finished and services.recovery is not None


async def leave_for_new_stream(services: "Services", writer: CaseWriter) -> bool:
    """Save where the dialogue is and leave the case to a reopened stream (or to the grace's end).

    False when the case must be finished now: no resume left, or the database would not say.
    """
    call_sid, stream_sid = writer.call_sid, writer.stream_sid
    try:
        await writer.flush()
        outcome = await calls.suspend_call(services.store, call_sid, stream_sid=stream_sid, max_resumes=MAX_RESUMES)
    except Exception:  # noqa: BLE001 -- finishing now, with its own retries, loses nothing
        logger.exception("call %s: could not leave case %s open for a new stream", call_sid, writer.case_id)
        return False
    if outcome == Suspended.SUPERSEDED:
        logger.warning("call %s: a newer stream took the call over; case %s is its to finish",
                       call_sid, writer.case_id)
        return True
    if outcome != Suspended.RECONNECTING:
        return False
    services.recovery.defer(call_sid, stream_sid)
    logger.info("call %s: stream dropped mid-dialogue; case %s waits for a new stream", call_sid, writer.case_id)
    return True
