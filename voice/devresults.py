"""GET /dev/calls/<call_sid>: what the server recorded of a simulated call, once its case is final.

`triage call --server URL` reads its results here instead of opening the server's database (which needed
the server's DATABASE_URL and keys in the simulator's environment, and missed texts sent after it read).
Registered only with ENVIRONMENT=development: production never serves it. When webhooks are signed, the
request must carry a Twilio-style signature of its URL under TWILIO_AUTH_TOKEN, which the simulator has.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable

from quart import Blueprint, Response, jsonify, request

from routing.outbox import list_messages
from sms.signature import WebhookSigning, is_valid_signature, public_url
from voice.call_ends import CallEnds

logger = logging.getLogger(__name__)

DEV_RESULTS_PATH = "/dev/calls/<call_sid>"
CASE_SETTLE_TIMEOUT_S = 30.0  # the case is final a moment after the stream closes (intake, summaries)
CALL_SID = re.compile(r"^[A-Za-z0-9]{2,64}$")


async def stored_result(store, call_sid: str, *, ended: asyncio.Event | None) -> dict:
    """What the server recorded of a call: its case's triage, what it heard per prompt, the messages it sent.

    `ended` (the server's own "case is final" event) is waited for; without it, or when it never comes (the
    server restarted), the case is polled until it leaves "created".
    """
    if ended is not None:
        try:
            await asyncio.wait_for(ended.wait(), timeout=CASE_SETTLE_TIMEOUT_S)
        except TimeoutError:
            ended = None
    case = None
    for _ in range(int(CASE_SETTLE_TIMEOUT_S * 10)):
        case = await store.find_case_by_call(call_sid)
        if case is not None and (ended is not None or case.status != "created"):
            break
        await asyncio.sleep(0.1)
    triage = (case.triage if case else None) or {}
    heard: dict[str, list[str | None]] = {}
    for turn in case.turns if case else []:
        heard.setdefault(turn.prompt_id or "", []).append(turn.corrected_text)
    messages = await list_messages(store, case_id=case.id) if case else []
    return {"case_id": case.id if case else None, "reference": case.reference if case else None,
            "start_category": triage.get("start_category"), "urgency": triage.get("urgency"),
            "red_flags": triage.get("red_flags", []), "who": triage.get("who"), "outcome": triage.get("outcome"),
            "mechanism": triage.get("mechanism") or [], "heard": heard,
            "sms": [{"to": m.to, "kind": m.kind, "body": m.body} for m in reversed(messages)]}


def create_blueprint(get_services: Callable[[], object], get_ends: Callable[[], CallEnds],
                     signing: WebhookSigning) -> Blueprint:
    """The development-only results route, bound to the app's services, its call ends and its webhook signing."""
    bp = Blueprint("dev", __name__)

    @bp.get(DEV_RESULTS_PATH)
    async def call_result(call_sid: str) -> Response:
        """The call's result once its case is final (waits up to CASE_SETTLE_TIMEOUT_S)."""
        services = get_services()
        if signing.auth_token:
            url = public_url(signing.public_base_url, request.url)
            if not is_valid_signature(signing.auth_token, url, {}, request.headers.get("X-Twilio-Signature")):
                logger.warning("%s refused: bad signature", request.path)
                return Response("forbidden", 403)
        if not CALL_SID.match(call_sid):
            return _error("not a call id", 400)
        if await services.store.find_case_by_call(call_sid) is None:
            return _error("no such call", 404)
        return jsonify(await stored_result(services.store, call_sid, ended=get_ends().event(call_sid)))

    return bp


def _error(text: str, status: int) -> Response:
    response = jsonify({"error": text})
    response.status_code = status
    return response
