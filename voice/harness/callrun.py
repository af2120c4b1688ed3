"""`triage call`: scenarios played through a real server, results read back from its database (in-process) or
from the server's development endpoint (`--server`)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
import statistics
import tempfile
import urllib.error
import urllib.request
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import AsyncIterator, Callable

from hypercorn.asyncio import serve
from twilio.request_validator import RequestValidator

from voice.app import create_app
from voice.call_ends import CallEnds
from voice.events import CallEvent, CallEvents, CallEventType
from voice.harness.percentiles import percentiles_ms
from voice.runtime import quiet_cut_connections, server_config
from voice.devresults import DEV_RESULTS_PATH, stored_result
from voice.services import Services
from voice.settings import Settings
from voice.harness.simulator import CallerVoice, CallTrace, default_voice, simulate_call

logger = logging.getLogger(__name__)

CASE_SETTLE_TIMEOUT_S = 30.0  # a remote server finishes the case after the stream closes


@dataclass
class LatencyLog:
    """Turn latencies a server reported in its `play-end` events (for `triage bench`)."""

    turns_ms: list[int] = field(default_factory=list)
    stages_ms: dict[str, list[float]] = field(default_factory=dict)
    by_prompt: dict[str, list[int]] = field(default_factory=dict)  # prompt id answered -> its turns' latency

    def observe(self, latency_ms: int, stages: dict[str, float], prompt_id: str | None = None) -> None:
        self.turns_ms.append(latency_ms)
        self.by_prompt.setdefault(prompt_id or "", []).append(latency_ms)
        for name, value in stages.items():
            self.stages_ms.setdefault(name, []).append(value)

    def stage_medians(self) -> dict[str, float]:
        return {name: round(statistics.median(v), 1) for name, v in self.stages_ms.items() if v}


class CallWatch:
    """What the harness reads of an in-process server, from its call events alone: calls ended, turn latency."""

    def __init__(self, events: CallEvents) -> None:
        self.ends = CallEnds()
        self.latency = LatencyLog()
        self._answering: dict[str, str] = {}  # call sid -> prompt id of the turn being answered
        self.close = events.subscribe(self._on_event)

    def ended(self, call_sid: str) -> asyncio.Event:
        """Set once the call's case is final and its summaries are out (also for a call that ended recently)."""
        return self.ends.event(call_sid)

    def _on_event(self, event: CallEvent) -> None:
        if event.type is CallEventType.CALL_END:
            self.ends.event(event.call_sid).set()
        elif event.type is CallEventType.DIALOGUE_START:
            self._answering[event.call_sid] = event.data.get("prompt_id") or ""
        elif event.type is CallEventType.PLAY_END and event.data["latency_ms"] is not None:
            self.latency.observe(event.data["latency_ms"], event.data["stages_ms"],
                                 self._answering.pop(event.call_sid, None))


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
    quiet_cut_connections()
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


EMERGENCY_PROMPTS = ("emergency", "cpr")  # the replies that give the caller the emergency number and send them to it


def emergency_by_s(trace: CallTrace) -> float | None:
    """Seconds into the call by which the caller had heard the emergency number: the mark after the emergency
    ending's first part, which says the number (the first aid follows); None when no emergency reply was played."""
    for prompt, ended_s in zip(trace.prompts, trace.prompt_ends_s):
        if prompt in EMERGENCY_PROMPTS:
            return ended_s
    return None


def merged_result(trace: CallTrace, scenario: dict, stored: dict) -> dict:
    """The per-scenario JSON of `triage call --json`: the caller's trace joined to what the server stored."""
    heard = {pid: list(texts) for pid, texts in stored["heard"].items()}
    turns = []
    for t in trace.turns:
        said = heard.get(t.prompt_id) or [None]
        turns.append({"prompt_id": t.prompt_id, "said": t.said, "heard": said.pop(0) if said else None,
                      "latency_ms": t.latency_ms})
    return {
        "id": scenario.get("id"),
        "case_id": stored["case_id"],
        "start_category": stored["start_category"],
        "urgency": stored["urgency"],
        "red_flags": stored["red_flags"],
        "who": stored.get("who"),  # whom the questions were worded for (the patient, or a bystander)
        "outcome": stored.get("outcome"),  # "no_answer" when the caller never gave a usable answer
        "mechanism": stored.get("mechanism", []),
        "emergency_by_s": emergency_by_s(trace),
        "prompts": trace.prompts,
        "prompt_ends_s": trace.prompt_ends_s,
        "turns": turns,
        "sms": [{"to": m["to"], "body": m["body"]} for m in stored["sms"]],
    }


async def case_result(store, trace: CallTrace, scenario: dict, *, ended: asyncio.Event | None) -> dict:
    """The per-scenario JSON of `triage call --json`, from the caller's trace and the stored case."""
    return merged_result(trace, scenario, await stored_result(store, trace.call_sid, ended=ended))


async def server_result(server: str, trace: CallTrace, scenario: dict, *, auth_token: str | None = None,
                        public_url: str | None = None) -> dict:
    """The result from a running server's /dev/calls/<sid>, which answers once the case is final (development)."""
    path = f"/dev/calls/{trace.call_sid}"
    url = server.rstrip("/") + path
    signed = (public_url.rstrip("/") + path) if public_url else url
    headers = {"X-Twilio-Signature": RequestValidator(auth_token).compute_signature(signed, {})} if auth_token else {}

    def fetch() -> dict:
        request = urllib.request.Request(url, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=CASE_SETTLE_TIMEOUT_S + 10) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as exc:
            if exc.code == 404 and not exc.headers.get("Content-Type", "").startswith("application/json"):
                raise RuntimeError(f"{server} has no {DEV_RESULTS_PATH} endpoint: it runs with ENVIRONMENT=production "
                                   "(or is older); simulate calls against a development server") from None
            raise

    return merged_result(trace, scenario, await asyncio.to_thread(fetch))


SIMULATED_COORDINATOR = "+447700900001"  # Ofcom's range for drama: never a real phone


async def run_calls(
    scenarios: list[dict],
    *,
    server: str | None = None,
    speed: float = 1.0,
    voice: CallerVoice | None = None,
    settings: Settings | None = None,
    auth_token: str | None = None,
    starting: Callable[[int, dict], None] | None = None,
) -> AsyncIterator[dict]:
    """Yield one result per scenario; without `server`, against a fresh in-process server and database."""
    voice = voice or default_voice()
    if server is None:
        with tempfile.TemporaryDirectory(prefix="triage-call-") as tmp:
            base_settings = settings or Settings()
            local = base_settings.model_copy(update={
                "data_dir": Path(tmp), "database_url": "",
                # An emergency escalates at once; in a throwaway database someone must be there to be texted.
                "coordinator_numbers": base_settings.coordinator_numbers or SIMULATED_COORDINATOR,
            })
            async with serve_in_process(local) as (base, services):
                for n, scenario in enumerate(scenarios, start=1):
                    if starting:
                        starting(n, scenario)
                    trace = await simulate_call(scenario, base, voice, speed=speed)
                    ended = call_ended(services, trace.call_sid)
                    yield await case_result(services.store, trace, scenario, ended=ended)
        return
    public_url = (settings or Settings()).public_base_url or None
    for n, scenario in enumerate(scenarios, start=1):  # results come from the server itself: no database of ours
        if starting:
            starting(n, scenario)
        trace = await simulate_call(scenario, server, voice, speed=speed, auth_token=auth_token, public_url=public_url)
        yield await server_result(server, trace, scenario, auth_token=auth_token, public_url=public_url)


def latency_summary(results: list[dict]) -> dict:
    """p50/p95/max of per-turn latency over results (turns without a measured reply are left out)."""
    values = [t["latency_ms"] for r in results for t in r["turns"] if t.get("latency_ms") is not None]
    if not values:
        return {"turns": 0}
    return {"turns": len(values), **percentiles_ms(values), "mean": round(statistics.fmean(values))}
