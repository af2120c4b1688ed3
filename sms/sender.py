"""Outbound SMS and WhatsApp: every message is written to the database before anything is sent."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Protocol, Sequence
from urllib.parse import urlencode, urlsplit, urlunsplit

import requests
from twilio.base.exceptions import TwilioException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from routing.contacts import is_opted_out, set_opted_out
from routing.privacy import mask_phone

from .summaries import follow_up_text

logger = logging.getLogger(__name__)

REQUEST_TIMEOUT_S = 10.0
RETRY_DELAYS_S = (0.5, 1.0, 2.0)  # bounded backoff: four attempts in about 3.5 s plus request time
TRANSIENT_HTTP = frozenset({429, 500, 502, 503, 504})
INVALID_NUMBER = 21211  # Twilio: the 'To' number is not a valid phone number
OPTED_OUT = 21610  # Twilio: the recipient replied STOP
EXHAUSTED = "retries-exhausted"  # the one failure a later job attempt may send again


@dataclass(frozen=True)
class SendResult:
    """What became of one message: its database row, and the provider's answer if it was sent."""

    message_id: int
    status: str  # outbox | queued/accepted/sent (Twilio's word) | failed | duplicate | opted-out
    provider_sid: str | None = None
    error: str | None = None  # stable code first: "invalid-number: ...", "retries-exhausted: ..."

    @property
    def ok(self) -> bool:
        """True unless the message is recorded as failed."""
        return self.status != "failed"

    @property
    def retry(self) -> bool:
        """True when only passing errors stopped it: a job that sent it should run again (routing.notify)."""
        return self.status == "failed" and (self.error or "").startswith(EXHAUSTED)


class MessageSender(Protocol):
    """Sends a text to a phone number or a `whatsapp:` address, recording it first."""

    async def send(
        self, to: str, body: str, *, kind: str, case_id: int | None = None, idempotency_key: str | None = None
    ) -> SendResult:
        """Record and send one message; a used idempotency key sends nothing and says 'duplicate'."""
        ...


def channel_of(address: str) -> str:
    """'whatsapp' for `whatsapp:+...` addresses, else 'sms'."""
    return "whatsapp" if address.startswith("whatsapp:") else "sms"


class _RecordingSender:
    """What every sender does first: write the message down, honour opt-outs, never send one key twice.

    Also routing's Notifier: its jobs send through here, keyed by job, and word the follow-up with us.
    """

    status_recorded = "sending"

    def __init__(self, store) -> None:
        self.store = store

    async def send(
        self, to: str, body: str, *, kind: str, case_id: int | None = None, idempotency_key: str | None = None
    ) -> SendResult:
        """Record, then deliver; an opted-out number is recorded as such and sent nothing.

        A used key sends nothing ("duplicate"), unless its first send ran out of retries: then it is sent again.
        """
        opted_out = await is_opted_out(self.store, to)
        message_id, created = await self.store.add_message(
            to=to, body=body, kind=kind, case_id=case_id, channel=channel_of(to),
            status="opted-out" if opted_out else self.status_recorded, idempotency_key=idempotency_key,
        )
        if not created and (opted_out or not await self.store.retry_message(
                message_id, error_prefix=EXHAUSTED, status=self.status_recorded)):
            logger.info("message %s to %s already recorded; not sent again", message_id, mask_phone(to))
            return SendResult(message_id, "duplicate")
        if opted_out:
            logger.info("message %s (%s) not sent: %s opted out", message_id, kind, mask_phone(to))
            return SendResult(message_id, "opted-out")
        return await self._deliver(message_id, to, body)

    async def _deliver(self, message_id: int, to: str, body: str) -> SendResult:
        """Each sender's own step, once the message is recorded (the outbox: nothing; Twilio: the API call)."""
        raise NotImplementedError

    def follow_up_text(self, reference: str, region: str | None) -> str:
        """routing's follow-up question, with the caller's own emergency number."""
        return follow_up_text(reference, region)


class OutboxSender(_RecordingSender):
    """The embedded default: messages wait in the database outbox (`triage outbox`), nothing leaves the machine."""

    status_recorded = "outbox"

    async def _deliver(self, message_id: int, to: str, body: str) -> SendResult:
        """Nothing to do: the row is the outbox."""
        return SendResult(message_id, "outbox")


class _BaseUrlHttpClient(TwilioHttpClient):
    """The SDK's own HTTP client, sending to another origin (a regional proxy, or a test server)."""

    def __init__(self, base_url: str, timeout: float) -> None:
        super().__init__(timeout=timeout)
        self._base = urlsplit(base_url)

    def request(self, method, url, *args, **kwargs):
        """Same request, our scheme and host."""
        parts = urlsplit(url)
        url = urlunsplit((self._base.scheme, self._base.netloc, self._base.path.rstrip("/") + parts.path,
                          parts.query, ""))
        return super().request(method, url, *args, **kwargs)


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
        self.retry_delays_s = tuple(retry_delays_s)
        http = (_BaseUrlHttpClient(api_base_url, request_timeout_s) if api_base_url
                else TwilioHttpClient(timeout=request_timeout_s))
        self.client = Client(account_sid, auth_token, http_client=http)

    async def _deliver(self, message_id: int, to: str, body: str) -> SendResult:
        """Send the recorded message, retrying transient errors with backoff; the outcome is recorded."""
        params = {"to": to, "body": body, "from_": self._from_for(to)}
        if self.status_callback_url:
            params["status_callback"] = f"{self.status_callback_url}?{urlencode({'message_id': message_id})}"

        delays = iter(self.retry_delays_s)
        while True:
            try:
                message = await asyncio.to_thread(self.client.messages.create, **params)
            except Exception as exc:  # noqa: BLE001 -- any failure is recorded; CancelledError is not an Exception
                transient, error = _classify(exc)
                delay = next(delays, None) if transient else None
                if delay is not None:
                    # A read timeout may mean Twilio did accept it: a rare duplicate beats a lost triage message.
                    logger.warning("send %s to %s failed (%s), retrying in %.1f s",
                                   message_id, mask_phone(to), error, delay)
                    await asyncio.sleep(delay)
                    continue
                if transient:
                    error = f"{EXHAUSTED}: {error}"
                logger.error("send %s to %s failed: %s", message_id, mask_phone(to), error)
                await self.store.update_message(message_id, status="failed", error=error)
                if error.startswith("opted-out"):  # STOP reached Twilio before us: remember it too
                    await set_opted_out(self.store, to, True)
                return SendResult(message_id, "failed", error=error)
            status = str(message.status or "queued")
            await self.store.update_message(message_id, status=status, provider_sid=message.sid)
            logger.info("sent %s to %s as %s", message_id, mask_phone(to), message.sid)
            return SendResult(message_id, status, provider_sid=message.sid)

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
