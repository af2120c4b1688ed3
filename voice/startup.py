"""What `triage serve` does before it serves: claim the port, start the services, say what this process is.

Each step that can fail for a reason a person deploying it can fix (a taken port, a database that refuses us,
a Whisper model that will not load) fails as a ConfigError naming the setting, before anything slower runs:
the port is claimed before Whisper loads, and the services start before hypercorn, whose lifespan would turn
their error into a traceback.
"""

from __future__ import annotations

import logging
import socket

from hypercorn.asyncio import serve as hypercorn_serve

from routing.privacy import mask_phone
from voice.app import create_app, start_services
from voice.runtime import quiet_cut_connections, server_config
from voice.services import Services, sms_status_callback_url
from voice.settings import ConfigError, Settings

logger = logging.getLogger(__name__)


def claim_port(host: str, port: int) -> socket.socket:
    """The listening socket's address, bound now, as hypercorn would bind it; ConfigError when it is taken.

    hypercorn is handed this very socket (fd://), so nothing can take the port while Whisper loads.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as exc:
        sock.close()
        raise ConfigError([f"PORT: cannot listen on {host}:{port} ({exc.strerror}): stop the process using it, "
                           "or set PORT (or --port) to a free one"]) from None
    return sock


async def serve(settings: Settings, sock: socket.socket) -> None:
    """Start the services, log what this process is, and serve on `sock` until hypercorn is stopped."""
    app = create_app(settings)
    services = await start_services(app)
    host, port = sock.getsockname()[:2]
    logger.info("%s", describe(settings, services, f"http://{host}:{port}"))
    quiet_cut_connections()
    await hypercorn_serve(app, server_config(f"fd://{sock.detach()}"))  # type: ignore[arg-type]


def describe(settings: Settings, services: Services, listening: str) -> str:
    """One block a person reads at startup: what this process talks to, and what it leaves undone."""
    rows = [
        ("listening", listening),
        ("database", settings.database_url_for_logs),
        ("speech-to-text", _stt(settings, services)),
        ("text-to-speech", f"{services.prompts.engine.name}, voice {services.prompts.engine.voice}"),
        ("SMS", _sms(settings)),
        ("webhooks", "signed (TWILIO_AUTH_TOKEN): unsigned requests get 403" if settings.webhooks_signed
         else "unsigned: anyone who reaches this server can post as Twilio (set TWILIO_AUTH_TOKEN)"),
        ("job loop", _jobs(services)),
        ("public URL", settings.public_base_url
         or "unset: stream URLs and SMS links use each request's host; Twilio sends no delivery reports"),
    ]
    width = max(len(name) for name, _ in rows)
    return "\n".join([f"triageline serving ({settings.environment}):"]
                     + [f"  {name:<{width}}  {value}" for name, value in rows])


def _stt(settings: Settings, services: Services) -> str:
    from stt.faster_whisper import default_model_dir

    model = settings.whisper_model_dir or default_model_dir()
    threads = f"{settings.stt_threads} threads" if settings.stt_threads else "a thread per core"
    local = f"local Whisper {model} ({settings.whisper_compute_type}, {threads})"
    if services.transcriber.name == "local":
        return local
    remote = settings.openai_base_url or "api.openai.com"
    return f"OpenAI ({remote}, within {settings.stt_remote_deadline_ms} ms), else {local}"


def _sms(settings: Settings) -> str:
    if settings.twilio_enabled:
        reports = sms_status_callback_url(settings)
        return (f"Twilio from {mask_phone(settings.twilio_from_number)}, "
                + (f"delivery reports to {reports}" if reports else "no delivery reports (PUBLIC_BASE_URL unset)"))
    missing = [name.upper() for name in ("twilio_account_sid", "twilio_auth_token", "twilio_from_number")
               if not getattr(settings, name)]
    return f"outbox: texts wait in the database, nothing is sent (`triage outbox`; {', '.join(missing)} unset)"


def _jobs(services: Services) -> str:
    if services.jobs is not None:  # the in-process job loop (JOBS_IN_SERVE)
        return "on: this process runs the queue's jobs (offers, escalations, follow-ups)"
    return "off: run `triage worker` beside it, or offers, escalations and follow-ups never happen"
