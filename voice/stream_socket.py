"""The Media Streams websocket served as bare ASGI, in front of the Quart app.

Quart's websocket wrapper puts every inbound message through one more task and queue. At 100 calls
that is 5000 messages a second: a receive-only loop under hypercorn measured 66 % of a core through
Quart and 55 % as bare ASGI (BENCHMARKS.md). Every other route stays in the Quart app.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

STREAM_PATH = "/voice/stream"
# After our close, what the peer still sends is read and dropped until it hangs up, at most this long: hypercorn
# hands each message to a queue of 10, and with nobody reading it its reader blocks for good (the connection,
# and an ERROR at shutdown, stayed until the server stopped).
CLOSE_DRAIN_S = 5.0

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]
Asgi = Callable[[Scope, Receive, Send], Awaitable[None]]


class Disconnected(Exception):
    """Twilio's side of the websocket closed."""


class StreamSocket:
    """One accepted-or-not websocket: what the stream handler needs of it, in ASGI messages."""

    def __init__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self._receive, self._send = receive, send
        self.headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", ())}
        self.host = self.headers.get("host", "")
        self._closed = False
        self.disconnected = False  # the peer's side is gone (hypercorn said websocket.disconnect)

    async def accept(self) -> None:
        """Complete the upgrade."""
        await self._send({"type": "websocket.accept"})

    async def receive(self) -> str | bytes | None:
        """The next message's text (or bytes); Disconnected once the peer has gone."""
        message = await self._receive()
        if message["type"] != "websocket.receive":
            self._closed = self.disconnected = True
            raise Disconnected(message.get("code"))
        text = message.get("text")
        return text if text is not None else message.get("bytes")

    async def send(self, text: str) -> None:
        """Send a text message (nothing, once closed: hypercorn drops it anyway)."""
        if not self._closed:
            await self._send({"type": "websocket.send", "text": text})

    async def close(self, code: int, reason: str = "") -> None:
        """Close with a code; a second close does nothing."""
        if not self._closed:
            self._closed = True
            await self._send({"type": "websocket.close", "code": code, "reason": reason})

    async def drain(self, timeout_s: float = CLOSE_DRAIN_S) -> None:
        """Read and drop whatever still arrives until the peer is gone (or `timeout_s` has passed)."""
        try:
            async with asyncio.timeout(timeout_s):
                while not self.disconnected:
                    await self.receive()
        except (Disconnected, TimeoutError):
            pass


def serve_media_streams(app: Asgi, handle: Callable[[StreamSocket], Awaitable[None]]) -> Asgi:
    """ASGI app: websockets on STREAM_PATH go to `handle`, everything else to `app`."""

    async def asgi(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "websocket" or scope.get("path") != STREAM_PATH:
            await app(scope, receive, send)
            return
        if (await receive())["type"] != "websocket.connect":
            return
        socket = StreamSocket(scope, receive, send)
        await handle(socket)
        await socket.drain()

    return asgi
