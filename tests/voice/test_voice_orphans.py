"""PostgreSQL drills for a server killed mid-call: the restarted process sweeps the orphaned case to its end,
another process's live call is left alone, and a stream reopened on another process takes the call over."""

from __future__ import annotations

import asyncio
import secrets
import signal
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
import pytest_asyncio
from cryptography.fernet import Fernet
from sqlalchemy import update

from routing.models import Call, Case
from routing.tasks import pending_jobs
from routing.outbox import list_messages
from tests.support.drill import ANSWERS, VOICE, deployment_store
from tests.support.line_caller import LineCaller
from tests.support.servers import ServeProcess, serve_processes
from tests.support.wait import PATIENCE_MS, wait_until
from voice.recovery import SWEEP_IDLE_S

pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.postgres]

CALLER = "+2348031234567"
WORKER = "+2348051112222"
NEXT = {"who": "complaint", "complaint": "danger_signs", "danger_signs": "age", "age": "walk"}


@pytest.fixture(scope="module")
def env(postgres_url, stub_stt):
    """What every process of one deployment shares, with a health worker to offer cases to."""
    return {
        "DATABASE_URL": postgres_url, "SERVER_SECRET": secrets.token_hex(32),
        "PHI_KEY": Fernet.generate_key().decode(), "PHI_HASH_KEY": secrets.token_hex(32),
        "STT_BACKEND": "openai", "OPENAI_API_KEY": "stub-key", "OPENAI_BASE_URL": stub_stt,
        "TTS_BACKEND": "espeak-ng", "HEALTH_WORKER_NUMBERS": WORKER,
    }


@pytest_asyncio.fixture(loop_scope="module")
async def deployment(env, tmp_path):
    """`triage serve` processes on this module's database."""
    async with serve_processes(env, tmp_path) as start:
        yield start


@pytest_asyncio.fixture(loop_scope="module")
async def store(env, tmp_path):
    """Our own connection to the deployment's database, with its keys."""
    s = await deployment_store(env, tmp_path / "reader")
    yield s
    await s.close()


async def _answer(caller: LineCaller, prompt: str) -> None:
    assert caller.marks[-1] == f"prompt:{prompt}", caller.marks
    await caller.say(VOICE.synthesize(ANSWERS[prompt]))
    assert await caller.wait_for_mark(f"prompt:{NEXT[prompt]}", max_audio_ms=PATIENCE_MS), caller.marks
    await caller.settle()


async def _call_answering(base: str, prompts: tuple[str, ...]) -> LineCaller:
    caller = await LineCaller.dial(base, caller=CALLER)
    await caller.settle(heard="prompt:who")
    for prompt in prompts:
        await _answer(caller, prompt)
    return caller


async def _kill_mid_call(server: ServeProcess, caller: LineCaller) -> None:
    server.stop(signal.SIGKILL)
    await asyncio.wait_for(caller.closed.wait(), timeout=10)
    await caller.drop()


async def _age(store, call_sid: str, seconds: float) -> None:
    """Move the call's last activity back in time: the sweep's idle threshold passed while the server was down."""
    case = await store.find_case_by_call(call_sid)
    then = store.now() - timedelta(seconds=seconds)
    async with store.transaction() as s:
        await s.execute(update(Call).where(Call.call_sid == call_sid).values(updated_at=then))
        await s.execute(update(Case).where(Case.id == case.id).values(updated_at=then))


async def _settled(store, call_sid: str):
    """The dropped call's case once it is finished and both summaries are out."""
    async def finished():
        case = await store.find_case_by_call(call_sid)
        if case.call_status == "dropped" and len(await list_messages(store, case_id=case.id)) == 1:  # the caller's
            return case
        return None

    return await wait_until(finished, interval_s=0.2, what=f"the case of {call_sid} finishing")


async def _hung_up(store, call_sid: str):
    """The call's case once its process has seen the hang-up."""
    async def hung_up():
        case = await store.find_case_by_call(call_sid)
        return case if case.call_status == "hung-up" else None

    return await wait_until(hung_up, interval_s=0.2, what=f"the hang-up of {call_sid} recorded")


async def test_a_restart_finishes_the_killed_servers_call_and_leaves_a_live_call_alone(deployment, store):
    other = await deployment("other")
    killed = await deployment("killed")
    live = await _call_answering(other.base, ("who",))
    doomed = await _call_answering(killed.base, ("who", "complaint"))
    await _kill_mid_call(killed, doomed)
    await _age(store, doomed.call_sid, SWEEP_IDLE_S + 60)
    assert (await store.find_case_by_call(doomed.call_sid)).call_status == "in-progress"  # nobody owns it

    await deployment("killed")  # same data dir, same database: its start sweeps
    case = await _settled(store, doomed.call_sid)
    assert case.status == "pending"
    assert [(t.prompt_id, t.corrected_text.lower().strip(" .")) for t in case.turns] == [
        ("who", ANSWERS["who"]), ("complaint", ANSWERS["complaint"])]
    assert case.triage["complaint"].lower().strip(" .") == ANSWERS["complaint"]
    messages = await list_messages(store, case_id=case.id)
    assert [(m.kind, m.to) for m in messages] == [("caller_summary", CALLER)]  # the worker's is the offer job's
    # The module's database holds the other drills' cases too: this case has exactly one offer waiting.
    assert [k for k, p in await pending_jobs(store, "offer") if p["case_id"] == case.id] == ["offer"]

    live_case = await store.find_case_by_call(live.call_sid)
    assert (live_case.call_status, live_case.status) == ("in-progress", "created")
    assert await list_messages(store, case_id=live_case.id) == []
    await _answer(live, "complaint")  # and the live call goes on
    await live.hang_up()
    live_case = await _hung_up(store, live.call_sid)
    assert [t.prompt_id for t in live_case.turns] == ["who", "complaint"]


async def test_a_stream_reopened_on_another_process_takes_over_the_killed_servers_call(deployment, store):
    other = await deployment("other")
    killed = await deployment("killed")
    caller = await _call_answering(killed.base, ("who", "complaint"))
    await _kill_mid_call(killed, caller)

    form = urllib.parse.urlencode({"CallSid": caller.call_sid, "From": CALLER, "To": "+15005550001"}).encode()
    request = urllib.request.Request(other.base + "/voice/after-stream", data=form, method="POST")
    twiml = ET.fromstring(await asyncio.to_thread(lambda: urllib.request.urlopen(request, timeout=30).read()))
    params = {p.get("name"): p.get("value") for p in twiml.findall("./Connect/Stream/Parameter")}
    second = await LineCaller.open_stream(other.base, caller.call_sid, params)
    # The dead stream never lets go: after its wait the new one takes the call over from the stored state.
    assert await second.wait_for_mark("prompt:danger_signs", max_audio_ms=PATIENCE_MS), second.marks
    assert second.marks[0].startswith("hold:")  # the caller heard us while we waited
    await second.settle()
    await _answer(second, "danger_signs")
    await second.hang_up()
    case = await _hung_up(store, caller.call_sid)
    assert [(t.seq, t.prompt_id) for t in case.turns] == [(1, "who"), (2, "complaint"), (3, "danger_signs")]
    assert [a.detail for a in await store.audit_trail(case.id) if a.action == "stream_resumed"] == [
        "took over from a stream that never let go"]
