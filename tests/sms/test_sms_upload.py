"""The photo page: a signed link, a phone-friendly form, only real photos stored, abuse refused with nothing kept."""

import io

import pytest
from PIL import Image
from werkzeug.datastructures import FileStorage

from routing.outbox import add_message, list_messages
from routing.photos import list_photos
from routing.queue import accept, claim_next
from routing.workers import add_worker
from sms.links import make_token, photo_url
from tests.support.sms_app import BASE, SECRET, WORKERS, make_app, run_photo_digests, signed

NOW = 1_800_000_000


def jpeg(size=(640, 480)) -> bytes:
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (9.0, 4.0, 12.0)}
    Image.new("RGB", size, (180, 90, 60)).save(out, "JPEG", exif=exif)
    return out.getvalue()


def upload(data: bytes, filename="wound.jpg", content_type="image/jpeg") -> dict:
    return {"files": {"photo": FileStorage(io.BytesIO(data), filename=filename, content_type=content_type)}}


@pytest.fixture
async def case_id(store):
    return (await store.open_call(call_sid="CA-up", caller="+2348031234567", region="NG")).case_id


@pytest.fixture
def app(store, tmp_path):
    return make_app(store, now=NOW)


def path_for(case_id: int, now=NOW, ttl=3600, purpose="photo") -> str:
    return "/upload/" + make_token(SECRET, purpose=purpose, case_id=case_id, now=now, ttl_s=ttl)


async def test_upload_page_is_mobile_first_and_works_without_javascript(app, case_id):
    url = photo_url(BASE, SECRET, case_id, now=NOW)
    response = await app.test_client().get(url.removeprefix(BASE))
    assert response.status_code == 200
    html = await response.get_data(as_text=True)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert '<form method="post" enctype="multipart/form-data">' in html
    assert 'type="file" accept="image/*" capture="environment"' in html
    assert "<script" not in html
    assert "Call 112 now" in html and "not a doctor" in html and "not medical advice" in html


async def test_the_photo_page_speaks_the_language_the_triage_was_held_in(app, store, case_id):
    await store.save_triage(case_id, {"start_category": "GREEN", "urgency": "routine", "language": "pcm"}, complete=True)
    async with app.test_app() as test_app:
        html = await (await test_app.test_client().get(path_for(case_id))).get_data(as_text=True)
        assert '<html lang="pcm">' in html and "Snap or choose photo" in html and "Call 112 now now" in html
        assert "no be doctor" in html and "Take or choose a photo" not in html
        response = await test_app.test_client().post(path_for(case_id), **upload(b"not a photo", "x.jpg"))
        assert "Dat file no be photo wey we fit use" in await response.get_data(as_text=True)
        response = await test_app.test_client().post(path_for(case_id), **upload(jpeg()))
        assert "We don put di photo for case" in await response.get_data(as_text=True)


async def test_photo_is_stored_clean_attached_and_its_worker_told(app, store, case_id, tmp_path):
    holder, _ = await add_worker(store, phone=WORKERS[0], name="Ada", on_duty=True)
    await add_worker(store, phone=WORKERS[1], name="Bola", on_duty=True)  # on duty, but not her case
    await store.save_triage(case_id, {"start_category": "YELLOW", "urgency": "urgent"}, complete=True)
    await claim_next(store, holder.id)
    await accept(store, case_id, holder.id)
    async with app.test_app() as test_app:
        response = await test_app.test_client().post(path_for(case_id), **upload(jpeg(), filename="../../x.jpg"))
        assert response.status_code == 200
        assert "Photo received" in await response.get_data(as_text=True)
    (stored,) = (tmp_path / "photos" / str(case_id)).iterdir()
    assert stored.suffix == ".enc" and len(stored.stem) == 64  # our name, never the client's
    assert stored.stat().st_mode & 0o777 == 0o600 and stored.parent.stat().st_mode & 0o777 == 0o700
    assert stored.read_bytes().startswith(b"gAAAAA")  # a Fernet token under the PHI key, not a JPEG
    assert not Image.open(io.BytesIO(store.photos.read(f"{case_id}/{stored.name}"))).getexif()
    (attached,) = await list_photos(store, case_id)
    assert (attached.path, attached.source, attached.width) == (f"{case_id}/{stored.name}", "upload", 640)
    assert any(a.action == "photo_attached" and a.detail == f"upload {stored.name[:16]}"
               for a in await store.audit_trail(case_id))
    assert not [m for m in await list_messages(store) if m.kind == "photo_notice"]  # not one text per photo
    assert await run_photo_digests(store, now=NOW) == ["photo_digest"]  # the digest, when its window ends
    (notice,) = [m for m in await list_messages(store) if m.kind == "photo_notice"]  # Bola gets nothing
    assert notice.to == WORKERS[0]
    assert notice.body.startswith("TL-") and "1 new photo from the patient (1 on the case)" in notice.body
    assert f"{BASE}/cases/{case_id}." in notice.body


@pytest.mark.parametrize("make_path,status", [
    (lambda cid: path_for(cid, now=NOW - 7200), 410),  # expired
    (lambda cid: path_for(cid)[:-3] + "AAA", 403),  # forged
    (lambda cid: path_for(cid + 1).replace(str(cid + 1), str(cid), 1), 403),  # a link for another case, edited
    (lambda cid: path_for(cid, purpose="case"), 403),  # a case-page link is not an upload link
    (lambda cid: "/upload/not-a-token", 404),
    (lambda cid: path_for(cid + 99), 404),  # validly signed, but no such case
])
async def test_bad_links_are_refused_and_nothing_is_stored(app, case_id, tmp_path, make_path, status):
    client = app.test_client()
    assert (await client.get(make_path(case_id))).status_code == status
    assert (await client.post(make_path(case_id), **upload(jpeg()))).status_code == status
    assert not (tmp_path / "photos").exists()


@pytest.mark.parametrize("data,filename,status", [
    (b"GIF89a not really\n" * 50, "wound.jpg", 415),  # a text file named .jpg
    (b"", "empty.jpg", 415),
])
async def test_non_photos_are_refused(app, case_id, tmp_path, data, filename, status):
    response = await app.test_client().post(path_for(case_id), **upload(data, filename=filename))
    assert response.status_code == status
    assert "not a photo we can use" in await response.get_data(as_text=True)
    assert not (tmp_path / "photos").exists()


async def test_decompression_bomb_is_refused(app, case_id, tmp_path):
    out = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(out, "PNG")
    response = await app.test_client().post(path_for(case_id), **upload(out.getvalue(), "bomb.png", "image/png"))
    assert response.status_code == 413
    assert not (tmp_path / "photos").exists()


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "no-length"])
async def test_fifty_megabyte_body_is_refused(app, case_id, tmp_path, declared):
    # Built by hand: the test client's multipart encoder takes minutes over 50 MB.
    body = (b'--B\r\nContent-Disposition: form-data; name="photo"; filename="big.jpg"\r\n'
            b"Content-Type: image/jpeg\r\n\r\n" + b"\xff" * (50 * 1024 * 1024) + b"\r\n--B--\r\n")
    headers = {"Content-Type": "multipart/form-data; boundary=B"}
    if declared:  # refused before reading; without a length, the per-route limit cuts the parse short
        headers["Content-Length"] = str(len(body))
    response = await app.test_client().post(path_for(case_id), data=body, headers=headers)
    assert response.status_code == 413
    assert not (tmp_path / "photos").exists()


async def test_status_callback_updates_the_message(app, store):
    message_id, _ = await add_message(store, to="+2348031234567", body="hi", kind="caller_summary", status="queued")
    path = f"/sms/status?message_id={message_id}"
    form = {"MessageSid": "SM123", "MessageStatus": "undelivered", "ErrorCode": "30003"}
    client = app.test_client()
    assert (await client.post(path, form=form)).status_code == 403  # unsigned
    assert (await client.post(path, **signed(path, form))).status_code == 204
    (row,) = await list_messages(store)
    assert (row.status, row.provider_sid, row.error) == ("undelivered", "SM123", "twilio 30003")
    unknown = "/sms/status?message_id=999999"
    assert (await client.post(unknown, **signed(unknown, form))).status_code == 204
