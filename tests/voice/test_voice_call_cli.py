"""`triage call` as a newcomer runs it (the demo's command): the dialogue on stdout, steps on stderr, and
nothing on either that looks like a crash, shutdown included."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from voice.harness import EXAMPLES

pytestmark = pytest.mark.slow

SCENARIO_ID = "black-roadside"  # the shortest call of the examples


def test_the_demo_call_prints_the_dialogue_and_no_traceback(tmp_path):
    line = next(line for line in EXAMPLES.read_text().splitlines() if f'"{SCENARIO_ID}"' in line)
    (scenario := tmp_path / "one.jsonl").write_text(line + "\n")
    env = {**os.environ, "DATA_DIR": str(tmp_path / "data"), "DATABASE_URL": "", "ENVIRONMENT": "development",
           "TWILIO_AUTH_TOKEN": "", "TWILIO_ACCOUNT_SID": "", "PUBLIC_BASE_URL": ""}
    done = subprocess.run([sys.executable, "-m", "voice.cli", "call", "--scenario", str(scenario), "--speed", "8"],
                          capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    assert f"[1/1] calling as {SCENARIO_ID}" in done.stderr
    assert "server asked:" in done.stdout and "caller said:" in done.stdout
    for stream in (done.stdout, done.stderr):
        assert "Traceback" not in stream and "CancelledError" not in stream
        assert " ERROR " not in stream  # a newcomer reads an ERROR line as a broken install
