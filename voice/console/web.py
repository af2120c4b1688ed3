"""The console blueprint: routes under /console, each behind a signed-in coordinator, each page view audited."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import wraps

from quart import Blueprint, Response, g, redirect, render_template, request, stream_with_context, url_for

from routing.coordinating import escalate, resolve
from routing.coordinators import (CODE_TTL_S, active_coordinator, coordinator_by_key, e164, find_coordinator,
                                  issue_code, phone_key, redeem_code)
from routing.errors import NotFound, RoutingError
from routing.models import MessageKind
from routing.overview import (CaseFilters, change_mark, figures, filter_choices, list_cases, live_calls, queue,
                              workers)
from routing.photos import list_photos, read_photo
from routing.privacy import mask_phone
from routing.queue import assign_to, case_id_for_reference
from routing.store import Store
from sms.display import display_text
from sms.sender import MessageSender

from . import charts, present
from .session import COOKIE, Session, SessionCodec
from .signin_limits import SignInThrottle
from .strings import channel_word, status_word, t

logger = logging.getLogger(__name__)

LIVE_POLL_S = 2.0  # how often the live feed looks for a change (one small query), per open live page
LIVE_REFRESH_S = 15  # without JavaScript, the live page reloads itself this often
CONSOLE_CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; "
               "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


@dataclass(frozen=True)
class ConsoleContext:
    """What the console needs, built once by the app factory."""

    store: Store
    sender: MessageSender
    secret: bytes
    coordinators: tuple[str, ...] = ()  # COORDINATOR_NUMBERS: may sign in without being registered
    https: bool = False  # the public origin is https: the cookie is Secure
    idle_s: int = 15 * 60
    throttle: SignInThrottle = field(default_factory=SignInThrottle)
    clock: Callable[[], float] = field(default=time.time)


def create_blueprint(ctx: ConsoleContext) -> Blueprint:
    """The console's routes, bound to `ctx`."""
    bp = Blueprint("console", __name__, url_prefix="/console", template_folder="templates", static_folder="static",
                   static_url_path="/static")
    bp.record_once(lambda state: setattr(state.app.jinja_env, "finalize", display_text))
    codec = SessionCodec(ctx.secret, idle_s=ctx.idle_s)

    @bp.context_processor
    def catalogue() -> dict:
        return {"t": t, "status_word": status_word, "channel_word": channel_word}

    def actor() -> str:
        return f"coordinator:{g.coordinator.id}"

    def client() -> str:
        return ctx.throttle.client_key(request.remote_addr, request.headers.get("X-Forwarded-For"))

    @bp.before_request
    async def load_session() -> Response | None:
        """Read the cookie; refuse (and log) a forged or expired one; check the CSRF token of every POST."""
        now = ctx.clock()
        session, problem = codec.load(request.cookies.get(COOKIE), now)
        g.coordinator = None
        if problem:
            logger.warning("console: %s session refused on %s %s from %s", problem, request.method, request.path,
                           client())
            g.session = Session()
            g.session_problem = problem
        else:
            g.session = session or Session()
            g.session_problem = None
        if g.session.coordinator is not None:
            g.coordinator = await active_coordinator(ctx.store, g.session.coordinator)
            if g.coordinator is None:
                logger.warning("console: session of removed coordinator %s refused", g.session.coordinator)
                g.session = Session()
            elif request.endpoint != "console.live_events":  # an open live page is not someone at the screen
                g.session = g.session.touched(now)
        if request.method == "POST":
            form = await request.form
            if problem or not g.session.checks_csrf(form.get("csrf")):
                who = actor() if g.coordinator else "nobody signed in"
                logger.warning("console: CSRF token refused for %s on %s", who, request.path)
                if g.coordinator:
                    await ctx.store.audit(None, actor=actor(), action="console_refused", detail=f"csrf {request.path}")
                return await page("message.html", 403, title=t("refused.title"),
                                  text=t("refused.session") if problem else t("refused.csrf"))
        return None

    @bp.after_request
    async def save_session(response: Response) -> Response:
        """Re-sign the session (its idle clock restarts), and mark the response private and scriptable here."""
        if "session" in g:
            response.set_cookie(COOKIE, codec.dump(g.session), httponly=True, secure=ctx.https, samesite="Strict",
                                path="/")
        response.headers["Content-Security-Policy"] = CONSOLE_CSP
        response.headers["Cache-Control"] = "no-store"
        return response

    def signed_in(view):
        """The view for a signed-in coordinator only; the page view written to the audit log."""
        @wraps(view)
        async def wrapper(*args, **kwargs):
            if g.coordinator is None:
                reason = "expired" if g.session_problem == "expired" else "needed"
                return redirect(url_for("console.sign_in", why=reason), 303)
            return await view(*args, **kwargs)
        return wrapper

    async def audit_view(case_id: int | None = None) -> None:
        await ctx.store.audit(case_id, actor=actor(), action="console_view", detail=request.path)

    async def page(template: str, status: int = 200, **values) -> Response:
        html = await render_template(f"console/{template}", session=g.session, coordinator=g.coordinator, **values)
        return Response(html, status, content_type="text/html; charset=utf-8")

    # -- sign-in ---------------------------------------------------------------------------

    @bp.get("/sign-in")
    async def sign_in() -> Response:
        """The phone-number form."""
        why = request.args.get("why")
        notice = {"expired": t("sign_in.expired", minutes=ctx.idle_s // 60), "needed": t("sign_in.needed"),
                  "out": t("sign_in.signed_out")}.get(why or "")
        return await page("sign_in.html", title=t("sign_in.title"), notice=notice, step="phone")

    @bp.post("/sign-in")
    async def ask_code() -> Response:
        """Text a code to the number if it is a coordinator's; the answer is the same either way."""
        phone = (await request.form).get("phone", "")
        number = e164(phone)
        if number is None:
            return await page("sign_in.html", 400, title=t("sign_in.title"), error=t("sign_in.no_phone"), step="phone")
        key = phone_key(ctx.store, number)
        if (wait_s := ctx.throttle.hit(client(), key)) is not None:
            logger.warning("console: code for %s refused: over the rate limit", mask_phone(number))
            response = await page("sign_in.html", 429, title=t("sign_in.title"), step="phone",
                                  error=t("sign_in.too_many", seconds=wait_s))
            response.headers["Retry-After"] = str(wait_s)
            return response
        coordinator = await find_coordinator(ctx.store, number, configured=ctx.coordinators)
        if coordinator is None:
            logger.warning("console: code refused for %s: not a coordinator", mask_phone(number))
        else:
            code = await issue_code(ctx.store, key, ttl_s=CODE_TTL_S)
            await ctx.sender.send(number, t("sms.code", code=code, minutes=CODE_TTL_S // 60), kind=MessageKind.SIGN_IN_CODE)
            await ctx.store.audit(None, actor=f"coordinator:{coordinator.id}", action="console_code_sent")
            logger.info("console: sign-in code sent to %s", mask_phone(number))
        g.session = Session(phone_key=key)
        return await page("sign_in.html", title=t("sign_in.title"), step="code",
                          notice=t("sign_in.sent", minutes=CODE_TTL_S // 60))

    @bp.post("/sign-in/code")
    async def enter_code() -> Response:
        """The code from the text: right, the session is the coordinator's; wrong, try again (the code counts it)."""
        code = (await request.form).get("code", "")
        key = g.session.phone_key
        if key is None:
            return redirect(url_for("console.sign_in"), 303)
        if not await redeem_code(ctx.store, key, code) or (coordinator := await coordinator_by_key(ctx.store, key)) is None:
            logger.warning("console: a wrong or expired code from %s", client())
            return await page("sign_in.html", 401, title=t("sign_in.title"), step="code", error=t("sign_in.wrong"))
        g.session = g.session.signed_in(coordinator.id, ctx.clock())
        await ctx.store.audit(None, actor=f"coordinator:{coordinator.id}", action="console_sign_in")
        logger.info("console: coordinator %s signed in", coordinator.id)
        return redirect(url_for("console.live"), 303)

    @bp.post("/sign-out")
    async def sign_out() -> Response:
        """End the session."""
        if g.coordinator is not None:
            await ctx.store.audit(None, actor=actor(), action="console_sign_out")
        g.session = Session()
        return redirect(url_for("console.sign_in", why="out"), 303)

    # -- live ------------------------------------------------------------------------------

    async def live_values() -> dict:
        return {"queue": await queue(ctx.store), "calls": await live_calls(ctx.store),
                "workers": await workers(ctx.store), "now": ctx.store.now()}

    @bp.get("/")
    async def home() -> Response:
        return redirect(url_for("console.live"), 303)

    @bp.get("/live")
    @signed_in
    async def live() -> Response:
        """The queue with its scores, the calls under way, the workers on duty: kept fresh by /live/events."""
        await audit_view()
        return await page("live.html", title=t("live.title"), refresh_s=LIVE_REFRESH_S, **await live_values())

    @bp.get("/live/events")
    @signed_in
    async def live_events() -> Response:
        """Server-sent events: the live sections again whenever something changed (one small query per poll).

        The stream does not keep the session alive: it ends when the session would go idle, and the browser's
        reconnection is then refused, so a screen left open signs itself out like any other.
        """
        await audit_view()
        coordinator = g.coordinator
        ends_at = g.session.seen + ctx.idle_s  # then the browser reconnects, and an idle session is refused

        @stream_with_context
        async def stream():
            last = None
            while ctx.clock() < ends_at:
                # and once a minute: waiting times and call durations move on
                mark = (*await change_mark(ctx.store), int(ctx.clock() // 60))
                if mark != last:
                    last = mark
                    html = await render_template("console/live_sections.html", coordinator=coordinator,
                                                 **await live_values())
                    yield ("event: live\n" + "".join(f"data: {line}\n" for line in html.splitlines()) + "\n").encode()
                else:
                    yield b": still here\n\n"
                await asyncio.sleep(LIVE_POLL_S)

        response = Response(stream(), content_type="text/event-stream")
        response.timeout = None
        return response

    # -- cases -----------------------------------------------------------------------------

    @bp.get("/cases")
    @signed_in
    async def cases() -> Response:
        """The list, filtered, newest first."""
        args = request.args
        filters = CaseFilters(status=args.get("status", ""), category=args.get("category", ""),
                              urgency=args.get("urgency", ""), region=args.get("region", ""),
                              channel=args.get("channel", ""), since=_day(args.get("since")),
                              until=_day(args.get("until")), reference=args.get("reference", "")[:16],
                              page=_int(args.get("page"), 1))
        await audit_view()
        found = await list_cases(ctx.store, filters)
        query = {k: v for k, v in args.items() if k != "page" and v}
        return await page("cases.html", title=t("cases.title"), found=found, filters=filters, query=query,
                          choices=await filter_choices(ctx.store))

    async def case_by_reference(reference: str):
        case_id = await case_id_for_reference(ctx.store, reference)
        if case_id is None:
            raise NotFound(f"no case {reference}", code="case-not-found")
        return case_id

    @bp.get("/cases/<reference>")
    @signed_in
    async def case(reference: str) -> Response:
        """One case, written for a person, with what a coordinator can do about it."""
        try:
            case_id = await case_by_reference(reference)
        except NotFound:
            return await page("message.html", 404, title=t("cases.title"), text=t("cases.none"))
        view = await ctx.store.get_case(case_id, actor=actor())  # the read is audited
        red_flags, mechanism = present.flags(view)
        return await page(
            "case.html", title=t("case.title", reference=view.reference), case=view, facts=present.facts(view),
            findings=present.findings(view), red_flags=red_flags, mechanism=mechanism,
            assumed=[present.words(a) for a in (view.triage or {}).get("assumed") or []],
            transcript=present.transcript(view), call_back=present.call_back(view),
            photos=await list_photos(ctx.store, case_id), notes=await ctx.store.list_notes(case_id),
            trail=await ctx.store.audit_trail(case_id), workers=await workers(ctx.store),
            icd11=present.icd11(view),
            done=request.args.get("done"), failed=request.args.get("failed"))

    @bp.get("/cases/<reference>/photos/<name>")
    @signed_in
    async def photo(reference: str, name: str) -> Response:
        """One photo of the case, decrypted; the view is audited by read_photo."""
        try:
            case_id = await case_by_reference(reference)
        except NotFound:
            return Response("not found", 404)
        found = await read_photo(ctx.store, case_id, name, actor=actor())
        if found is None:
            return Response("not found", 404)
        shown, data = found
        return Response(data, 200, content_type=shown.content_type)

    async def act(reference: str, action, done: str) -> Response:
        try:
            case_id = await case_by_reference(reference)
            what = await action(case_id)
        except NotFound:
            return await page("message.html", 404, title=t("cases.title"), text=t("cases.none"))
        except RoutingError as exc:
            logger.info("console: %s on case %s refused: %s", done, reference, exc.code)
            return redirect(url_for("console.case", reference=reference, failed=str(exc)), 303)
        logger.info("console: coordinator %s: %s on case %s", g.coordinator.id, done, reference)
        return redirect(url_for("console.case", reference=reference, done=what or t(f"done.{done}")), 303)

    @bp.post("/cases/<reference>/assign")
    @signed_in
    async def assign(reference: str) -> Response:
        """Offer the case to the chosen worker (they answer ACCEPT or PASS by text)."""
        worker_id = _int((await request.form).get("worker"), 0)

        async def run(case_id: int) -> str:
            await assign_to(ctx.store, case_id, worker_id, actor=actor())
            name = next((w.name for w in await workers(ctx.store, on_duty_only=False) if w.id == worker_id), "")
            return t("done.assign", name=name)

        return await act(reference, run, "assign")

    @bp.post("/cases/<reference>/escalate")
    @signed_in
    async def escalate_case(reference: str) -> Response:
        """Escalate now."""
        return await act(reference, lambda case_id: escalate(ctx.store, case_id, actor=actor()), "escalate")

    @bp.post("/cases/<reference>/resolve")
    @signed_in
    async def resolve_case(reference: str) -> Response:
        """Resolve with a note."""
        note = ((await request.form).get("note") or "").strip()[:2000]
        return await act(reference, lambda case_id: resolve(ctx.store, case_id, actor=actor(), note=note), "resolve")

    # -- charts ----------------------------------------------------------------------------

    @bp.get("/charts")
    @signed_in
    async def charts_page() -> Response:
        """Calls and texts per hour, case mix, time to accept, escalations, turn latency."""
        await audit_view()
        f = await figures(ctx.store, days=7)
        return await page("charts.html", title=t("charts.title"), **chart_values(f))

    return bp


def chart_values(f) -> dict:
    """The charts page's SVGs and figures, from overview.Figures."""
    this_hour = f.now.replace(minute=0, second=0, microsecond=0)
    day_hours = [this_hour - timedelta(hours=23 - i) for i in range(24)]
    week_hours = [this_hour - timedelta(hours=167 - i) for i in range(168)]
    days = [f.now.date() - timedelta(days=6 - i) for i in range(7)]

    def seconds(v: float | None) -> str:
        if v is None:
            return "-"
        return f"{v / 60:.0f} min" if v >= 120 else f"{v:.0f} s"

    def ms(v: float | None) -> str:
        return "-" if v is None else f"{v:.0f} ms"

    def activity(hours: int) -> dict[str, list[int]]:
        return {t("charts.calls"): charts.hourly(f.calls, f.now, hours),
                t("charts.texts"): charts.hourly(f.texts, f.now, hours)}

    escalations = charts.daily(f.escalations, f.now, 7)
    return {
        "day": charts.columns(t("charts.day"), activity(24),
                              [h.strftime("%H:00") if h.hour % 4 == 0 else "" for h in day_hours]),
        "week": charts.columns(t("charts.week"), activity(168),
                               [h.strftime("%a %d") if h.hour == 0 else "" for h in week_hours]),
        "categories": charts.hbars(t("charts.categories"), f.categories, charts.CATEGORY_COLOURS),
        "urgencies": charts.hbars(t("charts.urgencies"), f.urgencies),
        "escalations": charts.columns(t("charts.escalations"), {t("charts.escalations"): escalations},
                                      [d.strftime("%a %d") for d in days]),
        "accept": {"p50": seconds(charts.percentile(f.accept_s, 50)), "p95": seconds(charts.percentile(f.accept_s, 95)),
                   "n": len(f.accept_s)},
        "latency": {"p50": ms(charts.percentile(f.turn_latency_ms, 50)),
                    "p95": ms(charts.percentile(f.turn_latency_ms, 95)), "n": len(f.turn_latency_ms)},
    }


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value else default
    except ValueError:
        return default
