"""The "photos received" text: one per case per window (PHOTO_DIGEST_S), never one per photo.

Routing schedules the digest job when a photo is attached (Store.add_photo: photos in one window share one
job, run when the window ends). This is what the job sends, with the case link: to the worker who holds the
case (offered or accepted) and nobody else, as a case reaches a worker as one message. When nobody holds it the
photos wait on the case, whose page shows them to whoever takes it: texting every on-duty number is the flood
that one message per case ended.
It runs in the job loop (`triage serve`, or `triage worker`), which the app wires with it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime

from routing.errors import NotifyFailed
from routing.jobs import ClaimedJob, Handler
from routing.models import MessageKind
from routing.notify import Notifier
from routing.photos import PHOTO_DIGEST, count_photos
from routing.queue import current_worker
from routing.store import Store
from routing.workers import get_worker

from .links import BaseUrl, base_of, case_url
from .notify import recipient_tag

logger = logging.getLogger(__name__)

DIGEST_TEXT = "{ref}: {new} new {photos} from the patient ({total} on the case). {link}"


def photo_digest_handlers(store: Store, notifier: Notifier, *, secret: bytes, public_base_url: BaseUrl,
                          clock: Callable[[], float] = time.time) -> dict[str, Handler]:
    """The `photo_digest` job handler, bound to where it sends and how it links the case."""

    async def on_photo_digest(job: ClaimedJob) -> None:
        case_id = job.payload["case_id"]
        new = await count_photos(store, case_id, since=datetime.fromtimestamp(job.payload["since_s"], UTC))
        if not new:
            return
        case = await store.get_case(case_id)
        worker_id = await current_worker(store, case_id)
        worker = await get_worker(store, worker_id) if worker_id is not None else None
        if worker is None:
            logger.info("case %s: %d new photos wait on the case; no worker holds it yet", case.reference, new)
            return
        base = base_of(public_base_url)
        link = case_url(base, secret, case_id, now=clock()) if base else ""
        body = DIGEST_TEXT.format(ref=case.reference, new=new, photos="photo" if new == 1 else "photos",
                                  total=await count_photos(store, case_id), link=link).strip()
        delivery = await notifier.send(worker.phone, body, kind=MessageKind.PHOTO_NOTICE, case_id=case_id,
                                       idempotency_key=f"job:{job.id}:{recipient_tag(secret, worker.phone)}",
                                       send_within_s=store.policy.send_within_s)
        if delivery is not None and delivery.retry:
            raise NotifyFailed(f"photo digest for case {case_id} not sent yet")

    return {PHOTO_DIGEST: on_photo_digest}
