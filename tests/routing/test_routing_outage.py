"""Writes ride out a short database outage: a real TCP proxy in front of PostgreSQL goes down and back up."""

from __future__ import annotations

import asyncio

import pytest

from routing.engine import RetryPolicy
from routing.errors import StoreUnavailable
from routing.store import Store
from tests.support.proxy import proxy_in_front_of

OUTAGE_S = 0.6


@pytest.fixture
async def proxy(postgres_url):
    p, url = await proxy_in_front_of(postgres_url)
    yield p, url
    await p.close()


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
