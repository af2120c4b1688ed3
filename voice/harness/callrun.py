"""`triage call`: scenarios played through a real server, results read back from its database."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import statistics
import tempfile
import urllib.request
from pathlib import Path
from typing import AsyncIterator

from hypercorn.asyncio import serve

from routing.outbox import list_messages
from voice.app import create_app
from voice.harness.percentiles import percentiles_ms
from voice.runtime import server_config
from voice.services import Services, open_store
from voice.settings import Settings
from voice.harness.simulator import CallerVoice, CallTrace, default_voice, simulate_call

logger = logging.getLogger(__name__)

CASE_SETTLE_TIMEOUT_S = 30.0  # a remote server finishes the case after the stream closes


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
        yield base, app.extensions["triage.services"]
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
                    ended = services.call_ended(trace.call_sid)
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
