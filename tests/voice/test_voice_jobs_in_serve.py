"""`triage serve` runs the job loop itself by default; late jobs show in /healthz and /metrics when nobody runs them."""

from __future__ import annotations

import asyncio
import json
import urllib.request
from datetime import timedelta

from prometheus_client.parser import text_string_to_metric_families

from routing.outbox import list_messages
from routing.jobs import enqueue
from routing.workers import add_worker
from voice.harness.callrun import serve_in_process
from voice.settings import Settings

NURSE, PATIENT = "+2348051112222", "+2348031234567"
DEADLINE_S = 60.0


async def _get(url: str) -> tuple[int, bytes]:
    def fetch():
        try:
            with urllib.request.urlopen(url, timeout=10) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    return await asyncio.to_thread(fetch)


def _sample(text: str, name: str) -> float:
    return next(s.value for f in text_string_to_metric_families(text) for s in f.samples if s.name == name)


async def test_serve_offers_a_new_case_to_the_nurse_on_duty_without_a_worker_process(tmp_path):
    settings = Settings(_env_file=None, data_dir=tmp_path, database_url="", jobs_in_serve=True)
    async with serve_in_process(settings) as (base, services):
        store = services.store
        await add_worker(store, phone=NURSE, name="Ada", on_duty=True)
        ref = await store.open_call(call_sid="CA-jobloop", caller=PATIENT)
        await store.save_triage(ref.case_id, {"start_category": "YELLOW", "urgency": "urgent"}, complete=True)
        offers = []
        async with asyncio.timeout(DEADLINE_S):  # the loop polls every second; the deadline is for a loaded machine
            while not offers:
                offers = [m for m in await list_messages(store, case_id=ref.case_id) if m.kind == "case_offer"]
                await asyncio.sleep(0.2)
        assert offers[0].to == NURSE and ref.reference in offers[0].body
        status, body = await _get(base + "/healthz")
        assert status == 200
        assert json.loads(body)["jobs"] == {"loop": True, "late": 0, "oldest_overdue_s": 0.0}


async def test_a_job_late_by_more_than_a_minute_shows_when_no_loop_runs(tmp_path):
    settings = Settings(_env_file=None, data_dir=tmp_path, database_url="", jobs_in_serve=False)
    async with serve_in_process(settings) as (base, services):
        store = services.store
        await enqueue(store, "purge", {}, run_at=store.now() - timedelta(seconds=30))  # due, not yet late
        status, body = await _get(base + "/healthz")
        assert status == 200  # detail for people, not a reason to pull the web process out of the balancer
        assert json.loads(body)["jobs"] == {"loop": False, "late": 0, "oldest_overdue_s": 0.0}

        await enqueue(store, "purge", {}, run_at=store.now() - timedelta(minutes=5))
        jobs = json.loads((await _get(base + "/healthz"))[1])["jobs"]
        assert jobs["loop"] is False and jobs["late"] == 1 and 300 <= jobs["oldest_overdue_s"] < 400
        metrics = (await _get(base + "/metrics"))[1].decode()
        assert _sample(metrics, "triage_jobs_late") == 1
        assert 300 <= _sample(metrics, "triage_jobs_oldest_overdue_seconds") < 400
        assert _sample(metrics, "triage_jobs_overdue") == 2
