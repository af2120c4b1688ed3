"""The "photos received" text: one per case per window (PHOTO_DIGEST_S), never one per photo.

Routing schedules the digest job when a photo is attached (Store.add_photo: photos in one window share one
job, run when the window ends). This is what the job sends: to the worker who has the case, else to the
configured worker numbers, with the case link. It runs in `triage worker`, which the app wires with it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from routing.errors import NotifyFailed
from routing.jobs import ClaimedJob, Handler
from routing.models import MessageKind
from routing.notify import Notifier
from routing.photos import PHOTO_DIGEST, count_photos
from routing.queue import current_worker
from routing.store import Store
from routing.workers import get_worker

from .links import case_url
from .notify import recipient_tag

logger = logging.getLogger(__name__)

DIGEST_TEXT = "{ref}: {new} new {photos} from the patient ({total} on the case). {link}"


def photo_digest_handlers(store: Store, notifier: Notifier, *, secret: bytes, public_base_url: str,
                          worker_numbers: Sequence[str], clock: Callable[[], float] = time.time) -> dict[str, Handler]:
    """The `photo_digest` job handler, bound to where it sends and how it links the case."""

    async def on_photo_digest(job: ClaimedJob) -> None:
        case_id = job.payload["case_id"]
        new = await count_photos(store, case_id, since=datetime.fromtimestamp(job.payload["since_s"], UTC))
        if not new:
            return
        case = await store.get_case(case_id)
        worker_id = await current_worker(store, case_id)
        worker = await get_worker(store, worker_id) if worker_id is not None else None
        numbers = (worker.phone,) if worker is not None else tuple(dict.fromkeys(worker_numbers))
        if not numbers:
            logger.warning("case %s: photos arrived but no worker has the case and none is configured", case.reference)
            return
        link = case_url(public_base_url, secret, case_id, now=clock()) if public_base_url else ""
        body = DIGEST_TEXT.format(ref=case.reference, new=new, photos="photo" if new == 1 else "photos",
                                  total=await count_photos(store, case_id), link=link).strip()
        for number in numbers:
            delivery = await notifier.send(number, body, kind=MessageKind.PHOTO_NOTICE, case_id=case_id,
                                           idempotency_key=f"job:{job.id}:{recipient_tag(secret, number)}",
                                           send_within_s=store.policy.send_within_s)
            if delivery is not None and delivery.retry:
                raise NotifyFailed(f"photo digest for case {case_id} not sent yet")

    return {PHOTO_DIGEST: on_photo_digest}
