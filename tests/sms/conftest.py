"""Fixtures for sms tests: a loopback Twilio Messages API and a sender that talks to it through the real SDK."""

import time
from types import SimpleNamespace

import pytest

from sms import sender as sender_module
from sms.sender import TwilioSender
from tests.support.fake_twilio import ACCOUNT_SID, AUTH_TOKEN, FROM_NUMBER, FakeTwilio


@pytest.fixture
def fake_twilio():
    """A scripted Twilio Messages API on a loopback port; hangs 1 s for "timeout"."""
    with FakeTwilio(hang_s=1.0) as fake:
        yield fake


class SendClock:
    """The sender's monotonic clock in a test: it moves only while Twilio is asked, by what the attempt took
    (at most its timeout).

    A send window counts the sender's own waiting on Twilio. On the wall clock a busy machine's slow SQLite
    write ate a 0.5 s window before the first request and the verdict changed; here it cannot.
    """

    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        return self.now

    def attempts(self, with_timeout):
        """Wrap sms.sender's one-attempt call so that the attempt advances this clock."""
        def timed(timeout_s, call, /, *args, **kwargs):
            started = time.monotonic()
            try:
                return with_timeout(timeout_s, call, *args, **kwargs)
            finally:
                self.now += min(time.monotonic() - started, timeout_s)

        return timed


@pytest.fixture
def send_clock(monkeypatch) -> SendClock:
    """sms.sender on a SendClock for the length of the test."""
    clock = SendClock()
    monkeypatch.setattr(sender_module, "time", SimpleNamespace(monotonic=clock.monotonic))
    monkeypatch.setattr(sender_module, "_with_timeout", clock.attempts(sender_module._with_timeout))
    return clock


@pytest.fixture
def twilio_sender(store, fake_twilio, send_clock):
    """The real SDK, pointed at the fake, with short timeouts and backoff so tests stay quick."""
    return TwilioSender(store, ACCOUNT_SID, AUTH_TOKEN, FROM_NUMBER, api_base_url=fake_twilio.url,
                        status_callback_url="https://triage.example.org/sms/status",
                        request_timeout_s=0.3, retry_delays_s=(0.01, 0.02, 0.04))
