"""MMS and WhatsApp media sent to our number: fetched from Twilio with the account's credentials, size-capped."""

from __future__ import annotations

import asyncio
import logging

import requests

from .photos import MAX_PHOTO_BYTES

logger = logging.getLogger(__name__)

TWILIO_API = "https://api.twilio.com"
FETCH_TIMEOUT_S = 10.0
CHUNK_BYTES = 64 * 1024


class MediaError(Exception):
    """Media we could not fetch; `code` is stable: media-foreign-url, media-http-<status>, media-too-large, media-unreachable."""

    code = "media-unreachable"

    def __init__(self, message: str = "", *, code: str | None = None) -> None:
        super().__init__(message or code or self.code)
        if code:
            self.code = code


class MediaFetcher:
    """Downloads a message's media from Twilio (HTTP basic auth with the account SID and auth token).

    Only URLs on Twilio's API origin are fetched: the credentials never go anywhere else, and a forged
    webhook cannot make us fetch an internal address. Twilio redirects to its storage; requests drops the
    Authorization header when a redirect leaves the origin.
    """

    def __init__(self, account_sid: str, auth_token: str, *, api_base_url: str | None = None,
                 timeout_s: float = FETCH_TIMEOUT_S, max_bytes: int = MAX_PHOTO_BYTES) -> None:
        self._auth = (account_sid, auth_token)
        self.origin = (api_base_url or TWILIO_API).rstrip("/")
        self.timeout_s = timeout_s
        self.max_bytes = max_bytes

    async def fetch(self, url: str) -> bytes:
        """The media's bytes (off the event loop); raises MediaError."""
        return await asyncio.to_thread(self._get, url)

    def _get(self, url: str) -> bytes:
        if not url.startswith(self.origin + "/"):
            raise MediaError(code="media-foreign-url")
        try:
            with requests.get(url, auth=self._auth, timeout=self.timeout_s, stream=True) as response:
                if response.status_code != 200:
                    raise MediaError(code=f"media-http-{response.status_code}")
                data = bytearray()
                for chunk in response.iter_content(CHUNK_BYTES):
                    data += chunk
                    if len(data) > self.max_bytes:  # stop reading: a 50 MB "photo" never fills memory
                        raise MediaError(code="media-too-large")
                return bytes(data)
        except requests.RequestException as exc:
            raise MediaError(code="media-unreachable") from exc
