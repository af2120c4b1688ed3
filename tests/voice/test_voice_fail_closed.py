"""Production fails closed: `triage serve` refuses to start without the settings that keep webhooks signed and
PHI encrypted, in one line naming all of them; development says loudly that its webhooks are unsigned."""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
import websockets
from cryptography.fernet import Fernet
from websockets.exceptions import ConnectionClosed

from tests.support.servers import ServeProcess
from tests.support.settings import settings_for
from voice.app import create_app
from voice.protocol import MAX_MESSAGE_BYTES
from voice.settings import ConfigError, Settings

REPO = Path(__file__).resolve().parents[2]
SAFETY_SETTINGS = ("TWILIO_AUTH_TOKEN", "TWILIO_ACCOUNT_SID", "TWILIO_FROM_NUMBER", "PUBLIC_BASE_URL",
                   "SERVER_SECRET", "PHI_KEY", "PHI_HASH_KEY")
COMPLETE = {"TWILIO_AUTH_TOKEN": "token-0123456789", "TWILIO_ACCOUNT_SID": "AC" + "0" * 32,
            "TWILIO_FROM_NUMBER": "+15005550006", "PUBLIC_BASE_URL": "https://triage.example.org",
            "SERVER_SECRET": "s" * 64, "PHI_KEY": Fernet.generate_key().decode(), "PHI_HASH_KEY": "h" * 32}


def _serve(tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """The real CLI in production, in a directory without a .env, with only `env` among the settings."""
    clean = {k: v for k, v in os.environ.items() if k.upper() not in SAFETY_SETTINGS and k.upper() != "ENVIRONMENT"}
    clean.update(env, ENVIRONMENT="production", DATA_DIR=str(tmp_path / "var"),
                 PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), clean.get("PYTHONPATH")])))
    # A server that wrongly starts would run until the timeout: that fails the test too.
    return subprocess.run([sys.executable, "-m", "voice.cli", "serve", "--host", "127.0.0.1", "--port", "0"],
                          env=clean, cwd=tmp_path, capture_output=True, text=True, timeout=120)


def test_production_without_the_twilio_token_and_public_url_exits_2_in_one_line(tmp_path):
    done = _serve(tmp_path, {k: v for k, v in COMPLETE.items() if k not in ("TWILIO_AUTH_TOKEN", "PUBLIC_BASE_URL")})
    assert done.returncode == 2, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "TWILIO_AUTH_TOKEN" in lines[0] and "PUBLIC_BASE_URL" in lines[0] and "production" in lines[0]
    assert not any(name in lines[0] for name in ("SERVER_SECRET", "PHI_KEY", "TWILIO_ACCOUNT_SID"))
    assert COMPLETE["SERVER_SECRET"] not in done.stderr + done.stdout


def test_production_with_nothing_set_names_every_missing_setting_at_once(tmp_path):
    done = _serve(tmp_path, {})
    assert done.returncode == 2
    (line,) = done.stderr.strip().splitlines()
    assert all(name in line for name in SAFETY_SETTINGS), line


def _problems(**settings: str) -> list[str]:
    """The settings production refuses, by name, when it is given COMPLETE with `settings` over it."""
    try:
        Settings(_env_file=None, environment="production", **{k.lower(): v for k, v in COMPLETE.items()} | settings)
    except ConfigError as exc:
        return [problem.split(":")[0] for problem in exc.problems]
    return []


def test_a_public_url_that_is_not_https_a_short_secret_or_a_bad_phi_key_is_refused_in_production():
    assert _problems(public_base_url="http://triage.example.org") == ["PUBLIC_BASE_URL"]
    assert _problems(server_secret="short", phi_key="not-a-key") == ["SERVER_SECRET", "PHI_KEY"]
    assert _problems() == []
    with pytest.raises(ConfigError, match="PUBLIC_BASE_URL: must start with https://"):
        Settings(_env_file=None, environment="production",
                 **{k.lower(): v for k, v in COMPLETE.items()} | {"public_base_url": "http://triage.example.org"})


async def test_development_warns_once_and_loudly_that_webhooks_are_unsigned(tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    app = create_app(settings_for(tmp_path, stt_backend="openai", openai_api_key="unused"))
    async with app.test_app():
        pass
    warnings = [r.getMessage() for r in caplog.records if "NOT signed" in r.getMessage()]
    assert len(warnings) == 1 and "TWILIO_AUTH_TOKEN" in warnings[0]


async def test_triage_serve_in_development_starts_with_our_hypercorn_limits(tmp_path):
    """The CLI path itself (what the Procfile runs): it serves, and hypercorn closes an oversized frame (1009)."""
    server = ServeProcess({"TTS_BACKEND": "espeak-ng"}, tmp_path)
    try:
        await server.healthy()
        async with websockets.connect(server.base.replace("http://", "ws://") + "/voice/stream", max_size=None) as ws:
            try:
                await ws.send("x" * (MAX_MESSAGE_BYTES + 1))
                await asyncio.wait_for(ws.recv(), timeout=60)
            except ConnectionClosed:
                pass
            assert ws.close_code == 1009
    finally:
        server.stop()
    assert "NOT signed" in (tmp_path / "serve.log").read_text()
