"""A patient's photo joins their case the same way whether it came through the upload page or by MMS/WhatsApp."""

from __future__ import annotations

import logging
from typing import Protocol

from routing.errors import PhotoLimit
from routing.models import MessageKind
from routing.photos import add_photo
from routing.privacy import mask_phone
from routing.store import Store

from .decoding import DecoderBusy, PhotoDecoder
from .inbound import InboundMessage
from .media import MediaError, MediaFetcher
from .photos import CleanPhoto, PhotoError
from .sender import MessageSender, channel_of

logger = logging.getLogger(__name__)

MEDIA_DECODE_WAIT_S = 60.0  # a fetched MMS photo waits for the decoder (no browser to tell to come back)
PHOTO_LIMIT_TEXT = ("Triageline {ref}: we already have all the photos we can take for this case. A health worker "
                    "will look at them.")
MEDIA_FAILED = ("Triageline {ref}: we could not read the photo you sent. Please send it again, or use the photo "
                "link we texted you.")


class PhotoContext(Protocol):
    """What attaching a photo needs (sms/web.py's SmsContext has it; attach does not import it back)."""

    @property
    def store(self) -> Store: ...

    @property
    def sender(self) -> MessageSender: ...

    @property
    def media(self) -> MediaFetcher | None: ...

    @property
    def decoder(self) -> PhotoDecoder: ...


async def attach_photo(ctx: PhotoContext, case_id: int, photo: CleanPhoto, *, source: str) -> bool:
    """Store the photo (encrypted) and attach it to the case (audited); False when it was already attached.

    Raises routing's PhotoLimit when the case holds as many photos as it may.
    """
    _, created = await add_photo(ctx.store, case_id, jpeg=photo.jpeg, width=photo.width, height=photo.height,
                                 source=source)
    return created


async def attach_media(ctx: PhotoContext, msg: InboundMessage, case_id: int, reference: str) -> int:
    """Fetch, check and attach the images an MMS/WhatsApp message carried; returns how many were attached.

    Runs after the webhook answered (Twilio waits 15 s at most); a photo we cannot use is told to the patient.
    """
    if ctx.media is None:
        logger.warning("media from %s not fetched: Twilio credentials are not configured", mask_phone(msg.sender))
        return 0
    attached, failed = 0, []
    source = "whatsapp" if channel_of(msg.sender) == "whatsapp" else "mms"
    for url, content_type in msg.media:
        if not content_type.startswith("image/"):  # a voice note or video: not fetched at all
            failed.append("media-not-image")
            continue
        try:
            photo = await ctx.decoder.decode(await ctx.media.fetch(url), wait_s=MEDIA_DECODE_WAIT_S)
        except (MediaError, PhotoError) as exc:
            logger.info("media %s for case %s refused: %s", content_type or "?", reference, exc.code)
            failed.append(exc.code)
            continue
        except DecoderBusy:
            logger.warning("media for case %s not decoded: photo decoder busy", reference)
            failed.append("photo-decoder-busy")
            continue
        try:
            if await attach_photo(ctx, case_id, photo, source=source):  # the worker hears of it in the digest
                attached += 1
        except PhotoLimit:
            logger.info("media for case %s refused: the case holds all the photos it may", reference)
            failed.append("photo-limit")
    if failed:
        await ctx.store.audit(case_id, actor="patient", action="media_refused", detail=", ".join(failed))
        full = "photo-limit" in failed  # asking for the photo again would only be refused again
        await ctx.sender.send(msg.sender, (PHOTO_LIMIT_TEXT if full else MEDIA_FAILED).format(ref=reference),
                              kind=MessageKind.MEDIA_FAILED, case_id=case_id,
                              idempotency_key=f"inbound:{msg.sid}:media_failed")
    return attached
