"""Errors raised by routing, one class per stage, each with a stable machine-readable code."""

from __future__ import annotations


class RoutingError(Exception):
    """Base of every routing error; `code` is stable and machine-readable."""

    code = "routing-error"

    def __init__(self, message: str = "", *, code: str | None = None) -> None:
        super().__init__(message or code or self.code)
        if code:
            self.code = code


class PhiKeyError(RoutingError):
    """The PHI encryption key is missing or malformed: a startup error, never silent plaintext."""

    code = "phi-key-invalid"


class StoreError(RoutingError):
    """The database refused or could not be reached."""

    code = "store-error"


class StoreUnavailable(StoreError):
    """Transient database errors outlasted the bounded retry."""

    code = "store-unavailable"


class NotFound(StoreError):
    """A case, call, worker or message id that does not exist."""

    code = "not-found"


class IllegalTransition(RoutingError):
    """A lifecycle change the transition table does not allow."""

    code = "illegal-transition"


class NotifyFailed(RoutingError):
    """A message could not be sent for a passing reason: the job that sends it is retried."""

    code = "notify-failed"


class PhotoLimit(RoutingError):
    """The case already holds as many photos as the policy allows."""

    code = "photo-limit"
