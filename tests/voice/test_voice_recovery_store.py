"""Who finishes a call's case after its stream drops, on SQLite and PostgreSQL: the old stream, a reopened
stream, the grace's end or the orphan sweep -- exactly one of them, whatever the order."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import timedelta

from intake.dialogue import Dialogue
from intake.models import TriageResult
from routing import calls
from routing.outbox import list_messages
from routing.store import Store
from sms.notify import send_case_summaries
from sms.sender import build_sender
from tests.support.store import FakeClock
from voice.events import CallEvents
from voice.recovery import SWEEP_IDLE_S, Recovery, open_question

CALLER = "+2348031234567"
MAX = 2


async def _clocked(database_url, phi_cipher, hash_key, clock) -> Store:
    return await Store.connect(database_url, phi_cipher, hash_key=hash_key, clock=clock)


async def _call_with_answers(store: Store, call_sid: str, answers: list[str], stream_sid: str = "MZ1") -> int:
    """A live call whose caller answered `answers`, with turns and dialogue state stored as a session does."""
    ref = await store.open_call(call_sid=call_sid, caller=CALLER, region="NG", stream_sid=stream_sid)
    dialogue = Dialogue(channel="voice", region="NG")
    dialogue.start()
    for seq, text in enumerate(answers, start=1):
        prompt = dialogue.awaiting
        dialogue.answer(text)
        await store.record_turn(ref.case_id, seq=seq, prompt_id=prompt, raw_text=text, corrected_text=text,
                                source="speech")
        await store.save_triage(ref.case_id, dialogue.result.to_dict(), dialogue_state=dialogue.to_state())
    return ref.case_id


async def test_a_dropped_stream_is_resumed_once_and_the_old_stream_cannot_finish_it(store):
    await _call_with_answers(store, "CAdrop", ["my brother"])
    # the after-stream may come before the old stream settles
    assert await calls.offer_resume(store, "CAdrop", max_resumes=MAX)
    assert await calls.resume_call(store, "CAdrop", stream_sid="MZ2") == "busy"  # the old stream has not let go
    assert await calls.suspend_call(store, "CAdrop", stream_sid="MZ1", max_resumes=MAX) == "reconnecting"
    assert (await store.find_case_by_call("CAdrop")).call_status == "reconnecting"

    racing = await asyncio.gather(calls.resume_call(store, "CAdrop", stream_sid="MZ2"),
                                  calls.claim_unfinished_call(store, "CAdrop", stream_sid="MZ1"))
    assert racing in (["resumed", False], ["ended", True])  # the new stream or the grace's end, never both
    if racing[0] == "resumed":
        assert await calls.resume_call(store, "CAdrop", stream_sid="MZ2") == "resumed"  # a retry of its own claim
        assert await calls.suspend_call(store, "CAdrop", stream_sid="MZ1", max_resumes=MAX) == "superseded"
        assert not await calls.claim_unfinished_call(store, "CAdrop", stream_sid="MZ1")
        case = await store.find_case_by_call("CAdrop")
        assert (case.call_status, case.status) == ("in-progress", "created")


async def test_a_stream_no_after_stream_offered_never_takes_a_call(store):
    await _call_with_answers(store, "CAlive", ["my brother"])
    assert await calls.resume_call(store, "CAlive", stream_sid="MZforged", take_over=True) == "ended"
    assert await calls.suspend_call(store, "CAlive", stream_sid="MZ1", max_resumes=MAX) == "reconnecting"
    assert await calls.resume_call(store, "CAlive", stream_sid="MZforged") == "ended"
    # the dropped stream's case still finishes
    assert await calls.claim_unfinished_call(store, "CAlive", stream_sid="MZ1")


async def test_resumes_are_bounded_per_call(store):
    await _call_with_answers(store, "CAbound", ["my brother"])
    stream = "MZ1"
    for n in range(2, 2 + MAX):
        assert await calls.suspend_call(store, "CAbound", stream_sid=stream, max_resumes=MAX) == "reconnecting"
        assert await calls.offer_resume(store, "CAbound", max_resumes=MAX)
        stream = f"MZ{n}"
        assert await calls.resume_call(store, "CAbound", stream_sid=stream) == "resumed"
    assert not await calls.offer_resume(store, "CAbound", max_resumes=MAX)
    assert await calls.suspend_call(store, "CAbound", stream_sid=stream, max_resumes=MAX) == "final"


async def test_a_call_that_ended_is_never_resumed(store):
    await _call_with_answers(store, "CAgone", ["my brother"])
    assert await calls.suspend_call(store, "CAgone", stream_sid="MZ1", max_resumes=MAX) == "reconnecting"
    await calls.record_call_status(store, "CAgone", "in-progress")  # Twilio's progress event: the call is still up
    assert (await store.find_case_by_call("CAgone")).call_status == "reconnecting"
    assert await calls.offer_resume(store, "CAgone", max_resumes=MAX)
    await calls.record_call_status(store, "CAgone", "completed", duration_s=40)  # the caller hung up in the grace
    assert not await calls.offer_resume(store, "CAgone", max_resumes=MAX)
    assert await calls.resume_call(store, "CAgone", stream_sid="MZ2") == "ended"
    assert await calls.claim_unfinished_call(store, "CAgone", stream_sid="MZ1")  # its case is still finished, once
    assert not await calls.claim_unfinished_call(store, "CAgone", stream_sid="MZ1")


async def test_only_calls_idle_past_the_threshold_are_unfinished_and_each_is_claimed_once(
        database_url, phi_cipher, hash_key):
    clock = FakeClock()
    first, second = [await _clocked(database_url, phi_cipher, hash_key, clock) for _ in range(2)]
    try:
        await _call_with_answers(first, "CAorphan", ["my brother"])
        await _call_with_answers(first, "CAlive", ["my sister"], stream_sid="MZlive")
        done = await first.open_call(call_sid="CAdone", caller=CALLER, stream_sid="MZdone")
        await first.save_triage(done.case_id, {"start_category": "GREEN"}, complete=True)
        clock.advance(seconds=SWEEP_IDLE_S - 10)
        await calls.touch_call(first, "CAlive", stream_sid="MZlive")  # the live session's heartbeat
        clock.advance(seconds=20)
        cutoff = clock.now - timedelta(seconds=SWEEP_IDLE_S)
        assert await calls.unfinished_calls(first, idle_before=cutoff, limit=10) == ["CAorphan"]

        claims = await asyncio.gather(calls.claim_unfinished_call(first, "CAorphan", idle_before=cutoff),
                                      calls.claim_unfinished_call(second, "CAorphan", idle_before=cutoff))
        assert sorted(claims) == [False, True]
        assert not await calls.claim_unfinished_call(first, "CAlive", idle_before=cutoff)
        assert await calls.unfinished_calls(first, idle_before=cutoff, limit=10) == []  # the claim is a fresh lease
    finally:
        await first.close()
        await second.close()


@dataclass
class _Process:
    """The part of Services the sweep uses, with rule-based intake and the database outbox."""

    store: Store
    events: CallEvents = field(default_factory=CallEvents)

    async def final_triage(self, dialogue: Dialogue) -> TriageResult:
        return dialogue.result

    async def notify_case(self, case_id: int) -> None:
        await send_case_summaries(self.store, build_sender(self.store, account_sid="", auth_token=None, from_number=""), case_id,
                                  public_base_url="", secret=b"s" * 32)


async def test_two_processes_sweeping_at_once_finish_each_orphan_once(database_url, phi_cipher, hash_key):
    clock = FakeClock()
    stores = [await _clocked(database_url, phi_cipher, hash_key, clock) for _ in range(2)]
    try:
        orphans = {f"CAorphan{n}": await _call_with_answers(stores[0], f"CAorphan{n}", answers)
                   for n, answers in enumerate([[], ["my brother"], ["my brother", "he fell and cannot walk"]])}
        clock.advance(seconds=SWEEP_IDLE_S + 1)
        live = await _call_with_answers(stores[0], "CAlive", ["my sister"], stream_sid="MZlive")
        sweeps = [Recovery(_Process(s)) for s in stores]  # type: ignore[arg-type]
        taken = await asyncio.gather(*(r.sweep() for r in sweeps))
        assert sum(taken) == len(orphans)
        assert sum([await r.sweep() for r in sweeps]) == 0  # finished cases are never swept again

        for call_sid, case_id in orphans.items():
            case = await stores[0].get_case(case_id)
            assert (case.call_status, case.status) == ("dropped", "pending"), call_sid
            kinds = sorted(m.kind for m in await list_messages(stores[0], case_id=case_id))
            assert kinds == ["caller_summary"], call_sid
        third = await stores[0].find_case_by_call("CAorphan2")
        assert [t.prompt_id for t in third.turns] == ["who", "complaint"] and third.triage["complaint"]
        live_case = await stores[0].get_case(live)
        assert (live_case.call_status, live_case.status) == ("in-progress", "created")
        assert await list_messages(stores[0], case_id=live) == []
    finally:
        for s in stores:
            await s.close()


async def test_an_orphaned_call_with_no_usable_answer_is_finished_as_no_answer_not_black(
        database_url, phi_cipher, hash_key):
    """Silence is not death: a caller who only stayed silent (or said "hello?") before the line went is an
    urgent "no answer" case with a call back, never BLACK; one who answered something keeps their triage."""
    clock = FakeClock()
    store = await _clocked(database_url, phi_cipher, hash_key, clock)
    try:
        silent = await _call_with_answers(store, "CAsilent", [])
        ref = await store.open_call(call_sid="CAhello", caller=CALLER, region="NG", stream_sid="MZ1")
        dialogue = Dialogue(channel="voice", region="NG")
        dialogue.start()
        dialogue.no_answer()
        dialogue.answer("Hello? Can you hear me?")
        await store.save_triage(ref.case_id, dialogue.result.to_dict(), dialogue_state=dialogue.to_state())
        answered = await _call_with_answers(store, "CAanswered", ["my brother"])
        clock.advance(seconds=SWEEP_IDLE_S + 1)
        assert await Recovery(_Process(store)).sweep() == 3  # type: ignore[arg-type]

        for case_id in (silent, ref.case_id):
            case = await store.get_case(case_id)
            assert (case.status, case.category, case.urgency) == ("pending", None, "urgent")
            assert case.triage["outcome"] == "no_answer" and "call back" in case.triage["summary"]
            assert [m.kind for m in await list_messages(store, case_id=case_id)] == ["caller_summary"]
        case = await store.get_case(answered)
        assert case.triage.get("outcome") is None and case.triage["who"] == "other"
    finally:
        await store.close()


def test_the_open_question_is_asked_again_without_moving_the_dialogue():
    dialogue = Dialogue(channel="voice", region="NG")
    dialogue.start()
    dialogue.answer("my brother")
    before = dialogue.to_state()
    reply = open_question(Dialogue.from_state(before))
    assert reply.awaiting == "complaint" and not reply.finished
    assert [s.prompt_id for s in reply.segments] == ["complaint"]
    assert Dialogue.from_state(before).to_state() == before


def test_the_breath_count_is_asked_again_with_its_timed_pause():
    dialogue = Dialogue(channel="voice", region="NG")
    dialogue.start()
    for text in ["my brother", "he has a high fever and he is very weak", "no", "thirty", "no", "yes, he is breathing"]:
        dialogue.answer(text)
    reply = open_question(dialogue)
    assert reply.awaiting == "resp_count"
    assert [type(s).__name__ for s in reply.segments] == ["Speech", "Pause", "Speech"]
    assert dialogue.awaiting == "resp_count" and dialogue.to_state()["attempts"] == 0
