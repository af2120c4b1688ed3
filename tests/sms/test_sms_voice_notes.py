"""Voice notes and MMS audio through a real server: fetched from (a loopback) Twilio's authenticated media URLs,
transcribed like a call, read by the dialogue like typing; without credentials the sender is told plainly."""

from __future__ import annotations

import io

import av
import numpy as np
from tests.support.fake_twilio import ACCOUNT_SID, AUTH_TOKEN, FROM_NUMBER, FakeTwilio

from tests.support.audio import speak
from tests.support.http_phone import HttpPhone
from voice.harness.callrun import serve_in_process
from voice.codec import ulaw_to_pcm16
from voice.settings import Settings

PATIENT = "whatsapp:+2348031234567"
NOTE_PATH = f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages/MM1/Media/ME1"
PHOTO_PATH = f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages/MM2/Media/ME2"


def whatsapp_voice_note(text: str) -> bytes:
    """`text` spoken by flite, as WhatsApp sends a voice note: Opus in Ogg."""
    pcm = np.frombuffer(ulaw_to_pcm16(speak(text)), "<i2").reshape(1, -1)
    out = io.BytesIO()
    with av.open(out, "w", format="ogg") as container:
        stream = container.add_stream("libopus", rate=8000)
        stream.layout = "mono"
        frame = av.AudioFrame.from_ndarray(pcm, format="s16", layout="mono")
        frame.sample_rate = 8000
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            container.mux(packet)
    return out.getvalue()


async def test_a_voice_note_is_fetched_with_the_account_credentials_and_answered_like_text(tmp_path):
    with FakeTwilio() as twilio:
        twilio.media[NOTE_PATH] = (whatsapp_voice_note("my son has a high fever"), "audio/ogg")
        settings = Settings(_env_file=None, data_dir=tmp_path, database_url="", twilio_account_sid=ACCOUNT_SID,
                            twilio_auth_token=AUTH_TOKEN, twilio_from_number=FROM_NUMBER,
                            twilio_api_base_url=twilio.url)
        async with serve_in_process(settings) as (base, services):
            phone = HttpPhone(base, PATIENT, auth_token=AUTH_TOKEN)
            reply = await phone.text("", media=[(twilio.url + NOTE_PATH, "audio/ogg")])
            case = await services.store.find_latest_case(PATIENT)
        assert twilio.media_requests == [{"path": NOTE_PATH, "auth": f"{ACCOUNT_SID}:{AUTH_TOKEN}"}]
        heard = case.turns[0].raw_text.lower()
        assert "son" in heard and "fever" in heard
        assert case.triage["who"] == "other" and "fever" in case.triage["complaint"].lower()
        assert "not a doctor" in reply and "is any of these happening" in reply.lower()  # next: the complaint is known


async def test_without_twilio_credentials_the_sender_is_told_attachments_cannot_be_received(tmp_path):
    settings = Settings(_env_file=None, data_dir=tmp_path, database_url="")
    async with serve_in_process(settings) as (base, services):
        phone = HttpPhone(base, "+2348031234567")
        note = await phone.text("", media=[("https://api.twilio.com" + NOTE_PATH, "audio/ogg")])
        assert note.startswith("This number cannot receive photos or voice notes. Please type")
        assert await services.store.find_latest_case("+2348031234567") is None  # nothing promised, nothing opened
        photo = await phone.text("rash on my arm", media=[("https://api.twilio.com" + PHOTO_PATH, "image/jpeg")])
        assert "not a doctor" in photo and "cannot receive photos" in photo  # the words are still triaged
