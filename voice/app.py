"""The Quart app factory: one blueprint per package, services built before serving."""

from __future__ import annotations

import logging

from quart import Quart, Response

from sms.web import SmsContext
from sms.web import create_blueprint as sms_blueprint
from voice.services import Services
from voice.settings import Settings
from voice.web import create_blueprint as voice_blueprint

logger = logging.getLogger(__name__)

MAX_FORM_BYTES = 1024 * 1024  # webhooks are small; the photo upload route raises its own limit


def create_app(settings: Settings | None = None) -> Quart:
    """Build the app; services (database, Whisper, TTS) start in before_serving, never per request."""
    settings = settings or Settings()
    app = Quart(__name__)
    app.config["MAX_CONTENT_LENGTH"] = MAX_FORM_BYTES
    holder: dict[str, Services] = {}

    def services() -> Services:
        return holder["services"]

    app.register_blueprint(voice_blueprint(services))

    @app.before_serving
    async def start_services() -> None:
        services = holder["services"] = await Services.start(settings)
        app.extensions["triage.services"] = services
        # Registered here, not above: its routes are bound to the store, which only exists once serving
        # starts. No request has been handled yet, so Quart still allows it.
        app.register_blueprint(sms_blueprint(SmsContext(
            store=services.store,
            sender=services.sender,
            secret=services.secret,
            photo_dir=settings.data_dir / "photos",
            public_base_url=settings.public_base_url,
            auth_token=settings.twilio_auth_token.get_secret_value() if settings.twilio_auth_token else None,
            worker_numbers=settings.worker_numbers,
        )))

    @app.after_serving
    async def stop_services() -> None:
        if "services" in holder:
            await holder.pop("services").close()

    @app.get("/healthz")
    async def healthz() -> Response:
        ok = "services" in holder and await holder["services"].store.ping()
        return Response("ok" if ok else "unavailable", status=200 if ok else 503)

    return app
