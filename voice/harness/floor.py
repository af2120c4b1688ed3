"""`triage bench floor`: what hypercorn alone costs to receive Media Streams traffic, before any of our work.

A bare ASGI app that only accepts websockets and `json.loads` each message runs in a child process on the
chosen loop; this process plays `calls` websockets sending a Twilio-sized media message every 20 ms, frame
clocks spread over one frame. The figure is the child's CPU (user + system, from /proc) per wall second.
"""

from __future__ import annotations

import asyncio
import base64
import json
import multiprocessing
import os
import socket
import time

from voice.codec import FRAME_BYTES, FRAME_MS

MEDIA = json.dumps({"event": "media", "sequenceNumber": "5", "streamSid": "MZ" + "0" * 32,
                    "media": {"track": "inbound", "chunk": "4", "timestamp": "80",
                              "payload": base64.b64encode(bytes(FRAME_BYTES)).decode()}})
WARM_S = 3.0  # connections opened and the clocks settled before the CPU is read


async def _receive_only(scope, receive, send) -> None:
    if scope["type"] == "lifespan":
        while (await receive())["type"] != "lifespan.shutdown":
            await send({"type": "lifespan.startup.complete"})
        await send({"type": "lifespan.shutdown.complete"})
        return
    if scope["type"] != "websocket":
        return
    await receive()
    await send({"type": "websocket.accept"})
    while (message := await receive())["type"] == "websocket.receive":
        json.loads(message["text"])


def _serve(port: int, loop: str) -> None:
    from hypercorn.asyncio import serve
    from hypercorn.config import Config

    from voice.runtime import run

    config = Config()
    config.bind = [f"127.0.0.1:{port}"]
    config.accesslog = None
    main = serve(_receive_only, config)  # type: ignore[arg-type]
    run(main) if loop == "uvloop" else asyncio.run(main)


def _cpu_ticks(pid: int) -> int:
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


async def _callers(port: int, calls: int, seconds: float) -> None:
    import websockets

    async def caller(n: int) -> None:
        await asyncio.sleep(n * FRAME_MS / 1000 / calls)
        async with websockets.connect(f"ws://127.0.0.1:{port}/", compression=None) as ws:
            started, sent = time.perf_counter(), 0
            while time.perf_counter() - started < seconds:
                await ws.send(MEDIA)
                sent += 1
                await asyncio.sleep(max(0.0, started + sent * FRAME_MS / 1000 - time.perf_counter()))

    await asyncio.gather(*(caller(n) for n in range(calls)))


def run_floor(*, calls: int, seconds: float, loop: str) -> dict:
    """Start the receive-only server, play the callers, return the server's share of a core."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = multiprocessing.get_context("spawn").Process(target=_serve, args=(port, loop), daemon=True)
    server.start()
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        else:
            raise RuntimeError(f"the receive-only server did not listen on port {port} within 15 s")

        async def measure() -> float:
            playing = asyncio.create_task(_callers(port, calls, WARM_S + seconds))
            await asyncio.sleep(WARM_S)
            ticks, wall = _cpu_ticks(server.pid), time.perf_counter()
            await asyncio.sleep(seconds)
            share = (_cpu_ticks(server.pid) - ticks) / os.sysconf("SC_CLK_TCK") / (time.perf_counter() - wall)
            await playing
            return share

        share = asyncio.run(measure())
    finally:
        server.terminate()
        server.join(timeout=5)
    return {"calls": calls, "messages_per_s": calls * 1000 // FRAME_MS, "loop": loop,
            "server_core_share": round(share, 3), "load_avg_1m": round(os.getloadavg()[0], 2)}
