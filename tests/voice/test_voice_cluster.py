"""PostgreSQL drills: two `triage serve` processes acting as one service, a server killed mid-call, a database outage."""

from __future__ import annotations

import asyncio
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
import pytest_asyncio
from cryptography.fernet import Fernet
from sqlalchemy.engine import make_url

from intake.scenarios import load_scenarios
from routing.outbox import list_messages
from tests.routing.test_routing_outage import FlakyProxy
from tests.voice.line_caller import LineCaller
from voice.callrun import call_ended, serve_in_process
from voice.loadgen import answer_texts, stub_transcription_server
from voice.services import open_store
from voice.settings import Settings
from voice.simulator import default_voice, simulate_call
from voice.tts import FliteTts

pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.postgres]

EXAMPLES = Path(__file__).resolve().parent.parent / "scenarios" / "examples.jsonl"
SCENARIO = next(s for s in load_scenarios(EXAMPLES) if s["id"] == "red-rate-fever")
VOICE = FliteTts("slt")
ANSWERS = {"who": "my brother", "complaint": "he has a high fever and he is very weak", "age": "thirty"}
START_TIMEOUT_S = 60


@pytest.fixture(scope="module")
def stub_stt():
    """OpenAI-style transcription on loopback, answering with what the scenario's caller said (no delay)."""
    server = stub_transcription_server(answer_texts([SCENARIO]), "slt", delay_s=0.0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


@pytest.fixture(scope="module")
def shared_env(postgres_url, stub_stt):
    """What every process of one deployment shares: database, secrets, PHI keys, upstreams."""
    return {
        "DATABASE_URL": postgres_url,
        "SERVER_SECRET": secrets.token_hex(32),
        "PHI_KEY": Fernet.generate_key().decode(),
        "PHI_HASH_KEY": secrets.token_hex(32),
        "STT_BACKEND": "openai",
        "OPENAI_API_KEY": "stub-key",
        "OPENAI_BASE_URL": stub_stt,
        "TTS_BACKEND": "espeak-ng",
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServeProcess:
    """`triage serve` in a subprocess, on a free loopback port."""

    def __init__(self, env: dict[str, str], data_dir: Path) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        full_env = {**os.environ, **env, "DATA_DIR": str(data_dir)}
        for key in ("TWILIO_AUTH_TOKEN", "TWILIO_ACCOUNT_SID", "ANTHROPIC_API_KEY", "PUBLIC_BASE_URL"):
            full_env.pop(key, None)
        self.log = open(data_dir / "serve.log", "wb")  # noqa: SIM115 -- closed in stop()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "voice.cli", "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            env=full_env, stdout=self.log, stderr=subprocess.STDOUT, cwd=Path(__file__).resolve().parents[2],
        )

    async def healthy(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"server exited: {Path(self.log.name).read_text()[-2000:]}"
            try:
                if await asyncio.to_thread(lambda: urllib.request.urlopen(self.base + "/healthz", timeout=2).status) == 200:
                    return
            except OSError:
                pass
            await asyncio.sleep(0.2)
        raise AssertionError("server never became healthy")

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self.log.close()


@asynccontextmanager
async def serve_processes(env: dict[str, str], base: Path):
    """Start `triage serve` processes of one deployment on demand; all are stopped at the end."""
    started: list[ServeProcess] = []

    async def start(name: str) -> ServeProcess:
        (base / name).mkdir(exist_ok=True)
        server = ServeProcess(env, base / name)
        started.append(server)
        await server.healthy()
        return server

    try:
        yield start
    finally:
        for server in started:
            server.stop()


@pytest_asyncio.fixture(loop_scope="module")
async def deployment(shared_env, tmp_path):
    """`triage serve` processes sharing this module's database."""
    async with serve_processes(shared_env, tmp_path) as start:
        yield start


@pytest_asyncio.fixture(loop_scope="module")
async def store(shared_env, tmp_path):
    """Our own connection to the deployment's database, with its keys."""
    settings = Settings(_env_file=None, data_dir=tmp_path / "reader", database_url=shared_env["DATABASE_URL"],
                        phi_key=shared_env["PHI_KEY"], phi_hash_key=shared_env["PHI_HASH_KEY"])
    s = await open_store(settings)
    yield s
    await s.close()


async def _settled(store, call_sid: str, timeout_s: float = 30.0):
    """The call's case once the serving process has finished it."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        case = await store.find_case_by_call(call_sid)
        if case is not None and case.status != "created":
            return case
        await asyncio.sleep(0.2)
    raise AssertionError(f"case of {call_sid} never settled")


async def test_webhook_on_one_process_and_stream_on_the_other_is_one_call(deployment, store):
    first = await deployment("a")
    second = await deployment("b")  # started after the first: one of them ran the migrations
    trace = await asyncio.wait_for(
        simulate_call(SCENARIO, first.base, default_voice("slt"), speed=8.0, stream_base=second.base), timeout=120)
    assert trace.closed_by_server
    case = await _settled(store, trace.call_sid)
    assert (case.triage["start_category"], case.triage["urgency"]) == ("RED", "emergency")
    assert [t.prompt_id for t in case.turns] == [t.prompt_id for t in trace.turns]
    # The summaries are written just after the case is queued: wait for the caller's, then make sure it is alone.
    deadline = time.monotonic() + 30.0
    while not [m for m in await list_messages(store, case_id=case.id) if m.to == SCENARIO["caller"]]:
        assert time.monotonic() < deadline, "the caller was never texted"
        await asyncio.sleep(0.2)
    await asyncio.sleep(1.0)
    assert len([m for m in await list_messages(store, case_id=case.id) if m.to == SCENARIO["caller"]]) == 1


async def test_a_server_killed_mid_call_leaves_the_completed_turns_in_the_database(deployment, store):
    server = await deployment("killed")
    caller = await LineCaller.dial(server.base)
    await caller.settle()
    for prompt, following in (("who", "complaint"), ("complaint", "age")):
        assert caller.marks[-1] == f"prompt:{prompt}"
        await caller.say(VOICE.synthesize(ANSWERS[prompt]))
        assert await caller.wait_for_mark(f"prompt:{following}", max_audio_ms=10000)
        await caller.settle()
    server.stop(signal.SIGKILL)
    await asyncio.wait_for(caller.closed.wait(), timeout=10)
    await caller.drop()

    restarted = await deployment("killed")  # same data dir, same database
    case = await store.find_case_by_call(caller.call_sid)
    assert [(t.prompt_id, t.corrected_text.lower().strip(" .")) for t in case.turns] == [
        ("who", "my brother"), ("complaint", ANSWERS["complaint"])]
    assert case.triage["complaint"].lower().strip(" .") == ANSWERS["complaint"]  # the triage so far, too
    # and the restarted process takes calls again
    trace = await asyncio.wait_for(simulate_call(SCENARIO, restarted.base, default_voice("slt"), speed=8.0,
                                                 max_turns=1), timeout=60)
    assert (await _settled(store, trace.call_sid)).turns


OUTAGE_S = 9.0  # longer than the store's own retries (~3 s): the call itself must hold the turn until the database is back


async def test_a_database_outage_mid_call_loses_no_turn(postgres_url, tmp_path, stub_stt, caplog):
    url = make_url(postgres_url)
    proxy = FlakyProxy(url.host or "127.0.0.1", url.port or 5432)
    await proxy.start()
    settings = Settings(_env_file=None, data_dir=tmp_path, tts_backend="espeak-ng", stt_backend="openai",
                        openai_api_key="stub-key", openai_base_url=stub_stt,
                        database_url=url.set(port=proxy.port).render_as_string(hide_password=False))
    try:
        async with serve_in_process(settings) as (base, services):
            caller = await LineCaller.dial(base)
            await caller.settle()
            await caller.say(VOICE.synthesize(ANSWERS["who"]))
            assert await caller.wait_for_mark("prompt:complaint", max_audio_ms=10000)
            await caller.settle()
            await proxy.stop()
            down_at = time.monotonic()
            await caller.say(VOICE.synthesize(ANSWERS["complaint"]))
            assert await caller.wait_for_mark("prompt:age", max_audio_ms=10000)  # the caller is not kept waiting
            await caller.settle()
            await asyncio.sleep(max(0.0, OUTAGE_S - (time.monotonic() - down_at)))
            await proxy.start()
            await caller.say(VOICE.synthesize(ANSWERS["age"]))
            assert await caller.wait_for_mark("prompt:walk", max_audio_ms=10000)
            await caller.hang_up()
            await asyncio.wait_for(call_ended(services, caller.call_sid).wait(), timeout=60)
            case = await services.store.find_case_by_call(caller.call_sid)
    finally:
        if proxy._server.is_serving():
            await proxy.stop()
    assert "could not store turn 2" in caplog.text  # the store gave up once; the call kept the turn
    assert [t.prompt_id for t in case.turns] == ["who", "complaint", "age"]
    assert case.status == "pending"
