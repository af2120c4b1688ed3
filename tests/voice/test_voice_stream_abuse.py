"""Unauthenticated websockets against the real hypercorn server: frames before `start`, sockets that never
start, frames far larger than anything Twilio sends. Each is closed early, with a bounded number of log lines."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import os
import struct
import tracemalloc

import pytest
import pytest_asyncio
import websockets
from websockets.exceptions import ConnectionClosed

from tests.support.settings import settings_for
from voice.harness.callrun import serve_in_process
from voice.protocol import MAX_MESSAGE_BYTES
from voice.web import MAX_FRAMES_BEFORE_START

pytestmark = pytest.mark.asyncio(loop_scope="module")

START_TIMEOUT_S = 1.0  # the setting under test, short so the test is quick; the wait below is generous
CLOSE_DEADLINE_S = 30.0
POLICY_VIOLATION, MESSAGE_TOO_BIG = 1008, 1009
MEDIA = json.dumps({"event": "media", "streamSid": "MZstranger",
                    "media": {"track": "inbound", "timestamp": "20", "payload": base64.b64encode(bytes(160)).decode()}})


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def server(tmp_path_factory):
    settings = settings_for(tmp_path_factory.mktemp("stream-abuse"),
                            tts_backend="espeak-ng", stream_start_timeout_s=START_TIMEOUT_S)
    async with serve_in_process(settings) as (base, _):
        yield base.replace("http://", "ws://") + "/voice/stream"


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def patient_server(tmp_path_factory):
    """A server that lets a socket wait a minute for its `start`: what it buffers meanwhile is what we measure."""
    settings = settings_for(tmp_path_factory.mktemp("stream-abuse-patient"),
                            tts_backend="espeak-ng", stream_start_timeout_s=60)
    async with serve_in_process(settings) as (base, _):
        yield base.removeprefix("http://")


async def _raw_websocket(host_port: str):
    """A bare websocket client (reader, writer) after the upgrade: it sends what it likes and never answers a close."""
    host, port = host_port.split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    key = base64.b64encode(os.urandom(16)).decode()
    writer.write(f"GET /voice/stream HTTP/1.1\r\nHost: {host_port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode())
    await writer.drain()
    assert (await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), CLOSE_DEADLINE_S)).startswith(b"HTTP/1.1 101")
    return reader, writer


def _frame_header(length: int, opcode: int) -> bytes:
    """A final frame of `length` bytes with a zero mask (the payload goes as it is)."""
    return bytes([0x80 | opcode, 0x80 | 127]) + struct.pack("!Q", length) + bytes(4)


async def _close_code(ws) -> int:
    """Wait (generously) for the server to close the socket; its close code."""
    try:
        async with asyncio.timeout(CLOSE_DEADLINE_S):
            async for _ in ws:
                pass
    except ConnectionClosed:
        pass
    except TimeoutError:
        pytest.fail(f"the server left the socket open for {CLOSE_DEADLINE_S} s")
    return ws.close_code


def _stream_log(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "voice.web"]


async def test_media_before_start_closes_the_socket_with_two_or_three_log_lines(server, caplog):
    caplog.set_level(logging.INFO)
    async with websockets.connect(server) as ws:
        await ws.send(json.dumps({"event": "connected", "protocol": "Call", "version": "1.0.0"}))
        sent = 0
        try:  # the server closes long before the 20,000th frame
            for sent in range(1, 20_001):
                await ws.send(MEDIA)
                if sent % 100 == 0:
                    await asyncio.sleep(0)  # let the close reach us
        except ConnectionClosed:
            pass
        assert await _close_code(ws) == POLICY_VIOLATION
    lines = _stream_log(caplog)
    assert 1 <= len(lines) <= 3, lines
    assert any("media-before-start" in line for line in lines)
    assert any(f"{MAX_FRAMES_BEFORE_START + 1} frames refused" in line for line in lines), lines


async def test_a_socket_that_never_sends_start_is_closed(server, caplog):
    caplog.set_level(logging.INFO)
    async with websockets.connect(server) as idle, websockets.connect(server) as chatty:
        await chatty.send(json.dumps({"event": "connected", "protocol": "Call", "version": "1.0.0"}))
        assert await _close_code(idle) == POLICY_VIOLATION
        assert await _close_code(chatty) == POLICY_VIOLATION
    assert sum("no valid start" in line for line in _stream_log(caplog)) == 2


async def test_hypercorn_closes_a_frame_larger_than_twilio_sends_before_the_app_reads_it(server, caplog):
    caplog.set_level(logging.INFO)
    async with websockets.connect(server, max_size=None) as ws:
        try:
            await ws.send("x" * (1024 * 1024))  # 1 MiB: hypercorn's default would buffer up to 16 MiB of it
        except ConnectionClosed:
            pass
        assert await _close_code(ws) == MESSAGE_TOO_BIG
    assert not any("too-large" in line for line in _stream_log(caplog))  # the app never saw it


async def test_a_message_at_the_limit_still_reaches_the_app(server, caplog):
    """The limit is hypercorn's and ours alike: a message just under it is refused by the app, not the server."""
    caplog.set_level(logging.INFO)
    async with websockets.connect(server) as ws:
        await ws.send("x" * (MAX_MESSAGE_BYTES - 1))  # not JSON: one refusal, counted
        assert await _close_code(ws) == POLICY_VIOLATION  # then no start in time
    assert any("bad-json" in line for line in _stream_log(caplog))


async def test_a_peer_that_ignores_the_close_cannot_make_hypercorn_buffer_its_frames(patient_server, caplog):
    """Four sockets each stream a 15 MiB text frame and then a binary one, never answering the 1009 close:
    the server (this process) holds none of it, and no connection handler fails.

    Measured with tracemalloc, not RSS: the in-process server's heap has room left from loading Whisper, so
    RSS hid 60 MiB of buffered frames."""
    caplog.set_level(logging.INFO)
    frame_bytes, chunk = 15 * 2**20, b"x" * 2**16
    tracemalloc.start()
    sockets = []
    for _ in range(4):
        reader, writer = await _raw_websocket(patient_server)
        sockets.append((reader, writer))
        writer.write(_frame_header(frame_bytes, opcode=0x1))
        for _ in range(frame_bytes // len(chunk)):
            writer.write(chunk)
            await asyncio.wait_for(writer.drain(), CLOSE_DEADLINE_S)
        writer.write(_frame_header(3, opcode=0x2) + b"abc")
        await writer.drain()
        close = await asyncio.wait_for(reader.readexactly(4), CLOSE_DEADLINE_S)
        assert close[0] == 0x88 and struct.unpack("!H", close[2:4])[0] == MESSAGE_TOO_BIG
    held_mib = tracemalloc.get_traced_memory()[0] / 2**20
    tracemalloc.stop()
    for _, writer in sockets:
        writer.transport.abort()
    assert held_mib < 8, f"the server holds {held_mib:.0f} MiB of 60 MiB of frames it should have dropped"
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, errors[:3]
