"""The timings and contacts that govern a case's life, parsed once at the edge and passed down."""

from __future__ import annotations

from dataclasses import dataclass

HOUR_S = 3600
SEND_SHARE_OF_LEASE = 0.5  # a job's message is settled within half its lease: a retry never meets a live send


@dataclass(frozen=True)
class RoutingPolicy:
    """How long a case may wait at each step, and whom to alert when it waits too long."""

    offer_timeout_s: int = 10 * 60  # an offered case not accepted in this time goes to the next worker
    escalate_after_s: int = 2 * HOUR_S  # queued and not taken by a worker: escalate
    follow_up_after_s: tuple[int, ...] = (24 * HOUR_S, 48 * HOUR_S)  # after resolution
    close_after_last_follow_up_s: int = 24 * HOUR_S
    follow_up_reply_window_s: int = 24 * HOUR_S  # after a follow-up text, the patient's replies belong to that case
    retention_days: int = 90  # transcripts and photos are purged after this many days
    photos_per_case_max: int = 6  # photos a case may hold, from every channel together
    photo_digest_s: int = 5 * 60  # at most one "photos received" message per case in this time
    coordinator_numbers: tuple[str, ...] = ()
    job_lease_s: int = 120  # a claimed job not finished by then is presumed dead and retried
    job_max_attempts: int = 5
    job_backoff_s: int = 30  # doubled after each failed attempt

    @property
    def send_within_s(self) -> float:
        """How long a job may spend sending one message, so that its retry finds the send over (sms/sender.py)."""
        return self.job_lease_s * SEND_SHARE_OF_LEASE
