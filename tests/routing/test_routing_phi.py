"""PHI at rest beyond the columns: photo files, workers' notes, and key rotation that reaches all of it."""

from __future__ import annotations

import hashlib
import io
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from alembic import command
from cryptography.fernet import Fernet
from PIL import Image
from sqlalchemy import insert, select, text

from routing.contacts import receive, record_reply
from routing.crypto import PhiCipher
from routing.engine import make_engine
from routing.errors import PhiKeyError, PhotoLimit
from routing.jobs import run_once
from routing.migrate import alembic_config
from routing.models import ENCRYPTED, AuditEntry, Base, Case, CaseNote, Photo
from routing.notify import RecordingNotifier
from routing.outbox import add_message, list_messages
from routing.photo_files import PhotoFiles
from routing.photos import add_photo, count_photos, list_photos, read_photo
from routing.queue import accept, claim_next, resolve
from routing.store import Store
from routing.tasks import ensure_purge_scheduled, handlers
from routing.workers import add_worker, list_workers
from routing.coordinators import add_coordinator, list_coordinators
from tests.support.store import FakeClock

CALLER = "+2348031234567"
WORKER = "+2348051112222"
COORDINATOR = "+2348039990001"
NOTE = "gave ORS, dressed the wound, mother to call back if fever"


def jpeg(color=(150, 40, 40)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), color).save(out, "JPEG")
    return out.getvalue()


async def case_with_everything(store: Store) -> tuple[int, str]:
    """A case whose data fills every encrypted column and a photo file; returns (case id, photo name)."""
    ref = await store.open_call(call_sid="CA-phi", caller=CALLER, stream_sid="MZ1")
    await store.record_turn(ref.case_id, seq=1, prompt_id="complaint", raw_text="he cut his leg badly",
                            corrected_text="he cut his leg badly.", source="speech")
    await store.save_triage(ref.case_id, {"start_category": "YELLOW", "urgency": "urgent", "complaint": "cut leg"},
                            dialogue_state={"awaiting": None}, complete=True)
    worker, _ = await add_worker(store, phone=WORKER, name="Ada", on_duty=True)
    await claim_next(store, worker.id)
    await accept(store, ref.case_id, worker.id)
    await resolve(store, ref.case_id, worker.id, NOTE)
    await add_message(store, to=CALLER, body="your case is TL-X", kind="caller_summary", case_id=ref.case_id)
    await receive(store, "SM-phi", CALLER)
    await record_reply(store, "SM-phi", "thank you, a health worker will call")
    await add_photo(store, ref.case_id, jpeg=jpeg(), width=64, height=48, source="upload")
    await add_coordinator(store, COORDINATOR, "Bola")
    return ref.case_id, (await list_photos(store, ref.case_id))[0].name


def test_every_encrypted_column_is_in_key_rotation():
    rotated = {(model.__table__.name, column) for model, columns in ENCRYPTED.items() for column in columns}
    encrypted = {(table.name, column.name) for table in Base.metadata.sorted_tables for column in table.columns
                 if column.name.endswith("_enc")}
    assert encrypted == rotated


async def test_key_rotation_reaches_every_column_notes_and_photos(database_url, hash_key, tmp_path):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    photos = tmp_path / "photos"
    before = await Store.connect(database_url, PhiCipher.from_keys(old), hash_key=hash_key, photo_dir=photos)
    case_id, photo_name = await case_with_everything(before)
    async with before.transaction() as s:  # the case really fills every encrypted column
        for model, columns in ENCRYPTED.items():
            for column in columns:
                assert (await s.execute(select(getattr(model, column)).where(getattr(model, column).is_not(None))
                                        .limit(1))).first(), f"{model.__tablename__}.{column} left empty"
    await before.close()

    rotating = await Store.connect(database_url, PhiCipher.from_keys(f"{new},{old}"), hash_key=hash_key,
                                   photo_dir=photos)
    assert await rotating.reencrypt() >= 12  # 11 columns filled above (one of them twice) and the photo file
    await rotating.close()

    only_new = PhiCipher.from_keys(new)
    after = await Store.connect(database_url, only_new, hash_key=hash_key, photo_dir=photos)
    stale = await Store.connect(database_url, PhiCipher.from_keys(old), hash_key=hash_key, photo_dir=photos)
    try:
        async with after.transaction() as s:  # every value, read back under the new key alone
            for model, columns in ENCRYPTED.items():
                for column in columns:
                    for (value,) in (await s.execute(select(getattr(model, column)))).all():
                        if value is not None:
                            only_new.decrypt(value)
            details = (await s.execute(select(AuditEntry.detail))).scalars().all()
        assert not [d for d in details if d.startswith("gAAAAA")]  # no ciphertext the rotation cannot reach
        case = await after.get_case(case_id)
        assert (case.caller, case.turns[0].raw_text, case.triage["complaint"]) == (CALLER, "he cut his leg badly",
                                                                                 "cut leg")
        assert [n.text for n in await after.list_notes(case_id)] == [NOTE]
        assert (await list_workers(after))[0].phone == WORKER
        assert [c.phone_last4 for c in await list_coordinators(after)] == ["***" + COORDINATOR[-4:]]
        assert (await list_messages(after, case_id=case_id))[0].body == "your case is TL-X"
        assert (await receive(after, "SM-phi", CALLER)).reply == "thank you, a health worker will call"
        _, data = await read_photo(after, case_id, photo_name, actor="test")
        assert data == jpeg()
        with pytest.raises(PhiKeyError):
            await stale.list_notes(case_id)
        with pytest.raises(PhiKeyError):
            await read_photo(stale, case_id, photo_name, actor="test")
    finally:
        await after.close()
        await stale.close()


async def test_photo_files_are_encrypted_owner_only_and_named_without_a_fingerprint(store, tmp_path):
    ref = await store.open_call(call_sid="CA-file", caller=CALLER)
    data = jpeg()
    await add_photo(store, ref.case_id, jpeg=data, source="upload")
    (photo,) = await list_photos(store, ref.case_id)
    stored = tmp_path / "photos" / photo.path
    assert stored.read_bytes().startswith(b"gAAAAA") and data not in stored.read_bytes()
    assert stored.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "photos").stat().st_mode & 0o777 == 0o700 == stored.parent.stat().st_mode & 0o777
    assert hashlib.sha256(data).hexdigest() not in photo.path  # a copy of the picture does not find its file
    assert [p.name for p in stored.parent.iterdir()] == [stored.name]  # no temporary file left behind


async def test_a_plain_photo_from_before_encryption_is_served_then_encrypted_by_rotation(store, tmp_path):
    ref = await store.open_call(call_sid="CA-legacy", caller=CALLER)
    data = jpeg((10, 200, 10))
    legacy = f"{ref.case_id}/{hashlib.sha256(data).hexdigest()}.jpg"  # how 0.x stored photos: plain, 0644
    (tmp_path / "photos" / str(ref.case_id)).mkdir(parents=True)
    (tmp_path / "photos" / legacy).write_bytes(data)
    async with store.transaction() as s:
        await s.execute(insert(Photo).values(case_id=ref.case_id, path=legacy, content_type="image/jpeg",
                                             size_bytes=len(data), source="upload", created_at=store.now()))
    name = legacy.rsplit("/", 1)[1]
    assert (await read_photo(store, ref.case_id, name, actor="case-link"))[1] == data  # read both

    assert await store.reencrypt() >= 2  # the case's contact and the photo
    (photo,) = await list_photos(store, ref.case_id)
    assert photo.path.endswith(".enc") and photo.path != legacy
    assert not (tmp_path / "photos" / legacy).exists()
    assert (tmp_path / "photos" / photo.path).read_bytes().startswith(b"gAAAAA")
    assert (await read_photo(store, ref.case_id, photo.name, actor="case-link"))[1] == data
    assert await read_photo(store, ref.case_id, name, actor="case-link") is None
    await add_photo(store, ref.case_id, jpeg=data, source="mms")  # the same picture again is the same photo
    assert len(await list_photos(store, ref.case_id)) == 1


async def test_photo_views_are_audited(store):
    ref = await store.open_call(call_sid="CA-view", caller=CALLER)
    await add_photo(store, ref.case_id, jpeg=jpeg(), source="upload")
    (photo,) = await list_photos(store, ref.case_id)
    await read_photo(store, ref.case_id, photo.name, actor="case-link")
    assert await read_photo(store, ref.case_id, "../../etc/passwd", actor="case-link") is None
    assert [(a.actor, a.detail) for a in await store.audit_trail(ref.case_id) if a.action == "photo_read"] == [
        ("case-link", photo.name[:16])]


async def test_photos_are_capped_per_case(store):
    store.policy = replace(store.policy, photos_per_case_max=2)
    ref = await store.open_call(call_sid="CA-cap", caller=CALLER)
    for n in range(2):
        assert (await add_photo(store, ref.case_id, jpeg=jpeg((n, n, n)), source="upload"))[1]
    assert not (await add_photo(store, ref.case_id, jpeg=jpeg((0, 0, 0)), source="mms"))[1]  # already there: fine
    with pytest.raises(PhotoLimit):
        await add_photo(store, ref.case_id, jpeg=jpeg((9, 9, 9)), source="upload")
    assert len(await list_photos(store, ref.case_id)) == 2 and await count_photos(store, ref.case_id) == 2


async def test_photos_are_purged_with_the_case_retention(store, tmp_path):
    clock = FakeClock()
    store.clock = clock
    old = await store.open_call(call_sid="CA-old", caller=CALLER)
    await add_photo(store, old.case_id, jpeg=jpeg((1, 1, 1)), source="upload")
    (old_photo,) = await list_photos(store, old.case_id)
    clock.advance(days=89)
    new = await store.open_call(call_sid="CA-new", caller=CALLER)
    await add_photo(store, new.case_id, jpeg=jpeg((2, 2, 2)), source="upload")
    clock.advance(days=1, seconds=1)
    await ensure_purge_scheduled(store)

    async def digest_sent(job) -> None:  # sms sends it (tests/sms/test_sms_photo_flood.py)
        pass

    jobs = {**handlers(store, RecordingNotifier()), "photo_digest": digest_sent}
    while (job := await run_once(store, jobs, "w1")) is not None:
        assert job.kind in ("purge", "photo_digest")
    assert await list_photos(store, old.case_id) == []
    assert not (tmp_path / "photos" / old_photo.path).exists()
    assert await read_photo(store, old.case_id, old_photo.name, actor="case-link") is None
    assert [a.detail for a in await store.audit_trail(old.case_id) if a.action == "photo_purged"] == [
        old_photo.name[:16]]
    assert len(await list_photos(store, new.case_id)) == 1


def test_photo_files_read_a_file_written_under_an_older_key(tmp_path):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    PhotoFiles(tmp_path, PhiCipher.from_keys(old), str.upper).save("3/A.enc", b"\xff\xd8\xff photo")
    files = PhotoFiles(tmp_path, PhiCipher.from_keys(f"{new},{old}"), str.upper)
    assert files.read("3/A.enc") == b"\xff\xd8\xff photo"
    assert files.rotate("3/A.enc") == "3/A.enc"
    assert PhotoFiles(tmp_path, PhiCipher.from_keys(new), str.upper).read("3/A.enc") == b"\xff\xd8\xff photo"


async def _migrate(url: str, revision: str, *, down: bool = False) -> None:
    engine = make_engine(url)
    try:
        async with engine.begin() as conn:
            step = command.downgrade if down else command.upgrade
            await conn.run_sync(lambda c: step(alembic_config(c), revision))
    finally:
        await engine.dispose()


async def test_migration_moves_notes_out_of_the_append_only_audit_log(database_url, phi_cipher, hash_key):
    await _migrate(database_url, "0002", down=True)
    try:
        at = datetime(2025, 3, 1, 8, tzinfo=UTC)
        engine = make_engine(database_url)
        async with engine.begin() as conn:  # rows as 0.x wrote them: the note's ciphertext in the audit log
            case_id = (await conn.execute(insert(Case).values(
                reference="TL-MIGRAT", channel="sms", contact_hash="h", status="closed", follow_up=False,
                priority_base=0, created_at=at, updated_at=at).returning(Case.id))).scalar_one()
            for action, detail in [("status", "resolved -> closed"), ("note", phi_cipher.encrypt(NOTE))]:
                await conn.execute(insert(AuditEntry).values(case_id=case_id, actor="worker:1", action=action,
                                                             detail=detail, at=at))
        await engine.dispose()
    finally:
        await _migrate(database_url, "head")

    store = await Store.connect(database_url, phi_cipher, hash_key=hash_key)
    try:
        assert [(n.author, n.text) for n in await store.list_notes(case_id)] == [("worker:1", NOTE)]
        assert [(a.action, a.detail) for a in await store.audit_trail(case_id)] == [
            ("status", "resolved -> closed"), ("note", "moved to case notes")]
        with pytest.raises(Exception, match="append-only"):  # the trigger is back
            async with store.transaction() as s:
                await s.execute(text("UPDATE audit_log SET detail = 'x'"))
        async with store.transaction() as s:
            assert (await s.execute(select(CaseNote.note_enc))).scalar_one().startswith("gAAAAA")
    finally:
        await store.close()


async def test_a_done_note_is_kept_encrypted_out_of_the_audit_log(store):
    case_id, _ = await case_with_everything(store)
    (audit,) = [a for a in await store.audit_trail(case_id) if a.action == "note"]
    assert audit.detail.startswith("note ") and NOTE not in audit.detail
    async with store.transaction() as s:
        assert NOTE not in (await s.execute(select(CaseNote.note_enc))).scalar_one()
    assert [n.author for n in await store.list_notes(case_id)] == [audit.actor]
