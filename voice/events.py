"""What a call tells whoever watches it: an event as each stage of a turn starts and ends, and the call's end.

In the spirit of Home Assistant's assist_pipeline `PipelineEvent`: the server emits, and knows nothing of
who listens (the bench, the call runner, a test). Events carry figures and ids, never what the caller said.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

logger = logging.getLogger(__name__)


class CallEventType(StrEnum):
    """The stages of a call, each with a start and an end."""

    CALL_START = "call-start"  # case_id, resumed
    TURN_HEARD = "turn-heard"  # kind: speech, dtmf or silence
    STT_START = "stt-start"
    STT_END = "stt-end"  # backend
    DIALOGUE_START = "dialogue-start"  # prompt_id: the question being answered
    DIALOGUE_END = "dialogue-end"  # awaiting: the next question (None once finished)
    PLAY_START = "play-start"
    PLAY_END = "play-end"  # latency_ms (None unless it answered speech), stages_ms
    TURN_END = "turn-end"  # prompt_id, source
    FINISH_START = "finish-start"
    CALL_END = "call-end"  # the case is final and its summaries are out (or the call never had one)


@dataclass(frozen=True, slots=True)
class CallEvent:
    """One stage boundary of one call."""

    type: CallEventType
    call_sid: str
    data: Mapping[str, object] = field(default_factory=dict)


Listener = Callable[[CallEvent], None]


class CallEvents:
    """The process's listeners for call events; with none subscribed, emitting costs one check."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener` with every event from now on; returns the function that unsubscribes it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def emit(self, type: CallEventType, call_sid: str, **data: object) -> None:
        """Tell every listener; a listener that raises is logged and never costs the caller the turn."""
        if not self._listeners:
            return
        event = CallEvent(type, call_sid, data)
        for listener in tuple(self._listeners):
            try:
                listener(event)
            except Exception:  # noqa: BLE001 -- a watcher's bug stays the watcher's
                logger.exception("call event listener failed on %s", type)
