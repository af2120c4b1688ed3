"""The store contract voice and sms rely on, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import text

from routing import calls
from routing.crypto import PhiCipher
from routing.errors import IllegalTransition, NotFound, PhiKeyError
from routing.outbox import add_message, list_messages, update_message, update_message_by_provider_sid
from routing.store import Store

CALLER = "+2348031234567"
TRANSCRIPT = "my brother fell off the ladder and is bleeding"


async def open_with_turns(store: Store, call_sid: str = "CA100", turns: int = 2):
    ref = await store.open_call(call_sid=call_sid, caller=CALLER, stream_sid="MZ1")
    for seq in range(1, turns + 1):
        await store.record_turn(ref.case_id, seq=seq, prompt_id="complaint", raw_text=f"{TRANSCRIPT} {seq}",
                                corrected_text=f"{TRANSCRIPT} {seq}.", source="speech", stt_backend="local",
                                latency_ms=640)
    return ref


async def test_open_call_is_idempotent_on_call_sid(store):
    first = await store.open_call(call_sid="CA1", caller=CALLER)
    again = await store.open_call(call_sid="CA1", caller=CALLER)
    racing = await asyncio.gather(*(store.open_call(call_sid="CA2", caller=CALLER) for _ in range(5)))

    assert first.created and not again.created
    assert (again.case_id, again.reference) == (first.case_id, first.reference)
    assert len({r.case_id for r in racing}) == 1 and sum(r.created for r in racing) == 1
    assert first.reference.startswith("TL-") and len(first.reference) == 9
    case = await store.get_case(first.case_id)
    assert (case.status, case.channel, case.caller, case.region, case.call_sid) == (
        "created", "voice", CALLER, "NG", "CA1")


async def test_record_turn_is_idempotent_on_seq(store):
    ref = await open_with_turns(store, turns=2)
    await store.record_turn(ref.case_id, seq=2, prompt_id="complaint", raw_text="a retry", corrected_text="a retry",
                            source="speech")
    await asyncio.gather(*(store.record_turn(ref.case_id, seq=3, prompt_id="walk", raw_text="no",
                                             corrected_text="no", source="dtmf") for _ in range(4)))

    turns = (await store.get_case(ref.case_id)).turns
    assert [t.seq for t in turns] == [1, 2, 3]
    assert turns[1].raw_text == f"{TRANSCRIPT} 2" and turns[1].corrected_text == f"{TRANSCRIPT} 2."
    assert (turns[0].stt_backend, turns[0].latency_ms, turns[2].source) == ("local", 640, "dtmf")


async def test_save_triage_stores_result_and_queues_complete_case(store):
    ref = await open_with_turns(store)
    partial = {"start_category": None, "urgency": "urgent", "red_flags": [], "answers": {"walk": False}}
    await store.save_triage(ref.case_id, partial, dialogue_state={"awaiting": "breathing"})
    assert (await store.get_case(ref.case_id)).status == "created"

    result = {"start_category": "RED", "urgency": "emergency", "red_flags": ["heavy_bleeding"], "age_years": 34}
    await store.save_triage(ref.case_id, result, complete=True)
    await store.save_triage(ref.case_id, result, complete=True)  # a repeat is harmless

    case = await store.get_case(ref.case_id)
    assert (case.status, case.category, case.urgency, case.triage) == ("pending", "RED", "emergency", result)
    moves = [a.detail for a in await store.audit_trail(ref.case_id) if a.action == "status"]
    assert moves == ["created -> intake_complete", "intake_complete -> pending"]


async def test_add_message_is_idempotent_and_listed_newest_first(store):
    ref = await store.open_call(call_sid="CA1", caller=CALLER)
    first = await add_message(store, to=CALLER, body="Your reference is TL-1", kind="caller_summary",
                              case_id=ref.case_id, idempotency_key="summary:CA1:caller")
    retry = await add_message(store, to=CALLER, body="Your reference is TL-1", kind="caller_summary",
                              case_id=ref.case_id, idempotency_key="summary:CA1:caller")
    second = await add_message(store, to="whatsapp:+919876543210", body="New case", kind="worker_summary",
                               channel="whatsapp")
    await update_message(store, second[0], status="sent", provider_sid="SM123")
    assert await update_message_by_provider_sid(store, "SM123", status="delivered")
    assert not await update_message_by_provider_sid(store, "SM-unknown", status="delivered")

    assert first[1] and retry == (first[0], False) and second[1]
    listed = await list_messages(store)
    assert [m.id for m in listed] == [second[0], first[0]]
    assert (listed[0].to, listed[0].status, listed[0].provider_sid, listed[0].channel) == (
        "whatsapp:+919876543210", "delivered", "SM123", "whatsapp")
    assert [m.id for m in await list_messages(store, case_id=ref.case_id)] == [first[0]]
    with pytest.raises(NotFound):
        await update_message(store, 999, status="sent")


async def test_phi_is_encrypted_at_rest(store):
    ref = await open_with_turns(store)
    await store.save_triage(ref.case_id, {"complaint": TRANSCRIPT, "urgency": "urgent"})
    await add_message(store, to=CALLER, body=f"Summary: {TRANSCRIPT}", kind="summary", case_id=ref.case_id)

    async with store.engine.connect() as conn:
        dump = ""
        for table in ("patients", "cases", "calls", "turns", "triage_results", "messages", "audit_log"):
            rows = (await conn.execute(text(f"SELECT * FROM {table}"))).all()
            assert rows, table
            dump += repr(rows)
    assert "8031234567" not in dump and "4567" not in dump.replace(str(ref.case_id), "")
    assert "ladder" not in dump and "bleeding" not in dump
    assert "gAAAAA" in dump  # Fernet tokens are what is stored


async def test_key_rotation(database_url, hash_key):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    before = await Store.connect(database_url, PhiCipher.from_keys(old), hash_key=hash_key)
    ref = await open_with_turns(before)
    await add_message(before, to=CALLER, body="hello", kind="summary")
    await before.close()

    rotating = await Store.connect(database_url, PhiCipher.from_keys(f"{new},{old}"), hash_key=hash_key)
    assert (await rotating.get_case(ref.case_id)).turns[0].raw_text == f"{TRANSCRIPT} 1"
    assert await rotating.reencrypt() >= 7  # patient, contact, 2x2 turn texts, message to+body
    await rotating.close()

    after = await Store.connect(database_url, PhiCipher.from_keys(new), hash_key=hash_key)
    stale = await Store.connect(database_url, PhiCipher.from_keys(old), hash_key=hash_key)
    try:
        case = await after.get_case(ref.case_id)
        assert case.caller == CALLER and case.turns[1].corrected_text == f"{TRANSCRIPT} 2."
        assert (await list_messages(after))[0].body == "hello"
        assert (await after.find_case_by_call("CA100")).id == ref.case_id  # hashes do not depend on the PHI key
        with pytest.raises(PhiKeyError) as err:
            await stale.get_case(ref.case_id)
        assert err.value.code == "phi-key-unknown"
    finally:
        await after.close()
        await stale.close()


async def test_lifecycle_transitions_are_enforced_and_audited(store):
    ref = await open_with_turns(store)
    await store.save_triage(ref.case_id, {"start_category": "YELLOW", "urgency": "urgent"}, complete=True)
    for target in ("assigned", "in_progress", "resolved", "follow_up_scheduled", "pending"):
        await store.transition(ref.case_id, target, actor="worker:7", detail="test")

    with pytest.raises(IllegalTransition) as err:
        await store.transition(ref.case_id, "resolved", actor="worker:7")
    assert err.value.code == "illegal-transition"
    with pytest.raises(IllegalTransition):
        await store.transition(ref.case_id, "no-such-status", actor="worker:7")

    assert (await store.get_case(ref.case_id)).status == "pending"
    trail = [a for a in await store.audit_trail(ref.case_id) if a.action == "status"]
    assert [a.detail.split(":")[0] for a in trail][-3:] == [
        "in_progress -> resolved", "resolved -> follow_up_scheduled", "follow_up_scheduled -> pending"]
    assert trail[-1].actor == "worker:7"


async def test_case_survives_a_call_that_never_finishes(database_url, phi_cipher, hash_key):
    first = await Store.connect(database_url, phi_cipher, hash_key=hash_key)
    ref = await open_with_turns(first, call_sid="CA-drop", turns=2)
    await first.close()  # the server died mid-call: no close_call, no save_triage

    restarted = await Store.connect(database_url, phi_cipher, hash_key=hash_key)
    try:
        case = await restarted.find_case_by_call("CA-drop")
        assert (case.id, case.status, len(case.turns)) == (ref.case_id, "created", 2)

        await calls.record_call_status(restarted, "CA-drop", "completed", duration_s=47)
        await calls.record_call_status(restarted, "CA-never-streamed", "no-answer")  # tolerated
        case = await restarted.get_case(ref.case_id)
        assert (case.status, case.call_status, len(case.turns)) == ("pending", "completed", 2)
        assert "before intake finished" in (await restarted.audit_trail(ref.case_id))[-2].detail
    finally:
        await restarted.close()


async def test_close_call_after_completed_intake_keeps_status(store):
    ref = await open_with_turns(store)
    await store.save_triage(ref.case_id, {"start_category": "GREEN", "urgency": "routine"}, complete=True)
    await calls.close_call(store, "CA100", status="completed")
    await calls.close_call(store, "CA100", status="completed")
    case = await store.get_case(ref.case_id)
    assert (case.status, case.call_status) == ("pending", "completed")


async def test_find_open_text_case_by_address(store):
    address = "whatsapp:+919876543210"
    await store.open_call(call_sid="CA-voice", caller="+919876543210")
    text_case = await store.open_call(call_sid="SM1", caller=address, channel="whatsapp")
    await store.save_triage(text_case.case_id, {"urgency": "urgent"}, dialogue_state={"awaiting": "walk"})

    found = await store.find_open_text_case(address)
    assert found.id == text_case.case_id and found.dialogue_state == {"awaiting": "walk"}
    assert await store.find_open_text_case("+919876543210") is None  # the voice case is not a text conversation
    await store.save_triage(text_case.case_id, {"urgency": "urgent"}, complete=True)
    assert await store.find_open_text_case(address) is None


async def test_reads_with_an_actor_are_audited_and_the_log_is_append_only(store):
    ref = await store.open_call(call_sid="CA1", caller="anonymous")
    await store.get_case(ref.case_id, actor="worker:3")
    await store.audit(ref.case_id, actor="sms", action="summary_sent")
    assert [(a.actor, a.action) for a in await store.audit_trail(ref.case_id)] == [
        ("system", "created"), ("worker:3", "read"), ("sms", "summary_sent")]
    assert (await store.get_case(ref.case_id)).region is None  # an unparseable number still gets a case

    for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(Exception, match="append-only"):
            async with store.engine.begin() as conn:
                await conn.execute(text(statement))
    with pytest.raises(NotFound) as err:
        await store.get_case(12345)
    assert err.value.code == "case-not-found"
    assert await store.ping()
