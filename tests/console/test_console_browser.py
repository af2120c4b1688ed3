"""The console in real headless Chromium against the real server: a coordinator signs in with the code from the
outbox, watches a simulated call arrive live, resolves its case; forged sessions and CSRF are refused; axe-core
finds no serious or critical violation on any page, at phone and desktop sizes."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import pytest_asyncio

from intake.scenarios import load_scenarios
from routing.outbox import list_messages
from routing.workers import add_worker
from tests.sms.test_sms_browser import CHROMIUM, CHROMIUM_ARGS, _require_browser
from tests.support.console_app import COOKIE, forged_cookie
from tests.support.settings import settings_for
from voice.harness import EXAMPLES
from voice.harness.callrun import serve_in_process
from voice.harness.simulator import default_voice, simulate_call

pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.slow]

COORDINATOR = "+2348039990001"
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
SIZES = {"phone": PHONE, "desktop": DESKTOP}
AXE = Path(__file__).resolve().parents[1] / "browser" / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = Path(__file__).resolve().parents[1] / "browser" / "screenshots"
PAGE_TIMEOUT_MS = 20_000
LIVE_TIMEOUT_MS = 180_000  # a whole simulated call, Whisper on a busy 2-core machine
SPEED = 8.0


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def server(tmp_path_factory):
    """(base URL, Services) of the real app with one coordinator number and one worker on duty."""
    settings = settings_for(tmp_path_factory.mktemp("console-server"), coordinator_numbers=COORDINATOR)
    async with serve_in_process(settings) as running:
        await add_worker(running[1].store, phone="+2348030000001", name="Ngozi Okafor", country="NG", on_duty=True)
        yield running


def _axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"axe-core is not installed: cd tests/browser && npm install (looked for {AXE})")
    return AXE.read_text()


async def axe_check(page, where: str) -> None:
    """axe-core run in the page (evaluated through DevTools, which the page's CSP does not govern)."""
    if await page.evaluate("typeof window.axe") == "undefined":
        await page.evaluate(_axe_source())
    result = await page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.filter(v => ['serious', 'critical'].includes(v.impact))
            .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
    }""")
    assert result == [], f"axe on {where}: {result}"


async def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


async def fits(page, size: dict) -> None:
    """Nothing wider than the screen (the tables turn into cards on a phone)."""
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= size["viewport"]["width"], f"{page.url} is {width}px wide"


async def sign_in(page, base: str, store) -> None:
    await page.goto(base + "/")  # the server's address leads to the console, which asks for a sign-in
    assert "/console/sign-in" in page.url
    await page.get_by_label("Your phone number, with country code").fill(COORDINATOR)
    async with page.expect_navigation():
        await page.get_by_role("button", name="Text me a code").click()
    codes = [m for m in await list_messages(store) if m.kind == "sign_in_code"]
    code = codes[0].body.split("code: ")[1][:6]
    await page.get_by_label("The code from the text").fill(code)
    async with page.expect_navigation():
        await page.get_by_role("button", name="Sign in").click()
    assert page.url.endswith("/console/live")


async def test_a_coordinator_watches_a_call_arrive_and_resolves_its_case(server):
    async_playwright = _require_browser()
    base, services = server
    store = services.store
    scenario = next(s for s in load_scenarios(EXAMPLES) if s["id"] == "yellow-fall-leg")
    voice = default_voice("slt")
    csp_errors: list[str] = []
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            desk = await browser.new_context(**DESKTOP)
            page = await desk.new_page()
            page.set_default_timeout(PAGE_TIMEOUT_MS)
            page.on("console", lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None)
            await sign_in(page, base, store)
            await axe_check(page, "live (empty)")

            call = asyncio.create_task(simulate_call(scenario, base, voice, speed=SPEED))
            try:
                # The call shows up under way, pushed by server-sent events (this page never reloads).
                await page.locator(".call-row").first.wait_for(timeout=LIVE_TIMEOUT_MS)
                assert "ends 4568" in await page.locator(".call-row").first.inner_text()
                trace = await asyncio.wait_for(call, timeout=LIVE_TIMEOUT_MS / 1000)
            finally:
                call.cancel()
            case = await store.find_case_by_call(trace.call_sid)
            row = page.locator(f".queue-row[data-reference='{case.reference}']")
            await row.wait_for(timeout=LIVE_TIMEOUT_MS)
            assert int(await page.locator("#live").get_attribute("data-updates")) >= 2
            text = await row.inner_text()
            assert "YELLOW" in text and "category 50" in text and "+20 for a worker licensed in NG" in text
            await axe_check(page, "live (a case waiting)")
            await shot(page, "live-desktop")

            await row.get_by_role("link").click()
            await page.wait_for_url(f"**/console/cases/{case.reference}")
            body = await page.inner_text("main")
            assert "Cannot walk." in body or "Walks." in body  # START findings as sentences
            assert "Triageline:" in body and "Caller:" in body  # who said what
            assert await page.locator(f"a[href='tel:{scenario['caller']}']").count() == 1
            assert await page.locator("#icd11").count() == 1
            await axe_check(page, "case")
            await shot(page, "case-desktop")

            # The same pages on a phone, signed in with the desktop's cookie, while the case waits.
            phone = await browser.new_context(**PHONE)
            await phone.add_cookies(await desk.cookies())
            small = await phone.new_page()
            small.set_default_timeout(PAGE_TIMEOUT_MS)
            for path, name in (("/console/live", "live"), (f"/console/cases/{case.reference}", "case"),
                               ("/console/cases", "cases"), ("/console/charts", "charts")):
                await small.goto(base + path)
                await fits(small, PHONE)
                await axe_check(small, f"{name} (phone)")
                await shot(small, f"{name}-phone")

            await page.get_by_label("Note (what was done)").fill("Called back; going to the clinic")
            async with page.expect_navigation():
                await page.get_by_role("button", name="Resolve the case").click()
            assert "Done: resolved" in await page.inner_text("main")
            assert (await store.get_case(case.id)).status == "closed"

            for path, name in (("/console/cases", "cases"), ("/console/charts", "charts")):
                await page.goto(base + path)
                await axe_check(page, name)
                await shot(page, f"{name}-desktop")
            assert "median (p50)" in await page.inner_text("main")  # the call's turn latencies
        finally:
            await browser.close()
    assert csp_errors == []
    trail = [(a.actor, a.action) for a in await store.audit_trail(case.id)]
    assert ("coordinator:1", "read") in trail and ("coordinator:1", "note") in trail
    assert ("coordinator:1", "status") in trail
    views = [(a.action, a.detail) for a in await audit_lines(store, "coordinator:1")]
    assert ("console_sign_in", "") in views and ("console_view", "/console/live") in views
    assert ("console_view", "/console/charts") in views and ("console_view", "/console/live/events") in views


async def audit_lines(store, actor: str):
    """Every audit line written by `actor`, oldest first (page views have no case)."""
    from sqlalchemy import select

    from routing.models import AuditEntry
    async with store.transaction() as s:
        return (await s.execute(select(AuditEntry).where(AuditEntry.actor == actor).order_by(AuditEntry.id))
                ).scalars().all()


async def test_forged_sessions_and_forged_forms_are_refused_in_the_browser(server):
    async_playwright = _require_browser()
    base, services = server
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for size_name, size in SIZES.items():
                context = await browser.new_context(**size)
                page = await context.new_page()
                page.set_default_timeout(PAGE_TIMEOUT_MS)
                await page.goto(base + "/console/sign-in")
                await axe_check(page, f"sign-in ({size_name})")
                await fits(page, size)
                await shot(page, f"sign-in-{size_name}")
                # A cookie signed with another key: the console answers with its sign-in page.
                host = base.split("//")[1].split(":")[0]
                await context.add_cookies([{"name": COOKIE, "value": forged_cookie(1, since=0, seen=0, secret=b"z" * 32),
                                            "domain": host, "path": "/"}])
                await page.goto(base + "/console/live")
                assert "/console/sign-in" in page.url

            # Signed in, a form whose CSRF token was changed is refused.
            context = await browser.new_context(**DESKTOP)
            page = await context.new_page()
            page.set_default_timeout(PAGE_TIMEOUT_MS)
            await sign_in(page, base, services.store)
            await page.evaluate("document.querySelectorAll('input[name=csrf]').forEach(i => i.value = 'forged')")
            response = None
            async with page.expect_navigation() as nav:
                await page.get_by_role("button", name="Sign out").click()
            response = await nav.value
            assert response.status == 403
            assert "did not come from the console" in await page.inner_text("main")
            await axe_check(page, "refused")
        finally:
            await browser.close()
