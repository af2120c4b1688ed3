"""A triage over text: each patient SMS/WhatsApp message is one dialogue turn, the dialogue's state lives in the case."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from intake.catalogue import SOURCE_LANGUAGE, catalogue
from intake.coding import coded_triage
from intake.dialogue import Dialogue
from intake.emergency import emergency_number_for, region_of
from routing.privacy import mask_phone

from .inbound import InboundMessage
from .sender import channel_of

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class TextReply:
    """The reply to one patient text, and whether it finished the triage."""

    reply: str
    case_id: int | None = None
    finished: bool = False  # True only on the turn that finished it: the summaries go out once


@dataclass(frozen=True)
class TextState:
    """What a text conversation keeps in its case between messages: the dialogue, the turn count, and the last
    message answered with its reply (Twilio retries a webhook; the retry gets the same reply, not a new turn)."""

    dialogue: dict | None = None  # Dialogue.to_state(); None before the first answer was saved
    seq: int = 0
    last_sid: str = ""
    last_reply: str = ""

    @classmethod
    def of(cls, stored: dict | None) -> "TextState":
        """The state as stored in the case (absent keys take their defaults)."""
        stored = stored or {}
        return cls(stored.get("dialogue"), int(stored.get("seq", 0)), stored.get("last_sid", ""),
                   stored.get("last_reply", ""))

    def to_dict(self) -> dict:
        return {"dialogue": self.dialogue, "seq": self.seq, "last_sid": self.last_sid, "last_reply": self.last_reply}


def help_text(address: str, language: str = SOURCE_LANGUAGE) -> str:
    """What this number does, with the caller's own emergency number."""
    return catalogue(language).say("sms.help", number=emergency_number_for(address).number)


def fallback_text(address: str, language: str = SOURCE_LANGUAGE) -> str:
    """Said when our own side failed: the patient must never be left with nothing."""
    return catalogue(language).say("sms.fallback", number=emergency_number_for(address).number)


async def handle_patient_text(store, msg: InboundMessage, *, choose_language: bool = False) -> TextReply:
    """Start or continue this address's text triage with `msg`; a retried webhook gets the same reply again.

    `choose_language`: the triage speaks the first text's language (intake/language.py), else English.
    """
    case = await store.find_open_text_case(msg.sender)
    if case is None:
        return await _start(store, msg, choose_language=choose_language)
    state = TextState.of(case.dialogue_state)
    if state.last_sid == msg.sid:
        return TextReply(state.last_reply, case.id)
    dialogue = Dialogue.from_state(state.dialogue) if state.dialogue else Dialogue(channel="text", region=case.region)
    seq = state.seq + 1
    await store.record_turn(case.id, seq=seq, prompt_id=dialogue.awaiting, raw_text=msg.body,
                            corrected_text=msg.body, source="text")
    reply = dialogue.answer(msg.body).text
    return await _save(store, case.id, dialogue, seq, msg.sid, reply)


async def _start(store, msg: InboundMessage, *, choose_language: bool) -> TextReply:
    """A first text opens a case at once, so a conversation that stops here is still on record."""
    if not msg.has_words:
        return TextReply(help_text(msg.sender))
    region = region_of(msg.sender)  # the region every emergency number in this conversation comes from
    ref = await store.open_call(call_sid=msg.sid, caller=msg.sender, channel=channel_of(msg.sender), region=region)
    if not ref.created:  # Twilio retried the first message
        case = await store.get_case(ref.case_id)
        return TextReply(TextState.of(case.dialogue_state).last_reply or help_text(msg.sender), ref.case_id)
    logger.info("text triage %s opened for %s", ref.reference, mask_phone(msg.sender))
    await store.record_turn(ref.case_id, seq=1, prompt_id=None, raw_text=msg.body, corrected_text=msg.body,
                            source="text")
    # The opening text counts: the dialogue says its disclaimer, then screens it for red flags at once.
    dialogue = Dialogue(channel="text", region=region, choose_language=choose_language)
    reply = dialogue.answer(msg.body).text
    return await _save(store, ref.case_id, dialogue, 1, msg.sid, reply)


async def _save(store, case_id: int, dialogue: Dialogue, seq: int, sid: str, reply: str) -> TextReply:
    """Persist the decision and the resumable state, with the reply so a retried webhook can be answered again."""
    state = TextState(dialogue.to_state(), seq, sid, reply)
    result = coded_triage(dialogue.result) if dialogue.finished else dialogue.result.to_dict()  # + ICD-11 when done
    await store.save_triage(case_id, result, dialogue_state=state.to_dict(), complete=dialogue.finished)
    return TextReply(reply, case_id, dialogue.finished)
