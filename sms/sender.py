"""Outbound SMS and WhatsApp: every message is written to the database before anything is sent."""

from __future__ import annotations

import asyncio
import logging
import time
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol, Sequence
from urllib.parse import urlencode, urlsplit, urlunsplit

import requests
from twilio.base.exceptions import TwilioException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from intake.models import TriageResult
from routing.contacts import is_opted_out, set_opted_out
from routing.models import MessageStatus
from routing.outbox import add_message, message_status, retry_message, update_message
from routing.privacy import mask_phone

from .inbound import TWILIO_MESSAGE_STATES
from .summaries import CaseSummaryInput, case_message, follow_up_text

logger = logging.getLogger(__name__)

REQUEST_TIMEOUT_S = 10.0
RETRY_DELAYS_S = (0.5, 1.0, 2.0)  # bounded backoff: four attempts in about 3.5 s plus request time
TRANSIENT_HTTP = frozenset({429, 500, 502, 503, 504})
INVALID_NUMBER = 21211  # Twilio: the 'To' number is not a valid phone number
OPTED_OUT = 21610  # Twilio: the recipient replied STOP
EXHAUSTED = "retries-exhausted"  # the one failure a later job attempt may send again
IN_FLIGHT = "in-flight"  # the answer when another sender may still be sending this message: try again later
TIMEOUT_PARTS_PER_ATTEMPT = 2  # a request may wait its timeout to connect, then again to read
MIN_ATTEMPT_TIMEOUT_S = 0.2  # less time than this left in the send window: no new attempt
ABANDON_MARGIN_S = 1.0  # clocks of two processes (or hosts) may differ this much
RECONCILE_SKEW_S = 60  # Twilio's clock against ours (and its whole-second dates) when matching a message
RECONCILE_PAGE_SIZE = 50
RECONCILE_SCAN_LIMIT = 200  # newest messages to that number from ours that are searched for the lost one

_attempt_timeout_s: ContextVar[float | None] = ContextVar("twilio_attempt_timeout_s", default=None)


@dataclass(frozen=True)
class SendResult:
    """What became of one message: its database row, and the provider's answer if it was sent."""

    message_id: int
    status: str  # a MessageStatus (outbox, queued/accepted/sent, failed, opted-out), or duplicate | in-flight
    provider_sid: str | None = None
    error: str | None = None  # stable code first: "invalid-number: ...", "retries-exhausted: ..."

    @property
    def ok(self) -> bool:
        """True unless the message is recorded as failed."""
        return self.status != MessageStatus.FAILED

    @property
    def retry(self) -> bool:
        """True when only passing errors stopped it, or another send may be under way: run the job again."""
        failed = self.status == MessageStatus.FAILED
        return self.status == IN_FLIGHT or (failed and (self.error or "").startswith(EXHAUSTED))


class MessageSender(Protocol):
    """Sends a text to a phone number or a `whatsapp:` address, recording it first."""

    async def send(
        self, to: str, body: str, *, kind: str, case_id: int | None = None, idempotency_key: str | None = None,
        send_within_s: float | None = None,
    ) -> SendResult:
        """Record and send one message (done sending within `send_within_s`); a used key says 'duplicate'."""
        ...


def _provider_status(word: object) -> MessageStatus:
    """Twilio's word for a message it has, as routing's; a word Twilio adds later reads as queued (it has it)."""
    return TWILIO_MESSAGE_STATES.get(str(word or "queued"), MessageStatus.QUEUED)


def channel_of(address: str) -> str:
    """'whatsapp' for `whatsapp:+...` addresses, else 'sms'."""
    return "whatsapp" if address.startswith("whatsapp:") else "sms"


class _RecordingSender:
    """What every sender does first: write the message down, honour opt-outs, never send one key twice.

    Also routing's Notifier: its jobs send through here, keyed by job, and word the follow-up with us.
    """

    status_recorded = MessageStatus.SENDING

    def __init__(self, store) -> None:
        self.store = store

    @property
    def send_span_s(self) -> float:
        """The longest a send may take when the caller sets no limit (the outbox: no time at all)."""
        return 0.0

    async def send(
        self, to: str, body: str, *, kind: str, case_id: int | None = None, idempotency_key: str | None = None,
        send_within_s: float | None = None,
    ) -> SendResult:
        """Record, then deliver within `send_within_s` (default: the sender's own span); opted-out numbers get nothing.

        A used key sends nothing ("duplicate"), unless its first send ran out of retries, or its sender died
        mid-send (the row still "sending" after the window): then it is reconciled with the provider and sent
        only if the provider never got it. A send that may still be under way answers "in-flight".
        """
        window_s = self.send_span_s if send_within_s is None else min(send_within_s, self.send_span_s)
        started = time.monotonic()  # before the row is stamped, so our window never outlasts the row's
        opted_out = await is_opted_out(self.store, to)
        message_id, created = await add_message(
            self.store, to=to, body=body, kind=kind, case_id=case_id, channel=channel_of(to),
            status=MessageStatus.OPTED_OUT if opted_out else self.status_recorded, idempotency_key=idempotency_key,
        )
        if opted_out:
            if created:
                logger.info("message %s (%s) not sent: %s opted out", message_id, kind, mask_phone(to))
                return SendResult(message_id, MessageStatus.OPTED_OUT)
            return SendResult(message_id, "duplicate")
        if created:
            return await self._deliver(message_id, to, body, deadline=started + window_s)
        return await self._send_again(message_id, to, body, window_s)

    async def _send_again(self, message_id: int, to: str, body: str, window_s: float) -> SendResult:
        """A key seen before: take the message back if its send failed for a passing reason or was abandoned.

        Abandoned means "sending" for longer than `window_s` (plus clock margin): every sender of one key
        uses the same window, so the sender that stamped the row has no request left under way by then.
        """
        started = time.monotonic()
        stale_before = self.store.now() - timedelta(seconds=window_s + ABANDON_MARGIN_S)
        recorded_at = await retry_message(
            self.store, message_id, error_prefix=EXHAUSTED, status=self.status_recorded,
            stale_status=MessageStatus.SENDING if self.status_recorded == MessageStatus.SENDING else None,
            stale_before=stale_before)
        if recorded_at is None:
            if await message_status(self.store, message_id) == MessageStatus.SENDING:
                logger.info("message %s to %s may still be under way; later", message_id, mask_phone(to))
                return SendResult(message_id, IN_FLIGHT)
            logger.info("message %s to %s already recorded; not sent again", message_id, mask_phone(to))
            return SendResult(message_id, "duplicate")
        found = await self._reconcile(message_id, to, body, since=recorded_at)
        if found is not None:
            return found
        return await self._deliver(message_id, to, body, deadline=started + window_s)

    async def _reconcile(self, message_id: int, to: str, body: str, *, since: datetime) -> SendResult | None:
        """Before sending again: what the provider already has of this message (the outbox: nothing to ask)."""
        return None

    async def _deliver(self, message_id: int, to: str, body: str, *, deadline: float) -> SendResult:
        """Each sender's own step, once the message is recorded (the outbox: nothing; Twilio: the API call)."""
        raise NotImplementedError

    def follow_up_text(self, reference: str, region: str | None, language: str | None = None) -> str:
        """routing's follow-up question, in the case's language, with the caller's own emergency number."""
        return follow_up_text(reference, region, language)

    def offer_text(self, reference: str, triage: dict, caller: str | None, region: str | None) -> str:
        """routing's case offer: the one message per case a health worker gets."""
        return case_message(CaseSummaryInput(reference, caller, region, TriageResult.from_dict(triage)))


class OutboxSender(_RecordingSender):
    """The embedded default: messages wait in the database outbox (`triage outbox`), nothing leaves the machine."""

    status_recorded = MessageStatus.OUTBOX

    async def _deliver(self, message_id: int, to: str, body: str, *, deadline: float) -> SendResult:
        """Nothing to do: the row is the outbox."""
        return SendResult(message_id, MessageStatus.OUTBOX)


class _HttpClient(TwilioHttpClient):
    """The SDK's own HTTP client, with a per-attempt timeout and optionally another origin (a proxy, a test server)."""

    def __init__(self, base_url: str | None, timeout: float) -> None:
        super().__init__(timeout=timeout)
        self._base = urlsplit(base_url) if base_url else None

    def request(self, method, url, *args, **kwargs):
        """Same request, under this attempt's timeout, to our scheme and host."""
        if kwargs.get("timeout") is None and _attempt_timeout_s.get() is not None:
            kwargs["timeout"] = _attempt_timeout_s.get()
        if self._base is not None:
            parts = urlsplit(url)
            url = urlunsplit((self._base.scheme, self._base.netloc, self._base.path.rstrip("/") + parts.path,
                              parts.query, ""))
        return super().request(method, url, *args, **kwargs)


def _with_timeout(timeout_s: float, call, /, *args, **kwargs):
    """In a worker thread (its own copy of the context): one SDK call whose requests wait at most `timeout_s`."""
    _attempt_timeout_s.set(timeout_s)
    return call(*args, **kwargs)


def _classify(exc: Exception) -> tuple[bool, str]:
    """(transient?, stable error text) for an exception from the SDK."""
    if isinstance(exc, requests.Timeout):
        return True, "timeout"
    if isinstance(exc, requests.ConnectionError):
        return True, "connection-error"
    if not isinstance(exc, TwilioException):
        return False, f"error: {type(exc).__name__}"
    status = getattr(exc, "status", None)
    code = getattr(exc, "code", None)
    detail = getattr(exc, "msg", None) or getattr(exc, "title", None) or type(exc).__name__
    if status in TRANSIENT_HTTP:
        return True, f"http-{status}: {detail}"
    if code == INVALID_NUMBER:
        return False, f"invalid-number: twilio {code}"
    if code == OPTED_OUT:
        return False, f"opted-out: twilio {code}"
    return False, f"rejected: http {status} twilio {code}: {detail}"


class TwilioSender(_RecordingSender):
    """Sends through Twilio's Messages API with the official SDK, retrying only what may succeed later."""

    def __init__(
        self,
        store,
        account_sid: str,
        auth_token: str,
        from_number: str,
        api_base_url: str | None = None,
        status_callback_url: str | None = None,
        *,
        request_timeout_s: float = REQUEST_TIMEOUT_S,
        retry_delays_s: Sequence[float] = RETRY_DELAYS_S,
    ) -> None:
        super().__init__(store)
        self.from_number = from_number
        self.status_callback_url = status_callback_url
        self.request_timeout_s = request_timeout_s
        self.retry_delays_s = tuple(retry_delays_s)
        self.client = Client(account_sid, auth_token, http_client=_HttpClient(api_base_url, request_timeout_s))

    @property
    def send_span_s(self) -> float:
        """Every attempt waiting its whole timeout, plus the pauses between them."""
        attempts = len(self.retry_delays_s) + 1
        return attempts * TIMEOUT_PARTS_PER_ATTEMPT * self.request_timeout_s + sum(self.retry_delays_s)

    async def _deliver(self, message_id: int, to: str, body: str, *, deadline: float) -> SendResult:
        """Send the recorded message, retrying transient errors with backoff until `deadline` (monotonic).

        No request is still waiting after the deadline, so whoever finds the message unfinished later
        knows nobody is sending it. The outcome is recorded.
        """
        params = {"to": to, "body": body, "from_": self._from_for(to)}
        if self.status_callback_url:
            params["status_callback"] = f"{self.status_callback_url}?{urlencode({'message_id': message_id})}"

        delays, last_error = iter(self.retry_delays_s), None
        while True:
            timeout_s = min(self.request_timeout_s, (deadline - time.monotonic()) / TIMEOUT_PARTS_PER_ATTEMPT)
            if timeout_s < MIN_ATTEMPT_TIMEOUT_S:
                after = f" after {last_error}" if last_error else ""
                return await self._failed(message_id, to, f"{EXHAUSTED}: send window closed{after}")
            try:
                message = await asyncio.to_thread(_with_timeout, timeout_s, self.client.messages.create, **params)
            except Exception as exc:  # noqa: BLE001 -- any failure is recorded; CancelledError is not an Exception
                transient, error = _classify(exc)
                delay = next(delays, None) if transient else None
                last_error = error
                if delay is not None:
                    # A read timeout may mean Twilio did accept it: a rare duplicate beats a lost triage message.
                    logger.warning("send %s to %s failed (%s), retrying in %.1f s",
                                   message_id, mask_phone(to), error, delay)
                    await asyncio.sleep(delay)
                    continue
                return await self._failed(message_id, to, f"{EXHAUSTED}: {error}" if transient else error)
            status = _provider_status(message.status)
            await update_message(self.store, message_id, status=status, provider_sid=message.sid)
            logger.info("sent %s to %s as %s", message_id, mask_phone(to), message.sid)
            return SendResult(message_id, status, provider_sid=message.sid)

    async def _failed(self, message_id: int, to: str, error: str) -> SendResult:
        """Record a send that did not happen (EXHAUSTED: a later job attempt reconciles, then may send)."""
        logger.error("send %s to %s failed: %s", message_id, mask_phone(to), error)
        await update_message(self.store, message_id, status=MessageStatus.FAILED, error=error)
        if error.startswith("opted-out"):  # STOP reached Twilio before us: remember it too
            await set_opted_out(self.store, to, True)
        return SendResult(message_id, MessageStatus.FAILED, error=error)

    async def _reconcile(self, message_id: int, to: str, body: str, *, since: datetime) -> SendResult | None:
        """Did Twilio get this message from a sender that died, or timed out, before hearing back? Record it if so.

        Lists our messages to that number (no date filter: Twilio leaves date_sent empty while a message
        is queued) and matches the body and a creation time after ours. None: Twilio has no such message.
        """
        cutoff = since - timedelta(seconds=RECONCILE_SKEW_S)
        try:
            sid, status = await asyncio.to_thread(_with_timeout, self.request_timeout_s, self._find_sent,
                                                  to, body, cutoff)
        except Exception as exc:  # noqa: BLE001 -- classified below
            transient, error = _classify(exc)
            if transient:  # unknown is not "not sent": the job comes back and asks again
                return await self._failed(message_id, to, f"{EXHAUSTED}: reconcile {error}")
            # Twilio refuses to list (an API key without read rights?): a rare duplicate beats a lost message.
            logger.error("message %s to %s: cannot ask Twilio (%s); sending it again", message_id, mask_phone(to),
                         error)
            return None
        if sid is None:
            logger.warning("message %s to %s: Twilio never got it; sending it now", message_id, mask_phone(to))
            return None
        await update_message(self.store, message_id, status=status, provider_sid=sid)
        logger.warning("message %s to %s: Twilio had it as %s; not sent again", message_id, mask_phone(to), sid)
        return SendResult(message_id, status, provider_sid=sid)

    def _find_sent(self, to: str, body: str, cutoff: datetime) -> tuple[str | None, MessageStatus | str]:
        """(sid, status) of our newest message to `to` with this body created after `cutoff`; (None, "") if none."""
        for message in self.client.messages.stream(to=to, from_=self._from_for(to), limit=RECONCILE_SCAN_LIMIT,
                                                   page_size=RECONCILE_PAGE_SIZE):
            if message.body == body and message.date_created is not None and message.date_created >= cutoff:
                return message.sid, _provider_status(message.status)
        return None, ""

    def _from_for(self, to: str) -> str:
        """WhatsApp recipients need a WhatsApp sender on the same number."""
        if to.startswith("whatsapp:") and not self.from_number.startswith("whatsapp:"):
            return f"whatsapp:{self.from_number}"
        return self.from_number


def build_sender(
    store, *, account_sid: str, auth_token: str | None, from_number: str, api_base_url: str | None = None,
    status_callback_url: str | None = None,
) -> MessageSender:
    """Twilio when all credentials are set, else the database outbox."""
    if account_sid and auth_token and from_number:
        return TwilioSender(store, account_sid, auth_token, from_number, api_base_url or None, status_callback_url)
    return OutboxSender(store)
