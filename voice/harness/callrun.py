"""`triage call`: scenarios played through a real server, results read back from its database."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import statistics
import tempfile
import urllib.request
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import AsyncIterator

from hypercorn.asyncio import serve

from routing.outbox import list_messages
from voice.app import create_app
from voice.events import CallEvent, CallEvents, CallEventType
from voice.harness.percentiles import percentiles_ms
from voice.runtime import server_config
from voice.services import Services, open_store
from voice.settings import Settings
from voice.harness.simulator import CallerVoice, CallTrace, default_voice, simulate_call

logger = logging.getLogger(__name__)

CASE_SETTLE_TIMEOUT_S = 30.0  # a remote server finishes the case after the stream closes
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


@dataclass
class LatencyLog:
    """Turn latencies a server reported in its `play-end` events (for `triage bench`)."""

    turns_ms: list[int] = field(default_factory=list)
    stages_ms: dict[str, list[float]] = field(default_factory=dict)

    def observe(self, latency_ms: int, stages: dict[str, float]) -> None:
        self.turns_ms.append(latency_ms)
        for name, value in stages.items():
            self.stages_ms.setdefault(name, []).append(value)

    def stage_medians(self) -> dict[str, float]:
        return {name: round(statistics.median(v), 1) for name, v in self.stages_ms.items() if v}


class CallWatch:
    """What the harness reads of an in-process server, from its call events alone: calls ended, turn latency."""

    def __init__(self, events: CallEvents) -> None:
        self.ends = CallEnds()
        self.latency = LatencyLog()
        self.close = events.subscribe(self._on_event)

    def ended(self, call_sid: str) -> asyncio.Event:
        """Set once the call's case is final and its summaries are out (also for a call that ended recently)."""
        return self.ends.event(call_sid)

    def _on_event(self, event: CallEvent) -> None:
        if event.type is CallEventType.CALL_END:
            self.ends.event(event.call_sid).set()
        elif event.type is CallEventType.PLAY_END and event.data["latency_ms"] is not None:
            self.latency.observe(event.data["latency_ms"], event.data["stages_ms"])


_watches: weakref.WeakKeyDictionary[CallEvents, CallWatch] = weakref.WeakKeyDictionary()


def watch(services: Services) -> CallWatch:
    """The harness's watch on a server's calls, subscribed on first use (serve_in_process does so before any call)."""
    found = _watches.get(services.events)
    if found is None:
        found = _watches[services.events] = CallWatch(services.events)
    return found


def call_ended(services: Services, call_sid: str) -> asyncio.Event:
    """Set once the call's case is final and its summaries are out (the simulator, the benches and tests wait on it)."""
    return watch(services).ended(call_sid)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.asynccontextmanager
async def serve_in_process(settings: Settings) -> AsyncIterator[tuple[str, Services]]:
    """Our real server on a free loopback port, in this event loop; yields its base URL and services."""
    app = create_app(settings)
    port = _free_port()
    config = server_config(f"127.0.0.1:{port}")
    config.graceful_timeout = 5
    shutdown = asyncio.Event()
    task = asyncio.create_task(serve(app, config, shutdown_trigger=shutdown.wait))  # type: ignore[arg-type]
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            if task.done():
                task.result()
            try:
                status = await asyncio.to_thread(lambda: urllib.request.urlopen(base + "/healthz", timeout=2).status)
                if status == 200:
                    break
            except OSError:
                await asyncio.sleep(0.1)
        else:
            raise RuntimeError("in-process server did not become healthy")
        services = app.extensions["triage.services"]
        watch(services)  # before the first call: every call's end and latency is seen
        yield base, services
    finally:
        shutdown.set()
        await asyncio.wait_for(task, timeout=30)


async def case_result(store, trace: CallTrace, scenario: dict, *, ended: asyncio.Event | None) -> dict:
    """The per-scenario JSON of `triage call --json`, from the caller's trace and the stored case."""
    if ended is not None:
        await asyncio.wait_for(ended.wait(), timeout=CASE_SETTLE_TIMEOUT_S)
    case = None
    for _ in range(int(CASE_SETTLE_TIMEOUT_S * 10)):
        case = await store.find_case_by_call(trace.call_sid)
        if case is not None and (ended is not None or case.status != "created"):
            break
        await asyncio.sleep(0.1)
    triage = (case.triage if case else None) or {}
    heard = {}
    for turn in case.turns if case else []:
        heard.setdefault(turn.prompt_id, []).append(turn.corrected_text)
    turns = []
    for t in trace.turns:
        said = heard.get(t.prompt_id) or [None]
        turns.append({"prompt_id": t.prompt_id, "said": t.said, "heard": said.pop(0) if said else None,
                      "latency_ms": t.latency_ms})
    messages = await list_messages(store, case_id=case.id) if case else []
    return {
        "id": scenario.get("id"),
        "case_id": case.id if case else None,
        "start_category": triage.get("start_category"),
        "urgency": triage.get("urgency"),
        "red_flags": triage.get("red_flags", []),
        "prompts": trace.prompts,
        "turns": turns,
        "sms": [{"to": m.to, "body": m.body} for m in reversed(messages)],
    }


async def run_calls(
    scenarios: list[dict],
    *,
    server: str | None = None,
    speed: float = 1.0,
    voice: CallerVoice | None = None,
    settings: Settings | None = None,
    auth_token: str | None = None,
) -> AsyncIterator[dict]:
    """Yield one result per scenario; without `server`, against a fresh in-process server and database."""
    voice = voice or default_voice()
    if server is None:
        with tempfile.TemporaryDirectory(prefix="triage-call-") as tmp:
            base_settings = settings or Settings()
            local = base_settings.model_copy(update={"data_dir": Path(tmp), "database_url": ""})
            async with serve_in_process(local) as (base, services):
                for scenario in scenarios:
                    trace = await simulate_call(scenario, base, voice, speed=speed)
                    ended = call_ended(services, trace.call_sid)
                    yield await case_result(services.store, trace, scenario, ended=ended)
        return
    settings = settings or Settings()
    store = await open_store(settings)
    try:
        for scenario in scenarios:
            trace = await simulate_call(
                scenario, server, voice, speed=speed, auth_token=auth_token, public_url=settings.public_base_url or None
            )
            yield await case_result(store, trace, scenario, ended=None)
    finally:
        await store.close()


def latency_summary(results: list[dict]) -> dict:
    """p50/p95/max of per-turn latency over results (turns without a measured reply are left out)."""
    values = [t["latency_ms"] for r in results for t in r["turns"] if t.get("latency_ms") is not None]
    if not values:
        return {"turns": 0}
    return {"turns": len(values), **percentiles_ms(values), "mean": round(statistics.fmean(values))}
