"""Which calls have ended: a call's "case is final" event, from the server's `call-end` events.

The harness (`triage call`, the benches) and the development results route wait on it; the server itself never does.
"""

from __future__ import annotations

import asyncio
import weakref
from collections import OrderedDict

from voice.events import CallEvent, CallEvents, CallEventType

ENDED_CALLS_KEPT = 1000  # calls whose end is remembered for someone who asks after it (the simulator, bench)


class _CallEnd(asyncio.Event):
    """One call's "case is final" event; setting it moves the call to the registry's memory of ended calls."""

    def __init__(self, ends: "CallEnds", call_sid: str) -> None:
        super().__init__()
        self._ends, self._call_sid = ends, call_sid

    def set(self) -> None:
        """Wake the waiters, then leave the registry's map of open events."""
        if not self.is_set():
            super().set()
            self._ends.ended(self._call_sid)


class CallEnds:
    """Per-call end events that a long-running watch does not accumulate.

    An event lives while someone holds it (a waiter, or the watch about to set it): the map is weak.
    Once set it is dropped, and the call joins a bounded memory of recent ends, so a late asker still
    gets a set event.
    """

    def __init__(self, keep: int = ENDED_CALLS_KEPT) -> None:
        self.keep = keep
        self._open: weakref.WeakValueDictionary[str, _CallEnd] = weakref.WeakValueDictionary()
        self._recent: OrderedDict[str, None] = OrderedDict()  # ended calls, oldest first

    def event(self, call_sid: str) -> asyncio.Event:
        """The call's end event: already set for a call that ended recently."""
        if call_sid in self._recent:
            done = asyncio.Event()
            done.set()
            return done
        event = self._open.get(call_sid)
        if event is None:
            event = self._open[call_sid] = _CallEnd(self, call_sid)
        return event

    def ended(self, call_sid: str) -> None:
        """Forget the call's event (its waiters hold it) and remember the end, within `keep` calls."""
        self._open.pop(call_sid, None)
        self._recent[call_sid] = None
        self._recent.move_to_end(call_sid)
        while len(self._recent) > self.keep:
            self._recent.popitem(last=False)

    def __len__(self) -> int:
        """Calls tracked: events someone holds, and remembered ends."""
        return len(self._open) + len(self._recent)


def watch_ends(events: CallEvents) -> CallEnds:
    """A CallEnds fed by `events` from now on: subscribe it before the calls it should see end."""
    ends = CallEnds()

    def on_event(event: CallEvent) -> None:
        if event.type is CallEventType.CALL_END:
            ends.event(event.call_sid).set()

    events.subscribe(on_event)
    return ends
