"""The upload page and the case page in real headless Chromium, on a phone-sized screen, served by hypercorn."""

import io
import os
import shutil

import pytest
from PIL import Image, ImageDraw

from intake.models import Category, TriageResult, Urgency
from routing.photos import list_photos
from sms.links import case_url, photo_url
from tests.support.servers import hypercorn_server
from tests.support.sms_app import make_app

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
NOW = 1_800_000_000
PAGE_TIMEOUT_MS = 15_000


def _require_browser():
    """playwright's async API, or a skip with the reason (a failure under CI=true: there the browser must run)."""
    reason = None
    try:
        from playwright.async_api import async_playwright
    except ImportError:
        reason, async_playwright = "the playwright package is not installed (pip install -e '.[test]')", None
    if reason is None and not shutil.which(CHROMIUM):
        reason = f"no Chromium at {CHROMIUM} (apt-get install chromium; scripts/install.sh does it)"
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason + " (CI=true: the browser tests must run)")
        pytest.skip(reason)
    return async_playwright


def assert_private(headers: dict[str, str]) -> None:
    """The browser headers every page and photo carries: not framed, not sniffed, not cached, no Referer."""
    assert headers["cache-control"] == "no-store" and headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff" and headers["referrer-policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]


def wound_jpeg() -> bytes:
    """A real camera-sized JPEG (with a GPS tag the server must strip)."""
    image = Image.new("RGB", (1600, 1200), (222, 184, 160))
    ImageDraw.Draw(image).ellipse((600, 450, 1000, 750), fill=(170, 40, 40))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (6.0, 27.0, 3.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif)
    return out.getvalue()


@pytest.fixture
async def server(store, tmp_path):
    """The sms blueprint behind hypercorn on a loopback port; yields its base URL."""
    async with hypercorn_server(make_app(store, now=NOW)) as base:
        yield base


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the browser, not the database, is under test
async def test_phone_user_uploads_a_photo_and_the_worker_sees_it(store, server, tmp_path):
    async_playwright = _require_browser()
    ref = await store.open_call(call_sid="CA-browser", caller="+2348031234567", region="NG")
    result = TriageResult(protocol="START", start_category=Category.YELLOW, urgency=Urgency.URGENT,
                          complaint="deep cut on the forearm from broken glass", severity=6)
    await store.save_triage(ref.case_id, result.to_dict(), complete=True)
    photo_file = tmp_path / "wound.jpg"
    photo_file.write_bytes(wound_jpeg())
    secret = b"k" * 32

    console: list[str] = []  # a page the Content-Security-Policy broke says so here
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            # The patient: a phone, and no JavaScript (the page must not need it).
            patient = await browser.new_context(**PHONE, java_script_enabled=False)
            page = await patient.new_page()
            page.set_default_timeout(PAGE_TIMEOUT_MS)
            page.on("console", lambda message: console.append(message.text))
            response = await page.goto(photo_url(server, secret, ref.case_id, now=NOW))
            assert response.status == 200
            assert_private(await response.all_headers())
            assert await page.title() == "Send a photo - Triageline"
            assert "Call 112 now" in await page.inner_text("body")
            picker = page.locator("input#photo")
            assert (await picker.get_attribute("accept"), await picker.get_attribute("capture")) == ("image/*",
                                                                                                      "environment")
            button = await page.locator("button[type=submit]").bounding_box()
            assert button["height"] >= 48 and button["width"] >= 300  # a thumb-sized target
            assert await page.evaluate("document.documentElement.scrollWidth") <= PHONE["viewport"]["width"]
            await page.screenshot(path=str(tmp_path / "upload.png"), full_page=True)

            await picker.set_input_files(str(photo_file))
            async with page.expect_navigation():
                await page.locator("button[type=submit]").click()
            assert "Photo received" in await page.inner_text("h1")
            assert ref.reference in await page.inner_text("body")
            (photo,) = await list_photos(store, ref.case_id)
            assert (photo.source, photo.width, photo.height) == ("upload", 1600, 1200)

            # The health worker: opens the case page from the SMS link, sees the photo.
            worker = await browser.new_context(**PHONE)
            page = await worker.new_page()
            page.set_default_timeout(PAGE_TIMEOUT_MS)
            page.on("console", lambda message: console.append(message.text))
            async with page.expect_response(lambda r: "/photos/" in r.url) as photo_response:
                response = await page.goto(case_url(server, secret, ref.case_id, now=NOW))
            assert response.status == 200
            assert_private(await response.all_headers())
            assert_private(await (await photo_response.value).all_headers())
            body = await page.inner_text("body")
            assert f"Case {ref.reference}" in body and "deep cut on the forearm" in body and "YELLOW" in body
            image = page.locator("img[alt='Photo 1 sent by the patient']")
            await image.wait_for()
            loaded = await image.evaluate("img => img.complete && img.naturalWidth")
            assert loaded == 1600
            shown = await image.bounding_box()
            assert shown["width"] <= PHONE["viewport"]["width"]  # scaled to the screen, not cropped
            wide = await page.evaluate("""() => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .map(e => e.tagName + ':' + e.textContent.slice(0, 60) + ':' + Math.round(e.getBoundingClientRect().right))""")
            assert wide == [], "wider than the phone's screen"
            shot = tmp_path / "case.png"
            await page.screenshot(path=str(shot), full_page=True)
            assert Image.open(shot).width == PHONE["viewport"]["width"] * PHONE["device_scale_factor"]
        finally:
            await browser.close()
    assert not [text for text in console if "Content Security Policy" in text], console
    trail = [(a.actor, a.action) for a in await store.audit_trail(ref.case_id)]
    assert ("case-link", "read") in trail and ("patient", "photo_attached") in trail
