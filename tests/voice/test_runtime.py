"""The server's event loop is uvloop where it is installed (what the Procfile's hypercorn runs too)."""

from __future__ import annotations

import asyncio

import pytest

from voice.runtime import run


def test_the_server_loop_is_uvloop_where_it_is_installed():
    uvloop = pytest.importorskip("uvloop")

    async def loop_kind():
        return type(asyncio.get_running_loop())

    assert issubclass(run(loop_kind()), uvloop.Loop)
