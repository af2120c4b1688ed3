"""Everything a call needs, built once per process from the settings and shared by all calls."""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import secrets
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from intake.dialogue import Dialogue
from intake.llm import FLAG_CHECK_DEADLINE_S, IntakeError, intake_async, red_flags_heard
from intake.models import TriageResult
from routing.crypto import PhiCipher, load_or_create_dev_keys
from routing.phones import parse_caller
from routing.privacy import mask_phone
from routing.store import Store
from sms.notify import send_case_summaries
from sms.sender import MessageSender, build_sender
from stt.base import Hints, Transcriber, Transcript
from stt.correction import MedicalCorrector
from stt.fallback import REMOTE_THREADS, build_transcriber

from voice.endpointing import Endpointer, VadFactory, vad_factory
from voice.events import CallEvents
from voice.metrics import CountingSender, Metrics
from voice.recovery import Recovery
from voice.settings import ConfigError, Settings
from voice.tts import PromptAudioCache, build_tts

logger = logging.getLogger(__name__)

INTAKE_DEADLINE_S = 12.0  # the LLM intake runs after the caller hung up; past this the rules' result stands


def _secret_from_file(path: Path) -> bytes:
    """Development only: a random secret kept in the data dir so restarts keep links and tokens valid."""
    if path.exists():
        return path.read_bytes().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_hex(32).encode()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(value)
    return value


def server_secret(settings: Settings) -> bytes:
    """SERVER_SECRET, or in development a generated one; production without it is an error."""
    if settings.server_secret is not None:
        return settings.server_secret.get_secret_value().encode()
    if settings.environment == "production":
        raise ConfigError("SERVER_SECRET must be set in production")
    return _secret_from_file(settings.data_dir / "server_secret")


async def open_store(settings: Settings) -> Store:
    """Connect to DATABASE_URL (or the embedded SQLite) with the PHI keys and the routing policy, schema at head."""
    invalid = [mask_phone(n) for n in settings.coordinators if not parse_caller(n).valid]
    if invalid:  # escalation alerts to a wrong number reach nobody: refuse to start
        raise ConfigError(f"COORDINATOR_NUMBERS holds numbers that are not valid: {', '.join(invalid)}")
    if settings.phi_key is not None and settings.phi_hash_key is not None:
        keys = settings.phi_key.get_secret_value()
        hash_key = settings.phi_hash_key.get_secret_value().encode()
    elif settings.environment == "production":
        raise ConfigError("PHI_KEY and PHI_HASH_KEY must be set in production: PHI is never stored in plaintext")
    else:
        keys, hash_key = load_or_create_dev_keys(settings.data_dir)
    store = await Store.connect(settings.effective_database_url, PhiCipher.from_keys(keys), hash_key=hash_key,
                                policy=settings.routing_policy, photo_dir=settings.photo_dir)
    await store.upgrade()
    return store


def sms_status_callback_url(settings: Settings) -> str | None:
    """Where Twilio reports delivery of the messages we send; without a public URL it cannot reach us."""
    return f"{settings.public_base_url.rstrip('/')}/sms/status" if settings.public_base_url else None


def _anthropic_client(settings: Settings, asynchronous: bool = False):
    """The Claude client for intake extraction (or, asynchronous, for in-call red flags); None without a key."""
    if settings.anthropic_api_key is None:
        return None
    import anthropic

    return (anthropic.AsyncAnthropic if asynchronous else anthropic.Anthropic)(
        api_key=settings.anthropic_api_key.get_secret_value(),
        base_url=settings.anthropic_base_url or None,
        max_retries=0,  # the deadline is ours; a retry storm after hang-up helps nobody
    )


@dataclass
class Services:
    """The process-wide parts: store, STT, correction, TTS cache, SMS sender."""

    settings: Settings
    secret: bytes
    store: Store
    transcriber: Transcriber
    corrector: MedicalCorrector
    prompts: PromptAudioCache
    sender: MessageSender
    stt_pool: ThreadPoolExecutor
    new_vad: VadFactory
    llm: object | None = None  # anthropic.Anthropic when ANTHROPIC_API_KEY is set
    llm_async: object | None = None  # anthropic.AsyncAnthropic, for the red-flag check during the call
    metrics: Metrics = field(default_factory=Metrics)
    events: CallEvents = field(default_factory=CallEvents)  # each call's stages, for whoever watches (bench, tests)
    recovery: Recovery | None = None  # dropped streams in their grace, and the sweep for orphaned calls
    _closed: bool = False
    _heap_frozen: bool = False

    @classmethod
    async def start(cls, settings: Settings) -> "Services":
        """Build and warm everything before the first call: no model loads on the call path."""
        secret = server_secret(settings)
        store = await open_store(settings)
        openai_key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
        transcriber = await asyncio.to_thread(
            build_transcriber,
            openai_api_key=openai_key,
            openai_base_url=settings.openai_base_url or None,
            model_dir=settings.whisper_model_dir,
            compute_type=settings.whisper_compute_type,
            cpu_threads=settings.stt_threads,
            backend=settings.stt_backend,
            deadline_s=settings.stt_remote_deadline_ms / 1000,
        )
        engine = build_tts(
            settings.tts_backend,
            settings.tts_voice,
            openai_api_key=openai_key,
            openai_base_url=settings.openai_base_url or None,
        )
        prompts = PromptAudioCache(engine, settings.data_dir / "prompt-audio")
        token = settings.twilio_auth_token.get_secret_value() if settings.twilio_auth_token else None
        sender = build_sender(
            store,
            account_sid=settings.twilio_account_sid,
            auth_token=token if settings.twilio_enabled else None,
            from_number=settings.twilio_from_number,
            api_base_url=settings.twilio_api_base_url or None,
            status_callback_url=sms_status_callback_url(settings),
        )
        workers = settings.stt_threads or os.cpu_count() or 2
        if transcriber.name != "local":
            # A remote backend's turns wait on the network, not the CPU: with one thread per core,
            # 100 calls queued behind two 300 ms requests and hit the turn deadline (measured).
            workers = max(workers, REMOTE_THREADS)
        metrics = Metrics()
        metrics.lag.start()
        services = cls(
            settings=settings,
            secret=secret,
            store=store,
            transcriber=transcriber,
            corrector=await asyncio.to_thread(MedicalCorrector),
            prompts=prompts,
            sender=CountingSender(sender, metrics.sms_failures),
            stt_pool=ThreadPoolExecutor(max_workers=workers, thread_name_prefix="stt"),
            new_vad=vad_factory(settings.vad),
            llm=_anthropic_client(settings),
            llm_async=_anthropic_client(settings, asynchronous=True),
            metrics=metrics,
        )
        services.recovery = Recovery(services)
        services.recovery.start()  # a restart finishes the cases a killed process left behind
        return services

    def new_endpointer(self) -> Endpointer:
        """A per-call endpointer over the process's shared VAD model."""
        return Endpointer(vad=self.new_vad(), early_ms=self.settings.stt_early_ms or None)

    async def close(self) -> None:
        """Release the database, the STT threads and the VAD's."""
        self._closed = True
        if self.recovery is not None:
            await self.recovery.close()
        await self.metrics.lag.stop()
        if self.llm_async is not None:
            await self.llm_async.close()
        self.stt_pool.shutdown(wait=False, cancel_futures=True)
        self.new_vad.close()
        await self.store.close()

    @property
    def stt_ready(self) -> bool:
        """The transcriber is built, which for local Whisper means its model is loaded (for /healthz)."""
        return self.transcriber is not None and not self._closed

    async def transcribe(self, pcm16: bytes, hints: Hints | None = None) -> Transcript:
        """One turn in the STT pool, within the configured deadline; fallbacks and failures are counted."""
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(self.settings.stt_deadline_ms / 1000):
                transcript = await loop.run_in_executor(self.stt_pool, self.transcriber.transcribe, pcm16, 8000, hints)
        except Exception:
            self.metrics.stt_fallbacks.labels("failed").inc()
            raise
        fallback = getattr(self.transcriber, "fallback", None)
        if fallback is not None and transcript.backend == fallback.name:
            self.metrics.stt_fallbacks.labels("remote").inc()
        return transcript

    def correct(self, text: str) -> str:
        """The offline medical-term correction (fast; runs inline)."""
        return self.corrector.correct(text).text

    async def prompt_audio(self, text: str) -> bytes:
        """μ-law audio of a prompt, synthesized once per text."""
        return await self.prompts.get(text)

    async def complete_intake(self, dialogue: Dialogue) -> TriageResult:
        """Structured intake from the whole conversation (Claude when configured, else rules); never lowers urgency."""
        try:
            async with asyncio.timeout(INTAKE_DEADLINE_S):
                result = await intake_async(dialogue.transcript, dialogue.result, client=self.llm)
        except Exception:
            logger.exception("intake extraction failed; keeping the dialogue's result")
            result = dialogue.result
        if self.llm is not None and (result.answers.get("intake") or {}).get("source") != "llm":
            self.metrics.llm_fallbacks.inc()
        return result

    async def red_flags_from_llm(self, transcript: list[tuple[str, str]]) -> list[str]:
        """Red flags Claude hears in the call so far, within FLAG_CHECK_DEADLINE_S; [] without a key or on failure.

        The deadline is the caller's: past it the turn goes on with the rules' answer, and the fallback is counted.
        """
        if self.llm_async is None:
            return []
        try:
            async with asyncio.timeout(FLAG_CHECK_DEADLINE_S):
                return await red_flags_heard(self.llm_async, transcript)
        except TimeoutError:
            reason = "timeout"
        except IntakeError as e:
            reason = "timeout" if e.code.endswith("timeout") else "failed"
        except Exception:  # noqa: BLE001 -- a bug here must not cost the caller the turn
            logger.exception("in-call red-flag check raised unexpectedly")
            reason = "failed"
        logger.warning("in-call red-flag check: %s; the rules stand", reason)
        self.metrics.llm_flag_fallbacks.labels(reason).inc()
        return []

    async def notify_case(self, case_id: int) -> None:
        """Summaries to the health workers and the caller; failures are logged, the case stays."""
        try:
            await send_case_summaries(
                self.store,
                self.sender,
                case_id,
                worker_numbers=self.settings.worker_numbers,
                public_base_url=self.settings.public_base_url,
                secret=self.secret,
            )
        except Exception:
            logger.exception("case %s: summaries not sent", case_id)

    def freeze_heap_once(self) -> None:
        """After the first call, exempt what the process has loaded from the cyclic garbage collector.

        The models, SDKs and modules (many imported lazily by the first call) live as long as the process,
        yet each full collection walked all of them: 130-190 ms with every call's audio stalled behind it,
        nearly all the late frames of `triage bench load --calls 100` (after freezing: under 20 ms).
        Refcounting still frees frozen objects; only cycles among them are never collected.
        """
        if self._heap_frozen:
            return
        self._heap_frozen = True
        gc.freeze()  # no gc.collect() first: on a loaded server that full pass would itself stall every call
        logger.info("garbage collector: %d long-lived objects frozen after the first call", gc.get_freeze_count())
