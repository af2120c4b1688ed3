"""The console's door, over HTTP on SQLite and PostgreSQL: codes by SMS, sessions, idle timeout, CSRF, rate limit."""

from __future__ import annotations

import logging

import pytest

from routing.coordinators import add_coordinator
from routing.outbox import list_messages
from voice.console.signin_limits import SignInThrottle
from tests.support.console_app import COOKIE, COORDINATOR, CSRF, Clock, forged_cookie, latest_code, make_app

NOW = 1_800_000_000.0


async def csrf_of(client, path: str = "/console/sign-in") -> str:
    response = await client.get(path)
    return CSRF.search(await response.get_data(as_text=True)).group(1)


async def sign_in(client, store, phone: str = COORDINATOR) -> None:
    response = await client.post("/console/sign-in", form={"phone": phone, "csrf": await csrf_of(client)})
    assert response.status_code == 200
    code_page = await response.get_data(as_text=True)
    response = await client.post("/console/sign-in/code",
                                 form={"code": await latest_code(store, phone), "csrf": CSRF.search(code_page).group(1)})
    assert response.status_code == 303 and response.headers["Location"].endswith("/console/live")


def cookie_header(response) -> str:
    return "; ".join(v for k, v in response.headers.items() if k.lower() == "set-cookie")


async def test_a_coordinator_signs_in_with_the_texted_code_once(store):
    clock = Clock(NOW)
    client = make_app(store, clock=clock).test_client()
    assert (await client.get("/console/live")).status_code == 303  # nobody signed in: to the sign-in page
    await sign_in(client, store)
    response = await client.get("/console/live")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    policy = response.headers["Content-Security-Policy"]  # its own script may run; nothing from elsewhere
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy and "unsafe" not in policy
    page = await response.get_data(as_text=True)
    assert '<noscript><meta http-equiv="refresh"' in page  # without JavaScript, the page reloads itself
    set_cookie = cookie_header(response)
    assert "HttpOnly" in set_cookie and "SameSite=Strict" in set_cookie and "Secure" not in set_cookie
    (sent,) = [m for m in await list_messages(store) if m.kind == "sign_in_code"]
    assert sent.to == COORDINATOR and "works once" in sent.body

    # The same code a second time, in another browser, does nothing.
    other = make_app(store, clock=clock).test_client()
    csrf = await csrf_of(other)
    page = await (await other.post("/console/sign-in", form={"phone": COORDINATOR, "csrf": csrf})).get_data(as_text=True)
    stale = sent.body.split("code: ")[1][:6]
    response = await other.post("/console/sign-in/code", form={"code": stale, "csrf": CSRF.search(page).group(1)})
    assert response.status_code == 401

    actions = [(a.actor, a.action, a.detail) for a in await audit_rows(store)]
    assert ("coordinator:1", "console_sign_in", "") in actions
    assert ("coordinator:1", "console_view", "/console/live") in actions


async def audit_rows(store):
    from sqlalchemy import select

    from routing.models import AuditEntry
    async with store.transaction() as s:
        return (await s.execute(select(AuditEntry).order_by(AuditEntry.id))).scalars().all()


async def test_a_stranger_gets_the_same_answer_and_no_code(store, caplog):
    client = make_app(store, clock=Clock(NOW)).test_client()
    caplog.set_level(logging.INFO)
    response = await client.post("/console/sign-in", form={"phone": "+2348031112222", "csrf": await csrf_of(client)})
    assert response.status_code == 200 and "a 6-digit code is on its way" in await response.get_data(as_text=True)
    assert [m for m in await list_messages(store) if m.kind == "sign_in_code"] == []
    assert "***2222" in caplog.text and "8031112222" not in caplog.text


async def test_a_registered_coordinator_signs_in_too(store):
    await add_coordinator(store, "+2348035550000", "Ada")
    client = make_app(store, clock=Clock(NOW), coordinators=()).test_client()
    await sign_in(client, store, "+2348035550000")
    assert (await client.get("/console/live")).status_code == 200


async def test_forged_and_expired_sessions_are_refused_and_logged(store, caplog):
    clock = Clock(NOW)
    app = make_app(store, clock=clock, idle_s=600)
    client = app.test_client()
    await sign_in(client, store)
    caplog.set_level(logging.WARNING)

    forged = app.test_client()
    forged.set_cookie("localhost", COOKIE, forged_cookie(1, since=NOW, seen=NOW, secret=b"x" * 32))
    response = await forged.get("/console/cases")
    assert response.status_code == 303 and "/console/sign-in" in response.headers["Location"]
    assert "forged session refused" in caplog.text

    clock.now = NOW + 601  # idle past the timeout
    response = await client.get("/console/cases")
    assert response.status_code == 303 and "why=expired" in response.headers["Location"]
    assert "expired session refused" in caplog.text
    clock.now = NOW + 602
    assert (await client.get("/console/cases")).status_code == 303  # and it stays signed out


async def test_every_post_needs_the_sessions_csrf_token(store, caplog):
    ref = await store.open_call(call_sid="CA-csrf", caller="+2348031234567", region="NG")
    await store.save_triage(ref.case_id, {"start_category": "YELLOW", "urgency": "urgent"}, complete=True)
    client = make_app(store, clock=Clock(NOW)).test_client()
    await sign_in(client, store)
    caplog.set_level(logging.WARNING)
    for token in (None, "not-the-token"):
        form = {"note": "called back"} | ({"csrf": token} if token else {})
        response = await client.post(f"/console/cases/{ref.reference}/resolve", form=form)
        assert response.status_code == 403
    assert "CSRF token refused for coordinator:1" in caplog.text
    assert (await store.get_case(ref.case_id)).status == "pending"  # nothing happened
    assert [a.action for a in await audit_rows(store)].count("console_refused") == 2

    page = await (await client.get(f"/console/cases/{ref.reference}")).get_data(as_text=True)
    response = await client.post(f"/console/cases/{ref.reference}/resolve",
                                 form={"note": "called back", "csrf": CSRF.search(page).group(1)})
    assert response.status_code == 303
    assert (await store.get_case(ref.case_id)).status in ("follow_up_scheduled", "closed")
    assert [n.text for n in await store.list_notes(ref.case_id)] == ["called back"]


async def test_code_requests_are_rate_limited(store):
    client = make_app(store, clock=Clock(NOW), throttle=SignInThrottle("2/15minutes", "100/hour")).test_client()
    statuses = []
    for _ in range(3):
        response = await client.post("/console/sign-in", form={"phone": COORDINATOR, "csrf": await csrf_of(client)})
        statuses.append(response.status_code)
    assert statuses == [200, 200, 429] and int(response.headers["Retry-After"]) > 0
    assert len([m for m in await list_messages(store) if m.kind == "sign_in_code"]) == 2


async def test_wrong_guesses_burn_the_code(store):
    client = make_app(store, clock=Clock(NOW)).test_client()
    page = await (await client.post("/console/sign-in", form={"phone": COORDINATOR, "csrf": await csrf_of(client)})
                  ).get_data(as_text=True)
    csrf = CSRF.search(page).group(1)
    code = await latest_code(store)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _ in range(5):
        assert (await client.post("/console/sign-in/code", form={"code": wrong, "csrf": csrf})).status_code == 401
    assert (await client.post("/console/sign-in/code", form={"code": code, "csrf": csrf})).status_code == 401


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_secure_cookie_when_https(store):
    client = make_app(store, clock=Clock(NOW), https=True).test_client()
    response = await client.get("/console/sign-in")
    assert "Secure" in cookie_header(response)
