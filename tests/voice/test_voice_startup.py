"""`triage serve` as a person deploying it meets it: a setting it cannot start with is one line naming the setting
and its fix (exit 2, never a traceback), all such settings at once, found before anything slow; and a server that
starts says in one block what it is."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy.engine import make_url

from voice.settings import Settings

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 180  # imports and Whisper on a loaded 2-core machine; only a hung server waits this long


def _env(tmp_path: Path, **settings: str) -> dict[str, str]:
    """The real CLI's environment: none of the shell's triageline settings, a data dir of its own, `settings`."""
    ours = {name.upper() for name in Settings.model_fields}
    env = {k: v for k, v in os.environ.items() if k.upper() not in ours}
    env.update(settings, DATA_DIR=str(tmp_path / "var"),
               PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")])))
    return env


def _refused(tmp_path: Path, port: int = 0, **settings: str) -> tuple[str, str]:
    """Run `triage serve` expecting a refusal: (its one error line, everything it printed)."""
    done = subprocess.run([sys.executable, "-m", "voice.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
                          env=_env(tmp_path, **settings), cwd=tmp_path, capture_output=True, text=True,
                          timeout=START_TIMEOUT_S)
    printed = done.stdout + done.stderr
    assert done.returncode == 2, printed[-3000:]
    assert "Traceback" not in printed, printed[-3000:]
    errors = [line for line in done.stderr.splitlines() if line.startswith("triage serve:")]
    assert len(errors) == 1 and done.stderr.rstrip().endswith(errors[0]), done.stderr[-3000:]
    return errors[0], printed


def _closed_port() -> socket.socket:
    """A loopback port bound but not listening: connecting to it is refused."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    return sock


def test_a_port_in_use_is_named_before_whisper_loads(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        line, printed = _refused(tmp_path, port=port)
    assert "PORT" in line and f"127.0.0.1:{port}" in line and "in use" in line and "free one" in line
    assert "Whisper" not in printed and "alembic" not in printed  # nothing slow ran first


def test_every_unusable_setting_is_named_at_once_without_its_value(tmp_path):
    line, printed = _refused(tmp_path, DATABASE_URL="mysql://root:hunter2@db.internal/triage",
                             OFFER_TIMEOUT_S="soon", PHI_KEY="not-a-key", PHI_HASH_KEY="h" * 32,
                             PUBLIC_BASE_URL="triage.example.org", COORDINATOR_NUMBERS="+2348070000001,0807000",
                             STT_BACKEND="openai", UPLOAD_RATE_PER_LINK="lots")
    for name in ("DATABASE_URL", "OFFER_TIMEOUT_S", "PHI_KEY", "PUBLIC_BASE_URL", "COORDINATOR_NUMBERS",
                 "STT_BACKEND", "UPLOAD_RATE_PER_LINK"):
        assert f"{name}:" in line, (name, line)
    assert "postgresql://user:password@host:5432/dbname" in line  # the fix, not only the complaint
    assert "OPENAI_API_KEY" in line and "https://triage.example.org" in line
    assert "hunter2" not in printed and "not-a-key" not in printed and "0807000" not in printed


def test_a_database_that_refuses_us_is_named_without_its_credentials(tmp_path):
    with _closed_port() as closed:
        port = closed.getsockname()[1]
        line, printed = _refused(tmp_path, DATABASE_URL=f"postgresql://triage:hunter2@127.0.0.1:{port}/cases")
    assert line.startswith("triage serve: cannot start: DATABASE_URL: cannot use ")
    assert f"postgresql+asyncpg://127.0.0.1:{port}/cases" in line and "start the database" in line
    assert "hunter2" not in printed and "triage:" not in line.split("DATABASE_URL")[1]
    assert "Whisper" not in printed  # the database is opened first: a bad URL does not wait for the model


def test_a_missing_whisper_model_directory_is_named_not_a_hub_repo_id(tmp_path):
    line, printed = _refused(tmp_path, WHISPER_MODEL_DIR=str(tmp_path / "models" / "tiny.en"))
    assert "WHISPER_MODEL_DIR:" in line and "model.bin" in line and str(tmp_path / "models" / "tiny.en") in line
    assert "Repo id" not in printed


def test_a_whisper_model_that_will_not_load_is_named_at_startup(tmp_path):
    model = tmp_path / "broken-model"
    model.mkdir()
    (model / "model.bin").write_bytes(b"not a CTranslate2 model")
    line, printed = _refused(tmp_path, WHISPER_MODEL_DIR=str(model))
    assert "WHISPER_MODEL_DIR: cannot load a Whisper model from " + str(model) in line
    assert "Repo id" not in printed and "LifespanFailureError" not in printed


def _start(tmp_path: Path, **settings: str) -> str:
    """Start `triage serve`, wait until it serves, stop it; what it logged."""
    with socket.socket() as probe:  # a free port; a stray process taking it fails the test loudly (exit 2)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log_path = tmp_path / "serve.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen([sys.executable, "-m", "voice.cli", "serve", "--host", "127.0.0.1",
                                    "--port", str(port)], env=_env(tmp_path, **settings), cwd=tmp_path,
                                   stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + START_TIMEOUT_S
            while "Running on" not in log_path.read_text():
                assert process.poll() is None, log_path.read_text()[-3000:]
                assert time.monotonic() < deadline, "server never started"
                time.sleep(0.2)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=60)
    return log_path.read_text()


def _block(log: str) -> dict[str, str]:
    """The startup block's rows, by name."""
    lines = log.splitlines()
    start = next(i for i, line in enumerate(lines) if "triageline serving" in line)
    rows = {}
    for line in lines[start + 1:]:
        if not line.startswith("  "):
            break
        name, _, value = line.strip().partition("  ")
        rows[name] = value.strip()
    return rows


def test_startup_says_what_the_embedded_default_is(tmp_path):
    log = _start(tmp_path)
    assert "Traceback" not in log
    rows = _block(log)
    assert set(rows) == {"listening", "database", "speech-to-text", "text-to-speech", "SMS", "webhooks", "job loop",
                         "public URL"}
    assert rows["database"] == f"sqlite+aiosqlite:///{(tmp_path / 'var' / 'triage.db').resolve()}"
    assert rows["speech-to-text"].startswith("local Whisper ")
    # The packaged neural voice when requirements-models.txt is installed, else espeak-ng.
    assert rows["text-to-speech"] in ("piper, voice en_US-joe-medium", "espeak-ng/150wpm, voice en-us")
    assert rows["SMS"].startswith("outbox") and "TWILIO_ACCOUNT_SID" in rows["SMS"]
    assert rows["webhooks"].startswith("unsigned") and "TWILIO_AUTH_TOKEN" in rows["webhooks"]
    assert rows["job loop"].startswith(("on", "off"))
    assert rows["public URL"].startswith("unset")


def test_startup_says_what_a_deployment_is_without_its_credentials(tmp_path, postgres_url):
    url = make_url(postgres_url).set(username="postgres", password="hunter2-never-logged")  # trust: ignored
    with _closed_port() as twilio, _closed_port() as openai:  # nothing is sent at startup: nobody need answer
        openai_url = f"http://127.0.0.1:{openai.getsockname()[1]}/v1"
        log = _start(tmp_path, DATABASE_URL=url.render_as_string(hide_password=False),
                     TWILIO_ACCOUNT_SID="AC" + "0" * 32, TWILIO_AUTH_TOKEN="token-never-logged",
                     TWILIO_FROM_NUMBER="+15005550006",
                     TWILIO_API_BASE_URL=f"http://127.0.0.1:{twilio.getsockname()[1]}",
                     OPENAI_API_KEY="sk-never-logged", OPENAI_BASE_URL=openai_url,
                     TTS_BACKEND="espeak-ng", TTS_VOICE="en-gb", PUBLIC_BASE_URL="https://triage.example.org")
    assert "never-logged" not in log and "postgres@" not in log
    rows = _block(log)
    assert rows["database"] == f"postgresql+asyncpg://{url.host}:{url.port}/{url.database}"
    assert rows["speech-to-text"].startswith(f"OpenAI ({openai_url}, within 2500 ms)")
    assert "else local Whisper" in rows["speech-to-text"]
    assert rows["text-to-speech"].startswith("espeak-ng") and rows["text-to-speech"].endswith("voice en-gb")
    assert rows["SMS"] == "Twilio from ***0006, delivery reports to https://triage.example.org/sms/status"
    assert rows["webhooks"].startswith("signed")
    assert rows["public URL"] == "https://triage.example.org"
