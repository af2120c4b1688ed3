"""Fixtures for sms tests: a loopback Twilio Messages API and a sender that talks to it through the real SDK."""

import pytest

from sms.sender import TwilioSender
from tests.support.fake_twilio import ACCOUNT_SID, AUTH_TOKEN, FROM_NUMBER, FakeTwilio


@pytest.fixture
def fake_twilio():
    """A scripted Twilio Messages API on a loopback port; hangs 1 s for "timeout"."""
    with FakeTwilio(hang_s=1.0) as fake:
        yield fake


@pytest.fixture
def twilio_sender(store, fake_twilio):
    """The real SDK, pointed at the fake, with short timeouts and backoff so tests stay quick."""
    return TwilioSender(store, ACCOUNT_SID, AUTH_TOKEN, FROM_NUMBER, api_base_url=fake_twilio.url,
                        status_callback_url="https://triage.example.org/sms/status",
                        request_timeout_s=0.3, retry_delays_s=(0.01, 0.02, 0.04))
