"""/healthz and /metrics: what a load balancer and Prometheus see, on SQLite and through a PostgreSQL outage."""

from __future__ import annotations

import asyncio

import pytest
from prometheus_client.parser import text_string_to_metric_families

from sms.sender import SendResult
from tests.support.proxy import proxy_in_front_of
from tests.support.settings import settings_for
from voice.app import create_app
from voice.metrics import STAGES, CountingSender, Metrics


def _samples(text: str) -> dict[tuple[str, tuple], float]:
    """{(sample name, sorted labels): value} from an exposition text (parsed with prometheus-client's parser)."""
    out = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            out[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return out


async def test_healthz_and_metrics_on_the_embedded_defaults(tmp_path):
    apps = [create_app(settings_for(tmp_path / name)) for name in "ab"]
    # Two apps in one process: each has its own registry, so the second does not clash with the first.
    async with apps[0].test_app() as first, apps[1].test_app():
        client = first.test_client()
        health = await client.get("/healthz")
        assert health.status_code == 200
        assert await health.get_json() == {"database": True, "stt": True,
                                          "jobs": {"loop": False, "late": 0, "oldest_overdue_s": 0.0}}

        services = apps[0].extensions["triage.services"]
        ref = await services.store.open_call(call_sid="CAmetrics1", caller="+2348031234567")
        await services.store.save_triage(ref.case_id, {"start_category": "RED", "urgency": "emergency"}, complete=True)
        services.metrics.observe_turn(640, {"endpointing": 400.0, "stt": 200.0, "correction": 1.0, "dialogue": 0.5,
                                            "tts": 0.2})
        response = await client.get("/metrics")
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith("text/plain")
        samples = _samples(await response.get_data(as_text=True))

    assert samples[("triage_queue_depth", (("category", "RED"),))] == 1
    assert samples[("triage_jobs_overdue", ())] >= 1  # the queued case's "offer" job is due at once
    assert samples[("triage_active_calls", ())] == 0
    assert samples[("triage_database_up", ())] == 1
    for stage in STAGES:
        assert ("triage_turn_latency_seconds_count", (("stage", stage),)) in samples
    assert samples[("triage_turn_latency_seconds_count", (("stage", "total"),))] == 1
    assert samples[("triage_turn_latency_seconds_bucket", (("le", "0.7"), ("stage", "total")))] == 1
    assert samples[("triage_turn_latency_seconds_bucket", (("le", "0.5"), ("stage", "total")))] == 0
    assert samples[("triage_stt_fallbacks_total", (("reason", "remote"),))] == 0
    assert ("process_cpu_seconds_total", ()) in samples


async def test_failed_sends_are_counted_and_passed_through():
    class HalfBroken:
        def __init__(self):
            self.n = 0

        async def send(self, to, body, *, kind, case_id=None, idempotency_key=None, send_within_s=None):
            self.n += 1
            if self.n == 3:
                raise ConnectionError("network")
            return SendResult(self.n, "failed" if self.n == 2 else "outbox", error="rejected" if self.n == 2 else None)

    metrics = Metrics()
    sender = CountingSender(HalfBroken(), metrics.sms_failures)
    assert (await sender.send("+15005550006", "hi", kind="test")).ok
    assert not (await sender.send("+15005550006", "hi", kind="test")).ok
    with pytest.raises(ConnectionError):
        await sender.send("+15005550006", "hi", kind="test")
    assert metrics.registry.get_sample_value("triage_sms_send_failures_total") == 2


async def test_loop_lag_marks_frames_handled_behind_a_stall_as_late():
    metrics = Metrics()
    metrics.lag.start()
    try:
        await asyncio.sleep(0.05)
        metrics.observe_frame()  # an idle loop: on time
        metrics.lag._due -= 0.2  # the monitor is 200 ms overdue: as after a 200 ms stall of the loop
        metrics.observe_frame()
    finally:
        await metrics.lag.stop()
    assert (metrics.counts.frames, metrics.counts.late) == (2, 1)


@pytest.mark.postgres
async def test_healthz_follows_the_database_through_an_outage(postgres_url, tmp_path):
    proxy, through_proxy = await proxy_in_front_of(postgres_url)
    settings = settings_for(tmp_path, database_url=through_proxy)
    app = create_app(settings)
    try:
        async with app.test_app() as test_app:
            client = test_app.test_client()
            assert (await client.get("/healthz")).status_code == 200
            await proxy.stop()
            down = await client.get("/healthz")
            assert down.status_code == 503
            assert await down.get_json() == {"database": False, "stt": True}
            scrape = await client.get("/metrics")  # still answers, and says the database is down
            assert scrape.status_code == 200
            assert _samples(await scrape.get_data(as_text=True))[("triage_database_up", ())] == 0
            await proxy.start()
            assert (await client.get("/healthz")).status_code == 200
    finally:
        await proxy.close()
