"""The case page: a signed link shows the whole case to the health worker, and every view is audited."""

import io

from PIL import Image

from intake.models import Category, TriageResult, Urgency
from routing.photos import add_photo, list_photos
from sms.links import case_url, make_token
from sms.photos import clean_photo
from tests.support.sms_app import BASE, SECRET, Phone, make_app

NOW = 1_800_000_000


async def test_case_page_shows_triage_transcript_photos_and_timeline(store, tmp_path):
    ref = await store.open_call(call_sid="CA-page", caller="+2348031234567", region="NG")
    await store.record_turn(ref.case_id, seq=1, prompt_id="complaint", raw_text="he has a high void",
                            corrected_text="he has typhoid <b>", source="speech")
    result = TriageResult(protocol="START", start_category=Category.RED, urgency=Urgency.EMERGENCY,
                          red_flags=["heavy_bleeding"], complaint="bleeding from the leg", severity=9)
    await store.save_triage(ref.case_id, result.to_dict(), complete=True)
    out = io.BytesIO()
    Image.new("RGB", (64, 48)).save(out, "JPEG")
    clean = clean_photo(out.getvalue())
    await add_photo(store, ref.case_id, jpeg=clean.jpeg, width=clean.width, height=clean.height, source="mms")
    photo_name = (await list_photos(store, ref.case_id))[0].name

    app = make_app(store, now=NOW)
    client = app.test_client()
    path = case_url(BASE, SECRET, ref.case_id, now=NOW).removeprefix(BASE)
    response = await client.get(path)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    html = await response.get_data(as_text=True)
    for text in [ref.reference, "RED", "emergency", "Red flags: heavy bleeding", "bleeding from the leg",
                 "he has a high void", "he has typhoid &lt;b&gt;", "+2348031234567", "pending", "not medical advice"]:
        assert text in html, text
    assert f'src="{path}/photos/{photo_name}"' in html
    photo = await client.get(f"{path}/photos/{photo_name}")
    assert photo.status_code == 200 and photo.content_type == "image/jpeg"
    assert await photo.get_data() == clean.jpeg  # decrypted for the page; the file itself is ciphertext
    assert (await client.get(f"{path}/photos/..%2F..%2Fetc%2Fpasswd")).status_code == 404
    (tmp_path / "photos" / str(ref.case_id) / "stray.jpg").write_bytes(clean.jpeg)  # on disk, never attached
    assert (await client.get(f"{path}/photos/stray.jpg")).status_code == 404
    assert "Photo 1, mms" in html and "Photo 2" not in html

    assert [a.actor for a in await store.audit_trail(ref.case_id) if a.action == "read"] == ["case-link"]


async def test_case_page_refuses_upload_links_and_expired_links(store, tmp_path):
    ref = await store.open_call(call_sid="CA-page2", caller="+2348031234567", region="NG")
    client = make_app(store, now=NOW).test_client()
    upload_token = make_token(SECRET, purpose="photo", case_id=ref.case_id, now=NOW, ttl_s=60)
    assert (await client.get(f"/cases/{upload_token}")).status_code == 403
    old = make_token(SECRET, purpose="case", case_id=ref.case_id, now=NOW - 120, ttl_s=60)
    assert (await client.get(f"/cases/{old}")).status_code == 410
    assert not [a for a in await store.audit_trail(ref.case_id) if a.action == "read"]


async def test_done_note_is_shown_decrypted_and_every_photo_view_is_audited(store):
    from routing.queue import accept, claim_next, resolve
    from routing.workers import add_worker

    ref = await store.open_call(call_sid="CA-note", caller="+2348031234567", region="NG")
    await store.save_triage(ref.case_id, {"start_category": "GREEN", "urgency": "routine"}, complete=True)
    ada, _ = await add_worker(store, phone="+2348051112222", name="Ada", on_duty=True)
    await claim_next(store, ada.id)
    await accept(store, ref.case_id, ada.id)
    await resolve(store, ref.case_id, ada.id, "cleaned the graze, tetanus up to date")
    out = io.BytesIO()
    Image.new("RGB", (64, 48)).save(out, "JPEG")
    await add_photo(store, ref.case_id, jpeg=clean_photo(out.getvalue()).jpeg, source="upload")
    (photo,) = await list_photos(store, ref.case_id)

    client = make_app(store, now=NOW).test_client()
    path = case_url(BASE, SECRET, ref.case_id, now=NOW).removeprefix(BASE)
    html = await (await client.get(path)).get_data(as_text=True)
    assert "cleaned the graze, tetanus up to date" in html and f"worker:{ada.id}" in html
    assert "gAAAAA" not in html  # no ciphertext on the page
    for _ in range(2):
        assert (await client.get(f"{path}/photos/{photo.name}")).status_code == 200
    views = [(a.actor, a.detail) for a in await store.audit_trail(ref.case_id) if a.action == "photo_read"]
    assert views == [("case-link", photo.name[:16])] * 2


RLO, LRI, PDI = "\u202e", "\u2066", "\u2069"


async def test_bidi_overrides_and_control_characters_from_a_text_never_reach_the_page(store):
    """A right-to-left override would turn a call-back number or a complaint around on the worker's screen."""
    patient = "+2348031239999"
    client = make_app(store, now=NOW).test_client()
    reply = await Phone(client, patient).text(f"my son fell {RLO}0987 654 0803 llac{PDI} his arm is bent")
    assert reply  # the text is answered as any other
    case = await store.find_latest_case(patient)
    assert any(RLO in (t.raw_text or "") for t in case.turns)  # kept as sent: the record is what the patient wrote
    await store.record_turn(case.id, seq=99, prompt_id="complaint", raw_text=f"null\x00 byte\x1b[2J {LRI}x",
                            corrected_text="bell\x07 rings", source="text")
    await store.save_triage(case.id, TriageResult(complaint=f"arm {RLO}tneb").to_dict(), complete=False)

    html = await (await client.get(case_url(BASE, SECRET, case.id, now=NOW).removeprefix(BASE))).get_data(as_text=True)
    for char in (RLO, LRI, PDI, "\x00", "\x1b", "\x07"):
        assert char not in html, repr(char)
    for words in ("my son fell 0987 654 0803 llac his arm is bent", "null byte[2J x", "bell rings", "arm tneb"):
        assert words in html, words


def test_display_text_keeps_words_newlines_and_escaped_markup():
    from markupsafe import Markup

    from sms.display import display_text

    assert display_text(f"a{RLO}b\x00c\td\ne") == "abc\td\ne"
    assert display_text(Markup(f"<b>{RLO}x</b>")) == Markup("<b>x</b>")
    assert display_text(7) == 7 and display_text(None) is None
    assert display_text("Kòfi, العربية, हिन्दी, 👩‍⚕️") == "Kòfi, العربية, हिन्दी, 👩‍⚕️"  # scripts and emoji stay whole
