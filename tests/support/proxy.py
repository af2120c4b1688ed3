"""A loopback TCP proxy in front of PostgreSQL that a test takes down and brings back: a database outage."""

from __future__ import annotations

import asyncio

from sqlalchemy.engine import make_url


class FlakyProxy:
    """A loopback TCP proxy that can drop every connection and refuse new ones for a while."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.port = 0
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    @property
    def serving(self) -> bool:
        return self._server is not None and self._server.is_serving()

    async def stop(self) -> None:
        self._server.close()
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()
        await self._server.wait_closed()

    async def close(self) -> None:
        """Stop for good, whether or not the test left it down."""
        if self.serving:
            await self.stop()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection(*self.target)
        self._writers |= {writer, up_writer}

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            try:
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                dst.transport.abort()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))


async def proxy_in_front_of(database_url: str) -> tuple[FlakyProxy, str]:
    """A started proxy to the database at `database_url`, and the URL that reaches the database through it."""
    url = make_url(database_url)
    proxy = FlakyProxy(url.host or "127.0.0.1", url.port or 5432)
    await proxy.start()
    return proxy, url.set(port=proxy.port).render_as_string(hide_password=False)
