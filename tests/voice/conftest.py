"""Voice fixtures: a real server in the test module's event loop (hypercorn, fresh SQLite), the caller's voice, the
drills' transcription stand-in."""

from __future__ import annotations

import pytest
import pytest_asyncio

from tests.support.drill import stub_stt_server
from tests.support.settings import settings_for
from voice.harness.callrun import serve_in_process
from voice.harness.simulator import default_voice


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def server(tmp_path_factory):
    """(base URL, Services) of an in-process server on the embedded defaults."""
    async with serve_in_process(settings_for(tmp_path_factory.mktemp("voice-server"))) as running:
        yield running


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def caller_voice():
    """The simulator's flite voice, shared so each answer is synthesized once per module."""
    return default_voice("slt")


@pytest.fixture(scope="module")
def stub_stt():
    """The drills' transcription stand-in (tests/support/drill.py): its URL, for OPENAI_BASE_URL."""
    with stub_stt_server() as url:
        yield url
