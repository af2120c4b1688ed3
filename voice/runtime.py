"""The event loop a server process runs on: uvloop where it is installed, else asyncio's own.

100 calls send 5000 Media Streams messages a second to one loop. uvloop's transports are C and read into
one preallocated buffer, where asyncio's allocate 256 KiB for every read (glibc serves that size with an
mmap, an mremap and a munmap: 19-25 us a read on this VM). hypercorn receiving 100 calls' media took
58-61 % of a core on asyncio's loop and 47-51 % on uvloop (`triage bench floor`, BENCHMARKS.md).
Lowering glibc's mmap threshold instead fixed the reads but slowed Whisper's decode (one-call p50 742 ->
975-1016 ms), so the allocator is left as it is.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

from hypercorn.config import Config
from hypercorn.protocol import ws_stream

from voice.protocol import MAX_MESSAGE_BYTES

logger = logging.getLogger(__name__)


def server_config(bind: str) -> Config:
    """hypercorn's settings for our server, the same for `triage serve` and the in-process test server.

    hypercorn buffers a websocket message whole before the app sees it, up to 16 MiB by default: 20 sockets
    sending 15 MiB frames took a server from 305 to 685 MB before our own check ran. Twilio's messages are
    a few hundred bytes, so hypercorn closes (1009) anything past our own limit as it arrives.
    """
    _bound_websocket_buffers()
    config = Config()
    config.bind = [bind]
    config.accesslog = None
    config.errorlog = logging.getLogger("hypercorn.error")  # our log format and handlers, not a second copy of each line
    config.websocket_max_message_size = MAX_MESSAGE_BYTES
    return config


class BoundedWebsocketBuffer(ws_stream.WebsocketBuffer):
    """hypercorn's websocket message buffer, kept within its limit once the limit is passed.

    hypercorn 0.18 writes each piece of a message into the buffer before comparing with the limit, and never
    empties a buffer that passed it: a peer that ignores the 1009 close keeps filling it (5 sockets streaming
    15 MiB frames grew a server by 80 MB with the limit at 16 KiB, as much as at 16 MiB), and a text message
    after an overlong binary one, or the reverse, crashed the connection with a TypeError. Here a message
    past the limit is dropped, and so is everything after it on that connection (which is closing).
    """

    def extend(self, event) -> None:
        if self.length > self.max_length or self.length + len(event.data) > self.max_length:
            self.value, self.length = None, self.max_length + 1  # drop what was kept; stay over the limit
            raise ws_stream.FrameTooLargeError()
        super().extend(event)


def _bound_websocket_buffers() -> None:
    """Have hypercorn's websocket streams use BoundedWebsocketBuffer (it names the class at call time)."""
    ws_stream.WebsocketBuffer = BoundedWebsocketBuffer  # type: ignore[misc]


def quiet_cut_connections() -> None:
    """One log line, not a crash-like traceback, for each connection hypercorn cuts at shutdown.

    Connections still open `graceful_timeout` after shutdown begins are cancelled. Python 3.11's stream
    callback then asks the cancelled task for its exception and the loop prints a CancelledError traceback
    ("Exception in callback StreamReaderProtocol.connection_made"), which reads like a crash at the end of
    every demo that caught a connection still closing. Any other error keeps asyncio's own report.
    """

    def handle(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        if isinstance(context.get("exception"), asyncio.CancelledError):
            logger.warning("shutdown: a connection still open after the graceful timeout was closed")
            return
        loop.default_exception_handler(context)

    asyncio.get_running_loop().set_exception_handler(handle)


def run(main: Coroutine[Any, Any, Any]) -> Any:
    """Run the server's main coroutine on uvloop (hypercorn's `--worker-class uvloop`), or on asyncio's loop."""
    try:
        import uvloop
    except ImportError:
        logger.info("uvloop not installed: serving on asyncio's loop")
        return asyncio.run(main)
    return uvloop.run(main)
