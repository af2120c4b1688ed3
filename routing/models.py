"""The database tables (SQLAlchemy 2), portable between SQLite and PostgreSQL.

Columns ending in `_enc` hold Fernet ciphertext (PHI); `_hash` columns hold keyed hashes for lookup.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import (JSON, BigInteger, Boolean, false, DateTime, ForeignKey, Integer, MetaData, String, Text,
                        TypeDecorator, UniqueConstraint)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names let Alembic's batch mode alter SQLite tables later.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator):
    """Timezone-aware UTC on both databases (SQLite keeps naive UTC text, so order and compare still work)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; pass an aware UTC datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    """Declarative base with the naming convention."""

    metadata = MetaData(naming_convention=NAMING)


class Patient(Base):
    """A person who called or texted, known by a keyed hash of their number."""

    __tablename__ = "patients"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    phone_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    phone_enc: Mapped[str | None] = mapped_column(Text)
    region: Mapped[str | None] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Case(Base):
    """One request for help, from first ring (or text) to closure."""

    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(16), unique=True)
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patients.id"))
    channel: Mapped[str] = mapped_column(String(16))
    contact_hash: Mapped[str] = mapped_column(String(64), index=True)  # the exact address replies go to
    contact_enc: Mapped[str | None] = mapped_column(Text)
    region: Mapped[str | None] = mapped_column(String(8), index=True)
    status: Mapped[str] = mapped_column(String(24), index=True)
    category: Mapped[str | None] = mapped_column(String(8))
    urgency: Mapped[str | None] = mapped_column(String(16))
    skill: Mapped[str | None] = mapped_column(String(32))  # specialty the case would benefit from
    language: Mapped[str | None] = mapped_column(String(8))  # the conversation's (en, hi, pcm, tl): workers who speak it first
    follow_up: Mapped[bool] = mapped_column(Boolean, default=False)
    high_risk_mechanism: Mapped[bool] = mapped_column(Boolean, server_default=false())  # SAFETY.md: raises priority
    priority_base: Mapped[int] = mapped_column(Integer, default=0)
    queued_at_s: Mapped[int | None] = mapped_column(BigInteger)  # epoch seconds the queue wait started
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class CallState(StrEnum):
    """What `calls.status` holds: where a call (or text conversation) stands.

    The voice values are Twilio's CallStatus words where they mean the same thing, so rows read the same
    as before the enum; voice/ turns Twilio's words into these.
    """

    OPEN = "open"  # a text conversation: no telephony
    QUEUED, INITIATED, RINGING = "queued", "initiated", "ringing"  # not answered yet
    LIVE = "in-progress"  # answered, and our stream has it
    RECONNECTING = "reconnecting"  # its stream dropped: a new stream may take the case over
    FINALISING = "finalising"  # its case is being finished without a stream (after a drop, or as an orphan)
    COMPLETED = "completed"
    HUNG_UP = "hung-up"  # the caller hung up before the dialogue ended
    DROPPED = "dropped"  # the stream went and nothing took the case over
    BUSY, FAILED, NO_ANSWER, CANCELED = "busy", "failed", "no-answer", "canceled"


class Call(Base):
    """One Twilio call (or text conversation id) and its telephony status."""

    __tablename__ = "calls"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    call_sid: Mapped[str] = mapped_column(String(64), unique=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    stream_sid: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(24))
    duration_s: Mapped[int | None] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Turn(Base):
    """One answer in the dialogue: what was heard (raw) and what we made of it (corrected)."""

    __tablename__ = "turns"
    __table_args__ = (UniqueConstraint("case_id", "seq", name="uq_turns_case_id_seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    seq: Mapped[int] = mapped_column(Integer)
    prompt_id: Mapped[str | None] = mapped_column(String(64))
    raw_text_enc: Mapped[str | None] = mapped_column(Text)  # None after the retention purge
    corrected_text_enc: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(16))  # speech, dtmf, text
    stt_backend: Mapped[str | None] = mapped_column(String(32))
    latency_ms: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    purged_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class TriageRecord(Base):
    """The dialogue's latest decision for a case (intake TriageResult, encrypted) and its resumable state."""

    __tablename__ = "triage_results"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), unique=True)
    category: Mapped[str | None] = mapped_column(String(8))
    urgency: Mapped[str | None] = mapped_column(String(16))
    result_enc: Mapped[str] = mapped_column(Text)
    dialogue_state_enc: Mapped[str | None] = mapped_column(Text)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class HealthWorker(Base):
    """A person licensed in one country who takes cases by SMS."""

    __tablename__ = "health_workers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    phone_hash: Mapped[str] = mapped_column(String(64), unique=True)
    phone_enc: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(String(120))
    country: Mapped[str] = mapped_column(String(8), index=True)  # where they are licensed
    languages: Mapped[list] = mapped_column(JSON, default=list)
    skills: Mapped[list] = mapped_column(JSON, default=list)
    on_duty: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Assignment(Base):
    """A case offered to a worker, and what became of the offer."""

    __tablename__ = "assignments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("health_workers.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))  # offered, accepted, declined, timed_out, done
    offered_at: Mapped[datetime] = mapped_column(UtcDateTime)
    responded_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class MessageStatus(StrEnum):
    """What `messages.status` holds: our own words, and the provider's delivery words (Twilio's values)."""

    OUTBOX = "outbox"  # recorded only: no provider is configured
    SENDING = "sending"  # recorded, and a sender may be talking to the provider right now
    OPTED_OUT = "opted-out"  # never sent: the number said STOP
    FAILED = "failed"  # not sent (the error says why), or the provider could not deliver it
    ACCEPTED, SCHEDULED, QUEUED = "accepted", "scheduled", "queued"  # the provider has it
    SENT, DELIVERED, UNDELIVERED, READ = "sent", "delivered", "undelivered", "read"
    PARTIALLY_DELIVERED, CANCELED = "partially_delivered", "canceled"
    RECEIVING, RECEIVED = "receiving", "received"


class MessageKind(StrEnum):
    """Why a message was sent (`messages.kind`)."""

    CALLER_SUMMARY = "caller_summary"  # the caller's reference and what to do, when intake ends
    WORKER_SUMMARY = "worker_summary"  # a new case, to the health workers
    CASE_OFFER = "case_offer"  # a queued case offered to one worker
    CASE_LINK = "case_link"  # the case page's link, to the worker who took the case
    ESCALATION = "escalation"  # a case waited too long: to the coordinators
    FOLLOW_UP = "follow_up"  # "better, same or worse?" after a case is resolved
    PHOTO_NOTICE = "photo_notice"  # photos arrived on a case (one digest per window)
    MEDIA_FAILED = "media_failed"  # a photo the patient sent could not be used
    SIGN_IN_CODE = "sign_in_code"  # a coordinator's one-time code for the console


class Message(Base):
    """An outbound (or recorded) SMS/WhatsApp message; the outbox when Twilio is not configured."""

    __tablename__ = "messages"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    to_hash: Mapped[str] = mapped_column(String(64), index=True)
    to_enc: Mapped[str] = mapped_column(Text)
    body_enc: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16))
    provider_sid: Mapped[str | None] = mapped_column(String(64), index=True)
    error: Mapped[str | None] = mapped_column(Text)
    idempotency_key: Mapped[str | None] = mapped_column(String(128), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Photo(Base):
    """An image attached to a case (the file lives on disk, encrypted: routing/photo_files.py; this is its record)."""

    __tablename__ = "photos"
    __table_args__ = (UniqueConstraint("case_id", "path", name="uq_photos_case_id_path"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    path: Mapped[str] = mapped_column(Text)
    content_type: Mapped[str] = mapped_column(String(32))
    size_bytes: Mapped[int] = mapped_column(Integer)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(16))  # upload, mms, whatsapp
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    purged_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # file deleted by the retention purge


class CaseNote(Base):
    """What a health worker wrote about a case (`DONE <ref> <note>`): PHI, encrypted, and rotated with the key.

    Kept out of the audit log, which is append-only in the database and so could never be re-encrypted.
    """

    __tablename__ = "case_notes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    author: Mapped[str] = mapped_column(String(64))  # "worker:<id>", as in the audit log
    note_enc: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Job(Base):
    """A durable scheduled job: claimed with a lease, retried with backoff, deduplicated by key."""

    __tablename__ = "jobs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    run_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)  # pending, running, done, failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    max_attempts: Mapped[int] = mapped_column(Integer, default=5)
    locked_by: Mapped[str | None] = mapped_column(String(64))
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    dedupe_key: Mapped[str | None] = mapped_column(String(128), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class AuditEntry(Base):
    """Who read or changed which case, when. Append-only: database triggers refuse UPDATE and DELETE."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int | None] = mapped_column(Integer, index=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class ContactPreference(Base):
    """What a phone number told us about messaging it (STOP/START), by keyed hash of its E.164 form."""

    __tablename__ = "contact_preferences"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    phone_hash: Mapped[str] = mapped_column(String(64), unique=True)
    opted_out: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ReceivedMessage(Base):
    """One inbound SMS/WhatsApp message: answers Twilio's retries with the same reply, and counts a day's texts."""

    __tablename__ = "received_messages"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_sid: Mapped[str] = mapped_column(String(64), unique=True)
    phone_hash: Mapped[str] = mapped_column(String(64), index=True)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    reply_enc: Mapped[str | None] = mapped_column(Text)  # None until answered (or when there is no reply)
    answered: Mapped[bool] = mapped_column(Boolean, default=False)


class Coordinator(Base):
    """A person who runs the line: signs in to the console with a code texted to this number."""

    __tablename__ = "coordinators"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    phone_hash: Mapped[str] = mapped_column(String(64), unique=True)
    phone_enc: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(String(120), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SignInCode(Base):
    """A one-time console code: only its keyed hash is kept; used once, and only until it expires."""

    __tablename__ = "sign_in_codes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    phone_hash: Mapped[str] = mapped_column(String(64), index=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


# Every PHI column, for key rotation and the retention purge (photo files are rotated by Store.reencrypt too).
ENCRYPTED = {
    Patient: ("phone_enc",),
    Case: ("contact_enc",),
    Turn: ("raw_text_enc", "corrected_text_enc"),
    TriageRecord: ("result_enc", "dialogue_state_enc"),
    HealthWorker: ("phone_enc",),
    Message: ("to_enc", "body_enc"),
    ReceivedMessage: ("reply_enc",),
    CaseNote: ("note_enc",),
    Coordinator: ("phone_enc",),
}
