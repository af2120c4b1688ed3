"""A heard turn becomes the dialogue's reply: its words (speech, keypad or silence), then the dialogue's answer.

An answer that may describe a sign also gets Claude's in-call red-flag check. Each stage is timed for the
turn's figures, and announced (`stt-*`, `dialogue-*` events) to whoever watches the call.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Callable

from intake.dialogue import Dialogue
from intake.models import Reply

from voice.case_writer import KeptTurn
from voice.events import CallEventType
from voice.listening import HeardTurn
from voice.recovery import open_question
from voice.transcribing import Transcription

if TYPE_CHECKING:
    from voice.services import Services

FAILED_TURN_SOURCE = "failed"  # a turn heard that the dialogue never took (the question was asked again)
# A turn this short ("yes", "no", "seven") cannot describe a red flag: no in-call check by Claude for it.
FLAG_CHECK_MIN_WORDS = 3

Emit = Callable[..., None]


async def answer_turn(services: "Services", transcription: Transcription, dialogue: Dialogue, turn: HeardTurn,
                      kept: KeptTurn, *, call_sid: str, emit: Emit) -> Reply:
    """The dialogue's reply to one turn; `kept` is filled in as the turn is heard."""
    stages = kept.stages_ms
    t0 = time.perf_counter()
    if turn.kind == "speech":
        if turn.continues and dialogue.take_back():
            # The caller went on after words we took as a whole answer: this turn, both parts, answers instead.
            kept.prompt_id = dialogue.awaiting
        stages["endpointing"] = (turn.decided_wall - turn.speech_end_wall) * 1000
        stages["queued"] = (t0 - turn.decided_wall) * 1000  # waiting for this call's previous turn
        emit(CallEventType.STT_START)
        raw, backend = await transcription.text(turn.audio, call_sid=call_sid)
        emit(CallEventType.STT_END, backend=backend)
        kept.raw_text, kept.source = raw, f"speech:{backend}"
        t1 = time.perf_counter()
        kept.corrected_text = services.correct(raw) if raw else ""
        t2 = time.perf_counter()
        stages["stt"], stages["correction"] = (t1 - t0) * 1000, (t2 - t1) * 1000
        emit(CallEventType.DIALOGUE_START, prompt_id=kept.prompt_id)
        reply = dialogue.answer(kept.corrected_text)
        if not reply.finished and _may_describe_a_sign(kept):
            # Claude may find a red flag the rules missed (never remove one); at most its deadline.
            t3 = time.perf_counter()
            flags = await services.red_flags_from_llm(dialogue.transcript)
            stages["llm_flags"] = (time.perf_counter() - t3) * 1000
            reply = dialogue.add_red_flags(flags, answered=kept.prompt_id) or reply
    elif turn.kind == "dtmf":
        kept.raw_text = kept.corrected_text = turn.digits
        t2 = time.perf_counter()
        emit(CallEventType.DIALOGUE_START, prompt_id=kept.prompt_id)
        reply = dialogue.keypad(turn.digits)
    else:
        t2 = time.perf_counter()
        emit(CallEventType.DIALOGUE_START, prompt_id=kept.prompt_id)
        reply = dialogue.no_answer()
    stages["dialogue"] = (time.perf_counter() - t2) * 1000 - stages.get("llm_flags", 0.0)
    emit(CallEventType.DIALOGUE_END, awaiting=reply.awaiting)
    return reply


def said_again(dialogue: Dialogue, failed: Reply | None = None) -> Reply:
    """After a failed turn, what the caller may not have heard, without counting it as an answer.

    The open question (in other words), whether or not the failed turn moved the dialogue on; once the
    dialogue is over, its final words again (they carry the emergency number).
    """
    if dialogue.finished:
        return failed if failed is not None and failed.finished else dialogue.answer("")
    return open_question(dialogue)


def _may_describe_a_sign(kept: KeptTurn) -> bool:
    """Whether a heard turn is worth Claude's red-flag check: the complaint, or an answer of a few words."""
    return bool(kept.corrected_text) and (
        kept.prompt_id == "complaint" or len(kept.corrected_text.split()) >= FLAG_CHECK_MIN_WORDS
    )
