"""A photo link is not an SMS cannon: a case holds a few photos, uploads are rate limited per link and per
client, and the health worker gets one "photos received" text per case per digest window, never one per photo."""

import asyncio
import io
import random
from collections import Counter

from PIL import Image

from routing.jobs import run_once
from routing.outbox import list_messages
from routing.photos import add_photo, list_photos
from routing.queue import accept, claim_next
from routing.tasks import handlers
from routing.workers import add_worker
from sms.decoding import PhotoDecoder
from sms.digest import photo_digest_handlers
from sms.links import photo_url
from sms.sender import OutboxSender
from sms.throttle import UploadThrottle
from tests.support.servers import hypercorn_server
from tests.support.sms_app import BASE, SECRET, WORKERS, make_app, post_photo, run_photo_digests
from tests.support.store import FakeClock

NOW = 1_800_000_000
ADA = "+2348051112222"


def tiny_png(n: int) -> bytes:
    """A distinct 16x16 photo for every n (noise seeded by n): nothing is deduplicated."""
    out = io.BytesIO()
    Image.frombytes("RGB", (16, 16), random.Random(n).randbytes(16 * 16 * 3)).save(out, "PNG")
    return out.getvalue()


async def case_taken_by_ada(store, call_sid: str) -> int:
    ada, _ = await add_worker(store, phone=ADA, name="Ada", on_duty=True)
    ref = await store.open_call(call_sid=call_sid, caller="+2348031234567", region="NG")
    await store.save_triage(ref.case_id, {"start_category": "YELLOW", "urgency": "urgent"}, complete=True)
    await claim_next(store, ada.id)
    await accept(store, ref.case_id, ada.id)
    return ref.case_id


async def test_forty_quick_uploads_through_one_link_store_the_cap_and_text_the_worker_once(store):
    case_id = await case_taken_by_ada(store, "CA-flood")
    throttle = UploadThrottle("10/hour", "20/hour")  # the default counts; an hour, so a slow machine counts the same
    async with hypercorn_server(make_app(store, now=NOW, throttle=throttle)) as base:
        url = photo_url(BASE, SECRET, case_id, now=NOW).replace(BASE, base)
        answers = [await post_photo(url, tiny_png(n)) for n in range(40)]

    statuses = Counter(status for status, _, _ in answers)
    # 6 stored (the cap); 4 more refused for the cap before the link's 10 a minute ran out; then 429s,
    # from the link's limit and, past 20, the client's.
    assert statuses == {200: 6, 413: 4, 429: 30}
    for status, headers, text in answers:
        if status == 413:
            assert "We already have all the photos we can take for this case" in text
        if status == 429:
            assert "Please wait a minute" in text and 0 < int(headers["Retry-After"]) <= 3600
    assert len(await list_photos(store, case_id)) == 6
    assert not [m for m in await list_messages(store) if m.kind == "photo_notice"]  # none per upload

    assert await run_photo_digests(store, now=NOW) == ["photo_digest"]
    (notice,) = [m for m in await list_messages(store) if m.kind == "photo_notice"]
    assert notice.to == ADA and "6 new photos from the patient (6 on the case)" in notice.body
    assert f"{BASE}/cases/{case_id}." in notice.body
    assert await run_photo_digests(store, now=NOW) == []  # and nothing more


async def test_a_concurrent_burst_never_stores_more_than_the_cap(store):
    ref = await store.open_call(call_sid="CA-burst", caller="+2348031234567", region="NG")
    decoder = PhotoDecoder(workers=1, queue=32)
    app = make_app(store, now=NOW, decoder=decoder, throttle=UploadThrottle("1000/minute", "1000/minute"))
    try:
        async with hypercorn_server(app) as base:
            url = photo_url(BASE, SECRET, ref.case_id, now=NOW).replace(BASE, base)
            answers = await asyncio.gather(*(post_photo(url, tiny_png(n)) for n in range(16)))
    finally:
        decoder.close()
    assert Counter(status for status, _, _ in answers) == {200: 6, 413: 10}
    assert len(await list_photos(store, ref.case_id)) == 6


async def test_one_client_is_limited_across_links_and_cannot_spoof_its_way_out(store):
    cases = [(await store.open_call(call_sid=f"CA-c{n}", caller=f"+23480312345{n:02d}", region="NG")).case_id
             for n in range(5)]
    app = make_app(store, now=NOW, throttle=UploadThrottle("10/hour", "20/hour", trusted_proxy_hops=1))  # one proxy
    async with hypercorn_server(app) as base:
        links = [photo_url(BASE, SECRET, case_id, now=NOW).replace(BASE, base) for case_id in cases]
        first = [(await post_photo(links[n % 5], tiny_png(n), {"X-Forwarded-For": "10.0.0.1"}))[0] for n in range(21)]
        spoofed, _, _ = await post_photo(links[0], tiny_png(99), {"X-Forwarded-For": "6.6.6.6, 10.0.0.1"})
        other, _, _ = await post_photo(links[0], tiny_png(100), {"X-Forwarded-For": "10.0.0.2"})
    assert first == [200] * 20 + [429]  # 4 photos per link, under each link's limit: the client's limit
    assert spoofed == 429  # only what our own proxy saw counts
    assert other == 200


async def test_one_digest_per_case_per_window_to_the_worker_who_holds_the_case_and_nobody_else(store):
    clock = FakeClock()
    store.clock = clock
    sender = OutboxSender(store)
    jobs = {**handlers(store, sender),  # the case's offer runs too, as in the job loop
            **photo_digest_handlers(store, sender, secret=SECRET, public_base_url=BASE, clock=lambda: NOW)}
    for n, number in enumerate(WORKERS):
        await add_worker(store, phone=number, name=f"Worker {n}", on_duty=True)
    ada, _ = await add_worker(store, phone=ADA, name="Ada", on_duty=True)
    ref = await store.open_call(call_sid="CA-digest", caller="+2348031234567", region="NG")
    window = store.policy.photo_digest_s

    async def run_due() -> int:
        """How many photo digests ran."""
        ran = 0
        while (job := await run_once(store, jobs, "w1")) is not None:
            ran += job.kind == "photo_digest"
        return ran

    for n in range(3):
        await add_photo(store, ref.case_id, jpeg=tiny_png(n), source="upload")
        clock.advance(seconds=20)
    assert await run_due() == 0  # the window is not over
    clock.advance(seconds=window)
    assert await run_due() == 1  # nobody holds the case: the photos wait on it, no on-duty number is texted
    assert not [m for m in await list_messages(store) if m.kind == "photo_notice"]

    await store.save_triage(ref.case_id, {"start_category": "YELLOW", "urgency": "urgent"}, complete=True)
    await claim_next(store, ada.id)
    await accept(store, ref.case_id, ada.id)
    clock.advance(seconds=1)
    await add_photo(store, ref.case_id, jpeg=tiny_png(3), source="mms")  # a later photo: the next window
    clock.advance(seconds=window)
    assert await run_due() == 1
    assert await run_due() == 0

    (notice,) = [m for m in await list_messages(store) if m.kind == "photo_notice"]
    assert notice.to == ADA  # not WORKERS, though on duty
    assert notice.body.startswith(f"{ref.reference}: 1 new photo from the patient (4 on the case)")


def test_the_default_limits_are_per_minute_and_a_bad_setting_fails_at_start():
    import pytest

    throttle = UploadThrottle()
    assert (str(throttle.per_link), str(throttle.per_client)) == ("10 per 1 minute", "20 per 1 minute")
    assert throttle.client_key("127.0.0.1", "6.6.6.6") == "127.0.0.1"  # no trusted proxy: the header is ignored
    with pytest.raises(ValueError):
        UploadThrottle("ten a minute")
