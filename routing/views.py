"""Decrypted, read-only views of stored rows, handed to voice and sms."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

NO_ANSWER = "no_answer"  # the triage outcome of a call with no usable answer (intake's TriageResult.outcome)


@dataclass(frozen=True)
class CaseRef:
    """What open_call returns: the case's id and its short human reference (no PHI)."""

    case_id: int
    reference: str  # e.g. "TL-7K3QX9"
    created: bool  # False when a retried webhook found the case already open


@dataclass(frozen=True)
class TurnView:
    """One stored dialogue turn, decrypted (texts are None after the retention purge)."""

    seq: int
    prompt_id: str | None
    raw_text: str | None
    corrected_text: str | None
    source: str
    stt_backend: str | None
    latency_ms: int | None
    created_at: datetime


@dataclass(frozen=True)
class CaseView:
    """A case with its triage and transcript, decrypted for someone allowed to see it."""

    id: int
    reference: str
    status: str
    channel: str
    caller: str | None  # the address replies go to: "+234..." or "whatsapp:+234..."
    region: str | None
    category: str | None
    urgency: str | None
    triage: dict
    dialogue_state: dict | None
    turns: list[TurnView]
    created_at: datetime
    updated_at: datetime
    call_sid: str | None = None
    call_status: str | None = None

    @property
    def no_answer(self) -> bool:
        """The caller gave no usable answer: the case is urgent and a health worker must call back."""
        return self.triage.get("outcome") == NO_ANSWER

    @property
    def category_text(self) -> str:
        """How messages name the case's triage: its START category, or that nobody answered."""
        if self.no_answer:
            return "NO ANSWER - please call back"
        return self.category or "no START category"


@dataclass(frozen=True)
class MessageView:
    """One outbound message, decrypted."""

    id: int
    case_id: int | None
    channel: str
    to: str
    body: str
    kind: str
    status: str
    provider_sid: str | None
    error: str | None
    idempotency_key: str | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class AuditView:
    """One audit log line."""

    case_id: int | None
    actor: str
    action: str
    detail: str
    at: datetime = field(compare=False)


@dataclass(frozen=True)
class PhotoView:
    """A photo attached to a case; `path` is relative to the photo directory ("<case_id>/<sha256>.jpg")."""

    id: int
    case_id: int
    path: str
    content_type: str
    size_bytes: int
    width: int | None
    height: int | None
    source: str  # upload, mms, whatsapp
    created_at: datetime

    @property
    def name(self) -> str:
        """The file's name inside the case's folder."""
        return self.path.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class NoteView:
    """A health worker's note on a case, decrypted."""

    case_id: int
    author: str
    text: str
    created_at: datetime
