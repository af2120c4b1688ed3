"""Photo decoding runs on its own small pool behind a bounded queue: past it, uploads are refused with 503."""

import asyncio
import io
import threading

import pytest
from PIL import Image

from routing.photos import list_photos
from sms.decoding import DecoderBusy, PhotoDecoder
from sms.links import photo_url
from sms.photos import clean_photo
from tests.support.servers import hypercorn_server
from tests.support.sms_app import BASE, SECRET, make_app, post_photo

NOW = 1_800_000_000
DEADLINE_S = 30


def png(size=(64, 48), color=(120, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "PNG")
    return out.getvalue()


class Gate:
    """A decode that waits until the test opens the gate, counting how many have started."""

    def __init__(self) -> None:
        self.open = threading.Event()
        self.started = threading.Semaphore(0)

    def decode(self, data: bytes):
        self.started.release()
        assert self.open.wait(DEADLINE_S), "the test never opened the gate"
        return clean_photo(data)

    async def wait_started(self, n: int) -> None:
        for _ in range(n):
            assert await asyncio.to_thread(self.started.acquire, timeout=DEADLINE_S)


async def test_work_past_the_queue_is_refused_and_places_come_back():
    gate = Gate()
    decoder = PhotoDecoder(workers=1, queue=1, decode=gate.decode, retry_after_s=7)
    try:
        running = asyncio.create_task(decoder.decode(png()))
        queued = asyncio.create_task(decoder.decode(png(color=(1, 2, 3))))
        await gate.wait_started(1)
        assert decoder.admitted == 2
        with pytest.raises(DecoderBusy) as busy:
            await decoder.decode(png())
        assert busy.value.retry_after_s == 7
        gate.open.set()
        assert (await asyncio.wait_for(running, DEADLINE_S)).width == 64
        await asyncio.wait_for(queued, DEADLINE_S)
        assert decoder.admitted == 0
        assert (await decoder.decode(png())).height == 48
    finally:
        gate.open.set()
        decoder.close()


async def test_a_caller_that_gives_up_keeps_its_place_until_its_decode_ends():
    gate = Gate()
    decoder = PhotoDecoder(workers=1, queue=0, decode=gate.decode)
    try:
        abandoned = asyncio.create_task(decoder.decode(png()))
        await gate.wait_started(1)
        abandoned.cancel()  # the browser went away; its decode still holds a core and memory
        with pytest.raises(asyncio.CancelledError):
            await abandoned
        with pytest.raises(DecoderBusy):
            await decoder.decode(png())
        waiting = asyncio.create_task(decoder.decode(png(), wait_s=DEADLINE_S))  # an MMS photo waits its turn
        await asyncio.sleep(0.3)
        assert not waiting.done()
        gate.open.set()
        assert (await asyncio.wait_for(waiting, DEADLINE_S)).width == 64
        assert decoder.admitted == 0
    finally:
        gate.open.set()
        decoder.close()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the server, not the database, is under test
async def test_server_refuses_uploads_past_the_decode_queue_with_503_and_retry_after(store, tmp_path):
    ref = await store.open_call(call_sid="CA-busy", caller="+2348031234567", region="NG")
    gate = Gate()
    decoder = PhotoDecoder(workers=1, queue=1, decode=gate.decode, retry_after_s=9)
    app = make_app(store, now=NOW, decoder=decoder)
    try:
        async with hypercorn_server(app) as base:
            url = photo_url(BASE, SECRET, ref.case_id, now=NOW).replace(BASE, base)
            first = asyncio.create_task(post_photo(url, png(color=(1, 1, 1))))
            second = asyncio.create_task(post_photo(url, png(color=(2, 2, 2))))
            await gate.wait_started(1)
            for _ in range(DEADLINE_S * 10):  # both are in: one decoding, one queued
                if decoder.admitted == 2:
                    break
                await asyncio.sleep(0.1)
            assert decoder.admitted == 2
            status, headers, text = await post_photo(url, png(color=(3, 3, 3)))
            assert (status, headers["Retry-After"]) == (503, "9")
            assert "Please wait a few seconds and send it again" in text
            gate.open.set()
            assert [(await task)[0] for task in (first, second)] == [200, 200]
    finally:
        gate.open.set()
        decoder.close()
    assert len(await list_photos(store, ref.case_id)) == 2


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_server_refuses_the_37_kb_6300_square_png_from_its_header(store, tmp_path):
    ref = await store.open_call(call_sid="CA-bomb", caller="+2348031234567", region="NG")
    bomb = png(size=(6300, 6300))
    assert len(bomb) < 200_000
    decoder = PhotoDecoder()
    try:
        async with hypercorn_server(make_app(store, now=NOW, decoder=decoder)) as base:
            status, _, text = await post_photo(photo_url(base, SECRET, ref.case_id, now=NOW), bomb)
    finally:
        decoder.close()
    assert status == 413 and "not a photo we can use" in text
    assert await list_photos(store, ref.case_id) == []
