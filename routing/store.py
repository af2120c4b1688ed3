"""The database and its cases: sessions, PHI encryption, `write`/`read`, a case's turns and triage, the audit log.

Every write runs in its own short transaction, is idempotent (Twilio retries webhooks; we retry
through database outages), and survives a brief outage through a bounded retry.

Each other concern is a module of functions taking the store, named for it: calls.py (a call's stream
lifecycle), outbox.py (messages we send), photos.py, queue.py, contacts.py, workers.py, jobs.py.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager, nullcontext
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from routing.crypto import PhiCipher, keyed_hash
from routing.engine import RetryPolicy, is_transient, make_engine, with_retry
from routing.errors import NotFound
from routing.lifecycle import INTAKE_OPEN, Status, check_transition
from routing.jobs import schedule
from routing.migrate import upgrade_engine
from routing.models import ENCRYPTED, AuditEntry, Call, CallState, Case, CaseNote, Patient, Photo, TriageRecord, Turn
from routing.photo_files import PhotoFiles
from routing.phones import parse_caller
from routing.policy import RoutingPolicy
from routing.priority import base_priority, needed_skill
from routing.privacy import mask_phone
from routing.views import NO_ANSWER, AuditView, CaseRef, CaseView, MessageView, NoteView, PhotoView, TurnView

__all__ = ["CaseRef", "CaseView", "MessageView", "NoteView", "PhotoView", "Store", "TurnView"]

logger = logging.getLogger(__name__)

T = TypeVar("T")
Clock = Callable[[], datetime]

REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O or 1/I: read aloud and typed on keypads
REFERENCE_LENGTH = 6  # 32**6 ~ 1e9: a collision (retried) stays rare past a million cases
INTEGRITY_ATTEMPTS = 3  # a racing twin (same CallSid, same seq) wins; we then find its row
REENCRYPT_BATCH = 500
PHOTO_BATCH = 100


def utc_now() -> datetime:
    """The default clock."""
    return datetime.now(UTC)


def new_reference() -> str:
    """A short, speakable case reference that carries no PHI."""
    return "TL-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


def contact_key(address: str) -> str:
    """The form of a phone/WhatsApp address we hash, so equal addresses find each other."""
    return address.strip().lower()


class Store:
    """The database, for everyone: cases are read and written here; routing's other modules share its sessions."""

    def __init__(self, engine: AsyncEngine, cipher: PhiCipher, *, hash_key: bytes,
                 retry: RetryPolicy = RetryPolicy(), clock: Clock = utc_now,
                 policy: RoutingPolicy = RoutingPolicy(), photo_dir: Path | None = None) -> None:
        self.engine = engine
        self.cipher = cipher
        self.retry = retry
        self.clock = clock
        self.policy = policy
        self._hash_key = hash_key
        # None: this process keeps no photos (a store for a CLI that never touches them)
        self.photos = PhotoFiles(photo_dir, cipher, self.hash) if photo_dir is not None else None
        self._sessions = async_sessionmaker(engine, expire_on_commit=False)
        # SQLite has one writer at a time; queueing our own transactions here is fair (FIFO), where
        # SQLite's busy handler lets an unlucky connection starve. Other processes still meet busy_timeout.
        self._serial = asyncio.Lock() if engine.dialect.name == "sqlite" else nullcontext()

    @classmethod
    async def connect(cls, database_url: str, cipher: PhiCipher, *, hash_key: bytes,
                      retry: RetryPolicy = RetryPolicy(), clock: Clock = utc_now,
                      policy: RoutingPolicy = RoutingPolicy(), photo_dir: Path | None = None) -> "Store":
        """Open (lazily) the database `database_url` names: sqlite+aiosqlite:///path or postgresql+asyncpg://...

        `photo_dir` is where photo files live (encrypted, routing/photo_files.py).
        """
        if not hash_key:
            raise ValueError("hash_key is required: phone lookups use a keyed hash")
        return cls(make_engine(database_url), cipher, hash_key=hash_key, retry=retry, clock=clock, policy=policy,
                   photo_dir=photo_dir)

    @property
    def dialect(self) -> str:
        """"sqlite" or "postgresql"."""
        return self.engine.dialect.name

    async def upgrade(self) -> None:
        """Bring the schema to head (the Alembic migrations shipped in routing/migrations)."""
        await with_retry(lambda: upgrade_engine(self.engine), self.retry, "upgrade")

    async def close(self) -> None:
        """Close every pooled connection."""
        await self.engine.dispose()

    async def ping(self) -> bool:
        """True when the database answers (for /healthz); never raises."""
        try:
            async with self.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
            return True
        except Exception as exc:  # noqa: BLE001 - a health check reports, it does not crash
            logger.warning("database ping failed: %s", type(exc).__name__)
            return False

    # -- plumbing shared by routing's modules -------------------------------------------------

    def hash(self, value: str) -> str:
        """Keyed hash of an address, for lookups."""
        return keyed_hash(self._hash_key, contact_key(value))

    def now(self) -> datetime:
        """The store's clock (tests pass a fixed one)."""
        return self.clock()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """One transaction: committed on exit, rolled back on error. Never nest them (SQLite would wait on itself)."""
        async with self._serial, self._sessions.begin() as session:
            yield session

    async def write(self, what: str, op: Callable[[AsyncSession], Awaitable[T]]) -> T:
        """Run `op` in a fresh transaction, retried through outages and through a racing twin's insert.

        `op` must look before it inserts, so that running it again is harmless.
        """
        async def attempt() -> T:
            for n in range(1, INTEGRITY_ATTEMPTS + 1):
                try:
                    async with self.transaction() as session:
                        return await op(session)
                except IntegrityError as exc:
                    if n == INTEGRITY_ATTEMPTS or is_transient(exc):
                        raise
                    logger.info("%s: lost an insert race, looking again", what)
            raise AssertionError("unreachable")

        return await with_retry(attempt, self.retry, what)

    async def read(self, what: str, op: Callable[[AsyncSession], Awaitable[T]]) -> T:
        """Run `op` in a fresh transaction, retried through outages: for reads (and the audit line a read leaves)."""
        async def attempt() -> T:
            async with self.transaction() as session:
                return await op(session)

        return await with_retry(attempt, self.retry, what)

    async def move(self, session: AsyncSession, case: Case, target: str, *, actor: str, detail: str = "") -> None:
        """Change a case's status through the lifecycle table, audit it, and schedule what must follow.

        The follow-up jobs are written in the same transaction as the change, so neither exists alone.
        """
        old = case.status
        new = check_transition(old, target)
        now = self.now()
        case.status = new.value
        case.updated_at = now
        case.priority_base = base_priority(case.category, case.urgency, follow_up=case.follow_up,
                                           escalated=new is Status.ESCALATED, mechanism=bool(case.high_risk_mechanism))
        note = f"{old} -> {new.value}" + (f": {detail}" if detail else "")
        session.add(AuditEntry(case_id=case.id, actor=actor, action="status", detail=note, at=now))
        logger.info("case %s: %s", case.reference, note)
        await self._schedule_after(session, case, old, new, now)

    async def _schedule_after(self, s: AsyncSession, case: Case, old: str, new: Status, now: datetime) -> None:
        policy, payload = self.policy, {"case_id": case.id}
        if new is Status.PENDING:
            if old in (Status.INTAKE_COMPLETE, Status.FOLLOW_UP_SCHEDULED):  # a new need: the wait starts now
                case.queued_at_s = int(now.timestamp())
                await schedule(s, "escalate", {**payload, "queued_at_s": case.queued_at_s}, now=now,
                               run_at=now + timedelta(seconds=policy.escalate_after_s))
            await schedule(s, "offer", payload, run_at=now, now=now)
        elif new is Status.RESOLVED:
            for n, delay_s in enumerate(policy.follow_up_after_s, start=1):
                await schedule(s, "follow_up", {**payload, "n": n, "last": n == len(policy.follow_up_after_s)},
                               run_at=now + timedelta(seconds=delay_s), now=now)

    async def locked_case(self, session: AsyncSession, case_id: int) -> Case:
        """The case row, locked for update on PostgreSQL (SQLite writers are already serialized)."""
        case = (await session.execute(select(Case).where(Case.id == case_id).with_for_update())).scalar_one_or_none()
        if case is None:
            raise NotFound(f"no case {case_id}", code="case-not-found")
        return case

    def _json_enc(self, value: dict | None) -> str | None:
        return None if value is None else self.cipher.encrypt(json.dumps(value, separators=(",", ":")))

    def _json_dec(self, token: str | None) -> dict | None:
        return None if token is None else json.loads(self.cipher.decrypt(token))

    # -- calls and cases ---------------------------------------------------------------------

    async def open_call(self, *, call_sid: str, caller: str, channel: str = "voice", region: str | None = None,
                        stream_sid: str | None = None) -> CaseRef:
        """Write the call and its case when the stream starts; a retry with the same call_sid finds them."""

        async def op(s: AsyncSession) -> CaseRef:
            found = (await s.execute(select(Call, Case.reference).join(Case, Call.case_id == Case.id)
                                     .where(Call.call_sid == call_sid))).first()
            if found:
                call, reference = found
                if stream_sid and not call.stream_sid:
                    call.stream_sid = stream_sid
                return CaseRef(call.case_id, reference, created=False)
            now = self.now()
            number = parse_caller(caller)
            patient = await self._patient(s, number.e164, region or number.region, now)
            case = Case(reference=new_reference(), patient_id=patient.id if patient else None, channel=channel,
                        contact_hash=self.hash(caller), contact_enc=self.cipher.encrypt(caller.strip()),
                        region=region or number.region, status=Status.CREATED.value, follow_up=False,
                        priority_base=base_priority(None, None), created_at=now, updated_at=now)
            s.add(case)
            await s.flush()
            s.add(Call(call_sid=call_sid, case_id=case.id, stream_sid=stream_sid,
                       status=CallState.LIVE if channel == "voice" else CallState.OPEN, started_at=now, updated_at=now))
            s.add(AuditEntry(case_id=case.id, actor="system", action="created",
                             detail=f"channel={channel} region={case.region} valid_number={number.valid}", at=now))
            return CaseRef(case.id, case.reference, created=True)

        ref = await self.write("open_call", op)
        if ref.created:
            logger.info("case %s opened for %s on %s", ref.reference, mask_phone(caller), channel)
        return ref

    async def _patient(self, s: AsyncSession, e164: str | None, region: str | None, now: datetime) -> Patient | None:
        if e164 is None:  # anonymous or unparseable: no patient record to link cases by
            return None
        phone_hash = self.hash(e164)
        patient = (await s.execute(select(Patient).where(Patient.phone_hash == phone_hash))).scalar_one_or_none()
        if patient is None:
            patient = Patient(phone_hash=phone_hash, phone_enc=self.cipher.encrypt(e164), region=region, created_at=now)
            s.add(patient)
            await s.flush()
        return patient

    async def record_turn(self, case_id: int, *, seq: int, prompt_id: str | None, raw_text: str,
                          corrected_text: str, source: str, stt_backend: str | None = None,
                          latency_ms: int | None = None) -> None:
        """Store one turn as soon as it is heard; the same (case_id, seq) twice is stored once."""

        async def op(s: AsyncSession) -> None:
            exists = (await s.execute(select(Turn.id).where(Turn.case_id == case_id, Turn.seq == seq))).first()
            if exists:
                return
            now = self.now()
            s.add(Turn(case_id=case_id, seq=seq, prompt_id=prompt_id, raw_text_enc=self.cipher.encrypt(raw_text),
                       corrected_text_enc=self.cipher.encrypt(corrected_text), source=source,
                       stt_backend=stt_backend, latency_ms=latency_ms, created_at=now))
            case = await self.locked_case(s, case_id)
            case.updated_at = now

        await self.write("record_turn", op)

    async def save_triage(self, case_id: int, result: dict, *, dialogue_state: dict | None = None,
                          complete: bool = False) -> None:
        """Store the dialogue's latest result (and resumable state); complete=True queues the case."""

        async def op(s: AsyncSession) -> None:
            now = self.now()
            case = await self.locked_case(s, case_id)
            record = (await s.execute(select(TriageRecord).where(TriageRecord.case_id == case_id))).scalar_one_or_none()
            if record is None:
                record = TriageRecord(case_id=case_id)
                s.add(record)
            record.category = result.get("start_category")
            record.urgency = result.get("urgency")
            record.result_enc = self._json_enc(result)
            if dialogue_state is not None or complete:
                record.dialogue_state_enc = self._json_enc(dialogue_state)
            record.complete = record.complete or complete
            record.updated_at = now
            case.category, case.urgency, case.skill = record.category, record.urgency, needed_skill(result)
            case.language = result.get("language") or case.language
            case.high_risk_mechanism = bool(result.get("mechanism"))
            case.priority_base = base_priority(case.category, case.urgency, follow_up=case.follow_up,
                                               escalated=case.status == Status.ESCALATED,
                                               mechanism=case.high_risk_mechanism)
            case.updated_at = now
            if complete and case.status == Status.CREATED:
                await self.move(s, case, Status.INTAKE_COMPLETE, actor="intake")
                # Silence is not death: a call with no usable answer waits in the queue, urgent, for a call back.
                detail = "no answer on the call: call back" if result.get("outcome") == NO_ANSWER else ""
                await self.move(s, case, Status.PENDING, actor="intake", detail=detail)

        await self.write("save_triage", op)

    async def transition(self, case_id: int, target: str, *, actor: str, detail: str = "") -> None:
        """Move a case to `target` if the lifecycle allows it (IllegalTransition otherwise); audited."""

        async def op(s: AsyncSession) -> None:
            await self.move(s, await self.locked_case(s, case_id), target, actor=actor, detail=detail)

        await self.write("transition", op)

    # -- reading cases -----------------------------------------------------------------------

    async def get_case(self, case_id: int, *, actor: str | None = None) -> CaseView:
        """The decrypted case; with `actor`, the read is written to the audit log."""
        async def op(s: AsyncSession) -> CaseView:
            case = await s.get(Case, case_id)
            if case is None:
                raise NotFound(f"no case {case_id}", code="case-not-found")
            if actor:
                s.add(AuditEntry(case_id=case_id, actor=actor, action="read", detail="", at=self.now()))
            return await self._view(s, case)

        return await self.read("get_case", op)

    async def find_case_by_call(self, call_sid: str) -> CaseView | None:
        """The case a CallSid (or text conversation id) opened, if any."""
        async def op(s: AsyncSession) -> CaseView | None:
            case = (await s.execute(select(Case).join(Call, Call.case_id == Case.id)
                                    .where(Call.call_sid == call_sid))).scalar_one_or_none()
            return None if case is None else await self._view(s, case)

        return await self.read("find_case_by_call", op)

    async def find_open_text_case(self, address: str) -> CaseView | None:
        """The latest text-channel case for this address whose intake is still collecting answers."""
        async def op(s: AsyncSession) -> CaseView | None:
            case = (await s.execute(
                select(Case).where(Case.contact_hash == self.hash(address), Case.channel != "voice",
                                   Case.status.in_([st.value for st in INTAKE_OPEN]))
                .order_by(Case.id.desc()).limit(1))).scalar_one_or_none()
            return None if case is None else await self._view(s, case)

        return await self.read("find_open_text_case", op)

    async def find_latest_case(self, address: str) -> CaseView | None:
        """The newest case for this address that is not closed or expired (where a photo it sends belongs)."""
        async def op(s: AsyncSession) -> CaseView | None:
            case = (await s.execute(
                select(Case).where(Case.contact_hash == self.hash(address),
                                   Case.status.not_in([Status.CLOSED.value, Status.EXPIRED.value]))
                .order_by(Case.id.desc()).limit(1))).scalar_one_or_none()
            return None if case is None else await self._view(s, case)

        return await self.read("find_latest_case", op)

    async def _view(self, s: AsyncSession, case: Case) -> CaseView:
        record = (await s.execute(select(TriageRecord).where(TriageRecord.case_id == case.id))).scalar_one_or_none()
        turns = (await s.execute(select(Turn).where(Turn.case_id == case.id).order_by(Turn.seq))).scalars().all()
        call = (await s.execute(select(Call).where(Call.case_id == case.id).order_by(Call.id.desc()).limit(1))
                ).scalar_one_or_none()
        dec = self.cipher.decrypt
        return CaseView(
            id=case.id, reference=case.reference, status=case.status, channel=case.channel,
            caller=dec(case.contact_enc), region=case.region, category=case.category, urgency=case.urgency,
            triage=(self._json_dec(record.result_enc) if record else None) or {},
            dialogue_state=self._json_dec(record.dialogue_state_enc) if record else None,
            turns=[TurnView(t.seq, t.prompt_id, dec(t.raw_text_enc), dec(t.corrected_text_enc), t.source,
                            t.stt_backend, t.latency_ms, t.created_at) for t in turns],
            created_at=case.created_at, updated_at=case.updated_at,
            call_sid=call.call_sid if call else None, call_status=call.status if call else None,
        )

    # -- audit and keys ------------------------------------------------------------------------

    async def audit(self, case_id: int | None, *, actor: str, action: str, detail: str = "") -> None:
        """Append a line to the audit log (who read or changed which case). Keep PHI out of `detail`."""

        async def op(s: AsyncSession) -> None:
            s.add(AuditEntry(case_id=case_id, actor=actor, action=action, detail=detail, at=self.now()))

        await self.write("audit", op)

    async def add_note(self, session: AsyncSession, case_id: int, *, author: str, text: str) -> None:
        """A worker's note on the case (encrypted), inside the caller's transaction; audited without its text."""
        now = self.now()
        note = CaseNote(case_id=case_id, author=author, note_enc=self.cipher.encrypt(text), created_at=now)
        session.add(note)
        await session.flush()
        session.add(AuditEntry(case_id=case_id, actor=author, action="note", detail=f"note {note.id}", at=now))

    async def list_notes(self, case_id: int) -> list[NoteView]:
        """The case's notes, decrypted, oldest first."""
        async def op(s: AsyncSession) -> list[CaseNote]:
            return list((await s.execute(select(CaseNote).where(CaseNote.case_id == case_id).order_by(CaseNote.id))
                         ).scalars().all())

        return [NoteView(n.case_id, n.author, self.cipher.decrypt(n.note_enc), n.created_at)
                for n in await self.read("list_notes", op)]

    async def audit_trail(self, case_id: int) -> list[AuditView]:
        """The case's audit lines, oldest first."""
        async def op(s: AsyncSession) -> list[AuditView]:
            rows = (await s.execute(select(AuditEntry).where(AuditEntry.case_id == case_id)
                                    .order_by(AuditEntry.id))).scalars().all()
            return [AuditView(r.case_id, r.actor, r.action, r.detail, r.at) for r in rows]

        return await self.read("audit_trail", op)

    async def reencrypt(self) -> int:
        """Rewrite every PHI value and photo file under the newest key (step 3 of key rotation); returns how many.

        Photo files stored in plain JPEG by older versions are encrypted and renamed here (until then they
        are read as they are): running this once after upgrading, even with a single key, encrypts them all.
        """
        count = 0
        for model, columns in ENCRYPTED.items():
            last_id = 0
            while True:
                async with self.transaction() as s:
                    rows = (await s.execute(select(model).where(model.id > last_id).order_by(model.id)
                                            .limit(REENCRYPT_BATCH).with_for_update())).scalars().all()
                    for row in rows:
                        for column in columns:
                            value = getattr(row, column)
                            if value is not None:
                                setattr(row, column, self.cipher.rotate(value))
                                count += 1
                if len(rows) < REENCRYPT_BATCH:
                    break
                last_id = rows[-1].id
        if self.photos is not None:
            count += await self._reencrypt_photos(self.photos)
        logger.info("re-encrypted %d PHI values and photo files under the newest key", count)
        return count

    async def _reencrypt_photos(self, files: PhotoFiles) -> int:
        count, last_id = 0, 0
        while True:
            legacy: list[str] = []  # plain files now encrypted under a new name: removed once that is committed
            async with self.transaction() as s:
                rows = (await s.execute(select(Photo).where(Photo.id > last_id, Photo.purged_at.is_(None))
                                        .order_by(Photo.id).limit(PHOTO_BATCH).with_for_update())).scalars().all()
                for row in rows:
                    try:
                        path = await asyncio.to_thread(files.rotate, row.path)
                    except FileNotFoundError:
                        logger.error("case %s: photo %s is listed but its file is missing", row.case_id, row.id)
                        continue
                    count += 1
                    if path != row.path:
                        legacy.append(row.path)
                        twin = (await s.execute(select(Photo.id).where(Photo.case_id == row.case_id,
                                                                       Photo.path == path))).scalar_one_or_none()
                        if twin is not None:  # the same photo came again after encryption began: keep that row
                            await s.delete(row)
                        else:
                            row.path = path
            for path in legacy:
                await asyncio.to_thread(files.delete, path)
            if len(rows) < PHOTO_BATCH:
                return count
            last_id = rows[-1].id
