"""A case's life as an explicit state machine: every allowed move is listed here, nothing else is."""

from __future__ import annotations

from enum import StrEnum

from routing.errors import IllegalTransition


class Status(StrEnum):
    """Where a case is in its life."""

    CREATED = "created"  # the call or conversation is under way
    INTAKE_COMPLETE = "intake_complete"
    PENDING = "pending"  # waiting in the queue
    ASSIGNED = "assigned"  # offered to one worker, not yet accepted
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    FOLLOW_UP_SCHEDULED = "follow_up_scheduled"
    CLOSED = "closed"
    ESCALATED = "escalated"  # waited too long: priority raised, coordinators alerted; still claimable
    EXPIRED = "expired"  # intake abandoned and never completed


S = Status
ALLOWED: dict[Status, frozenset[Status]] = {
    S.CREATED: frozenset({S.INTAKE_COMPLETE, S.ESCALATED, S.EXPIRED}),
    S.INTAKE_COMPLETE: frozenset({S.PENDING, S.ESCALATED}),
    S.PENDING: frozenset({S.ASSIGNED, S.ESCALATED, S.CLOSED}),
    S.ASSIGNED: frozenset({S.IN_PROGRESS, S.PENDING, S.ESCALATED}),  # declined or not accepted in time -> pending
    S.IN_PROGRESS: frozenset({S.RESOLVED, S.PENDING, S.ESCALATED}),
    S.RESOLVED: frozenset({S.FOLLOW_UP_SCHEDULED, S.CLOSED}),
    S.FOLLOW_UP_SCHEDULED: frozenset({S.PENDING, S.CLOSED}),  # "worse" re-enters the queue
    S.ESCALATED: frozenset({S.ASSIGNED, S.IN_PROGRESS, S.RESOLVED, S.CLOSED}),
    S.EXPIRED: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
}

QUEUED = frozenset({S.PENDING, S.ESCALATED})  # claimable by a worker
INTAKE_OPEN = frozenset({S.CREATED})  # a text conversation still collecting answers


def check_transition(current: str, target: str) -> Status:
    """Return `target` as a Status if the table allows current -> target, else raise IllegalTransition."""
    try:
        src, dst = Status(current), Status(target)
    except ValueError as exc:
        raise IllegalTransition(f"unknown status in {current!r} -> {target!r}") from exc
    if dst not in ALLOWED[src]:
        raise IllegalTransition(f"{src} -> {dst} is not allowed")
    return dst
