"""Development without PUBLIC_BASE_URL: links in our texts point at the host requests came in on (README)."""

from __future__ import annotations

import asyncio

from routing.outbox import list_messages
from routing.queue import claim_next
from routing.workers import add_worker
from tests.support.http_phone import HttpPhone
from voice.harness.callrun import serve_in_process
from voice.services import Services
from voice.settings import Settings

PATIENT, NURSE = "+2348031234567", "+2348051112222"
TRIAGE_BY_TEXT = ["hello", "1", "bad cough and fever", "no", "30", "yes", "3 days", "5", "none", "none", "yes"]


async def test_photo_and_case_links_use_the_request_host_when_no_public_url_is_set(tmp_path):
    settings = Settings(_env_file=None, data_dir=tmp_path, database_url="", public_base_url="")
    async with serve_in_process(settings) as (base, services):
        store = services.store
        assert services.link_base() == ""  # nothing came in yet: no link rather than a wrong one
        nurse, _ = await add_worker(store, phone=NURSE, name="Ada", on_duty=True)
        patient = HttpPhone(base, PATIENT)
        for body in TRIAGE_BY_TEXT:
            await patient.text(body)
        case = await store.find_latest_case(PATIENT)
        summary = None
        async with asyncio.timeout(30):  # the summary is sent after the reply, in the background
            while summary is None:
                summary = next((m for m in await list_messages(store, case_id=case.id)
                                if m.kind == "caller_summary"), None)
                await asyncio.sleep(0.1)
        assert f"{base}/upload/{case.id}." in summary.body

        assert (await claim_next(store, nurse.id)).case_id == case.id
        reply = await HttpPhone(base, NURSE).text(f"ACCEPT {case.reference}")
        assert "Case page link sent" in reply
        link = next(m for m in await list_messages(store, case_id=case.id) if m.kind == "case_link")
        assert f"{base}/cases/{case.id}." in link.body


def test_production_links_never_come_from_the_request_host():
    """Production requires PUBLIC_BASE_URL (Settings refuses to serve without it); a Host header never stands in."""
    services = Services.__new__(Services)  # only the link parts: no database, no models
    production = Settings(_env_file=None).model_copy(update={"environment": "production"})  # the rest is not read
    services.settings, services._seen_origin = production, ""
    services.saw_request("http://attacker.example/")
    assert services.link_base() == ""
