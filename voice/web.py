"""The voice blueprint (Twilio's voice webhooks) and the Media Streams websocket handler."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from typing import TYPE_CHECKING, Callable
from urllib.parse import urlsplit

from quart import Blueprint, Response, request

from intake.dialogue import Dialogue
from intake.emergency import emergency_number_for
from routing import calls
from routing.calls import CALL_ENDED
from routing.privacy import mask_phone
from sms.signature import WebhookSigning, is_valid_signature, public_url

from voice import twiml
from voice.call import CallSession
from voice.forms import CallForm, CallStatusForm
from voice.stream_socket import Disconnected, StreamSocket
from voice.protocol import Connected, Dtmf, Mark, Media, ProtocolError, Start, Stop, parse_message
from voice.recovery import MAX_RESUMES
from voice.tokens import is_valid_stream_token, stream_token

if TYPE_CHECKING:
    from voice.services import Services

logger = logging.getLogger(__name__)

POLICY_VIOLATION = 1008
MAX_BAD_MESSAGES = 200  # past this many refused frames a stream is hostile, not noisy
# Twilio sends `connected` then `start` at once; a socket that sends anything else before a valid `start`
# is not Twilio, and gets this many frames' grace (it has no token: every frame is a stranger's).
MAX_FRAMES_BEFORE_START = 5
SAVE_BEFORE_CLOSE_S = 2.0  # a finished dialogue's state is stored before we close, so after-stream reads the end
# Twilio retries a webhook within its 15 s total time limit (`tt`); an unconsumed resume offer older than
# this is not a retry but a new stream that never connected, and counts as a new offer.
AFTER_STREAM_RETRY_S = 15.0


def _xml(body: str, status: int = 200) -> Response:
    return Response(body, status=status, mimetype="text/xml")


def create_blueprint(get_services: Callable[[], "Services"], signing: WebhookSigning) -> Blueprint:
    """Routes under /voice; `get_services` returns the process's Services once serving; every webhook is
    checked by `signing` (refused with 413 too large, 403 bad signature, 400 malformed)."""
    bp = Blueprint("voice", __name__, url_prefix="/voice")

    def stream_url() -> str:
        """wss:// URL of our websocket as Twilio must reach it; no query string allowed."""
        base = get_services().settings.public_base_url or request.host_url
        parts = urlsplit(base)
        scheme = "ws" if parts.scheme == "http" and not get_services().settings.public_base_url else "wss"
        return f"{scheme}://{parts.netloc}/voice/stream"

    @bp.post("/incoming")
    @signing.webhook(CallForm)
    async def incoming(form: CallForm) -> Response:
        call_sid, caller = form.call_sid, form.caller
        logger.info("incoming call %s from %s", call_sid, mask_phone(caller))
        return _xml(twiml.connect_stream(stream_url(), stream_parameters(call_sid, caller), after_stream_url()))

    def stream_parameters(call_sid: str, caller: str) -> dict[str, str]:
        """The <Stream> parameters: who is calling, and the token only our signed webhooks hand out."""
        return {"caller": caller, "call_sid": call_sid, "token": stream_token(get_services().secret, call_sid)}

    def after_stream_url() -> str:
        """Where Twilio goes when our stream ends (the same for every stream of a call)."""
        return public_url(get_services().settings.public_base_url, request.host_url.rstrip("/") + "/voice/after-stream")

    async def may_resume(call_sid: str) -> bool:
        """A new stream for this call is allowed (counted once per drop); False whenever the database cannot say."""
        try:
            return await calls.offer_resume(get_services().store, call_sid, max_resumes=MAX_RESUMES,
                                            retry_window_s=AFTER_STREAM_RETRY_S)
        except Exception:  # noqa: BLE001 -- the caller still hears the way out
            logger.exception("after-stream for call %s: resume not possible", call_sid[:40])
            return False

    @bp.post("/after-stream")
    @signing.webhook(CallForm)
    async def after_stream(form: CallForm) -> Response:
        """Twilio runs this when our websocket closes: a finished call hangs up, a dropped one resumes on a
        new stream (a bounded number of times), and otherwise the caller hears a way out."""
        call_sid, caller = form.call_sid, form.caller
        try:
            case = await get_services().store.find_case_by_call(call_sid)
        except Exception:  # noqa: BLE001 -- with the database down the caller still hears the way out
            logger.exception("after-stream for call %s: case not readable", call_sid[:40] or "?")
            case = None
        # The dialogue's own state says whether the caller heard the end.
        finished = bool(case and case.dialogue_state and Dialogue.from_state(case.dialogue_state).finished)
        if case is not None and not finished and await may_resume(call_sid):
            logger.info("call %s from %s: stream dropped mid-dialogue; opening a new one", call_sid, mask_phone(caller))
            return _xml(twiml.resume_stream(stream_url(), stream_parameters(call_sid, caller), after_stream_url()))
        number = emergency_number_for(caller).number
        return _xml(twiml.after_stream(finished, number))

    @bp.post("/status")
    @signing.webhook(CallStatusForm)
    async def status(form: CallStatusForm) -> Response:
        call_sid, state = form.call_sid, form.call_state
        await calls.record_call_status(get_services().store, call_sid, state, duration_s=form.duration_s)
        recovery = get_services().recovery
        if state in CALL_ENDED and recovery is not None:
            recovery.expedite(call_sid)  # the caller is gone: a dropped stream's case need not wait its grace
        return Response("", status=204)

    return bp


async def handle_stream(socket: StreamSocket, services: "Services") -> None:
    """The Media Streams websocket (served as bare ASGI, see voice/stream_socket.py): one call's audio."""
    signature = socket.headers.get("x-twilio-signature")
    if signature and services.secrets.twilio_auth_token is not None:
        host = urlsplit(services.settings.public_base_url).netloc or socket.host
        url = f"wss://{host}/voice/stream"
        if not is_valid_signature(services.secrets.twilio_auth_token, url, {}, signature):
            logger.warning("refused stream: bad X-Twilio-Signature on upgrade")
            await socket.accept()
            await socket.close(POLICY_VIOLATION, "bad signature")
            return
    await socket.accept()
    session = CallSession(services, socket.send)
    await _run_stream(session, services, socket)


async def _run_stream(session: CallSession, services: "Services", socket: StreamSocket) -> None:
    """Run the receive loop until the caller leaves or the dialogue is done; always finish the case."""
    # Two tasks per call, not one per message: at 50 frames a second per call, per-message tasks
    # were a measurable share of the event loop under load.
    reader = asyncio.create_task(_receive(session, services, socket))
    closer = asyncio.create_task(session.done.wait())
    try:
        await asyncio.wait({reader, closer}, return_when=asyncio.FIRST_COMPLETED)
        if not reader.done():
            reader.cancel()
            await asyncio.gather(reader, return_exceptions=True)
            await _save_before_close(session)
            await socket.close(1000, "dialogue finished")
    finally:
        closer.cancel()
        reader.cancel()  # a no-op unless the handler itself was cancelled (the server is stopping)
        hung_up = False
        if reader.done() and not reader.cancelled():
            if (error := reader.exception()) is not None:
                logger.error("call %s: stream failed", session.call_sid or "?", exc_info=error)
            else:
                hung_up = reader.result()
        # Shielded: a cancelled handler (the server is stopping) must still leave a whole case behind.
        await asyncio.shield(session.finish(hung_up=hung_up))


async def _save_before_close(session: CallSession) -> None:
    """Twilio asks after-stream as soon as we close: it must read a finished dialogue, not offer a resume."""
    # Not cancelled when late: a write cut off mid-transaction can leave SQLite's write lock held.
    saving = asyncio.ensure_future(session.writer.flush())
    saving.add_done_callback(lambda f: f.cancelled() or f.exception())
    done, _ = await asyncio.wait({saving}, timeout=SAVE_BEFORE_CLOSE_S)
    if not done or saving.exception() is not None:  # finish() writes it again; the close must not wait on an outage
        logger.warning("call %s: state not stored before close", session.call_sid or "?")


class _Refusals:
    """Frames one stream refused: the first is logged, the rest only counted, and the count logged once when the
    stream ends (20,000 frames from a stranger must not become 20,000 log lines)."""

    def __init__(self, session: CallSession) -> None:
        self.session = session
        self.codes: Counter[str] = Counter()

    def add(self, code: str) -> int:
        """Count one refused frame; how many this stream has had so far."""
        self.codes[code] += 1
        total = self.codes.total()
        if total == 1:
            logger.warning("call %s: refused frame (%s); further refusals are counted", self.who(), code)
        return total

    def log_summary(self) -> None:
        """One line with every refusal past the first, by code, when there were any."""
        if self.codes.total() > 1:
            counts = ", ".join(f"{code} {n}" for code, n in self.codes.most_common())
            logger.warning("call %s: %d frames refused in all (%s)", self.who(), self.codes.total(), counts)

    def who(self) -> str:
        """The call, for log lines: its SID once a valid start named it."""
        return self.session.call_sid or "? (no valid start)"


async def _receive(session: CallSession, services: "Services", socket: StreamSocket) -> bool:
    """Parse, refuse what is malformed, dispatch; True when Twilio said `stop` (the caller hung up),
    False when the websocket closed without it (the line dropped) or we closed it."""
    refusals = _Refusals(session)
    try:
        return await _receive_events(session, services, socket, refusals)
    finally:
        refusals.log_summary()


async def _receive_events(session: CallSession, services: "Services", socket: StreamSocket,
                          refusals: _Refusals) -> bool:
    start_timeout_s = services.settings.stream_start_timeout_s
    start_by = asyncio.get_running_loop().time() + start_timeout_s
    connected = False
    while True:
        try:
            if session.started:
                raw = await socket.receive()
            else:  # an unauthenticated socket: it has until start_by to send a valid `start`
                async with asyncio.timeout_at(start_by):
                    raw = await socket.receive()
            event = parse_message(raw)
        except Disconnected:
            return False
        except TimeoutError:
            logger.warning("stream closed: no valid start within %.0f s", start_timeout_s)
            await socket.close(POLICY_VIOLATION, "no start")
            return False
        except ProtocolError as exc:
            if not await _refuse(session, socket, refusals, exc.code):
                return False
            continue
        if isinstance(event, Connected):
            if connected and not await _refuse(session, socket, refusals, "second-connected"):
                return False
            connected = True
            continue
        if isinstance(event, Start):
            if session.started:
                if not await _refuse(session, socket, refusals, "second-start"):
                    return False
                continue
            params = event.custom_parameters
            if not is_valid_stream_token(services.secret, event.call_sid, params.get("token")):
                logger.warning("refused stream for call %s: invalid stream token", event.call_sid[:40])
                await socket.close(POLICY_VIOLATION, "invalid stream token")
                return False
            await session.on_start(event, params.get("caller", ""))
            continue
        if not session.started:
            if not await _refuse(session, socket, refusals, f"{type(event).__name__.lower()}-before-start"):
                return False
            continue
        if isinstance(event, Media):
            await session.on_media(event)
        elif isinstance(event, Dtmf):
            session.on_dtmf(event)
        elif isinstance(event, Mark):
            session.on_mark(event)
        elif isinstance(event, Stop):
            return True


async def _refuse(session: CallSession, socket: StreamSocket, refusals: _Refusals, code: str) -> bool:
    """Count a refused frame; past the stream's allowance close it (1008) and return False."""
    allowed = MAX_BAD_MESSAGES if session.started else MAX_FRAMES_BEFORE_START
    if refusals.add(code) <= allowed:
        return True
    logger.warning("call %s: closing the stream after %d refused frames", refusals.who(), refusals.codes.total())
    await socket.close(POLICY_VIOLATION, "too many malformed messages")
    return False
