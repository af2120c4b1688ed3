"""Calls that ended without their final word: a dropped stream waiting to be resumed, a call a dead server left.

A dropped stream's case stays open for a short grace in which Twilio may reopen the stream (after-stream
answers with a new <Connect><Stream>); if nothing reopens it, the case is finished from its saved dialogue
state and the summaries go out. A server killed mid-call leaves a case that no process owns: every serving
process sweeps, at start and then periodically, for voice cases idle far longer than any live call is
(live sessions touch their call every CALL_HEARTBEAT_S), and finishes them the same way. The database
decides who finishes a case, so two processes never both do it.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from intake.dialogue import Dialogue
from intake.models import Reply
from routing import calls
from routing.models import CallState

from voice.case_writer import CALL_HEARTBEAT_S, CaseWriter
from voice.events import CallEventType
from voice.finishing import CaseServices, finish_case

logger = logging.getLogger(__name__)

MAX_RESUMES = 2  # new streams one call may get; the next drop takes the apology path
RESUME_GRACE_S = 15.0  # how long a dropped stream's case waits for a new stream before it is finished
SWEEP_IDLE_S = 120.0  # a call untouched this long has no live session anywhere (4 missed heartbeats)
SWEEP_EVERY_S = 60.0
SWEEP_BATCH = 50  # cases finished per sweep; the next sweep takes the rest
SHUTDOWN_FINISH_S = 20.0  # at shutdown, how long waiting cases may take to be finished now


def open_question(dialogue: Dialogue) -> Reply:
    """The open question asked again in other words, without touching the dialogue (a resumed stream)."""
    # A throwaway copy with no attempts yet: its no-answer is exactly the first re-ask of the open step.
    probe = Dialogue.from_state({**dialogue.to_state(), "attempts": 0, "turns": 0})
    return probe.no_answer()


class Recovery:
    """This process's waiting cases (dropped streams in their grace) and its sweep for orphaned calls."""

    def __init__(self, services: CaseServices, *, grace_s: float = RESUME_GRACE_S,
                 sweep_idle_s: float = SWEEP_IDLE_S, sweep_every_s: float = SWEEP_EVERY_S) -> None:
        self.services = services
        self.grace_s = grace_s
        self.sweep_idle_s = sweep_idle_s
        self.sweep_every_s = sweep_every_s
        self._waiting: dict[str, tuple[asyncio.Task, asyncio.Event]] = {}
        self._stopping = asyncio.Event()
        self._sweeper: asyncio.Task | None = None

    def start(self) -> None:
        """Sweep now (a restart finishes what the last run left) and every `sweep_every_s`."""
        self._sweeper = asyncio.create_task(self._sweep_forever(), name="orphan-sweep")

    def defer(self, call_sid: str, stream_sid: str) -> None:
        """Finish the case after the grace unless a new stream took the call over by then."""
        now = asyncio.Event()
        task = asyncio.create_task(self._finish_after_grace(call_sid, stream_sid, now), name=f"grace-{call_sid}")
        self._waiting[call_sid] = (task, now)

        def forget(done: asyncio.Task) -> None:
            if call_sid in self._waiting and self._waiting[call_sid][0] is done:
                del self._waiting[call_sid]

        task.add_done_callback(forget)

    def expedite(self, call_sid: str) -> None:
        """The call is over for good (Twilio's status callback): no stream will reopen, finish now."""
        waiting = self._waiting.get(call_sid)
        if waiting is not None:
            waiting[1].set()

    async def close(self) -> None:
        """Stop sweeping; finish the waiting cases now rather than leave them to another process's sweep."""
        self._stopping.set()
        tasks = [task for task, _ in self._waiting.values()]
        for _, now in self._waiting.values():
            now.set()
        if self._sweeper is not None:
            tasks.append(self._sweeper)
        if not tasks:
            return
        _, late = await asyncio.wait(tasks, timeout=SHUTDOWN_FINISH_S)
        for task in late:
            task.cancel()  # its claim lapses and a sweep elsewhere finishes the case
        await asyncio.gather(*late, return_exceptions=True)

    async def sweep(self) -> int:
        """Finish every unfinished voice case idle longer than `sweep_idle_s`; returns how many this process took."""
        store = self.services.store
        cutoff = store.now() - timedelta(seconds=self.sweep_idle_s)
        taken = 0
        for call_sid in await calls.unfinished_calls(store, idle_before=cutoff, limit=SWEEP_BATCH):
            try:
                if not await calls.claim_unfinished_call(store, call_sid, idle_before=cutoff):
                    continue  # another process took it, or it woke up
                taken += 1
                logger.warning("call %s was left unfinished (server lost it); finishing its case", call_sid)
                await self.finish(call_sid)
            except Exception:  # noqa: BLE001 -- one bad case must not stop the others; its claim lapses
                logger.exception("sweep: could not finish call %s", call_sid)
        return taken

    async def finish(self, call_sid: str) -> None:
        """Final triage from the saved dialogue state, the call closed as dropped, summaries out."""
        case = await self.services.store.find_case_by_call(call_sid)
        if case is None:
            return
        if case.dialogue_state:
            dialogue = Dialogue.from_state(case.dialogue_state)
        else:  # the caller answered nothing before the line went
            dialogue = Dialogue(channel="voice", region=case.region)
        writer = CaseWriter(self.services.store, call_sid=call_sid, case_id=case.id)
        # finish_case closes the line: nothing usable answered before it went is "no answer", a call back
        await finish_case(self.services, writer, dialogue, status=CallState.DROPPED,
                          save_state=bool(case.dialogue_state))
        self.services.events.emit(CallEventType.CALL_END, call_sid, status=CallState.DROPPED)

    async def _finish_after_grace(self, call_sid: str, stream_sid: str, now: asyncio.Event) -> None:
        try:
            await asyncio.wait_for(now.wait(), timeout=self.grace_s)
        except TimeoutError:
            pass
        try:
            if await calls.claim_unfinished_call(self.services.store, call_sid, stream_sid=stream_sid):
                await self.finish(call_sid)
        except Exception:  # noqa: BLE001 -- the sweep finishes it once the claim lapses
            logger.exception("call %s: could not finish the dropped call's case; the sweep will", call_sid)

    async def _sweep_forever(self) -> None:
        while not self._stopping.is_set():
            try:
                await self.sweep()
            except Exception:  # noqa: BLE001 -- the database may be down; the next sweep tries again
                logger.exception("sweep for unfinished calls failed")
            try:
                await asyncio.wait_for(self._stopping.wait(), timeout=self.sweep_every_s)
            except TimeoutError:
                pass
