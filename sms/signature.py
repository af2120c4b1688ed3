"""Twilio request signatures, checked against the public URL Twilio used."""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from quart import Response, request
from twilio.request_validator import RequestValidator

from routing.privacy import mask_phone

from .fields import TwilioForm, parse_form

Form = TypeVar("Form", bound=TwilioForm)

logger = logging.getLogger(__name__)

WEBHOOK_BODY_LIMIT_BYTES = 64 * 1024  # Twilio's form posts are a few kilobytes


def public_url(public_base_url: str, request_url: str) -> str:
    """The URL Twilio signed: our configured public origin plus the request's path and query.

    Behind a proxy the Host header is the proxy's, so we never trust it when a
    public base URL is configured.
    """
    if not public_base_url:
        return request_url
    base = urlsplit(public_base_url)
    req = urlsplit(request_url)
    return urlunsplit((base.scheme, base.netloc, req.path, req.query, ""))


def is_valid_signature(auth_token: str, url: str, params: dict[str, str], signature: str | None) -> bool:
    """True when `signature` is Twilio's HMAC-SHA1 of url + sorted params under `auth_token`."""
    if not signature:
        return False
    return RequestValidator(auth_token).validate(url, params, signature)


async def _signed_form(model: type[Form], *, auth_token: str | None, public_base_url: str,
                       query: tuple[str, ...] = ()) -> Form | Response:
    """The webhook's form as `model`, or the refusal: 413 for a body no webhook sends, 403 for a bad signature,
    400 for a field that is not what Twilio sends (the reason is logged, never the value).

    Every Twilio webhook (voice and SMS) comes through here, by WebhookSigning.webhook. Without an auth token
    (the embedded default, no Twilio account) there is no signature to check. `query` names query-string fields
    the model also reads (ours, in a callback URL we gave Twilio: it is signed with the rest).
    """
    if (request.content_length or 0) > WEBHOOK_BODY_LIMIT_BYTES:  # a chunked body is bounded by MAX_CONTENT_LENGTH
        logger.warning("%s refused: %s bytes", request.path, request.content_length)
        return Response("too large", 413)
    form = (await request.form).to_dict()
    if auth_token:
        url = public_url(public_base_url, request.url)
        if not is_valid_signature(auth_token, url, form, request.headers.get("X-Twilio-Signature")):
            logger.warning("%s refused: bad signature (from %s, call %s)", request.path, mask_phone(form.get("From")),
                           _printable(form.get("CallSid", "-"))[:40])
            return Response("forbidden", 403)
    fields = {name: request.args[name] for name in query if name in request.args}
    parsed = parse_form(model, {**fields, **form})
    if isinstance(parsed, str):
        logger.warning("%s refused: %s", request.path, parsed)
        return Response("bad request", 400)
    return parsed


@dataclass(frozen=True)
class WebhookSigning:
    """How this server checks Twilio's webhooks: the auth token (None: unsigned, development) and public origin."""

    auth_token: str | None
    public_base_url: str = ""

    def webhook(self, model: type[Form], *, query: tuple[str, ...] = ()
                ) -> Callable[[Callable[..., Awaitable[Response]]], Callable[..., Awaitable[Response]]]:
        """Decorate a webhook route: it is called with the request's signed, typed form (`model`) first; a
        request that fails `_signed_form` gets its refusal (413, 403, 400) and the route never runs."""

        def decorate(route: Callable[..., Awaitable[Response]]) -> Callable[..., Awaitable[Response]]:
            @functools.wraps(route)
            async def checked(*args: Any, **kwargs: Any) -> Response:
                form = await _signed_form(model, auth_token=self.auth_token, public_base_url=self.public_base_url,
                                          query=query)
                if isinstance(form, Response):
                    return form
                return await route(form, *args, **kwargs)

            return checked

        return decorate


def _printable(value: str) -> str:
    """A value fit for a log line: control characters shown escaped, not written raw."""
    return value.encode("unicode_escape").decode("ascii") if not value.isprintable() else value
