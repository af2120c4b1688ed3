"""A triage over text: each patient SMS/WhatsApp message is one dialogue turn, the dialogue's state lives in the case."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from intake.dialogue import Dialogue
from intake.emergency import emergency_number_for, region_of
from routing.privacy import mask_phone

from .inbound import InboundMessage
from .sender import channel_of

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class TextTurn:
    """The reply to one patient text, and whether it finished the triage."""

    reply: str
    case_id: int | None = None
    finished: bool = False  # True only on the turn that finished it: the summaries go out once


def help_text(address: str) -> str:
    """What this number does, with the caller's own emergency number."""
    number = emergency_number_for(address).number
    return (f"Triageline: text us what is happening to start a triage. Emergency: call {number} now. "
            "Reply STOP to opt out. This is not a doctor and not medical advice.")


def fallback_text(address: str) -> str:
    """Said when our own side failed: the patient must never be left with nothing."""
    number = emergency_number_for(address).number
    return (f"Sorry, we could not process your message. If this is an emergency call {number} now. "
            "Otherwise please text again in a few minutes.")


async def handle_patient_text(store, msg: InboundMessage) -> TextTurn:
    """Start or continue this address's text triage with `msg`; a retried webhook gets the same reply again."""
    case = await store.find_open_text_case(msg.sender)
    if case is None:
        return await _start(store, msg)
    state = case.dialogue_state or {}
    if state.get("last_sid") == msg.sid:
        return TextTurn(state.get("last_reply", ""), case.id)
    dialogue = Dialogue.from_state(state["dialogue"]) if "dialogue" in state else Dialogue(channel="text", region=case.region)
    seq = int(state.get("seq", 0)) + 1
    await store.record_turn(case.id, seq=seq, prompt_id=dialogue.awaiting, raw_text=msg.body,
                            corrected_text=msg.body, source="text")
    reply = dialogue.answer(msg.body).text
    return await _save(store, case.id, dialogue, seq, msg.sid, reply)


async def _start(store, msg: InboundMessage) -> TextTurn:
    """A first text opens a case at once, so a conversation that stops here is still on record."""
    if not msg.has_words:
        return TextTurn(help_text(msg.sender))
    region = region_of(msg.sender)  # the region every emergency number in this conversation comes from
    ref = await store.open_call(call_sid=msg.sid, caller=msg.sender, channel=channel_of(msg.sender), region=region)
    if not ref.created:  # Twilio retried the first message
        case = await store.get_case(ref.case_id)
        return TextTurn((case.dialogue_state or {}).get("last_reply") or help_text(msg.sender), ref.case_id)
    logger.info("text triage %s opened for %s", ref.reference, mask_phone(msg.sender))
    await store.record_turn(ref.case_id, seq=1, prompt_id=None, raw_text=msg.body, corrected_text=msg.body,
                            source="text")
    # The opening text counts: the dialogue says its disclaimer, then screens it for red flags at once.
    dialogue = Dialogue(channel="text", region=region)
    reply = dialogue.answer(msg.body).text
    return await _save(store, ref.case_id, dialogue, 1, msg.sid, reply)


async def _save(store, case_id: int, dialogue: Dialogue, seq: int, sid: str, reply: str) -> TextTurn:
    """Persist the decision and the resumable state, with the reply so a retried webhook can be answered again."""
    state = {"dialogue": dialogue.to_state(), "seq": seq, "last_sid": sid, "last_reply": reply}
    await store.save_triage(case_id, dialogue.result.to_dict(), dialogue_state=state, complete=dialogue.finished)
    return TextTurn(reply, case_id, dialogue.finished)
