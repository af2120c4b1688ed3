"""The simulated caller's call clock: at --speed N, time the server spends working counts once, not N times.

`triage call --speed 4` reports how many seconds into a call the caller heard the emergency number; the audio
clock runs four times faster than the wall, so a server that took 2 s to speak would have looked like 8 s.
"""

from __future__ import annotations

import asyncio
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import websockets

from voice.codec import silence_ulaw
from voice.harness.simulator import simulate_call
from voice.protocol import mark_message, media_message

SERVER_WORK_S = 2.0  # wall time the fake server takes before its first words
PROMPT_MS = 1000  # the first words' length in audio
SPEED = 4.0

TWIML = ('<?xml version="1.0" encoding="UTF-8"?><Response><Connect>'
         '<Stream url="wss://example.test/voice/stream"/></Connect></Response>')


class _Webhook(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 (http.server's name)
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = TWIML.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class _NoVoice:
    async def speak(self, text: str) -> bytes:
        raise AssertionError("the call ends before the caller needs to speak")


async def _slow_server(ws) -> None:
    """Works SERVER_WORK_S on the wall clock, says one prompt, and hangs up once it has been heard."""
    stream_sid = ""
    async for raw in ws:
        msg = json.loads(raw)
        if msg["event"] == "start":
            stream_sid = msg["start"]["streamSid"]
            await asyncio.sleep(SERVER_WORK_S)
            await ws.send(media_message(stream_sid, silence_ulaw(PROMPT_MS)))
            await ws.send(mark_message(stream_sid, "prompt:closing"))
        elif msg["event"] == "mark":
            await ws.close()
            return


async def test_the_servers_working_time_counts_as_wall_time_at_any_speed():
    webhook = ThreadingHTTPServer(("127.0.0.1", 0), _Webhook)
    threading.Thread(target=webhook.serve_forever, daemon=True).start()
    try:
        async with websockets.serve(_slow_server, "127.0.0.1", 0) as stream:
            port = stream.sockets[0].getsockname()[1]
            trace = await asyncio.wait_for(simulate_call(
                {"id": "clock", "answers": {}}, f"http://127.0.0.1:{webhook.server_port}", _NoVoice(),
                speed=SPEED, stream_base=f"http://127.0.0.1:{port}"), timeout=120)
    finally:
        webhook.shutdown()
    assert trace.prompts == ["closing"]
    heard_at_s = trace.prompt_ends_s[0]
    # The server's 2 s plus the prompt's 1 s, give or take a loaded machine's slowness (a caller that falls behind
    # its clock sends less); at 4x the audio clock alone would say 2 * 4 + 1 = 9 s.
    assert PROMPT_MS / 1000 <= heard_at_s < SERVER_WORK_S * SPEED
