"""A loopback HTTP server speaking OpenAI (transcriptions, chat) and Anthropic (messages) wire formats, and failing."""

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
        self.paths: list[str] = []
        self.base_url = ""  # OpenAI SDK base (…/v1)
        self.root_url = ""  # Anthropic SDK base (it adds /v1 itself)


def _reply(path: str, text: str) -> dict | None:
    """A successful body for each API the fake speaks."""
    if path == "/v1/audio/transcriptions":
        return {"text": text}
    if path == "/v1/chat/completions":
        message = {"role": "assistant", "content": text}
        return {"id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": "gpt-4o-mini",
                "choices": [{"index": 0, "message": message, "finish_reason": "stop"}]}
    if path == "/v1/messages":
        return {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-haiku-4-5",
                "content": [{"type": "text", "text": text}], "stop_reason": "end_turn", "stop_sequence": None,
                "usage": {"input_tokens": 1, "output_tokens": 1}}
    return None


def _handler(state: FakeOpenAI):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # keep test output clean
            pass

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            state.requests.append(body)
            state.paths.append(self.path)
            ok = _reply(self.path, state.text)
            if ok is None:
                return self._send(404, b'{"error": {"message": "not found"}}')
            if state.mode == "timeout":
                time.sleep(state.delay_s or 5)
                return self._send(200, json.dumps(_reply(self.path, "too late")).encode())
            if state.mode == "500":
                return self._send(500, b'{"error": {"message": "server error", "type": "server_error"}}')
            if state.mode == "malformed":
                return self._send(200, b'{"text": ')
            if state.mode == "no-text":
                return self._send(200, b'{"transcript": 3}')
            time.sleep(state.delay_s)
            return self._send(200, json.dumps(ok).encode())

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
    state.root_url = f"http://127.0.0.1:{server.server_address[1]}"
    state.base_url = state.root_url + "/v1"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
