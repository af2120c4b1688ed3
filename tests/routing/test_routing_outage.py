"""Writes ride out a short database outage: a real TCP proxy in front of PostgreSQL goes down and back up."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy.engine import make_url

from routing.engine import RetryPolicy
from routing.errors import StoreUnavailable
from routing.store import Store

OUTAGE_S = 0.6


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

    async def stop(self) -> None:
        self._server.close()
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()
        await self._server.wait_closed()

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


@pytest.fixture
async def proxy(postgres_url):
    url = make_url(postgres_url)
    p = FlakyProxy(url.host or "127.0.0.1", url.port or 5432)
    await p.start()
    yield p, url.set(port=p.port).render_as_string(hide_password=False)
    if p._server.is_serving():
        await p.stop()


async def test_writes_survive_a_short_outage(proxy, phi_cipher, hash_key):
    p, url = proxy
    store = await Store.connect(url, phi_cipher, hash_key=hash_key)
    try:
        ref = await store.open_call(call_sid="CA-outage", caller="+2348031234567")
        await p.stop()
        writes = asyncio.gather(
            store.record_turn(ref.case_id, seq=1, prompt_id="walk", raw_text="no", corrected_text="no",
                              source="speech"),
            store.save_triage(ref.case_id, {"urgency": "urgent"}),
            store.open_call(call_sid="CA-during-outage", caller="+2348031234568"),
        )
        await asyncio.sleep(OUTAGE_S)
        await p.start()  # same port: the database is back
        _, _, during = await asyncio.wait_for(writes, timeout=10)

        assert during.created
        assert [t.raw_text for t in (await store.get_case(ref.case_id)).turns] == ["no"]
        assert (await store.find_case_by_call("CA-during-outage")).id == during.case_id
    finally:
        await store.close()


async def test_a_long_outage_is_reported_not_hung(proxy, phi_cipher, hash_key):
    p, url = proxy
    store = await Store.connect(url, phi_cipher, hash_key=hash_key,
                                retry=RetryPolicy(attempts=3, first_delay_s=0.05, max_delay_s=0.1))
    try:
        await p.stop()
        with pytest.raises(StoreUnavailable) as err:
            await store.open_call(call_sid="CA-lost", caller="+2348031234567")
        assert err.value.code == "store-unavailable"
        assert not await store.ping()
    finally:
        await store.close()
