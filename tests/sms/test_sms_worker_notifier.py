"""`triage worker` sends as the web app does: through Twilio with a delivery-status callback, else the outbox."""

from __future__ import annotations

import pytest

from sms.sender import OutboxSender
from tests.support.fake_twilio import ACCOUNT_SID, AUTH_TOKEN, FROM_NUMBER
from voice.cli import _make_notifier

TO = "+2348031234567"
PUBLIC = "https://triage.example.org"


@pytest.fixture
def twilio_env(monkeypatch, fake_twilio):
    """The worker's environment: Twilio credentials, the SDK pointed at the loopback fake."""
    monkeypatch.setenv("TWILIO_ACCOUNT_SID", ACCOUNT_SID)
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", AUTH_TOKEN)
    monkeypatch.setenv("TWILIO_FROM_NUMBER", FROM_NUMBER)
    monkeypatch.setenv("TWILIO_API_BASE_URL", fake_twilio.url)
    return monkeypatch


async def test_worker_messages_ask_twilio_for_delivery_status(store, fake_twilio, twilio_env):
    twilio_env.setenv("PUBLIC_BASE_URL", PUBLIC + "/")
    result = await _make_notifier(store).send(TO, "Case TL-1: follow up", kind="worker_summary")
    assert result.ok
    (request,) = fake_twilio.requests
    assert request["form"]["StatusCallback"] == f"{PUBLIC}/sms/status?message_id={result.message_id}"


async def test_without_a_public_url_twilio_is_not_given_a_callback_it_cannot_reach(store, fake_twilio, twilio_env):
    twilio_env.setenv("PUBLIC_BASE_URL", "")
    result = await _make_notifier(store).send(TO, "Case TL-1: follow up", kind="worker_summary")
    assert result.ok
    (request,) = fake_twilio.requests
    assert "StatusCallback" not in request["form"]


async def test_without_twilio_credentials_the_worker_uses_the_outbox(store, monkeypatch):
    for name in ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM_NUMBER"):
        monkeypatch.delenv(name, raising=False)
    assert isinstance(_make_notifier(store), OutboxSender)


async def test_the_worker_sends_the_photo_digest_too(store, monkeypatch, tmp_path):
    from voice.cli import _sms_job_handlers

    monkeypatch.setenv("DATA_DIR", str(tmp_path))  # development: the server secret the web app signs links with
    assert set(_sms_job_handlers(store, OutboxSender(store))) == {"photo_digest"}
