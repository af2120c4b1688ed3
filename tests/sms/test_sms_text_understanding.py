"""The text channel through a real server: facts given in any turn reach the case and the worker's message;
workers' repeated ACCEPT and HELP get worker answers; replies after a follow-up stay on that case."""

from __future__ import annotations

import contextlib
from datetime import timedelta

import pytest
import pytest_asyncio

from routing.outbox import list_messages
from routing.jobs import run_once
from routing.tasks import handlers
from routing.workers import add_worker
from sms.commands import ALREADY_YOURS, WORKER_HELP
from tests.support.http_phone import HttpPhone
from voice.harness.callrun import serve_in_process
from voice.settings import Settings

PATIENT, NURSE = "+2348031234567", "+2348051112222"
ANSWERS = ["my mother fell and cannot get up, she is 70", "no", "no, and she has a fever", "yes", "5", "yes", "yes", "yes",
           "since this morning", "6", "none", "none", "no"]

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def server(tmp_path_factory):
    settings = Settings(_env_file=None, data_dir=tmp_path_factory.mktemp("text-server"), database_url="",
                        jobs_in_serve=False)  # the test runs the jobs, at the times it chooses
    async with serve_in_process(settings) as running:
        yield running


@contextlib.contextmanager
def later(store, delta: timedelta):
    """The server's clock moved forward by `delta` (as `triage jobs run-due --at` does)."""
    clock = store.clock
    store.clock = lambda: clock() + delta
    try:
        yield
    finally:
        store.clock = clock


async def run_jobs(services) -> list[str]:
    jobs, ran = handlers(services.store, services.sender), []
    while job := await run_once(services.store, jobs, "test"):
        ran.append(job.kind)
    return ran


async def test_a_text_triage_keeps_every_fact_and_the_worker_follow_up_replies_stay_on_the_case(server):
    base, services = server
    store = services.store
    await add_worker(store, phone=NURSE, name="Ada", on_duty=True)
    patient, nurse = HttpPhone(base, PATIENT), HttpPhone(base, NURSE)

    replies = [await patient.text(body) for body in ANSWERS]
    assert "walk" in replies[1] and "how old" not in " ".join(replies).lower()  # "she is 70" was heard: never asked
    case = await store.find_latest_case(PATIENT)
    assert case.triage["age_years"] == 70 and case.triage["also_said"] == ["fever"]
    assert "also said: fever" in case.triage["summary"]

    assert "notify" in await run_jobs(services)
    offer = next(m for m in await list_messages(store, case_id=case.id) if m.kind == "case_offer")
    assert offer.to == NURSE and "Age 70 years" in offer.body and "(also: fever)" in offer.body

    assert "is yours" in await nurse.text(f"ACCEPT {case.reference}")
    assert await nurse.text(f"accept {case.reference}") == ALREADY_YOURS.format(ref=case.reference)
    assert await nurse.text("HELP") == WORKER_HELP
    assert "not a doctor" in await patient.text("HELP")  # a patient's HELP is the patient's
    assert "resolved" in await nurse.text(f"DONE {case.reference} advised rest")

    with later(store, timedelta(hours=24, minutes=1)):
        assert "follow_up" in await run_jobs(services)
        assert "contact you again soon" in await patient.text("3")  # worse: back in the queue
        assert "Thank you" in await patient.text("2 same")  # a second answer: the same case, no new triage
        noted = await patient.text("she is eating a little now")
        assert case.reference in noted and "added" in noted
    assert (await store.find_latest_case(PATIENT)).id == case.id  # no new case was opened
    trail = [(a.actor, a.action, a.detail) for a in await store.audit_trail(case.id)]
    assert ("patient", "status", "follow_up_scheduled -> pending: follow-up: worse") in trail
    assert ("patient", "follow_up", "same (again)") in trail
    assert [n.text for n in await store.list_notes(case.id)][-1] == "she is eating a little now"

    opened = await patient.text("NEW")  # and the patient can still start a new case
    assert "not a doctor" in opened and (await store.find_latest_case(PATIENT)).id != case.id
