"""Texts that belong to the queue: health workers' commands (ACCEPT, DONE, PASS, NEXT, STATUS) and follow-up answers.

Workers type on small keypads in a hurry, so commands are read leniently ("accept tl-7k3qx9.", "Done TL 7K3QX9
gave advice") and answered in one short segment. A worker may only act on a case offered to or accepted by
them (routing's queue enforces it); every command is in the audit log.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass
from typing import Callable

from intake.emergency import emergency_number_for
from intake.red_flags import find_red_flags
from routing.errors import IllegalTransition, RoutingError
from routing.models import MessageKind
from routing.privacy import mask_phone
from routing.queue import (QueueError, accept, case_id_for_reference, claim_next, follow_up_case, pass_case,
                           record_follow_up_reply, resolve, worker_status)
from routing.workers import WorkerView, find_worker

from .inbound import InboundMessage
from .links import case_url
from .sender import MessageSender

logger = logging.getLogger(__name__)

COMMAND = re.compile(r"^\W*(?P<verb>accept|done|pass|next|status)\b\W*(?:tl\W*)?(?P<ref>[a-z0-9]{6}\b)?\W*(?P<note>.*?)\W*$",
                     re.IGNORECASE | re.DOTALL)
FOLLOW_UP = re.compile(r"^\W*(?:(?P<digit>[123])\b|(?P<word>better|same|the same|worse)\W*$)", re.IGNORECASE)
FOLLOW_UP_WORDS = {"better": "1", "same": "2", "the same": "2", "worse": "3"}
NEEDS_REFERENCE = frozenset({"ACCEPT", "DONE", "PASS"})

NOT_A_WORKER = "Triageline: this number is not registered as a health worker."
NO_REFERENCE = "Please add the case reference, e.g. {verb} TL-7K3QX9."
NOT_YOURS = {
    "ACCEPT": "{ref} is not offered to you (taken, passed or timed out). Text NEXT for a case.",
    "DONE": "{ref} is not a case you accepted.",
    "PASS": "{ref} is not offered to or accepted by you.",
}
TAKEN = "{ref} is yours: {category}, {urgency}. {link}Reply DONE {ref} when finished."
LINK_FOLLOWS = "Case page link sent in a separate text. "
# The case page (caller's number, transcript) is sent to the worker's registered number only, never in the
# webhook's answer: whoever made that request reads the answer, and it need not be the worker's phone.
CASE_LINK = "{ref} case page, for you only: {url}"
CASE_LINK_SEND_WITHIN_S = 5.0  # Twilio waits 15 s for the webhook's answer; this send is part of it
PASSED = "{ref} goes back to the queue. Thank you."
RESOLVED = "{ref} resolved. The patient will get follow-up texts. Thank you."
NOTHING_WAITING = "No case is waiting for you now."
FOLLOW_UP_REPLIES = {
    "better": "Thank you, glad to hear it. If anything changes, text us. Emergency: call {number}.",
    "same": "Thank you. If it gets worse, reply 3. Emergency: call {number}.",
    "worse": "Thank you. A health worker will contact you again soon. Any danger sign: call {number} now.",
}
DANGER_NOW = "Call {number} now: that is a danger sign. "


@dataclass(frozen=True)
class Command:
    """A worker's command as typed: the verb, the case reference if any, and a note (DONE's)."""

    verb: str  # ACCEPT, DONE, PASS, NEXT, STATUS
    reference: str | None  # "TL-7K3QX9"
    note: str


def parse_command(body: str) -> Command | None:
    """Read a command leniently (case, spaces, punctuation, "TL" optional); None for any other text."""
    match = COMMAND.match(body or "")
    if match is None:
        return None
    ref = match["ref"]
    return Command(match["verb"].upper(), f"TL-{ref.upper()}" if ref else None, match["note"].strip())


def follow_up_answer(body: str) -> str | None:
    """"1"/"2"/"3" for a follow-up answer ("3 worse, fever", "Better!"), else None."""
    match = FOLLOW_UP.match(body or "")
    if match is None:
        return None
    return match["digit"] or FOLLOW_UP_WORDS[match["word"].lower()]


class QueueReplies:
    """sms.web's command handler: the reply to a text that belongs to the queue, or None for any other text."""

    def __init__(self, store, *, secret: bytes, public_base_url: str = "", sender: MessageSender | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.secret = secret
        self.public_base_url = public_base_url
        self.sender = sender  # None: no case links are sent
        self.clock = clock

    async def __call__(self, msg: InboundMessage) -> str | None:
        """Answer a worker's command or a patient's follow-up reply; None lets the triage dialogue have it."""
        command = parse_command(msg.body)
        if command is not None:
            worker = await find_worker(self.store, msg.sender)
            if worker is not None:
                return await self._run(worker, command, msg)
            # A patient mid-triage may well answer "done" or "next": that is the dialogue's.
            if await self.store.find_open_text_case(msg.sender) is None:
                return await self._refuse(msg, command)
            return None
        answer = follow_up_answer(msg.body)
        if answer is not None:
            return await self._follow_up(msg, "3" if find_red_flags(msg.body) else answer)  # never "better"
        return None

    async def _refuse(self, msg: InboundMessage, command: Command) -> str:
        """Someone not registered sent a command: refused and logged, but kept off any case's timeline (a
        stranger's attempt is not part of a patient's record, and the reference they named is not looked up)."""
        await self.store.audit(None, actor="unregistered", action="sms_command", detail=f"{command.verb} refused")
        logger.warning("%s %s from unregistered %s refused", command.verb, command.reference or "",
                       mask_phone(msg.sender))
        return NOT_A_WORKER

    async def _run(self, worker: WorkerView, command: Command, msg: InboundMessage) -> str:
        actor, verb = f"worker:{worker.id}", command.verb
        if verb == "STATUS":
            await self.store.audit(None, actor=actor, action="sms_command", detail="STATUS")
            return self._status_text(await worker_status(self.store, worker.id))
        if verb == "NEXT":
            claim = await claim_next(self.store, worker.id)
            if claim is None:
                await self.store.audit(None, actor=actor, action="sms_command", detail="NEXT: none waiting")
                return NOTHING_WAITING
            await accept(self.store, claim.case_id, worker.id)  # they asked for it: no second step
            await self.store.audit(claim.case_id, actor=actor, action="sms_command", detail="NEXT ok")
            return await self._taken(claim.case_id, worker, msg)
        if command.reference is None:
            return NO_REFERENCE.format(verb=verb)
        case_id = await case_id_for_reference(self.store, command.reference)
        try:
            if case_id is None:
                raise QueueError("no such case", code="not-your-case")  # the same answer: refs are guessable
            if verb == "ACCEPT":
                await accept(self.store, case_id, worker.id)
            elif verb == "PASS":
                await pass_case(self.store, case_id, worker.id)
            else:
                await resolve(self.store, case_id, worker.id, command.note)
        except (QueueError, IllegalTransition) as exc:
            await self.store.audit(case_id, actor=actor, action="sms_command", detail=f"{verb} refused: {exc.code}")
            logger.info("%s %s by worker %d refused: %s", verb, command.reference, worker.id, exc.code)
            return NOT_YOURS[verb].format(ref=command.reference)
        await self.store.audit(case_id, actor=actor, action="sms_command", detail=f"{verb} ok")
        if verb == "ACCEPT":
            return await self._taken(case_id, worker, msg)
        return (PASSED if verb == "PASS" else RESOLVED).format(ref=command.reference)

    async def _taken(self, case_id: int, worker: WorkerView, msg: InboundMessage) -> str:
        """The answer to a taken case; its page's link goes to the worker's registered number in a text of its own."""
        case = await self.store.get_case(case_id)
        sent = await self._send_link(case_id, case.reference, worker, msg)
        category = case.category_text if case.no_answer or case.category else "not sorted"
        return TAKEN.format(ref=case.reference, category=category,
                            urgency=(case.urgency or "urgency unknown").upper(), link=LINK_FOLLOWS if sent else "")

    async def _send_link(self, case_id: int, reference: str, worker: WorkerView, msg: InboundMessage) -> bool:
        """Text the case page's link to the worker's registered number (once per command); False when not sent."""
        if self.sender is None or not self.public_base_url:
            return False
        url = case_url(self.public_base_url, self.secret, case_id, now=self.clock())
        result = await self.sender.send(worker.phone, CASE_LINK.format(ref=reference, url=url),
                                        kind=MessageKind.CASE_LINK, case_id=case_id,
                                        idempotency_key=f"inbound:{msg.sid}:case_link",
                                        send_within_s=CASE_LINK_SEND_WITHIN_S)
        if not result.ok:
            logger.warning("case link for %s to worker %d not sent: %s", reference, worker.id, result.error)
        return result.ok

    @staticmethod
    def _status_text(status) -> str:
        cases = ", ".join(f"{ref} {state}" for ref, state in status.open_cases)
        mine = f"Your cases: {cases}." if cases else "You have no open cases."
        urgent = f" ({status.waiting_urgent} urgent)" if status.waiting_urgent else ""
        more = " Text NEXT to take one." if status.waiting else ""
        return f"{mine} Waiting for you: {status.waiting}{urgent}.{more}"

    async def _follow_up(self, msg: InboundMessage, answer: str) -> str | None:
        """A patient answers "how is the patient now?"; "worse" puts the case back in the queue."""
        case_id = await follow_up_case(self.store, msg.sender)
        if case_id is None or await self.store.find_open_text_case(msg.sender) is not None:
            return None  # no follow-up outstanding, or a new triage under way: the digit is the dialogue's
        try:
            meaning = await record_follow_up_reply(self.store, case_id, answer)
        except RoutingError:
            logger.exception("follow-up reply for case %s not recorded", case_id)
            meaning = None
        if meaning is None:
            return None
        number = emergency_number_for(msg.sender).number
        danger = DANGER_NOW.format(number=number) if find_red_flags(msg.body) else ""
        return danger + FOLLOW_UP_REPLIES[meaning].format(number=number)
