"""A loopback HTTP server speaking OpenAI (transcriptions, chat) and Anthropic (messages) wire formats, and failing.

One stand-in for every test that needs these upstreams: the STT and correction tests, and the voice drills,
where `transcribe` answers with what the simulated caller really said.
"""

from __future__ import annotations

import json
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

TRANSCRIPTIONS = "/v1/audio/transcriptions"
MESSAGES = "/v1/messages"
HOLD_LIMIT_S = 30  # a held request is let go after this even if the test never releases it


class FakeOpenAI:
    """What the server answers (`mode`, or `modes` by path) and what it received (`requests`, `paths`).

    Modes: ok, timeout (the answer `ok` would give, after `delay_s`, default 5 s), 500, malformed, no-text,
    garbage (an HTML page with status 200), other-tool (a Messages answer calling a tool nobody asked for),
    hold (waits until `release()`).
    """

    def __init__(self) -> None:
        self.mode = "ok"
        self.modes: dict[str, str] = {}
        self.text = "I counted nine breaths."
        self.transcribe: Callable[[bytes], str] | None = None  # a transcription's text from the request body
        self.tools: dict[str, object] = {}  # Messages requests that force one of these tools get its input back
        self.delay_s = 0.0
        self.requests: list[bytes] = []
        self.paths: list[str] = []
        self.arrived = threading.Event()  # a held request is in
        self._released = threading.Event()
        self.base_url = ""  # OpenAI SDK base (…/v1)
        self.root_url = ""  # Anthropic SDK base (it adds /v1 itself)

    def hold(self, path: str = TRANSCRIPTIONS) -> None:
        """Requests to `path` wait until `release()`: a hung upstream."""
        self.arrived.clear()
        self._released.clear()
        self.modes[path] = "hold"

    def release(self) -> None:
        """Let every held request answer, and stop holding."""
        self.modes = {path: mode for path, mode in self.modes.items() if mode != "hold"}
        self._released.set()

    def calls(self, path: str) -> int:
        """How many requests `path` received."""
        return self.paths.count(path)

    def json_sent(self, path: str = MESSAGES) -> list[dict]:
        """The JSON bodies `path` received, in order."""
        return [json.loads(body) for body, sent_to in zip(self.requests, self.paths) if sent_to == path]

    def reply_text(self, path: str, body: bytes) -> str:
        return self.transcribe(body) if self.transcribe and path == TRANSCRIPTIONS else self.text

    def reply_body(self, path: str, body: bytes) -> dict | None:
        """The success body: a tool call when a Messages request forces a tool in `tools`, else text."""
        if path == MESSAGES and self.tools:
            tool = (json.loads(body).get("tool_choice") or {}).get("name")
            if tool in self.tools:
                return _tool_use(tool, self.tools[tool])
        return _reply(path, self.reply_text(path, body))


def transcribe_by_frames(texts: list[str], voice) -> Callable[[bytes], str]:
    """A `transcribe` that answers with what a simulated caller said, recognised by its exact audio frames."""
    from voice.harness.loadgen import FrameIndex, wav_pcm

    index = FrameIndex({text: voice.synthesize(text) for text in texts})
    return lambda body: index.lookup(wav_pcm(body))


def _tool_use(name: str, tool_input: object) -> dict:
    """A Messages answer that calls tool `name` with `tool_input`."""
    return {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-haiku-4-5",
            "content": [{"type": "tool_use", "id": "toolu_1", "name": name, "input": tool_input}],
            "stop_reason": "tool_use", "stop_sequence": None, "usage": {"input_tokens": 1, "output_tokens": 1}}


def _reply(path: str, text: str) -> dict | None:
    """A successful body for each API the fake speaks."""
    if path == TRANSCRIPTIONS:
        return {"text": text}
    if path == "/v1/chat/completions":
        message = {"role": "assistant", "content": text}
        return {"id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": "gpt-4o-mini",
                "choices": [{"index": 0, "message": message, "finish_reason": "stop"}]}
    if path == MESSAGES:
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
            if _reply(self.path, "") is None:
                return self._send(404, b'{"error": {"message": "not found"}}')
            mode = state.modes.get(self.path, state.mode)
            if mode == "hold":
                state.arrived.set()
                state._released.wait(HOLD_LIMIT_S)
            if mode == "timeout":
                time.sleep(state.delay_s or 5)
                return self._send(200, json.dumps(state.reply_body(self.path, body)).encode())
            if mode == "500":
                return self._send(500, b'{"error": {"message": "server error", "type": "server_error"}}')
            if mode == "malformed":
                return self._send(200, b'{"text": ')
            if mode == "no-text":
                return self._send(200, b'{"transcript": 3}')
            if mode == "other-tool" and self.path == MESSAGES:
                return self._send(200, json.dumps(_tool_use("another_tool", {})).encode())
            if mode == "garbage":
                return self._send(200, b"<html>certainly! here is the intake: {urgency: routine")
            time.sleep(state.delay_s)
            return self._send(200, json.dumps(state.reply_body(self.path, body)).encode())

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
        state.release()
        server.shutdown()
        server.server_close()
