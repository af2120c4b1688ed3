"""Finishing a case: the final triage, the call closed, the summaries out.

One way for every path that ends a call: the live stream at hang-up, and a dropped or orphaned
call finished later from its saved state (voice/recovery.py).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Protocol

from intake.coding import coded_triage
from intake.dialogue import Dialogue
from intake.models import TriageResult
from routing import calls
from routing.models import CallState
from routing.store import Store

from voice.case_writer import CaseWriter
from voice.events import CallEvents

logger = logging.getLogger(__name__)

FINISH_ATTEMPTS = 6  # each rides out ~3 s of outage inside the store; between them we wait FINISH_PAUSE_S
FINISH_PAUSE_S = 2.0


class CaseServices(Protocol):
    """What finishing a case needs of the process (voice/services.py's Services; no import back to it)."""

    @property
    def store(self) -> Store: ...

    @property
    def events(self) -> CallEvents: ...

    async def final_triage(self, dialogue: Dialogue) -> TriageResult: ...

    async def notify_case(self, case_id: int) -> None: ...


def ending_state(dialogue: Dialogue, *, hung_up: bool) -> CallState:
    """How a live stream's call ended: the dialogue done, the caller gone, or the line lost."""
    return CallState.COMPLETED if dialogue.finished else CallState.HUNG_UP if hung_up else CallState.DROPPED


async def finish_case(services: CaseServices, writer: CaseWriter, dialogue: Dialogue, *, status: CallState,
                      save_state: bool = True) -> None:
    """Final triage from the whole dialogue, stored with the waiting turns; the call closed as `status`; summaries.

    The store is retried through an outage; the summaries go out whether or not it came back (they re-read
    the case, and say what it holds).
    """
    store = services.store
    dialogue.line_closed()  # no usable answer on the whole call: "no answer", urgent, a call back
    writer.dialogue = dialogue
    result = await services.final_triage(dialogue)
    for attempt in range(1, FINISH_ATTEMPTS + 1):
        try:
            await writer.save_final(coded_triage(result), save_state=save_state)  # the ICD-11 code rides along
            await calls.close_call(store, writer.call_sid, status=status)
            break
        except Exception:
            logger.exception("call %s: could not finish case %s (attempt %d/%d)",
                             writer.call_sid, writer.case_id, attempt, FINISH_ATTEMPTS)
            if attempt < FINISH_ATTEMPTS:
                await asyncio.sleep(FINISH_PAUSE_S)
    await services.notify_case(writer.case_id)
    logger.info("call %s ended (%s), case %s", writer.call_sid, status, writer.case_id)
