"""The Quart app factory: one blueprint per package, services built before serving."""

from __future__ import annotations

import logging

from prometheus_client import CONTENT_TYPE_LATEST
from quart import Quart, Request, Response, jsonify, redirect, request

from routing.jobs import job_lateness
from sms.commands import QueueReplies
from sms.decoding import PhotoDecoder
from sms.throttle import UploadThrottle
from sms.media import MediaFetcher
from sms.signature import WEBHOOK_BODY_LIMIT_BYTES, WebhookSigning
from sms.web import UPLOAD_BODY_LIMIT_BYTES, SmsContext
from sms.web import create_blueprint as sms_blueprint
from voice.call_ends import watch_ends
from voice.console.signin_limits import SignInThrottle
from voice.console.web import ConsoleContext
from voice.console.web import create_blueprint as console_blueprint
from voice.devresults import create_blueprint as dev_blueprint
from voice.security_headers import install_security_headers
from voice.services import Services
from voice.settings import Settings
from voice.stream_socket import serve_media_streams
from voice.web import create_blueprint as voice_blueprint
from voice.web import handle_stream

logger = logging.getLogger(__name__)

SERVICES = "triage.services"  # app.extensions key of the process's Services, once serving
CALL_ENDS = "triage.call_ends"  # app.extensions key of the calls that ended (development's results route)
STARTER = "triage.start"  # app.extensions key of the coroutine that starts them (start_services)
UPLOAD_PATH = "/upload/"  # sms's photo upload page: the one route whose body is larger than a webhook's


class BoundedRequest(Request):
    """A request whose body is capped from its first byte: a webhook's limit everywhere, a photo's on upload.

    Quart fixes a body's cap when it makes the request, from MAX_CONTENT_LENGTH, before any route runs: a
    route that raises `request.max_content_length` later only changes the form parser, so a chunked body
    (no Content-Length to refuse up front) was read up to the app-wide 1 MB, and an upload over it refused.
    """

    def __init__(self, method: str, scheme: str, path: str, *args, max_content_length: int | None = None,
                 **kwargs) -> None:
        if method == "POST" and path.startswith(UPLOAD_PATH):
            max_content_length = UPLOAD_BODY_LIMIT_BYTES
        super().__init__(method, scheme, path, *args, max_content_length=max_content_length, **kwargs)


def create_app(settings: Settings | None = None) -> Quart:
    """Build the app; services (database, Whisper, TTS) start in before_serving, never per request.

    The services live in `app.extensions[SERVICES]` and nowhere else. Settings that cannot serve were refused
    when they were read (ConfigError), however the server is started.
    """
    settings = settings or Settings()
    secrets = settings.secrets()
    app = Quart(__name__)
    app.request_class = BoundedRequest
    app.config["MAX_CONTENT_LENGTH"] = WEBHOOK_BODY_LIMIT_BYTES
    install_security_headers(app, https=settings.public_https)
    signing = WebhookSigning(secrets.twilio_auth_token, settings.public_base_url)
    decoder = PhotoDecoder(settings.photo_decode_workers, settings.photo_decode_queue)
    throttle = UploadThrottle(settings.upload_rate_per_link, settings.upload_rate_per_client,
                              trusted_proxy_hops=settings.trusted_proxy_hops)

    sign_in_throttle = SignInThrottle(settings.console_code_rate_per_number, settings.console_code_rate_per_client,
                                      trusted_proxy_hops=settings.trusted_proxy_hops)

    def services() -> Services:
        return app.extensions[SERVICES]

    app.register_blueprint(voice_blueprint(services, signing))
    if settings.environment == "development":  # `triage call --server`'s results; never in production
        app.register_blueprint(dev_blueprint(services, lambda: app.extensions[CALL_ENDS], signing))
    app.asgi_app = serve_media_streams(app.asgi_app, lambda socket: handle_stream(socket, services()))

    async def start() -> None:
        if not settings.webhooks_signed:
            logger.warning("!!! TWILIO_AUTH_TOKEN is not set: webhooks are NOT signed and anyone who can reach this "
                           "server can post them as Twilio. Development only (ENVIRONMENT=production refuses this).")
        services = app.extensions[SERVICES] = await Services.start(settings, secrets)
        if settings.environment == "development":  # the results route waits on calls that end from now on
            app.extensions[CALL_ENDS] = watch_ends(services.events)
        # Registered here, not above: its routes are bound to the store, which only exists once serving
        # starts. No request has been handled yet, so Quart still allows it.
        app.register_blueprint(sms_blueprint(SmsContext(
            store=services.store,
            sender=services.sender,
            secret=services.secret,
            public_base_url=settings.public_base_url,
            link_base=services.link_base,
            choose_language=settings.choose_language,
            auth_token=signing.auth_token,
            commands=QueueReplies(services.store, secret=services.secret, public_base_url=services.link_base,
                                  sender=services.sender),
            media=(MediaFetcher(settings.twilio_account_sid, secrets.twilio_auth_token,
                                api_base_url=settings.twilio_api_base_url or None)
                   if settings.twilio_enabled else None),
            voice_notes=services.transcribe_voice_note,
            decoder=decoder,
            throttle=throttle,
        )))
        app.register_blueprint(console_blueprint(ConsoleContext(
            store=services.store, sender=services.sender, secret=services.secret, coordinators=settings.coordinators,
            https=settings.public_https, idle_s=settings.console_idle_timeout_s, throttle=sign_in_throttle)))

    app.extensions[STARTER] = start

    @app.before_serving
    async def start_once() -> None:
        if SERVICES not in app.extensions:  # `triage serve` starts them before hypercorn: see start_services
            await start()

    @app.before_request
    async def remember_origin() -> None:
        """Development without PUBLIC_BASE_URL: links point where Twilio reached us (not a local health probe)."""
        if SERVICES in app.extensions and request.path.startswith(("/voice/", "/sms/")):
            app.extensions[SERVICES].saw_request(request.host_url)

    @app.after_serving
    async def stop_services() -> None:
        decoder.close()
        if SERVICES in app.extensions:
            await app.extensions.pop(SERVICES).close()

    @app.get("/")
    async def home() -> Response:
        """People who open the server's address find the coordinator console."""
        return redirect("/console/", 303)

    @app.get("/healthz")
    async def healthz() -> Response:
        """For load balancers: 200 only when the database answers and the STT model is loaded.

        `jobs` is detail for people, not a check: a web process must not be pulled out of the balancer
        because the job loop (maybe another process's) is behind.
        """
        services = app.extensions.get(SERVICES)
        checks = {
            "database": services is not None and await services.store.ping(),
            "stt": services is not None and services.stt_ready,
        }
        detail = dict(checks)
        if checks["database"]:
            detail["jobs"] = await job_detail(services)
        if services is not None and services.warmup is not None:
            detail["prompts"] = services.warmup.status  # detail, not a check: calls render what is not warm
        response = jsonify(detail)
        response.status_code = 200 if all(checks.values()) else 503
        return response

    @app.get("/metrics")
    async def metrics() -> Response:
        """Prometheus exposition of this process's calls, latencies, fallbacks, queue and jobs."""
        services = app.extensions.get(SERVICES)
        if services is None:
            return Response("starting", status=503)
        return Response(await services.metrics.render(services.store), content_type=CONTENT_TYPE_LATEST)

    return app


async def start_services(app: Quart) -> Services:
    """Start the app's services now, outside hypercorn's lifespan, so a failure (a database that refuses us, a
    Whisper model that will not load) reaches the caller as itself, not as hypercorn's LifespanFailureError
    after Quart has logged its traceback. before_serving then finds them started."""
    if SERVICES not in app.extensions:
        await app.extensions[STARTER]()
    return app.extensions[SERVICES]


async def job_detail(services: Services) -> dict:
    """Whether this process runs jobs, and the jobs more than a minute late (whoever should run them)."""
    try:
        lateness = await job_lateness(services.store)
    except Exception as exc:  # noqa: BLE001 - a health check reports, it does not crash
        logger.warning("healthz: jobs not readable (%s)", type(exc).__name__)
        return {"loop": services.jobs is not None and services.jobs.running, "late": None}
    return {"loop": services.jobs is not None and services.jobs.running,
            "late": lateness.late, "oldest_overdue_s": lateness.oldest_overdue_s}
