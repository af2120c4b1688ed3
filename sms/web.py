"""The sms blueprint: Twilio's messaging webhooks, the photo upload page and the case page."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Awaitable, Callable

from quart import Blueprint, Response, current_app, render_template, request
from twilio.twiml.messaging_response import MessagingResponse
from werkzeug.exceptions import RequestEntityTooLarge

from intake.catalogue import catalogue, language_or_default
from intake.emergency import emergency_number, emergency_number_for
from intake.red_flags import find_red_flags
from routing.contacts import Received, is_opted_out, receive, record_reply, set_opted_out
from routing.errors import NotFound, PhotoLimit
from routing.outbox import update_message
from routing.photos import count_photos, list_photos, read_photo
from routing.privacy import mask_phone
from routing.workers import find_worker

from .attach import attach_media, attach_photo
from .commands import WORKER_HELP
from .conversation import fallback_text, handle_patient_text, help_text
from .decoding import DecoderBusy, PhotoDecoder
from .display import display_text
from .inbound import InboundMessage, InboundSmsForm, SmsStatusForm
from .links import BaseUrl, LinkError, read_token
from .media import MediaFetcher
from .notify import send_case_summaries
from .photos import MAX_PHOTO_BYTES, PhotoError
from .sender import MessageSender
from .signature import WebhookSigning
from .throttle import UploadThrottle
from .voicenotes import NOT_UNDERSTOOD_TEXT, Transcribe, with_voice_notes

if TYPE_CHECKING:
    from routing.store import Store

logger = logging.getLogger(__name__)

UPLOAD_BODY_LIMIT_BYTES = MAX_PHOTO_BYTES + 256 * 1024  # one photo plus multipart overhead
LINK_STATUS = {"link-malformed": 404, "link-forged": 403, "link-expired": 410}
PHOTO_STATUS = {"photo-too-large": 413, "photo-too-many-pixels": 413, "photo-format": 415, "photo-not-image": 415}
DAILY_TEXT_LIMIT = 50  # inbound messages per number per day; a message with a red flag is always triaged
OVER_LIMIT_TEXT = ("Triageline: you have sent many messages today, so we will read new ones tomorrow. "
                   "Emergency: call {number} now.")
OPTED_IN_TEXT = "You will get our texts again. "
PHOTO_ONLY_TEXT = "Thank you, the photo is being added to case {ref}."
PHOTO_WITHOUT_CASE_TEXT = "Thank you. Please text us what is happening first, then send the photo again."
NO_ATTACHMENTS_TEXT = ("This number cannot receive photos or voice notes. Please type what is happening. "
                       "Emergency: call {number} now.")

# Health-worker and follow-up replies (ACCEPT/DONE/PASS/NEXT/STATUS, 1/2/3) belong to routing's queue: the app
# passes sms.commands.QueueReplies here. It returns the reply text for a message it owns, else None.
CommandHandler = Callable[[InboundMessage], Awaitable[str | None]]


@dataclass(frozen=True)
class SmsContext:
    """Everything the sms routes need, built once by the app factory."""

    store: Store
    sender: MessageSender
    secret: bytes
    public_base_url: str = ""  # PUBLIC_BASE_URL: what Twilio signed (empty: the request's own URL)
    link_base: BaseUrl = ""  # where links in our texts point; empty: public_base_url
    auth_token: str | None = None  # set: every Twilio webhook must carry a valid signature
    commands: CommandHandler | None = None
    media: MediaFetcher | None = None  # None: MMS/WhatsApp media cannot be fetched (no Twilio credentials)
    voice_notes: Transcribe | None = None  # a voice note's bytes -> text, with the calls' STT and correction
    decoder: PhotoDecoder = field(default_factory=PhotoDecoder)  # the app closes it after serving
    throttle: UploadThrottle = field(default_factory=UploadThrottle)
    clock: Callable[[], float] = field(default=time.time)
    choose_language: bool = False  # a text triage speaks the first text's language (settings.choose_language)


def page_words(language: str | None) -> Callable[..., str]:
    """The photo page's words ([page] of the catalogues) in `language`; English for None or an unknown one."""
    words = catalogue(language_or_default(language))
    return lambda msg_id, **values: words.say(f"page.{msg_id}", **values)


def create_blueprint(ctx: SmsContext) -> Blueprint:
    """Routes under /sms, /upload and /cases, bound to `ctx`."""
    bp = Blueprint("sms", __name__, template_folder="templates", static_folder="static", static_url_path="/static/sms")
    english = page_words(None)  # refusals before the link names a case, so before its language is known
    # Every {{ value }} of our pages goes through display_text (sms/display.py): a template cannot forget it.
    # Set before any page is rendered: Jinja reads it when it compiles a template.
    bp.record_once(lambda state: setattr(state.app.jinja_env, "finalize", display_text))

    signing = WebhookSigning(ctx.auth_token, ctx.public_base_url)

    @bp.post("/sms/incoming")
    @signing.webhook(InboundSmsForm)
    async def incoming(form: InboundSmsForm) -> Response:
        """A patient or worker texted us; a retried webhook gets the first answer again and changes nothing."""
        msg = form.message()
        try:
            seen = await receive(ctx.store, msg.sid, msg.sender)
            if seen.answered:
                return _twiml(seen.reply)
            reply = await answer(msg, seen)
        except Exception:  # noqa: BLE001 -- a patient must never get silence, whatever failed on our side
            logger.exception("text from %s could not be processed", mask_phone(msg.sender))
            return _twiml(fallback_text(msg.sender))
        try:
            await record_reply(ctx.store, msg.sid, reply)
        except Exception:  # noqa: BLE001 -- the answer stands; a retry would only be worked out again
            logger.exception("reply to %s not kept", mask_phone(msg.sender))
        return _twiml(reply)

    async def answer(msg: InboundMessage, seen: Received) -> str | None:
        """Compliance keywords, the daily limit, queue replies, then one triage turn; None is an empty answer."""
        if msg.keyword == "stop":
            await set_opted_out(ctx.store, msg.sender, True)  # Twilio confirms the opt-out itself
            return None
        if msg.keyword == "start":
            await set_opted_out(ctx.store, msg.sender, False)
            return OPTED_IN_TEXT + help_text(msg.sender)
        if seen.today > DAILY_TEXT_LIMIT and not find_red_flags(msg.body) and not await find_worker(ctx.store, msg.sender):
            logger.warning("text %d today from %s not read: over the daily limit", seen.today, mask_phone(msg.sender))
            number = emergency_number_for(msg.sender).number
            return OVER_LIMIT_TEXT.format(number=number) if seen.today == DAILY_TEXT_LIMIT + 1 else None
        reply = await reply_to(msg)
        if await is_opted_out(ctx.store, msg.sender):
            # Twilio refuses every text to a number that sent STOP, replies included. The message was still
            # handled, so a case (and a red flag in it) reaches a health worker.
            logger.info("reply to %s withheld: opted out", mask_phone(msg.sender))
            return None
        return reply

    async def reply_to(msg: InboundMessage) -> str:
        """HELP, a queue reply (worker command, follow-up answer), a photo, or the next triage question."""
        if msg.keyword == "help":  # a worker's HELP is about their commands, not about starting a triage
            return WORKER_HELP if await find_worker(ctx.store, msg.sender) else help_text(msg.sender)
        if msg.media and ctx.media is None:  # no Twilio credentials: we cannot fetch it, so we must not promise it
            logger.info("media from %s not fetched: Twilio credentials are not configured", mask_phone(msg.sender))
            refusal = NO_ATTACHMENTS_TEXT.format(number=emergency_number_for(msg.sender).number)
            if not msg.has_words:
                return refusal
            msg = replace(msg, media=())
            return f"{await reply_to(msg)}\n{refusal}"
        msg, heard = await with_voice_notes(msg, media=ctx.media, transcribe=ctx.voice_notes)
        if not heard and not msg.has_words:
            return NOT_UNDERSTOOD_TEXT.format(number=emergency_number_for(msg.sender).number)
        if ctx.commands is not None and (reply := await ctx.commands(msg)) is not None:
            return reply
        if msg.media and not msg.has_words:  # a photo on its own is not an answer to the dialogue
            case = await ctx.store.find_latest_case(msg.sender)
            if case is None:
                return PHOTO_WITHOUT_CASE_TEXT
            current_app.add_background_task(attach_media, ctx, msg, case.id, case.reference)
            return PHOTO_ONLY_TEXT.format(ref=case.reference)
        turn = await handle_patient_text(ctx.store, msg, choose_language=ctx.choose_language)
        if turn.case_id is not None and msg.media:
            reference = (await ctx.store.get_case(turn.case_id)).reference
            current_app.add_background_task(attach_media, ctx, msg, turn.case_id, reference)
        if turn.finished and turn.case_id is not None:
            current_app.add_background_task(
                send_case_summaries, ctx.store, ctx.sender, turn.case_id, public_base_url=ctx.link_base or ctx.public_base_url,
                secret=ctx.secret)
        return turn.reply

    @bp.post("/sms/status")
    @signing.webhook(SmsStatusForm, query=("message_id",))
    async def status(form: SmsStatusForm) -> Response:
        """Twilio tells us what became of a message we sent (sent, delivered, undelivered...)."""
        message_id, state, code = form.message_id, form.status, form.error_code
        if message_id is not None and state:
            try:
                await update_message(ctx.store, message_id, status=state, provider_sid=form.message_sid,
                                     error=f"twilio {code}" if code is not None else None)
            except NotFound:
                logger.warning("status callback for unknown message %s", message_id)
        return Response("", 204)

    async def page(template: str, status: int = 200, language: str | None = None, **values) -> Response:
        """An HTML page from sms/templates, its words from the catalogue of `language` (the case's; English before
        a case is known)."""
        return Response(await render_template(f"sms/{template}", lang=language_or_default(language),
                                              say=page_words(language), **values),
                        status, content_type="text/html")

    async def open_link(token: str, purpose: str, actor: str | None = None):
        """(case, None) for a valid link to an existing case, else (None, an error page)."""
        try:
            case_id = read_token(ctx.secret, token, purpose=purpose, now=ctx.clock())
            return await ctx.store.get_case(case_id, actor=actor), None
        except LinkError as exc:
            logger.info("%s link refused: %s", purpose, exc.code)
            expired = exc.code == "link-expired"
            return None, await page("message.html", LINK_STATUS[exc.code], title="Link not valid",
                                    text="This link has expired." if expired else "This link is not valid.")
        except NotFound:
            return None, await page("message.html", 404, title="Link not valid", text="This link is not valid.")

    @bp.route("/upload/<token>", methods=["GET", "POST"])
    async def upload(token: str) -> Response:
        """The photo page (GET) and the photo it sends (POST), for the one case the link names."""
        # Refuse an oversized body before reading it; chunked bodies are cut off by the same limit while parsed.
        if request.method == "POST" and (request.content_length or 0) > UPLOAD_BODY_LIMIT_BYTES:
            return await page("message.html", 413, title=english("title_too_large"), text=english("too_large"))
        request.max_content_length = UPLOAD_BODY_LIMIT_BYTES
        if request.method == "POST":  # counted before the link is checked: guessing links costs the same
            client = ctx.throttle.client_key(request.remote_addr, request.headers.get("X-Forwarded-For"))
            if (wait_s := ctx.throttle.hit_client(client)) is not None:
                logger.warning("upload refused: a client over %s", ctx.throttle.per_client)
                return _retry_after(await page("message.html", 429, title=english("title_too_many"),
                                               text=english("slow_down")), wait_s)
        case, refusal = await open_link(token, "photo")
        if refusal is not None:
            return refusal
        language = case.triage.get("language")
        say = page_words(language)
        values = {"reference": case.reference, "emergency": emergency_number(case.region).number, "language": language}
        if request.method == "GET":
            return await page("upload.html", **values)
        if (wait_s := ctx.throttle.hit_link(case.id)) is not None:
            logger.warning("upload for case %s refused: over %s", case.reference, ctx.throttle.per_link)
            return _retry_after(await page("upload.html", 429, error=say("slow_down"), **values), wait_s)
        if await count_photos(ctx.store, case.id) >= ctx.store.policy.photos_per_case_max:
            return await full_case(case, values, say("full"))  # before the body is parsed or decoded
        try:
            upload = (await request.files).get("photo")
            # Decoding takes a while: on the photo pool, off the event loop where live calls' audio runs.
            photo = await ctx.decoder.decode(upload.read() if upload else b"")
        except RequestEntityTooLarge:
            return await page("upload.html", 413, error=say("too_large"), **values)
        except DecoderBusy as busy:
            logger.warning("upload for case %s refused: photo decoder busy", case.reference)
            return _retry_after(await page("upload.html", 503, error=say("busy"), **values), busy.retry_after_s)
        except PhotoError as exc:
            logger.info("upload for case %s refused: %s", case.reference, exc.code)
            return await page("upload.html", PHOTO_STATUS[exc.code], error=say("not_a_photo"), **values)
        try:
            await attach_photo(ctx, case.id, photo, source="upload")  # the worker hears of it in the digest
        except PhotoLimit:  # another upload filled the case while this one was decoded
            return await full_case(case, values, say("full"))
        return await page("message.html", title=say("title_received"), text=say("received", reference=case.reference),
                          **values)

    async def full_case(case, values: dict, full_text: str) -> Response:
        """The case holds all the photos it may: said plainly, so nobody keeps trying."""
        logger.info("upload for case %s refused: photo limit reached", case.reference)
        return await page("upload.html", 413, error=full_text, **values)

    @bp.get("/cases/<token>")
    async def case_page(token: str) -> Response:
        """The case as a health worker reads it: triage, intake, transcript, photos, timeline."""
        case, refusal = await open_link(token, "case", actor="case-link")  # every view is in the audit log
        if refusal is not None:
            return refusal
        response = await page("case.html", case=case, triage=case.triage, token=token,
                              photos=await list_photos(ctx.store, case.id), notes=await ctx.store.list_notes(case.id),
                              trail=await ctx.store.audit_trail(case.id), title=f"Case {case.reference}")
        response.headers["Cache-Control"] = "no-store"
        return response

    @bp.get("/cases/<token>/photos/<name>")
    async def case_photo(token: str, name: str) -> Response:
        """One stored photo of the case the link opens, decrypted; every view is in the audit log."""
        case, refusal = await open_link(token, "case")
        if refusal is not None:
            return refusal
        found = await read_photo(ctx.store, case.id, name, actor="case-link")
        if found is None:  # only what the database lists for this case: also what keeps "../" out
            return Response("not found", 404)
        photo, data = found
        return Response(data, 200, content_type=photo.content_type, headers={"Cache-Control": "no-store"})

    return bp


def _retry_after(response: Response, seconds: int) -> Response:
    """`response` with a Retry-After header (429, 503): a browser's user, or a script, knows when to come back."""
    response.headers["Retry-After"] = str(seconds)
    return response


def _twiml(text: str | None) -> Response:
    """A messaging TwiML answer: one <Message>, or an empty <Response/>."""
    twiml = MessagingResponse()
    if text:
        twiml.message(text)
    return Response(str(twiml), 200, content_type="text/xml")
