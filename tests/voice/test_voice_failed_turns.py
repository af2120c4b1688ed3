"""A turn whose reply cannot be sent: the caller hears the open question (or the final words) again,
the dialogue counts no answer the caller never gave, and what the caller said is stored.

Real server parts (store, dialogue, TTS); the only fault is the websocket's send failing once mid-reply.
"""

from __future__ import annotations

import asyncio
import json
import uuid

import pytest

from voice.call import CallSession
from voice.protocol import Dtmf, Mark, Start

pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.slow]

CALLER = "+2348031234567"
TURN_DEADLINE_S = 30.0
# Keypad answers from the first question to the last (see intake/dialogue.py): who=1 (the caller), complaint
# twice unclear, no danger sign (2), age 9, walks (GREEN), then the short intake left unanswered until the photo offer.
TO_PHOTO = ["1", "9", "9", "2", "9", "1", "9", "9", "9", "9", "9", "9", "9"]


class FlakySend:
    """The websocket's send as the session sees it; once armed, the next audio frame fails to go out."""

    def __init__(self) -> None:
        self.sent: list[dict] = []
        self.armed = False
        self.failures = 0

    async def __call__(self, message: str) -> None:
        msg = json.loads(message)
        if self.armed and msg["event"] == "media":
            self.armed, self.failures = False, self.failures + 1
            raise ConnectionResetError("send failed")
        self.sent.append(msg)

    def marks(self) -> list[str]:
        return [m["mark"]["name"] for m in self.sent if m["event"] == "mark"]


async def _call(services) -> tuple[CallSession, FlakySend]:
    send = FlakySend()
    session = CallSession(services, send)
    stream_sid = "MZ" + uuid.uuid4().hex
    await session.on_start(Start(stream_sid, "CA" + uuid.uuid4().hex, {}), CALLER)
    assert send.marks()[-1] == "prompt:who"
    return session, send


async def _press(session: CallSession, digit: str) -> None:
    """One keypad answer ended with '#' (numbers wait for it), and wait until its turn has been answered."""
    before = len(session.kept)
    for key in (digit, "#"):
        session.on_dtmf(Dtmf(session.stream_sid, key))
    async with asyncio.timeout(TURN_DEADLINE_S):
        while len(session.kept) == before:
            await asyncio.sleep(0.02)


async def test_a_reply_that_fails_to_send_asks_the_open_question_again_and_keeps_the_answer(server):
    _, services = server
    session, send = await _call(services)
    send.armed = True
    await _press(session, "1")  # "who": the caller is the patient; the reply (the complaint question) fails

    assert send.failures == 1
    assert send.marks()[-1] == "prompt:complaint"  # the question the dialogue has open, asked again
    state = session.dialogue.to_state()
    assert (state["step"], state["attempts"], state["turns"]) == ("complaint", 0, 1)  # no empty answer counted
    assert session.dialogue.transcript == [("who", "[keypad 1]")]
    (record,) = session.kept
    assert (record.prompt_id, record.raw_text, record.source, record.latency_ms) == ("who", "1", "dtmf", None)

    await session.finish(hung_up=True)
    case = await services.store.find_case_by_call(session.call_sid)
    assert [(t.seq, t.prompt_id, t.source, t.corrected_text) for t in case.turns] == [(1, "who", "dtmf", "1")]


async def test_final_words_that_fail_to_send_are_said_again_and_the_stream_can_close(server):
    _, services = server
    session, send = await _call(services)
    for digit in TO_PHOTO:
        await _press(session, digit)
    assert send.marks()[-1] == "prompt:photo"
    send.armed = True
    await _press(session, "2")  # no photo: the closing words, with the number to call, fail to go out

    assert send.failures == 1 and session.dialogue.finished
    asked = max(i for i, m in enumerate(send.sent) if m["event"] == "mark" and m["mark"]["name"] == "prompt:photo")
    after = [m["event"] if m["event"] == "media" else m["mark"]["name"] for m in send.sent[asked + 1:]]
    assert after[-1] == "prompt:closing" and set(after[:-1]) == {"media"}  # said again, audio then its mark
    session.on_mark(Mark(session.stream_sid, send.marks()[-1]))  # Twilio played it all
    assert session.done.is_set()  # so the stream closes instead of holding a silent line

    await session.finish(hung_up=False)
    case = await services.store.find_case_by_call(session.call_sid)
    assert len(case.turns) == len(TO_PHOTO) + 1
    assert (case.turns[-1].prompt_id, case.turns[-1].corrected_text) == ("photo", "2")
    assert case.triage["start_category"] == "GREEN" and case.call_status == "completed"
