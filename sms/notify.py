"""The end-of-case step: one summary to each health worker and one to the caller, each sent at most once."""

from __future__ import annotations

import hashlib
import hmac
import logging
import time

from intake.models import TriageResult
from routing.models import MessageKind

from .links import case_url, photo_url
from .sender import MessageSender, SendResult
from .summaries import CaseSummaryInput, caller_summary, worker_summary

logger = logging.getLogger(__name__)


async def send_case_summaries(
    store, sender: MessageSender, case_id: int, *, worker_numbers: tuple[str, ...] | list[str],
    public_base_url: str, secret: bytes, now: float | None = None,
) -> list[SendResult]:
    """Summarise the case to every worker number and to the caller; safe to call again (idempotent per recipient)."""
    now = time.time() if now is None else now
    case = await store.get_case(case_id)
    triage = TriageResult.from_dict(case.triage or {})
    base = public_base_url.rstrip("/")
    summary = CaseSummaryInput(
        reference=case.reference, caller=case.caller, region=case.region, triage=triage,
        case_url=case_url(base, secret, case_id, now=now) if base else None,
        # Only a clear "no" withholds the photo link: an unasked question is not a refusal.
        photo_url=photo_url(base, secret, case_id, now=now) if base and triage.photo_consent is not False else None,
    )
    results = []
    worker_text = worker_summary(summary)
    for number in dict.fromkeys(n.strip() for n in worker_numbers if n.strip()):
        results.append(await sender.send(number, worker_text, kind=MessageKind.WORKER_SUMMARY, case_id=case_id,
                                         idempotency_key=f"case:{case_id}:worker_summary:{recipient_tag(secret, number)}"))
    if case.caller:
        results.append(await sender.send(case.caller, caller_summary(summary), kind=MessageKind.CALLER_SUMMARY,
                                         case_id=case_id, idempotency_key=f"case:{case_id}:caller_summary"))
    failed = sum(1 for r in results if not r.ok)
    logger.info("case %s: %d summaries recorded, %d failed", case.reference, len(results), failed)
    return results


def recipient_tag(secret: bytes, number: str) -> str:
    """A keyed tag for a recipient: idempotency keys are stored in clear, phone numbers must not be."""
    return hmac.new(secret, number.encode(), hashlib.sha256).hexdigest()[:20]
