"""What the server exposes at /metrics, and the event-loop lag that decides whether audio was handled in time.

Each app owns its CollectorRegistry: tests and benches build many apps in one process, and the
global default registry would refuse the second set of names.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, ProcessCollector, generate_latest

from routing.jobs import LATE_AFTER_S, job_counts, job_lateness
from routing.queue import queue_depth

logger = logging.getLogger(__name__)

STAGES = ("endpointing", "stt", "correction", "dialogue", "tts", "total")
LATENCY_BUCKETS_S = (0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.2, 1.5, 2.0, 3.0, 5.0, 10.0)
LAG_BUCKETS_S = (0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1.0)
LAG_TICK_S = 0.01  # how often the monitor checks the loop; a tick costs a few microseconds
LATE_FRAME_LAG_S = 0.02  # one 20 ms frame: a frame handled later than this was late
STORE_QUERY_TIMEOUT_S = 2.0  # a scrape must answer even when the database does not


class LoopLagMonitor:
    """A task that sleeps LAG_TICK_S at a time and measures how late it wakes: the loop's lag."""

    def __init__(self, histogram: Histogram | None = None, tick_s: float = LAG_TICK_S) -> None:
        self.tick_s = tick_s
        self.histogram = histogram
        self.max_lag_s = 0.0
        self._due = time.perf_counter() + tick_s
        self._task: asyncio.Task | None = None

    def start(self) -> None:
        """Begin watching the running loop."""
        self._due = time.perf_counter() + self.tick_s
        self._task = asyncio.create_task(self._run(), name="loop-lag-monitor")

    async def stop(self) -> None:
        """Stop watching."""
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    def lag_s(self) -> float:
        """The loop's lag right now: how overdue the monitor's next wake-up is (0 when it is on time).

        A callback running while the loop is backlogged sees the backlog here, before the monitor
        itself gets to run again.
        """
        return max(0.0, time.perf_counter() - self._due)

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.tick_s)
            lag = self.lag_s()
            self.max_lag_s = max(self.max_lag_s, lag)
            if self.histogram is not None:
                self.histogram.observe(lag)
            self._due = time.perf_counter() + self.tick_s


@dataclass
class FrameCounts:
    """Inbound media frames this process handled, and how many of them late (read by `triage bench load`)."""

    frames: int = 0
    late: int = 0


@dataclass
class Metrics:
    """The server's Prometheus collectors, registered on a registry of its own."""

    registry: CollectorRegistry = field(default_factory=CollectorRegistry)
    counts: FrameCounts = field(default_factory=FrameCounts)
    _frames_seen: int = 0
    _late_seen: int = 0
    _frames_published: int = 0
    _late_published: int = 0

    def __post_init__(self) -> None:
        r = self.registry
        ProcessCollector(registry=r)  # process_cpu_seconds_total, resident memory, open fds
        self.active_calls = Gauge("triage_active_calls", "Media Streams open right now", registry=r)
        self.turn_latency = Histogram(
            "triage_turn_latency_seconds",
            "End of caller speech to first reply frame sent ('total'), and each stage of it",
            ["stage"], buckets=LATENCY_BUCKETS_S, registry=r,
        )
        self.stt_fallbacks = Counter(
            "triage_stt_fallbacks_total",
            "Turns the remote STT did not transcribe (reason=remote: local Whisper did; reason=failed: nobody did)",
            ["reason"], registry=r,
        )
        self.llm_fallbacks = Counter(
            "triage_llm_fallbacks_total", "Calls whose LLM intake failed, so the rules' intake stands", registry=r
        )
        self.llm_flag_fallbacks = Counter(
            "triage_llm_flag_check_fallbacks_total",
            "Caller turns whose in-call red-flag check by Claude failed or missed its deadline; the rules stood",
            ["reason"], registry=r,
        )
        self.sms_failures = Counter("triage_sms_send_failures_total", "Outbound messages recorded as failed",
                                    registry=r)
        self.frames = Counter("triage_media_frames_total", "Inbound 20 ms audio frames handled", registry=r)
        self.late_frames = Counter(
            "triage_media_frames_late_total", "Inbound frames handled with event-loop lag over 20 ms", registry=r
        )
        self.loop_lag = Histogram("triage_event_loop_lag_seconds", "Event-loop lag, sampled every 10 ms",
                                  buckets=LAG_BUCKETS_S, registry=r)
        self.queue_depth = Gauge("triage_queue_depth", "Cases waiting for a health worker", ["category"], registry=r)
        self.jobs_overdue = Gauge("triage_jobs_overdue", "Durable jobs past their run time and not yet taken",
                                  registry=r)
        self.jobs_late = Gauge("triage_jobs_late", f"Jobs more than {LATE_AFTER_S} s past their run time: no job "
                               "loop is running (JOBS_IN_SERVE=false and no `triage worker`), or it is stuck",
                               registry=r)
        self.jobs_oldest_overdue = Gauge("triage_jobs_oldest_overdue_seconds",
                                         "How far past its run time the oldest late job is", registry=r)
        self.database_up = Gauge("triage_database_up", "1 when the last scrape could read the database", registry=r)
        self.lag = LoopLagMonitor(self.loop_lag)
        for stage in STAGES:
            self.turn_latency.labels(stage)  # export every stage from the start, even before a turn
        for reason in ("remote", "failed"):
            self.stt_fallbacks.labels(reason)

    def observe_frame(self) -> None:
        """One inbound frame handled now; late if the loop is lagging more than a frame.

        Plain integers here (5000 frames a second at 100 calls); the Prometheus counters catch up at each scrape.
        """
        self.counts.frames += 1
        self._frames_seen += 1
        if self.lag.lag_s() > LATE_FRAME_LAG_S:
            self.counts.late += 1
            self._late_seen += 1

    def _publish_frames(self) -> None:
        self.frames.inc(self._frames_seen - self._frames_published)
        self.late_frames.inc(self._late_seen - self._late_published)
        self._frames_published, self._late_published = self._frames_seen, self._late_seen

    def observe_turn(self, latency_ms: int, stages_ms: dict[str, float]) -> None:
        """One answered turn: total latency and each stage, in seconds."""
        self.turn_latency.labels("total").observe(latency_ms / 1000)
        for stage, ms in stages_ms.items():
            if stage in STAGES:
                self.turn_latency.labels(stage).observe(ms / 1000)

    async def render(self, store) -> bytes:
        """The exposition text, with the queue and job gauges read from the database first."""
        try:
            async with asyncio.timeout(STORE_QUERY_TIMEOUT_S):
                depth = await queue_depth(store)
                overdue = (await job_counts(store)).get("overdue", 0)
                lateness = await job_lateness(store)
        except Exception as exc:  # noqa: BLE001 -- a scrape reports a dead database, it does not fail
            logger.warning("metrics: database not readable (%s)", type(exc).__name__)
            self.database_up.set(0)
        else:
            self.database_up.set(1)
            self.queue_depth.clear()  # a category that emptied must not keep its last value
            for category, n in depth.items():
                self.queue_depth.labels(category).set(n)
            self.jobs_overdue.set(overdue)
            self.jobs_late.set(lateness.late)
            self.jobs_oldest_overdue.set(lateness.oldest_overdue_s)
        self._publish_frames()
        return generate_latest(self.registry)


class CountingSender:
    """A MessageSender that counts failed sends for /metrics and otherwise passes everything through."""

    def __init__(self, inner, failures: Counter) -> None:
        self.inner = inner
        self.failures = failures

    async def send(self, to: str, body: str, *, kind: str, case_id: int | None = None,
                   idempotency_key: str | None = None, send_within_s: float | None = None):
        """Send through the wrapped sender; a failed result or an exception counts once."""
        try:
            result = await self.inner.send(to, body, kind=kind, case_id=case_id, idempotency_key=idempotency_key,
                                           send_within_s=send_within_s)
        except Exception:
            self.failures.inc()
            raise
        if not result.ok:
            self.failures.inc()
        return result

    def follow_up_text(self, reference: str, region: str | None, language: str | None = None) -> str:
        """The wrapped sender's follow-up wording (routing's jobs ask for it: the local emergency number)."""
        return self.inner.follow_up_text(reference, region, language)

    def offer_text(self, reference: str, triage: dict, caller: str | None, region: str | None) -> str:
        """The wrapped sender's case offer (the one message per case a health worker gets)."""
        return self.inner.offer_text(reference, triage, caller, region)
