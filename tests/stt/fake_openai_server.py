"""A loopback HTTP server speaking OpenAI's /v1/audio/transcriptions wire format, with failure modes."""

from __future__ import annotations

import json
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeOpenAI:
    """What the server answers (`mode`) and what it received (`requests`)."""

    def __init__(self) -> None:
        self.mode = "ok"
        self.text = "I counted nine breaths."
        self.delay_s = 0.0
        self.requests: list[bytes] = []
        self.base_url = ""


def _handler(state: FakeOpenAI):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # keep test output clean
            pass

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            state.requests.append(body)
            if self.path != "/v1/audio/transcriptions":
                return self._send(404, b'{"error": {"message": "not found"}}')
            if state.mode == "timeout":
                time.sleep(state.delay_s or 5)
                return self._send(200, json.dumps({"text": "too late"}).encode())
            if state.mode == "500":
                return self._send(500, b'{"error": {"message": "server error", "type": "server_error"}}')
            if state.mode == "malformed":
                return self._send(200, b'{"text": ')
            if state.mode == "no-text":
                return self._send(200, b'{"transcript": 3}')
            time.sleep(state.delay_s)
            return self._send(200, json.dumps({"text": state.text}).encode())

        def _send(self, status: int, body: bytes) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up first (timeout tests)
                pass

    return Handler


@contextmanager
def fake_openai_server():
    """Run the fake API on a free loopback port for the duration of the block."""
    state = FakeOpenAI()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.base_url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
