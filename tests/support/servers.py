"""Real servers on loopback ports: an app behind hypercorn in the test's loop, and `triage serve` processes."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import urllib.request
from contextlib import asynccontextmanager
from pathlib import Path

from hypercorn.asyncio import serve
from hypercorn.config import Config
from quart import Quart

from tests.support.settings import TEST_STT_DEADLINE_MS, share_prompt_audio
from tests.support.wait import wait_until

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 120  # `triage serve` imports the whole server: tens of seconds on a loaded 2-core machine


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _accepts(port: int) -> bool:
    try:
        _, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        return False
    writer.close()
    return True


@asynccontextmanager
async def hypercorn_server(app: Quart):
    """`app` behind hypercorn on a loopback port, in this event loop; yields its base URL."""
    port = free_port()
    config = Config()
    config.bind = [f"127.0.0.1:{port}"]
    config.accesslog = None
    stop = asyncio.Event()
    task = asyncio.create_task(serve(app, config, shutdown_trigger=stop.wait))
    await wait_until(lambda: _accepts(port), interval_s=0.05, what=f"hypercorn accepting on port {port}")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=30)


class ServeProcess:
    """`triage serve` in a subprocess, on a free loopback port."""

    def __init__(self, env: dict[str, str], data_dir: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        share_prompt_audio(data_dir)
        full_env = {**os.environ, "STT_DEADLINE_MS": str(TEST_STT_DEADLINE_MS), **env, "DATA_DIR": str(data_dir)}
        for key in ("TWILIO_AUTH_TOKEN", "TWILIO_ACCOUNT_SID", "ANTHROPIC_API_KEY", "PUBLIC_BASE_URL"):
            full_env.pop(key, None)
        self.log = open(data_dir / "serve.log", "wb")  # noqa: SIM115 -- closed in stop()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "voice.cli", "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            env=full_env, stdout=self.log, stderr=subprocess.STDOUT, cwd=REPO,
        )

    async def healthy(self) -> None:
        """Wait until /healthz answers 200; the process must not exit meanwhile."""
        async def answers() -> bool:
            assert self.process.poll() is None, f"server exited: {Path(self.log.name).read_text()[-2000:]}"
            try:
                status = await asyncio.to_thread(
                    lambda: urllib.request.urlopen(self.base + "/healthz", timeout=2).status)
            except OSError:
                return False
            return status == 200

        await wait_until(answers, timeout_s=START_TIMEOUT_S, interval_s=0.2, what=f"{self.base}/healthz answering")

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
