"""Request bodies on the real server (hypercorn): a chunked webhook body, which has no Content-Length to refuse
up front, is cut off at the webhook limit; the photo upload alone takes a photo-sized body."""

from __future__ import annotations

import asyncio
import http.client
import io
import random
import time
import urllib.parse
import uuid

import pytest
import pytest_asyncio
from PIL import Image

from routing.photos import list_photos
from sms.links import photo_url
from sms.signature import WEBHOOK_BODY_LIMIT_BYTES
from tests.support.settings import settings_for
from voice.harness.callrun import serve_in_process

pytestmark = pytest.mark.asyncio(loop_scope="module")

PATIENT = "+2348031234567"


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def running(tmp_path_factory):
    settings = settings_for(tmp_path_factory.mktemp("body-limits"), tts_backend="espeak-ng")
    async with serve_in_process(settings) as (base, services):
        yield urllib.parse.urlsplit(base).netloc, services


def _post(netloc: str, path: str, body: bytes, content_type: str, *, chunked: bool) -> int:
    """POST `body` in 8 kB chunks (Transfer-Encoding: chunked, no Content-Length) or with a Content-Length."""
    conn = http.client.HTTPConnection(netloc, timeout=30)
    try:
        parts = (body[i:i + 8192] for i in range(0, len(body), 8192))
        try:
            if chunked:
                conn.request("POST", path, body=parts, headers={"Content-Type": content_type}, encode_chunked=True)
            else:
                conn.request("POST", path, body=body, headers={"Content-Type": content_type})
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered before the body was all sent: its answer is still there to read
        return conn.getresponse().status
    finally:
        conn.close()


def _sms_form(padding: int) -> bytes:
    form = {"MessageSid": "SM" + uuid.uuid4().hex, "From": PATIENT, "To": "+15005550006", "Body": "hello",
            "NumMedia": "0", "Padding": "x" * padding}
    return urllib.parse.urlencode(form).encode()


async def test_a_chunked_webhook_body_past_the_limit_is_refused(running):
    netloc, _ = running
    post = lambda body: asyncio.to_thread(_post, netloc, "/sms/incoming", body,  # noqa: E731
                                          "application/x-www-form-urlencoded", chunked=True)
    assert await post(_sms_form(WEBHOOK_BODY_LIMIT_BYTES // 2)) == 200  # under the limit: an ordinary text
    assert await post(_sms_form(200 * 1024)) == 413  # was read in full: up to 1 MB got through
    assert await post(_sms_form(5 * WEBHOOK_BODY_LIMIT_BYTES)) == 413


def _camera_jpeg() -> bytes:
    """A 1600x1200 photo of noise: about 2 MB, as a phone camera's JPEG is (more than the old 1 MB cap)."""
    rng = random.Random(7)
    image = Image.frombytes("RGB", (1600, 1200), rng.randbytes(1600 * 1200 * 3))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=92)
    return out.getvalue()


def _multipart(photo: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"wound.jpg\"\r\n"
            f"Content-Type: image/jpeg\r\n\r\n").encode() + photo + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
async def test_the_photo_upload_takes_a_camera_sized_photo(running, chunked):
    netloc, services = running
    ref = await services.store.open_call(call_sid="CA" + uuid.uuid4().hex, caller=PATIENT, region="NG")
    photo = await asyncio.to_thread(_camera_jpeg)
    assert len(photo) > 1024 * 1024
    body, content_type = _multipart(photo)
    path = urllib.parse.urlsplit(photo_url("http://x", services.secret, ref.case_id, now=time.time())).path
    assert await asyncio.to_thread(_post, netloc, path, body, content_type, chunked=chunked) == 200
    assert len(await list_photos(services.store, ref.case_id)) == 1
