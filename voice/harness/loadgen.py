"""`triage bench load`: many simulated callers at once against one server process, measured inside that process.

Three processes, so that each cost lands where it belongs: the server (its CPU, its event-loop lag and
its turn latencies are what we report), the callers (this process), and for `--stt stub-remote` a
loopback transcription server that answers like OpenAI's API after a fixed delay. The stub returns
the words the scenario's caller said, recognised by the exact audio frames the simulator sent, so the
dialogue runs its real course while the server pays nothing for recognition. Of an answer with pauses
in it, only the words whose audio the turn holds: "about" for a turn ended at "about [pause 600] twenty"'s
pause, as a real recogniser would hear it.

`--servers N` runs N server processes as one deployment (one PostgreSQL database, shared secrets), the
scale-out README.md describes: calls go round-robin over them, and every other round a call's webhook
lands on one process and its Media Stream on the next, as behind a load balancer.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import io
import json
import logging
import multiprocessing
import os
import resource
import secrets
import statistics
import tempfile
import threading
import time
import wave
from collections import Counter
from dataclasses import dataclass, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

from intake.scenarios import KEYPAD_PREFIX, spoken_parts
from routing.errors import StoreUnavailable
from stt.batching import RunCounts
from voice.codec import FRAME_BYTES, FRAME_MS, frames, ulaw_to_pcm16
from voice.harness import progress
from voice.harness.percentiles import percentiles_ms
from voice.harness.turnstats import cut_offs, latency_by_answer_kind
from voice.metrics import LoopLagMonitor
from voice.runtime import run
from voice.settings import Settings

logger = logging.getLogger(__name__)

STUB_DELAY_S = 0.3  # a realistic remote transcription round trip
RAMP_S_PER_CALL = 0.1  # calls arrive one every 100 ms at the start, as a busy line fills up
MAX_RAMP_S = 10.0
WARMUP_SPEED = 8.0
MAX_CALL_AUDIO_S = 300.0  # every simulated call ends by then, whatever the server does
CASE_SETTLE_S = 30.0
PROCESS_START_TIMEOUT_S = 120.0
PCM_FRAME_BYTES = 2 * FRAME_BYTES


def answer_texts(scenarios: list[dict]) -> list[str]:
    """Every spoken answer in the scenarios (keypad presses and silences are not speech)."""
    texts: list[str] = []
    for scenario in scenarios:
        values = [scenario.get("default", "I don't know"), *scenario.get("answers", {}).values()]
        for value in values:
            for text in value if isinstance(value, list) else [value]:
                if text and not text.startswith(KEYPAD_PREFIX):
                    texts.append(text)
    return list(dict.fromkeys(texts))


# --- the stub transcription server ---------------------------------------------------------------


class FrameIndex:
    """Which words a turn's audio holds, by the 20 ms frames only those words contain."""

    def __init__(self, spoken: dict[str, bytes]) -> None:
        owners: dict[bytes, set[str]] = {}
        for text, ulaw in spoken.items():
            for frame in frames(ulaw):
                owners.setdefault(ulaw_to_pcm16(frame), set()).add(text)
        self._text = {pcm: next(iter(texts)) for pcm, texts in owners.items() if len(texts) == 1}

    def lookup(self, pcm16: bytes) -> str:
        """The words the turn's frames belong to, in the order said ("" when none: not one of ours).

        Words need MIN_FRAMES of their own frames in the turn to count: a stray frame is no word.
        """
        votes = Counter(
            self._text[chunk]
            for i in range(0, len(pcm16) - PCM_FRAME_BYTES + 1, PCM_FRAME_BYTES)
            if (chunk := pcm16[i : i + PCM_FRAME_BYTES]) in self._text
        )
        enough = max(self.MIN_FRAMES, self.MIN_SHARE * max(votes.values(), default=0))
        return " ".join(text for text, n in votes.items() if n >= enough)

    MIN_FRAMES = 3
    MIN_SHARE = 0.25  # of the best-heard words' frames


def wav_pcm(body: bytes) -> bytes:
    """The PCM of the WAV file inside a multipart upload."""
    start = body.find(b"RIFF")
    if start < 0:
        return b""
    with wave.open(io.BytesIO(body[start:])) as wav:
        return wav.readframes(wav.getnframes())


class StubHttpServer(ThreadingHTTPServer):
    """A thread per connection, room for the bursts of connections a loaded server opens, keep-alive: as OpenAI's API.

    It used socketserver's defaults, a listen backlog of 5 and a new connection per request: when more than six
    transcriptions began at once, the kernel dropped the rest of the burst, and each of those waited for its SYN
    to be resent 1 s, then 3 s, later, past the server's 2.5 s remote deadline. The server under test then
    decoded those turns with local Whisper, as it would in an outage, and a busy machine lost calls to it
    (BENCHMARKS.md, "The early transcription at 100 ms, 100 calls").
    """

    daemon_threads = True
    request_queue_size = 1024  # the kernel caps it at net.core.somaxconn (4096 by default)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._counted = threading.Lock()
        self.connections = 0  # accepted: with keep-alive, about one per remote STT thread of the server
        self.requests = 0  # transcriptions asked for: speculative ones at a pause included

    def process_request(self, request, client_address) -> None:
        self.count(connections=1)
        super().process_request(request, client_address)

    def count(self, connections: int = 0, requests: int = 0) -> None:
        with self._counted:
            self.connections += connections
            self.requests += requests


def stub_transcription_server(texts: list[str], voice: str, delay_s: float = STUB_DELAY_S) -> ThreadingHTTPServer:
    """An OpenAI-style transcription server on a free loopback port (not yet serving: run serve_forever)."""
    from voice.tts import FliteTts

    engine = FliteTts(voice=voice)
    words = dict.fromkeys(part for text in texts for part in spoken_parts(text) if isinstance(part, str))
    index = FrameIndex({part: engine.synthesize(part) for part in words})

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as the real API: the SDK's pool reuses a connection per thread

        def log_message(self, *args) -> None:
            pass

        def do_POST(self) -> None:
            self.server.count(requests=1)
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            text = index.lookup(wav_pcm(body)) if self.path.endswith("/audio/transcriptions") else None
            time.sleep(delay_s)
            payload = json.dumps({"text": text} if text is not None else {"error": {"message": "not found"}})
            try:
                self.send_response(200 if text is not None else 404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload.encode())
            except (BrokenPipeError, ConnectionResetError):  # the server under test gave up first
                self.close_connection = True

    return StubHttpServer(("127.0.0.1", 0), Handler)


@contextlib.contextmanager
def stub_remote_stt(scenarios: list[dict], voice: str, delay_s: float = STUB_DELAY_S) -> Iterator[dict]:
    """The stub transcription server in a child process, for as long as the block runs; yields the settings
    that send a server's transcriptions to it."""
    stub = _spawn(_stub_main, "stub-stt", answer_texts(scenarios), voice, delay_s)
    try:
        # The stub serves transcriptions only: the server speaks with espeak-ng, not OpenAI's voices.
        yield {**_stub_settings(stub.receive(PROCESS_START_TIMEOUT_S)), "tts_backend": "espeak-ng"}
    finally:
        stub.stop()


def _stub_settings(port: int) -> dict:
    return {"stt_backend": "openai", "openai_api_key": "stub-key", "openai_base_url": f"http://127.0.0.1:{port}/v1"}


def _stub_main(texts: list[str], voice: str, delay_s: float, conn) -> None:
    """Child process: the stub transcription server until told to stop (or its parent goes away)."""
    server = stub_transcription_server(texts, voice, delay_s)
    threading.Thread(target=server.serve_forever, name="stub-stt", daemon=True).start()
    conn.send(server.server_address[1])
    try:
        while (command := conn.recv()) != "stop":
            if command == "count":
                conn.send({"requests": server.requests, "connections": server.connections})
    except EOFError:
        pass
    server.shutdown()


# --- the server process ----------------------------------------------------------------------------


def _cpu_s() -> float:
    """CPU seconds of this process and of the subprocesses it has waited for (espeak-ng renders)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class GcPauses:
    """How long the garbage collector stopped the server, by generation: a full collection stalls every call."""

    def __init__(self) -> None:
        self._started = 0.0
        self.max_ms = [0.0, 0.0, 0.0]
        self.count = [0, 0, 0]

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started = time.perf_counter()
            return
        generation, ms = info["generation"], (time.perf_counter() - self._started) * 1000
        self.max_ms[generation] = max(self.max_ms[generation], ms)
        self.count[generation] += 1

    def report(self) -> dict:
        return {f"gen{g}": {"collections": self.count[g], "max_ms": round(self.max_ms[g], 1)} for g in range(3)}


class LoopBusy:
    """The event loop thread's CPU share of one core in its busiest window: how close the loop came to full.

    Late frames are a threshold effect (nothing until the loop is nearly saturated, then many), and they
    swing from run to run near it; this share says how much headroom a machine had, late frames or none.
    """

    SAMPLE_S = 1.0
    WINDOW_SAMPLES = 10

    def __init__(self) -> None:
        self._samples: list[tuple[float, float]] = []  # (wall, loop thread CPU)
        self._task = asyncio.create_task(self._sample())

    async def _sample(self) -> None:
        while True:  # runs on the loop's own thread, so thread_time() is the loop's CPU
            self._samples.append((time.perf_counter(), time.thread_time()))
            await asyncio.sleep(self.SAMPLE_S)

    def peak(self) -> float | None:
        self._samples.append((time.perf_counter(), time.thread_time()))
        shares = [(cpu1 - cpu0) / (wall1 - wall0)
                  for (wall0, cpu0), (wall1, cpu1) in zip(self._samples, self._samples[self.WINDOW_SAMPLES:])]
        return round(max(shares), 2) if shares else None

    def stop(self) -> None:
        self._task.cancel()


def _server_main(settings: Settings, conn) -> None:
    """Child process: our real server, reporting its own figures when asked."""
    logging.basicConfig(level=logging.WARNING, format="server %(levelname)s %(name)s: %(message)s")
    run(_serve_and_report(settings, conn))  # the loop `triage serve` runs on


async def _serve_and_report(settings: Settings, conn) -> None:
    from voice.harness.callrun import LatencyLog, serve_in_process, watch

    loop = asyncio.get_running_loop()
    async with serve_in_process(settings) as (base, services):
        conn.send(base)
        cpu0 = _cpu_s()
        # The load's own watch of the loop the server runs on: the server's monitor is the server's, never reset.
        lag = LoopLagMonitor()
        lag.start()
        pauses: GcPauses | None = None
        busy: LoopBusy | None = None
        vad_batch = services.new_vad.batch  # Silero's shared runs (None when the VAD is energy)
        vad_counts = (0, 0)
        whisper = getattr(services.transcriber, "runs", None)  # local Whisper's shared runs (stt/batching.py)
        whisper0 = RunCounts()
        frames0 = (0, 0)  # the server's frame counts when the load began: the warm-up calls' are not the load's
        fallbacks0 = _stt_fallbacks(services.metrics)
        while (command := await loop.run_in_executor(None, conn.recv)) != "stop":
            if command == "begin":
                # The warm-up calls first: a warm-up caller that left while its turn was still being answered
                # (at load 17 on 2 cores its own keepalive closed it) had that reply counted as the load's.
                open_calls = await _calls_ended(services.metrics)
                if open_calls:
                    logger.warning("%d warm-up call(s) still open after %.0f s: the load begins anyway",
                                   open_calls, CASE_SETTLE_S)
                cpu0 = _cpu_s()
                gc.callbacks.append(pauses := GcPauses())
                busy = LoopBusy()
                watch(services).latency = LatencyLog()
                frames0 = (services.metrics.counts.frames, services.metrics.counts.late)
                fallbacks0 = _stt_fallbacks(services.metrics)
                await lag.stop()
                lag = LoopLagMonitor()  # the warm-up calls' lag is not the load's
                lag.start()
                vad_counts = (vad_batch.runs, vad_batch.windows) if vad_batch else (0, 0)
                whisper0 = replace(whisper.counts) if whisper else whisper0
                conn.send(open_calls)  # the figures start from here: the callers may begin
            elif command == "report":
                counts, latency = services.metrics.counts, watch(services).latency
                conn.send({"cpu_s": _cpu_s() - cpu0, "frames": counts.frames - frames0[0],
                           "late_frames": counts.late - frames0[1],
                           "turns_ms": latency.turns_ms, "by_prompt": latency.by_prompt,
                           "stages_ms": latency.stages_ms,
                           "max_lag_ms": round(lag.max_lag_s * 1000, 1),
                           "gc_pauses": pauses.report() if pauses else None,
                           "loop_busy_peak": busy.peak() if busy else None,
                           "stt_fallbacks": {reason: n - fallbacks0[reason]
                                             for reason, n in _stt_fallbacks(services.metrics).items()},
                           "vad_windows_per_run": _per_run(vad_batch, vad_counts),
                           "whisper_runs": _whisper_runs(whisper.counts, whisper0) if whisper else None})
        if busy:
            busy.stop()
        await lag.stop()


async def _calls_ended(metrics) -> int:
    """Wait (at most CASE_SETTLE_S) until the server has no call open, every heard turn answered and its case
    left; returns how many calls were still open (0: all ended)."""
    deadline = time.monotonic() + CASE_SETTLE_S
    while (open_calls := int(metrics.registry.get_sample_value("triage_active_calls") or 0)) and (
            time.monotonic() < deadline):
        await asyncio.sleep(0.1)
    return open_calls


def _stt_fallbacks(metrics) -> dict[str, int]:
    """Turns the remote STT did not transcribe so far: `remote`, local Whisper did; `failed`, nobody did."""
    return {reason: int(metrics.registry.get_sample_value("triage_stt_fallbacks_total", {"reason": reason}) or 0)
            for reason in ("remote", "failed")}


def _per_run(batch, before: tuple[int, int]) -> float | None:
    """How many calls' windows each Silero run carried on average since `before` (None without Silero)."""
    if batch is None or batch.runs == before[0]:
        return None
    return round((batch.windows - before[1]) / (batch.runs - before[0]), 2)


def _whisper_runs(now: RunCounts, before: RunCounts) -> dict:
    """Local Whisper's model runs during the load: how many, how many turns each carried, encodes saved, runs
    dropped unrun because nobody waited for them any more."""
    encodes, generates = now.encodes - before.encodes, now.generates - before.generates
    return {"encodes": encodes,
            "turns_per_encode": round((now.encoded - before.encoded) / encodes, 2) if encodes else None,
            "encodes_reused": now.encoder_reused - before.encoder_reused,
            "runs_abandoned": now.abandoned - before.abandoned,
            "generates": generates,
            "turns_per_generate": round((now.generated - before.generated) / generates, 2) if generates else None}


@dataclass
class Child:
    """A child process and our end of its pipe."""

    process: multiprocessing.process.BaseProcess
    conn: object

    def receive(self, timeout_s: float):
        """The child's next message, or an error if it died or stayed silent."""
        if not self.conn.poll(timeout_s):
            raise RuntimeError(f"{self.process.name} did not answer within {timeout_s:.0f} s "
                               f"(exit code {self.process.exitcode})")
        return self.conn.recv()

    def stop(self) -> None:
        """Ask nicely, then insist."""
        try:
            self.conn.send("stop")
        except (BrokenPipeError, OSError):
            pass
        self.process.join(timeout=30)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(timeout=5)


def _spawn(target, name: str, *args) -> Child:
    ctx = multiprocessing.get_context("spawn")  # no inherited event loop, threads or model handles
    ours, theirs = ctx.Pipe()
    process = ctx.Process(target=target, args=(*args, theirs), name=name, daemon=True)
    process.start()
    return Child(process, ours)


# --- the load --------------------------------------------------------------------------------------


async def _case_lost(store, trace) -> bool:
    """True when the call's case is missing, or holds fewer turns than the server acknowledged to the caller."""
    acknowledged = sum(1 for turn in trace.turns if turn.latency_ms is not None)
    deadline = time.monotonic() + CASE_SETTLE_S
    while True:
        try:
            case = await store.find_case_by_call(trace.call_sid)
        except StoreUnavailable:
            case = None
        if case is not None and case.status != "created" and len(case.turns) >= acknowledged:
            return False
        if time.monotonic() > deadline:
            logger.warning("call %s: case %s, %d turns stored of %d acknowledged", trace.call_sid,
                           "missing" if case is None else case.id, len(case.turns) if case else 0, acknowledged)
            return True
        await asyncio.sleep(0.5)


def servers_for(n: int, bases: list[str]) -> tuple[str, str | None]:
    """(webhook server, stream server or None for the same) of caller `n`: streams go round-robin over the
    servers, and in every second round the webhook goes to the next server, as a load balancer may send it."""
    stream = bases[n % len(bases)]
    if len(bases) == 1 or (n // len(bases)) % 2 == 0:
        return stream, None
    return bases[(n + 1) % len(bases)], stream


async def _callers(bases: list[str], scenarios: list[dict], calls: int, duration_s: float | None, voice_name: str,
                   on_begin) -> list:
    """Warm each server on each scenario once, then run `calls` concurrent callers; returns their traces."""
    from voice.harness.simulator import default_voice, simulate_call

    voice = default_voice(voice_name)
    progress("rendering the callers' answers...")
    for text in answer_texts(scenarios):  # the callers' voices, rendered before the clock starts
        await voice.speak(text)
    progress(f"warming the server: one call per scenario ({len(scenarios)})"
             + (f" on each of {len(bases)} servers" if len(bases) > 1 else "") + "...")
    await asyncio.gather(*(simulate_call(s, base, voice, speed=WARMUP_SPEED) for s in scenarios for base in bases))
    await asyncio.to_thread(on_begin)  # returns once every server has ended the warm-up calls and reset its figures
    progress(f"{calls} calls running" + (f" for {duration_s:g} s" if duration_s else "") + " (real time)...")
    ramp_s = min(MAX_RAMP_S, calls * RAMP_S_PER_CALL)
    started = time.monotonic()
    traces = []

    async def caller(n: int) -> None:
        # Independent callers' 20 ms frame clocks are out of step with each other. Starts spaced by a
        # multiple of 20 ms alone would send every call's frame in the same instant, a burst no real
        # mix of calls makes; the extra n/calls of a frame spreads them over one frame's time.
        await asyncio.sleep(n * (ramp_s + FRAME_MS / 1000) / calls)
        webhook, stream = servers_for(n, bases)
        i = n
        while True:
            traces.append(await simulate_call(scenarios[i % len(scenarios)], webhook, voice, speed=1.0,
                                              max_audio_s=MAX_CALL_AUDIO_S, stream_base=stream))
            i += calls
            if duration_s is None or time.monotonic() - started >= duration_s:
                return

    await asyncio.gather(*(caller(n) for n in range(calls)))
    return traces


# --- several servers on one PostgreSQL database ---------------------------------------------------


def _admin_dsn(database_url: str) -> str:
    """An asyncpg DSN for the PostgreSQL server `database_url` points at."""
    from sqlalchemy.engine import make_url

    return make_url(Settings(_env_file=None, database_url=database_url).effective_database_url).set(
        drivername="postgresql").render_as_string(hide_password=False)


@contextlib.contextmanager
def scratch_database(database_url: str):
    """A new, empty database on the PostgreSQL server of `database_url`, dropped afterwards; yields its URL."""
    import asyncpg
    from sqlalchemy.engine import make_url

    name = f"triage_load_{os.getpid()}_{secrets.token_hex(3)}"
    dsn = _admin_dsn(database_url)

    async def admin(sql: str) -> None:
        conn = await asyncpg.connect(dsn, timeout=10)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    asyncio.run(admin(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(dsn).set(drivername="postgresql+asyncpg", database=name).render_as_string(hide_password=False)
    finally:
        asyncio.run(admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def _shared_secrets() -> dict:
    """What every server of one deployment must share: the secret that signs stream tokens, and the PHI keys."""
    from cryptography.fernet import Fernet

    return {"server_secret": secrets.token_hex(32), "phi_key": Fernet.generate_key().decode(),
            "phi_hash_key": secrets.token_hex(32)}


def run_load(scenarios: list[dict], *, calls: int, stt: str, duration_s: float | None, voice: str = "slt",
             database_url: str = "", stub_delay_s: float = STUB_DELAY_S, servers: int = 1) -> dict:
    """Start the processes, run the load, gather the figures; every child is stopped on the way out.

    With `servers` > 1, that many server processes share a scratch database on the PostgreSQL server
    `database_url` names (created here and dropped after) and the secrets a deployment shares.
    """
    load_before = os.getloadavg()[0]  # what else the machine was doing, for the record
    if servers > 1:
        with scratch_database(database_url) as scratch:
            out = _run_load(scenarios, calls, stt, duration_s, voice, scratch, stub_delay_s, servers)
    else:
        out = _run_load(scenarios, calls, stt, duration_s, voice, database_url, stub_delay_s, servers)
    return {**out, "load_avg_1m": round(load_before, 2)}


def _run_load(scenarios: list[dict], calls: int, stt: str, duration_s: float | None, voice: str, database_url: str,
              stub_delay_s: float, servers: int) -> dict:
    from voice.services import open_store

    children: list[Child] = []
    with tempfile.TemporaryDirectory(prefix="triage-load-") as tmp:
        try:
            extra: dict = {"stt_backend": "local", "tts_backend": "espeak-ng"}
            if servers > 1:
                extra.update(_shared_secrets())
            if stt == "stub-remote":
                progress("starting the stub transcription server...")
                stub = _spawn(_stub_main, "stub-stt", answer_texts(scenarios), voice, stub_delay_s)
                children.append(stub)
                extra = {**extra, **_stub_settings(stub.receive(PROCESS_START_TIMEOUT_S))}
            settings = [Settings(_env_file=None, data_dir=Path(tmp) / f"server-{k}", database_url=database_url, **extra)
                        for k in range(servers)]
            progress(f"starting the server ({stt} STT)..." if servers == 1 else
                     f"starting {servers} servers on one PostgreSQL database ({stt} STT)...")
            # The first alone: it brings the schema to head, which the others then find done.
            started = [_spawn(_server_main, "server-0", settings[0])]
            children += started
            bases = [started[0].receive(PROCESS_START_TIMEOUT_S)]
            started += [_spawn(_server_main, f"server-{k}", settings[k]) for k in range(1, servers)]
            children += started[1:]
            bases += [server.receive(PROCESS_START_TIMEOUT_S) for server in started[1:]]

            stub_counts: list[dict] = []  # at the load's begin and end: the warm-up's requests are not the load's

            def count_stub_requests() -> None:
                if stt == "stub-remote":
                    stub.conn.send("count")
                    stub_counts.append(stub.receive(10))

            def begin() -> None:
                for server in started:
                    server.conn.send("begin")
                for server in started:  # each waits for its warm-up calls to end before it resets its figures
                    server.receive(CASE_SETTLE_S + 30)
                count_stub_requests()

            async def main() -> tuple[list, int]:
                limit_s = (duration_s or 0) + 2 * MAX_CALL_AUDIO_S
                traces = await asyncio.wait_for(_callers(bases, scenarios, calls, duration_s, voice, begin),
                                                timeout=limit_s)
                progress("collecting: checking every call's case was kept...")
                store = await open_store(settings[0])
                try:
                    lost = sum(await asyncio.gather(*(_case_lost(store, t) for t in traces)))
                finally:
                    await store.close()
                return traces, lost

            traces, lost = asyncio.run(main())
            count_stub_requests()
            progress("collecting the server's figures..." if servers == 1 else "collecting the servers' figures...")
            for server in started:
                server.conn.send("report")
            figures = [server.receive(60) for server in started]
        finally:
            for child in reversed(children):
                child.stop()
    crossed = sum(1 for n in range(calls) if servers_for(n, bases)[1] is not None)
    out = {"calls": len(traces), **_merged(figures), "cases_lost": lost, "concurrent": calls, "stt": stt,
           "cut_offs": {k: v for k, v in cut_offs([t for trace in traces for t in trace.turns]).items() if k != "cut"}}
    if len(stub_counts) == 2:
        out["remote_stt"] = {**{k: stub_counts[1][k] - stub_counts[0][k] for k in stub_counts[0]},
                             "per_turn": round((stub_counts[1]["requests"] - stub_counts[0]["requests"])
                                               / max(1, out["turns"]), 2)}
    if servers > 1:
        out.update(servers=servers, callers_crossed=crossed, per_server=[_summary(f) for f in figures])
    return out


def _summary(figures: dict) -> dict:
    """One server's share of the load."""
    frames_n = figures["frames"]
    return {"turns": len(figures["turns_ms"]), "frames": frames_n, "late_frames": figures["late_frames"],
            "cpu_s_per_audio_s": round(figures["cpu_s"] / (frames_n * 0.02), 4) if frames_n else None,
            "turn_latency_ms": percentiles_ms(figures["turns_ms"]), "max_loop_lag_ms": figures["max_lag_ms"],
            "loop_busy_peak": figures["loop_busy_peak"], "gc_pauses": figures["gc_pauses"],
            "whisper_runs": figures["whisper_runs"], "stt_fallbacks": figures["stt_fallbacks"]}


def _merged(servers: list[dict]) -> dict:
    """The servers' figures as one service's: counts added, percentiles over every turn, the worst loop."""
    frames_n = sum(f["frames"] for f in servers)
    turns_ms = [ms for f in servers for ms in f["turns_ms"]]
    stages: dict[str, list[float]] = {}
    for f in servers:
        for name, values in f["stages_ms"].items():
            stages.setdefault(name, []).extend(values)
    by_prompt: dict[str, list[int]] = {}
    for f in servers:
        for prompt_id, values in f["by_prompt"].items():
            by_prompt.setdefault(prompt_id, []).extend(values)
    busy = [f["loop_busy_peak"] for f in servers if f["loop_busy_peak"] is not None]
    vad = [f["vad_windows_per_run"] for f in servers if f["vad_windows_per_run"] is not None]
    return {
        "frames": frames_n,
        "late_frames": sum(f["late_frames"] for f in servers),
        "cpu_s_per_audio_s": round(sum(f["cpu_s"] for f in servers) / (frames_n * 0.02), 4) if frames_n else None,
        "turn_latency_ms": percentiles_ms(turns_ms),
        "by_answer_kind": latency_by_answer_kind(by_prompt),
        "turns": len(turns_ms),
        "stages_ms": {name: round(statistics.median(v), 1) for name, v in stages.items() if v},
        "stages_p95_ms": {name: percentiles_ms([round(v) for v in values])["p95"] for name, values in stages.items()},
        "max_loop_lag_ms": max(f["max_lag_ms"] for f in servers),
        "gc_pauses": servers[0]["gc_pauses"] if len(servers) == 1 else None,  # per process; see per_server
        "loop_busy_peak": max(busy) if busy else None,
        "vad_windows_per_run": round(statistics.fmean(vad), 2) if vad else None,
        "whisper_runs": servers[0]["whisper_runs"] if len(servers) == 1 else None,
        "stt_fallbacks": {reason: sum(f["stt_fallbacks"][reason] for f in servers)
                          for reason in servers[0]["stt_fallbacks"]},
    }
