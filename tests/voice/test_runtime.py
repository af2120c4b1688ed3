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


async def _hold_open(scope, receive, send) -> None:
    """A websocket that stays open until the client leaves (the lifespan answered as a server's would)."""
    if scope["type"] == "lifespan":
        while (message := await receive())["type"] != "lifespan.shutdown":
            await send({"type": "lifespan.startup.complete"})
        await send({"type": "lifespan.shutdown.complete"})
        return
    await receive()
    await send({"type": "websocket.accept"})
    while (await receive())["type"] != "websocket.disconnect":
        pass


@pytest.mark.parametrize("quiet", [True, False])
async def test_a_connection_cut_at_shutdown_is_one_line_not_a_traceback(caplog, quiet):
    """hypercorn cancels what is still open after graceful_timeout; unhandled, asyncio prints a CancelledError
    traceback that reads like a crash (the demo showed it once). The unquiet run shows the test can fail."""
    import socket

    import websockets
    from hypercorn.asyncio import serve

    from voice.runtime import quiet_cut_connections, server_config

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = server_config(f"127.0.0.1:{port}")
    config.graceful_timeout = 0.2
    stop = asyncio.Event()
    if quiet:
        quiet_cut_connections()
    server = asyncio.create_task(serve(_hold_open, config, shutdown_trigger=stop.wait))
    for _ in range(100):
        try:
            client = await websockets.connect(f"ws://127.0.0.1:{port}/")
            break
        except OSError:
            await asyncio.sleep(0.1)
    stop.set()
    await asyncio.wait_for(server, timeout=30)
    await asyncio.sleep(0.1)  # the stream's done-callback runs a loop turn later
    await client.close()
    tracebacks = [r for r in caplog.records if r.exc_info and isinstance(r.exc_info[1], asyncio.CancelledError)]
    cut = [r for r in caplog.records if "still open after the graceful timeout" in r.getMessage()]
    assert (len(tracebacks), len(cut)) == ((0, 1) if quiet else (1, 0))
