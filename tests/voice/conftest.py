"""A real server in this test module's event loop: hypercorn on a loopback port, fresh SQLite."""

from __future__ import annotations

import pytest_asyncio

from voice.harness.callrun import serve_in_process
from voice.harness.simulator import default_voice
from voice.settings import Settings


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def server(tmp_path_factory):
    """(base URL, Services) of an in-process server on the embedded defaults."""
    settings = Settings(_env_file=None, data_dir=tmp_path_factory.mktemp("voice-server"), database_url="")
    async with serve_in_process(settings) as running:
        yield running


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def caller_voice():
    """The simulator's flite voice, shared so each answer is synthesized once per module."""
    return default_voice("slt")
