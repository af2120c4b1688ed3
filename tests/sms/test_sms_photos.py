"""Only real JPEG/PNG/WebP photos are kept, re-encoded without metadata, named by content."""

import io

import pytest
from PIL import Image

from sms.photos import PhotoError, clean_photo, save_photo


def encode(image: Image.Image, fmt: str, **kw) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **kw)
    return out.getvalue()


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (640, 480), (200, 120, 90))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0112] = 6  # Orientation: rotate 90 degrees
    exif[0x8825] = {1: "N", 2: (9.0, 4.0, 12.0), 3: "E", 4: (7.0, 29.0, 30.0)}  # GPS IFD
    return encode(image, "JPEG", exif=exif)


def test_jpeg_is_reencoded_without_exif_and_upright():
    raw = jpeg_with_gps()
    assert Image.open(io.BytesIO(raw)).getexif().get_ifd(0x8825)  # the upload did carry GPS
    photo = clean_photo(raw)
    stored = Image.open(io.BytesIO(photo.jpeg))
    assert stored.format == "JPEG"
    assert not stored.getexif()
    assert b"PhoneMaker" not in photo.jpeg
    assert (photo.width, photo.height) == (480, 640)  # orientation applied before the tag was dropped
    assert photo.source_format == "JPEG"


@pytest.mark.parametrize("fmt,mode", [("PNG", "RGBA"), ("WEBP", "RGB"), ("PNG", "P")])
def test_png_and_webp_are_accepted(fmt, mode):
    photo = clean_photo(encode(Image.new(mode, (300, 200)), fmt))
    assert (photo.source_format, photo.width, photo.height) == (fmt, 300, 200)
    assert Image.open(io.BytesIO(photo.jpeg)).mode == "RGB"


def test_large_photos_are_scaled_down():
    photo = clean_photo(encode(Image.new("RGB", (4000, 3000)), "JPEG"))
    assert max(photo.width, photo.height) == 2048


@pytest.mark.parametrize("data,code", [
    (b"this is a text file named wound.jpg\n" * 10, "photo-not-image"),
    (b"", "photo-not-image"),
    (encode(Image.new("RGB", (50, 50)), "GIF"), "photo-format"),
    (encode(Image.new("RGB", (50, 50)), "BMP"), "photo-format"),
])
def test_non_photos_are_refused(data, code):
    with pytest.raises(PhotoError) as err:
        clean_photo(data)
    assert err.value.code == code


def test_truncated_jpeg_is_refused():
    raw = encode(Image.effect_noise((800, 600), 60).convert("RGB"), "JPEG")
    with pytest.raises(PhotoError) as err:
        clean_photo(raw[: len(raw) // 2])
    assert err.value.code == "photo-not-image"


def test_decompression_bomb_is_refused_before_decoding():
    bomb = encode(Image.new("1", (10_000, 10_000)), "PNG")  # 100 megapixels in a few kilobytes
    assert len(bomb) < 100_000
    with pytest.raises(PhotoError) as err:
        clean_photo(bomb)
    assert err.value.code == "photo-too-many-pixels"


def test_byte_limit():
    with pytest.raises(PhotoError) as err:
        clean_photo(jpeg_with_gps(), max_bytes=1000)
    assert err.value.code == "photo-too-large"


def test_saved_by_content_hash_under_the_case(tmp_path):
    photo = clean_photo(jpeg_with_gps())
    path = save_photo(tmp_path, 17, photo)
    assert path == tmp_path / "17" / f"{photo.digest}.jpg"
    assert path.read_bytes() == photo.jpeg
    assert save_photo(tmp_path, 17, photo) == path
    assert [p.name for p in (tmp_path / "17").iterdir()] == [path.name]
