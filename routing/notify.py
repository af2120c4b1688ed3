"""The one way routing speaks to people: an interface that sms implements and the app wires at start."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Protocol

from routing.privacy import mask_phone

logger = logging.getLogger(__name__)


class Notifier(Protocol):
    """Sends a short text (SMS or WhatsApp, by the address) to a person."""

    async def send(self, to: str, body: str, *, kind: str, case_id: int | None) -> None:
        """Send or queue `body` to `to`; raise to have the calling job retried."""
        ...


@dataclass
class RecordingNotifier:
    """Keeps what would have been sent: for tests and `triage worker --dry-run`."""

    sent: list[tuple[str, str, str, int | None]] = field(default_factory=list)

    async def send(self, to: str, body: str, *, kind: str, case_id: int | None) -> None:
        """Record the message instead of sending it."""
        logger.info("would send %s to %s for case %s", kind, mask_phone(to), case_id)
        self.sent.append((to, body, kind, case_id))
