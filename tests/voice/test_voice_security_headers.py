"""Browser security headers on every response of the real server (hypercorn), pages, webhooks and errors alike."""

from __future__ import annotations

import asyncio
import time
from email.message import Message
import urllib.error
import urllib.parse
import urllib.request

import pytest
import pytest_asyncio

from sms.links import case_url, photo_url
from tests.support.settings import settings_for
from voice.harness.callrun import serve_in_process
from voice.security_headers import CONTENT_SECURITY_POLICY

pytestmark = pytest.mark.asyncio(loop_scope="module")

PUBLIC = "https://triage.example.org"
EVERY_RESPONSE = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Strict-Transport-Security": "max-age=31536000",
}


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def running(tmp_path_factory):
    settings = settings_for(tmp_path_factory.mktemp("headers"), tts_backend="espeak-ng", public_base_url=PUBLIC)
    async with serve_in_process(settings) as (base, services):
        ref = await services.store.open_call(call_sid="CA-headers", caller="+2348031234567", region="NG")
        yield base, services, ref.case_id


async def _fetch(url: str, form: dict | None = None) -> tuple[int, Message, bytes]:
    data = urllib.parse.urlencode(form).encode() if form is not None else None

    def fetch():
        try:
            with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=30) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    return await asyncio.to_thread(fetch)


def _local(base: str, public_url: str) -> str:
    return base + public_url.removeprefix(PUBLIC)


async def test_pages_carry_the_headers_and_are_never_cached(running):
    base, services, case_id = running
    now = time.time()
    for url in (case_url(PUBLIC, services.secret, case_id, now=now), photo_url(PUBLIC, services.secret, case_id, now=now),
                f"{PUBLIC}/cases/1.2.forged", f"{PUBLIC}/cases/{case_url(PUBLIC, services.secret, case_id, now=now).rsplit('/', 1)[1]}/photos/none.jpg"):
        status, headers, _ = await _fetch(_local(base, url))
        assert status in (200, 403, 404), (url, status)
        for name, value in EVERY_RESPONSE.items():
            assert headers.get(name) == value, (url, name, headers.get(name))
        assert headers.get("Cache-Control") == "no-store", url


async def test_webhooks_errors_and_health_carry_them_too(running):
    base, _, _ = running
    answers = [await _fetch(base + "/healthz"), await _fetch(base + "/no/such/page"),
               await _fetch(base + "/voice/status", {"CallSid": "CAheaders", "CallStatus": "completed"}),
               await _fetch(base + "/sms/status", {"MessageStatus": "sent"})]
    assert [status for status, _, _ in answers] == [200, 404, 204, 204]
    for _, headers, _ in answers:
        assert all(headers.get(name) == value for name, value in EVERY_RESPONSE.items()), headers


async def test_the_stylesheet_is_served_under_the_policy_and_may_be_cached(running):
    base, services, case_id = running
    _, _, page = await _fetch(_local(base, case_url(PUBLIC, services.secret, case_id, now=time.time())))
    assert b"<style" not in page and b'rel="stylesheet" href="/static/sms/triage.css"' in page
    status, headers, css = await _fetch(base + "/static/sms/triage.css")
    assert status == 200 and headers.get("Content-Type").startswith("text/css") and b"max-width" in css
    assert headers.get("Cache-Control") != "no-store" and headers.get("X-Content-Type-Options") == "nosniff"


async def test_no_hsts_when_the_public_origin_is_plain_http(tmp_path):
    settings = settings_for(tmp_path, tts_backend="espeak-ng")
    async with serve_in_process(settings) as (base, _):
        _, headers, _ = await _fetch(base + "/healthz")
    assert "Strict-Transport-Security" not in headers and headers.get("X-Frame-Options") == "DENY"
