"""The real app factory wires sms's queue replies: a health worker texts the full server."""

from __future__ import annotations

import pytest

from routing.outbox import list_messages
from routing.workers import add_worker
from tests.support.settings import settings_for
from tests.support.sms_app import AUTH, BASE, Phone
from voice.app import create_app

ADA = "+2348051112222"


@pytest.fixture
async def client(tmp_path):
    settings = settings_for(tmp_path, twilio_auth_token=AUTH, public_base_url=BASE)
    app = create_app(settings)
    async with app.test_app() as test_app:
        yield test_app.test_client(), app.extensions["triage.services"]


async def test_worker_commands_are_wired(client):
    http, services = client
    await add_worker(services.store, phone=ADA, name="Ada")
    ref = await services.store.open_call(call_sid="CA-wired", caller="+2348031234567")
    await services.store.save_triage(ref.case_id, {"start_category": "YELLOW", "urgency": "urgent"}, complete=True)
    reply = await Phone(http, ADA).text("next")
    assert reply.startswith(f"{ref.reference} is yours: YELLOW, URGENT. Case page link sent in a separate text.")
    (link,) = [m for m in await list_messages(services.store, case_id=ref.case_id) if m.kind == "case_link"]
    assert link.to == ADA and "https://triage.example.org/cases/" in link.body
    assert [a.detail for a in await services.store.audit_trail(ref.case_id) if a.action == "sms_command"] == [
        "NEXT ok"]
