"""The one writer of a call's case while it runs: heard turns, the dialogue's state, and the heartbeat.

Writes run on a task of their own, so the next reply never waits for the database; a turn the database
cannot take now waits in order and goes with the next write. A lock keeps one write at a time, whoever
asks for it (the writer task, the close of a finished stream, the final save).
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

from intake.dialogue import Dialogue
from routing import calls

if TYPE_CHECKING:
    from routing.store import Store

logger = logging.getLogger(__name__)

CALL_HEARTBEAT_S = 30.0  # a live session touches its call at least this often (the orphan sweep counts on it)
WRITE_RETRY_S = 1.0  # after the store gave up on a turn (its own retries take ~3 s), try again this much later
STOP_TIMEOUT_S = 10.0  # at hang-up, how long a write in flight may take before the final save takes over


@dataclass
class KeptTurn:
    """A heard turn as the case keeps it: what was heard and made of it, for the transcript and latency figures."""

    prompt_id: str | None
    raw_text: str
    corrected_text: str
    source: str
    latency_ms: int | None
    stages_ms: dict[str, float]


class CaseWriter:
    """Turns and state of one call's case, written in order by one task; `keep` never waits."""

    def __init__(self, store: "Store", *, call_sid: str, stream_sid: str = "", case_id: int | None = None) -> None:
        self.store = store
        self.call_sid, self.stream_sid, self.case_id = call_sid, stream_sid, case_id
        self.dialogue: Dialogue | None = None  # whose state each write saves
        self.seq = 0  # the last turn's number in the case (a resumed stream's follow the old stream's)
        self._unsaved: deque[tuple[int, KeptTurn]] = deque()  # (seq, turn) heard but not yet in the database
        self._dirty = asyncio.Event()  # turns or triage not yet written
        self._writing = asyncio.Lock()  # one write at a time: the writer task, a flush, or the final save
        self._stopping = False  # set at hang-up: the final save takes over
        self._task: asyncio.Task | None = None

    def start(self, dialogue: Dialogue) -> None:
        """Begin writing the turns heard and `dialogue`'s state, in the background."""
        self.dialogue = dialogue
        self._task = asyncio.create_task(self._write_forever(), name=f"writer-{self.call_sid}")

    def keep(self, kept: KeptTurn) -> None:
        """Queue a heard turn for the case (numbered now, written soon)."""
        if self.case_id is None or self.dialogue is None:
            return
        self.seq += 1
        self._unsaved.append((self.seq, kept))
        self._dirty.set()

    async def flush(self) -> None:
        """Write the heard turns and the dialogue's state now."""
        if self.case_id is None or self.dialogue is None:
            return
        async with self._writing:
            await self._store_turns()
            await self.store.save_triage(
                self.case_id, self.dialogue.result.to_dict(), dialogue_state=self.dialogue.to_state(), complete=False)

    async def save_final(self, result: dict, *, save_state: bool = True) -> None:
        """The last write: every waiting turn, then the final triage (with the state, unless there never was one)."""
        async with self._writing:  # a flush from the close may still be writing
            await self._store_turns()
            state = self.dialogue.to_state() if save_state and self.dialogue is not None else None
            await self.store.save_triage(self.case_id, result, dialogue_state=state, complete=True)

    async def stop(self) -> None:
        """Stop the writer task; a write in flight may finish (the final save takes over the rest)."""
        if self._task is None:
            return
        # Cancelling a write mid-transaction can leave SQLite's write lock held, and the final save
        # would then wait out its retries: let it finish.
        self._stopping = True
        self._dirty.set()
        try:
            async with asyncio.timeout(STOP_TIMEOUT_S):
                await self._task
        except TimeoutError:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def _write_forever(self) -> None:
        """Write heard turns and the triage so far, in order; a turn the database cannot take now waits."""
        while True:
            try:
                async with asyncio.timeout(CALL_HEARTBEAT_S):
                    await self._dirty.wait()
            except TimeoutError:
                await self._heartbeat()
                continue
            self._dirty.clear()
            if self._stopping:
                return
            try:
                await self.flush()
            except Exception as exc:  # noqa: BLE001 -- the turns stay queued; the call goes on
                logger.warning("call %s: could not store turn %s of case %s yet (%d waiting): %s", self.call_sid,
                               self._unsaved[0][0] if self._unsaved else "-", self.case_id, len(self._unsaved),
                               type(exc).__name__)
                await asyncio.sleep(WRITE_RETRY_S)
                self._dirty.set()

    async def _heartbeat(self) -> None:
        """Touch the call: a quiet stretch of a live call must not look like a call nobody owns."""
        try:
            await calls.touch_call(self.store, self.call_sid, stream_sid=self.stream_sid)
        except Exception as exc:  # noqa: BLE001 -- the next heartbeat or turn tries again
            logger.warning("call %s: heartbeat not stored: %s", self.call_sid, type(exc).__name__)

    async def _store_turns(self) -> None:
        """Write the waiting turns, oldest first; the store keeps one row per (case, seq), so a retry is harmless."""
        while self._unsaved:
            seq, kept = self._unsaved[0]
            await self.store.record_turn(
                self.case_id,
                seq=seq,
                prompt_id=kept.prompt_id,
                raw_text=kept.raw_text,
                corrected_text=kept.corrected_text,
                source=kept.source,
                latency_ms=kept.latency_ms,
            )
            self._unsaved.popleft()
