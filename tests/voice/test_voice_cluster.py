"""PostgreSQL drills: two `triage serve` processes acting as one service, a server killed mid-call, a database outage."""

from __future__ import annotations

import asyncio
import secrets
import signal
import time

import pytest
import pytest_asyncio
from cryptography.fernet import Fernet

from routing.outbox import list_messages
from tests.support.drill import ANSWERS, SCENARIO, VOICE, answered_prompts, deployment_store
from tests.support.line_caller import LineCaller
from tests.support.proxy import proxy_in_front_of
from tests.support.servers import serve_processes
from tests.support.settings import settings_for
from tests.support.wait import PATIENCE_MS, WHOLE_CALL_S, wait_until
from voice.harness.callrun import call_ended, serve_in_process
from voice.harness.simulator import default_voice, simulate_call

pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.postgres]


@pytest.fixture(scope="module")
def shared_env(postgres_url, stub_stt):
    """What every process of one deployment shares: database, secrets, PHI keys, upstreams."""
    return {
        "DATABASE_URL": postgres_url,
        "SERVER_SECRET": secrets.token_hex(32),
        "PHI_KEY": Fernet.generate_key().decode(),
        "PHI_HASH_KEY": secrets.token_hex(32),
        "STT_BACKEND": "openai",
        "OPENAI_API_KEY": "stub-key",
        "OPENAI_BASE_URL": stub_stt,
        "TTS_BACKEND": "espeak-ng",
    }


@pytest_asyncio.fixture(loop_scope="module")
async def deployment(shared_env, tmp_path):
    """`triage serve` processes sharing this module's database."""
    async with serve_processes(shared_env, tmp_path) as start:
        yield start


@pytest_asyncio.fixture(loop_scope="module")
async def store(shared_env, tmp_path):
    """Our own connection to the deployment's database, with its keys."""
    s = await deployment_store(shared_env, tmp_path / "reader")
    yield s
    await s.close()


async def _settled(store, call_sid: str):
    """The call's case once the serving process has finished it."""
    async def finished():
        case = await store.find_case_by_call(call_sid)
        return case if case is not None and case.status != "created" else None

    return await wait_until(finished, interval_s=0.2, what=f"the case of {call_sid} settling")


async def _caller_texts(store, case_id: int) -> list:
    return [m for m in await list_messages(store, case_id=case_id) if m.to == SCENARIO["caller"]]


async def test_webhook_on_one_process_and_stream_on_the_other_is_one_call(deployment, store):
    first = await deployment("a")
    second = await deployment("b")  # started after the first: one of them ran the migrations
    trace = await asyncio.wait_for(
        simulate_call(SCENARIO, first.base, default_voice("slt"), speed=8.0, stream_base=second.base), timeout=WHOLE_CALL_S)
    assert trace.closed_by_server
    case = await _settled(store, trace.call_sid)
    assert (case.triage["start_category"], case.triage["urgency"]) == ("RED", "emergency")
    assert [t.prompt_id for t in case.turns] == answered_prompts(trace)
    # The summaries are written just after the case is queued: wait for the caller's, then make sure it is alone.
    await wait_until(lambda: _caller_texts(store, case.id), interval_s=0.2, what="the caller's text")
    await asyncio.sleep(1.0)
    assert len(await _caller_texts(store, case.id)) == 1


async def test_a_server_killed_mid_call_leaves_the_completed_turns_in_the_database(deployment, store):
    server = await deployment("killed")
    caller = await LineCaller.dial(server.base)
    await caller.settle(heard="prompt:who")
    for prompt, following in (("who", "complaint"), ("complaint", "danger_signs")):
        assert caller.marks[-1] == f"prompt:{prompt}"
        await caller.say(VOICE.synthesize(ANSWERS[prompt]))
        assert await caller.wait_for_mark(f"prompt:{following}", max_audio_ms=PATIENCE_MS)
        await caller.settle()
    server.stop(signal.SIGKILL)
    await asyncio.wait_for(caller.closed.wait(), timeout=10)
    await caller.drop()

    restarted = await deployment("killed")  # same data dir, same database
    case = await store.find_case_by_call(caller.call_sid)
    assert [(t.prompt_id, t.corrected_text.lower().strip(" .")) for t in case.turns] == [
        ("who", "my brother"), ("complaint", ANSWERS["complaint"])]
    assert case.triage["complaint"].lower().strip(" .") == ANSWERS["complaint"]  # the triage so far, too
    # and the restarted process takes calls again
    trace = await asyncio.wait_for(simulate_call(SCENARIO, restarted.base, default_voice("slt"), speed=8.0,
                                                 max_turns=1), timeout=WHOLE_CALL_S)
    assert (await _settled(store, trace.call_sid)).turns


OUTAGE_S = 9.0  # longer than the store's own retries (~3 s): the call itself must hold the turn until the database is back


async def test_a_database_outage_mid_call_loses_no_turn(postgres_url, tmp_path, stub_stt, caplog):
    proxy, through_proxy = await proxy_in_front_of(postgres_url)
    settings = settings_for(tmp_path, tts_backend="espeak-ng", stt_backend="openai", openai_api_key="stub-key",
                            openai_base_url=stub_stt, database_url=through_proxy)
    try:
        async with serve_in_process(settings) as (base, services):
            caller = await LineCaller.dial(base)
            await caller.settle(heard="prompt:who")
            await caller.say(VOICE.synthesize(ANSWERS["who"]))
            assert await caller.wait_for_mark("prompt:complaint", max_audio_ms=PATIENCE_MS)
            await caller.settle()
            await proxy.stop()
            down_at = time.monotonic()
            await caller.say(VOICE.synthesize(ANSWERS["complaint"]))
            # the caller is not kept waiting
            assert await caller.wait_for_mark("prompt:danger_signs", max_audio_ms=PATIENCE_MS)
            await caller.settle()
            await asyncio.sleep(max(0.0, OUTAGE_S - (time.monotonic() - down_at)))
            await proxy.start()
            await caller.say(VOICE.synthesize(ANSWERS["danger_signs"]))
            assert await caller.wait_for_mark("prompt:age", max_audio_ms=PATIENCE_MS)
            await caller.hang_up()
            await asyncio.wait_for(call_ended(services, caller.call_sid).wait(), timeout=60)
            case = await services.store.find_case_by_call(caller.call_sid)
    finally:
        await proxy.close()
    assert "could not store turn 2" in caplog.text  # the store gave up once; the call kept the turn
    assert [t.prompt_id for t in case.turns] == ["who", "complaint", "danger_signs"]
    assert case.status == "pending"
