"""The one way routing speaks to people: an interface that sms implements and the app wires at start."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from routing.privacy import mask_phone

logger = logging.getLogger(__name__)


class Delivery(Protocol):
    """What a notifier may answer: `retry` is True when sending failed for a passing reason."""

    @property
    def retry(self) -> bool:
        """True: run the calling job again later (the same idempotency key may then send)."""
        ...


class Notifier(Protocol):
    """Sends a short text (SMS or WhatsApp, by the address) to a person."""

    async def send(self, to: str, body: str, *, kind: str, case_id: int | None,
                   idempotency_key: str | None = None, send_within_s: float | None = None) -> Delivery | None:
        """Send or queue `body` to `to`; raise, or answer a Delivery whose `retry` is set, to have the job retried.

        Routing passes one idempotency key per job: a retried job must not send a message that went out.
        It also passes `send_within_s`: no send may still be under way after that long, so the job's retry
        (after its lease ran out) may take a send it finds unfinished as abandoned.
        """
        ...


@runtime_checkable
class FollowUpWording(Protocol):
    """A notifier that words the follow-up itself (sms adds the caller's local emergency number)."""

    def follow_up_text(self, reference: str, region: str | None, language: str | None = None) -> str:
        """The follow-up question for case `reference`, for a caller in `region` who spoke `language`."""
        ...


@runtime_checkable
class OfferWording(Protocol):
    """A notifier that words a case offer itself (sms: the one message per case, within two segments)."""

    def offer_text(self, reference: str, triage: dict, caller: str | None, region: str | None) -> str:
        """The message offering case `reference` (its stored triage result) to a health worker."""
        ...


@dataclass
class RecordingNotifier:
    """Keeps what would have been sent, once per idempotency key: for tests and `triage worker --dry-run`."""

    sent: list[tuple[str, str, str, int | None]] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)

    async def send(self, to: str, body: str, *, kind: str, case_id: int | None,
                   idempotency_key: str | None = None, send_within_s: float | None = None) -> None:
        """Record the message instead of sending it."""
        if idempotency_key is not None:
            if idempotency_key in self.keys:
                return
            self.keys.add(idempotency_key)
        logger.info("would send %s to %s for case %s", kind, mask_phone(to), case_id)
        self.sent.append((to, body, kind, case_id))
