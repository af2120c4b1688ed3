"""Photos sent by MMS or WhatsApp: fetched from (a loopback) Twilio with the account's credentials, cleaned, attached."""

import io

import pytest
from PIL import Image

from routing.outbox import list_messages
from routing.photos import list_photos
from routing.queue import accept, claim_next
from routing.workers import add_worker
from sms.media import MediaError, MediaFetcher
from tests.support.fake_twilio import ACCOUNT_SID, AUTH_TOKEN
from tests.support.sms_app import WORKERS, Phone, make_app, run_photo_digests

NOW = 1_800_000_000
PATIENT = "+2348031234567"
MEDIA_PATH = f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages/MM1/Media/ME1"


def jpeg_with_gps() -> bytes:
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (9.0, 4.0, 12.0)}
    Image.new("RGB", (800, 600), (150, 40, 40)).save(out, "JPEG", exif=exif)
    return out.getvalue()


@pytest.fixture
def fetcher(fake_twilio):
    return MediaFetcher(ACCOUNT_SID, AUTH_TOKEN, api_base_url=fake_twilio.url, timeout_s=2)


async def test_mms_photo_with_text_is_attached_and_waits_on_the_case_when_nobody_holds_it(
        store, tmp_path, fake_twilio, fetcher):
    for n, number in enumerate(WORKERS):
        await add_worker(store, phone=number, name=f"Worker {n}", on_duty=True)
    fake_twilio.media[MEDIA_PATH] = (jpeg_with_gps(), "image/jpeg")
    app = make_app(store, now=NOW, media=fetcher)
    async with app.test_app() as test_app:  # leaving waits for the background fetch
        phone = Phone(test_app.test_client(), PATIENT)
        reply = await phone.text("a dog bit my hand, it is swollen", sid="MMfirst",
                                 media=[(fake_twilio.url + MEDIA_PATH, "image/jpeg")])
    assert "not a doctor" in reply
    case = await store.find_case_by_call("MMfirst")
    assert case.turns[0].raw_text == "a dog bit my hand, it is swollen"
    (photo,) = await list_photos(store, case.id)
    assert (photo.source, photo.width, photo.height, photo.content_type) == ("mms", 800, 600, "image/jpeg")
    assert not Image.open(io.BytesIO(store.photos.read(photo.path))).getexif()  # GPS gone
    assert fake_twilio.media_requests == [{"path": MEDIA_PATH, "auth": f"{ACCOUNT_SID}:{AUTH_TOKEN}"}]
    assert await run_photo_digests(store, now=NOW) == ["photo_digest"]
    # no worker holds the case yet: no on-duty number is texted; the photo is on the case for whoever takes it
    assert [m.to for m in await list_messages(store) if m.kind == "photo_notice"] == []
    assert len(await list_photos(store, case.id)) == 1


async def test_whatsapp_photo_alone_joins_the_open_case_and_tells_its_worker(store, tmp_path, fake_twilio, fetcher):
    ada, _ = await add_worker(store, phone="+2348051112222", name="Ada")
    ref = await store.open_call(call_sid="CA-1", caller="whatsapp:" + PATIENT, channel="whatsapp")
    await store.save_triage(ref.case_id, {"start_category": "YELLOW", "urgency": "urgent"}, complete=True)
    await claim_next(store, ada.id)
    await accept(store, ref.case_id, ada.id)
    fake_twilio.media[MEDIA_PATH] = (jpeg_with_gps(), "image/jpeg")
    app = make_app(store, now=NOW, media=fetcher)
    async with app.test_app() as test_app:
        phone = Phone(test_app.test_client(), "whatsapp:" + PATIENT)
        reply = await phone.text("", media=[(fake_twilio.url + MEDIA_PATH, "image/jpeg")])
    assert reply == f"Thank you, the photo is being added to case {ref.reference}."
    (photo,) = await list_photos(store, ref.case_id)
    assert photo.source == "whatsapp"
    await run_photo_digests(store, now=NOW)
    (notice,) = [m for m in await list_messages(store, case_id=ref.case_id) if m.kind == "photo_notice"]
    assert notice.to == "+2348051112222"  # the worker who has the case, not everyone


async def test_media_we_cannot_use_is_told_to_the_patient_and_nothing_is_kept(store, tmp_path, fake_twilio, fetcher):
    ref = await store.open_call(call_sid="CA-2", caller=PATIENT)
    fake_twilio.media[MEDIA_PATH] = (b"this is not a picture\n" * 10, "image/jpeg")
    app = make_app(store, now=NOW, media=fetcher)
    async with app.test_app() as test_app:
        phone = Phone(test_app.test_client(), PATIENT)
        await phone.text("", sid="MMbad", media=[(fake_twilio.url + MEDIA_PATH, "image/jpeg"),
                                                 ("http://169.254.169.254/latest/meta-data", "image/jpeg"),
                                                 (fake_twilio.url + "/2010-04-01/nothing-here", "image/png"),
                                                 (fake_twilio.url + MEDIA_PATH, "audio/amr")])
    assert await list_photos(store, ref.case_id) == [] and not (tmp_path / "photos").exists()
    assert [r["path"] for r in fake_twilio.media_requests] == [MEDIA_PATH, "/2010-04-01/nothing-here"]  # never the foreign URL
    (told,) = [m for m in await list_messages(store, case_id=ref.case_id) if m.kind == "media_failed"]
    assert told.to == PATIENT and "could not read the photo" in told.body
    (refused,) = [a.detail for a in await store.audit_trail(ref.case_id) if a.action == "media_refused"]
    assert refused == "photo-not-image, media-foreign-url, media-http-404, media-not-image"


async def test_fetcher_refuses_wrong_credentials_and_oversized_media(fake_twilio):
    fake_twilio.media[MEDIA_PATH] = (b"\xff" * 5000, "image/jpeg")
    with pytest.raises(MediaError) as wrong:
        await MediaFetcher(ACCOUNT_SID, "not-the-token", api_base_url=fake_twilio.url).fetch(fake_twilio.url + MEDIA_PATH)
    assert wrong.value.code == "media-http-401"
    with pytest.raises(MediaError) as big:
        await MediaFetcher(ACCOUNT_SID, AUTH_TOKEN, api_base_url=fake_twilio.url, max_bytes=4096).fetch(
            fake_twilio.url + MEDIA_PATH)
    assert big.value.code == "media-too-large"
    with pytest.raises(MediaError) as down:
        await MediaFetcher(ACCOUNT_SID, AUTH_TOKEN, api_base_url="http://127.0.0.1:9", timeout_s=0.5).fetch(
            "http://127.0.0.1:9/x")
    assert down.value.code == "media-unreachable"


async def test_a_photo_before_any_case_asks_for_words_first(store, tmp_path, fake_twilio, fetcher):
    phone = Phone(make_app(store, now=NOW, media=fetcher).test_client(), PATIENT)
    reply = await phone.text("", media=[(fake_twilio.url + MEDIA_PATH, "image/jpeg")])
    assert reply.startswith("Thank you. Please text us what is happening first")
    assert fake_twilio.media_requests == []


async def test_without_twilio_credentials_media_is_left_alone_and_the_text_still_answered(store, tmp_path, fake_twilio):
    fake_twilio.media[MEDIA_PATH] = (jpeg_with_gps(), "image/jpeg")
    async with make_app(store, now=NOW, media=None).test_app() as test_app:
        reply = await Phone(test_app.test_client(), PATIENT).text(
            "rash on my arm", sid="MMnocreds", media=[(fake_twilio.url + MEDIA_PATH, "image/jpeg")])
    assert "not a doctor" in reply and fake_twilio.media_requests == []
    assert await list_photos(store, (await store.find_case_by_call("MMnocreds")).id) == []
