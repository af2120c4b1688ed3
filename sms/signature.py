"""Twilio request signatures, checked against the public URL Twilio used."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from twilio.request_validator import RequestValidator


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
