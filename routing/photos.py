"""A case's photos: stored encrypted (routing/photo_files.py), attached and audited here, purged after retention.

Each photo a case receives also schedules that case's photo digest, so its worker hears of photos in one
message per window rather than one per photo.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from routing.errors import PhotoLimit
from routing.jobs import schedule
from routing.models import AuditEntry, Photo
from routing.photo_files import PhotoFiles
from routing.store import PHOTO_BATCH, Store
from routing.views import PhotoView

logger = logging.getLogger(__name__)

PHOTO_DIGEST = "photo_digest"  # the job that tells the case's worker photos arrived (sms/digest.py sends it)


def _photo_files(store: Store) -> PhotoFiles:
    if store.photos is None:
        raise RuntimeError("this store was opened without a photo directory")
    return store.photos


async def add_photo(store: Store, case_id: int, *, jpeg: bytes, source: str, width: int | None = None,
                    height: int | None = None, content_type: str = "image/jpeg") -> tuple[int, bool]:
    """Store a cleaned photo (encrypted) and attach it to the case; the same photo again returns the first
    row, created=False. Raises PhotoLimit past `policy.photos_per_case_max`, NotFound for no such case.

    A new photo schedules the case's photo digest (one message per `policy.photo_digest_s` window at most),
    in the same transaction.
    """
    files = _photo_files(store)
    path = files.path_for(case_id, jpeg)

    async def op(s: AsyncSession) -> tuple[int, bool]:
        found = (await s.execute(select(Photo.id).where(Photo.case_id == case_id, Photo.path == path))
                 ).scalar_one_or_none()
        if found is not None:
            return found, False
        now = store.now()
        await store.locked_case(s, case_id)  # NotFound for a case that does not exist; one writer per case
        held = (await s.execute(select(func.count()).select_from(Photo).where(Photo.case_id == case_id))
                ).scalar_one()
        if held >= store.policy.photos_per_case_max:
            raise PhotoLimit(f"case {case_id} holds {held} photos")
        await asyncio.to_thread(files.save, path, jpeg)
        photo = Photo(case_id=case_id, path=path, content_type=content_type, size_bytes=len(jpeg),
                      width=width, height=height, source=source, created_at=now)
        s.add(photo)
        await s.flush()
        s.add(AuditEntry(case_id=case_id, actor="patient", action="photo_attached",
                         detail=f"{source} {path.rsplit('/', 1)[-1][:16]}", at=now))
        await _schedule_photo_digest(store, s, case_id, now)
        return photo.id, True

    return await store.write("add_photo", op)


async def _schedule_photo_digest(store: Store, s: AsyncSession, case_id: int, now: datetime) -> None:
    """One digest per case per window: photos in the same window share it; it runs when the window ends."""
    window = store.policy.photo_digest_s
    start_s = int(now.timestamp()) // window * window
    await schedule(s, PHOTO_DIGEST, {"case_id": case_id, "since_s": start_s}, now=now,
                   run_at=datetime.fromtimestamp(start_s + window, UTC),
                   dedupe_key=f"{PHOTO_DIGEST}:{case_id}:{start_s}")


async def count_photos(store: Store, case_id: int, *, since: datetime | None = None) -> int:
    """How many photos the case holds (purged ones included: they counted when they came)."""
    query = select(func.count()).select_from(Photo).where(Photo.case_id == case_id)
    if since is not None:
        query = query.where(Photo.created_at >= since)

    async def op(s: AsyncSession) -> int:
        return (await s.execute(query)).scalar_one()

    return await store.read("count_photos", op)


async def list_photos(store: Store, case_id: int) -> list[PhotoView]:
    """The case's photos still kept, oldest first."""
    async def op(s: AsyncSession) -> list[PhotoView]:
        rows = (await s.execute(select(Photo).where(Photo.case_id == case_id, Photo.purged_at.is_(None))
                                .order_by(Photo.id))).scalars().all()
        return [_photo_view(p) for p in rows]

    return await store.read("list_photos", op)


async def read_photo(store: Store, case_id: int, name: str, *, actor: str) -> tuple[PhotoView, bytes] | None:
    """One photo of the case and its JPEG, the view written to the audit log; None if the case has no such photo.

    Only a name the database lists for this case is opened: that is also what keeps "../" out.
    """
    files = _photo_files(store)

    async def op(s: AsyncSession) -> PhotoView | None:
        row = (await s.execute(select(Photo).where(Photo.case_id == case_id, Photo.path == f"{case_id}/{name}",
                                                   Photo.purged_at.is_(None)))).scalar_one_or_none()
        if row is None:
            return None
        s.add(AuditEntry(case_id=case_id, actor=actor, action="photo_read", detail=name[:16], at=store.now()))
        return _photo_view(row)

    view = await store.read("read_photo", op)
    if view is None:
        return None
    try:
        return view, await asyncio.to_thread(files.read, view.path)
    except FileNotFoundError:
        logger.error("case %s: photo %s is listed but its file is missing", case_id, name[:16])
        return None


async def purge_photos(store: Store, *, before: datetime) -> int:
    """Delete the files of photos taken before `before` (the retention purge); their rows stay, marked."""
    files = _photo_files(store)
    purged = 0
    while True:
        async def op(s: AsyncSession) -> int:
            rows = (await s.execute(select(Photo).where(Photo.created_at < before, Photo.purged_at.is_(None))
                                    .order_by(Photo.id).limit(PHOTO_BATCH).with_for_update())).scalars().all()
            now = store.now()
            for row in rows:
                await asyncio.to_thread(files.delete, row.path)
                row.purged_at = now
                s.add(AuditEntry(case_id=row.case_id, actor="system", action="photo_purged",
                                 detail=row.path.rsplit("/", 1)[-1][:16], at=now))
            return len(rows)

        done = await store.write("purge_photos", op)
        purged += done
        if done < PHOTO_BATCH:
            return purged


def _photo_view(p: Photo) -> PhotoView:
    return PhotoView(p.id, p.case_id, p.path, p.content_type, p.size_bytes, p.width, p.height, p.source, p.created_at)
