"""Voice notes (WhatsApp) and MMS audio become the text of the message, so the dialogue reads them like typing.

The audio is fetched from Twilio's authenticated media URL (sms/media.py) and transcribed with the same STT
and medical-term correction as calls (the app wires `SmsContext.voice_notes`). It happens while Twilio waits
for the webhook's answer, within VOICE_NOTE_DEADLINE_S; past it, or when the note cannot be read, the sender
is asked to type.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from routing.privacy import mask_phone

from .inbound import InboundMessage
from .media import MediaError, MediaFetcher

logger = logging.getLogger(__name__)

Transcribe = Callable[[bytes], Awaitable[str]]  # a voice note's bytes -> its corrected text ("" when nothing heard)
VOICE_NOTE_DEADLINE_S = 10.0  # Twilio waits 15 s for the webhook's answer
NOT_UNDERSTOOD_TEXT = ("Sorry, we could not understand your voice note. Please type what is happening. "
                       "Emergency: call {number} now.")


def is_audio(content_type: str) -> bool:
    """A voice note or an audio file, by the content type Twilio reports."""
    return content_type.lower().startswith("audio/")


async def with_voice_notes(msg: InboundMessage, *, media: MediaFetcher | None,
                           transcribe: Transcribe | None) -> tuple[InboundMessage, bool]:
    """`msg` with its audio transcribed into the body and removed from its media; and whether every note was heard.

    Without Twilio credentials or a transcriber the message comes back unchanged (and True: nothing was tried).
    """
    notes = [url for url, content_type in msg.media if is_audio(content_type)]
    if not notes or media is None or transcribe is None:
        return msg, True
    texts, heard_all = [], True
    try:
        async with asyncio.timeout(VOICE_NOTE_DEADLINE_S):
            for url in notes:
                text = await transcribe(await media.fetch(url))
                heard_all = heard_all and bool(text.strip())
                texts.append(text.strip())
    except (MediaError, TimeoutError) as exc:
        logger.warning("voice note from %s not transcribed: %s", mask_phone(msg.sender),
                       getattr(exc, "code", "deadline"))
        heard_all = False
    except Exception as exc:  # noqa: BLE001 - an unreadable note is told to the sender, never a silent failure
        logger.warning("voice note from %s not transcribed: %s", mask_phone(msg.sender),
                       getattr(exc, "code", type(exc).__name__))
        heard_all = False
    body = " ".join(t for t in (msg.body.strip(), *texts) if t)
    rest = tuple((url, ct) for url, ct in msg.media if not is_audio(ct))
    return replace(msg, body=body, media=rest), heard_all
