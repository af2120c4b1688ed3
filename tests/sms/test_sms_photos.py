"""Only real JPEG/PNG/WebP photos are kept, re-encoded without metadata, decoded at a bounded cost."""

import io

import pytest
from PIL import Image

from sms.photos import PhotoError, clean_photo


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


@pytest.mark.parametrize("size", [(6300, 6300), (9000, 1000)], ids=["39.7-megapixels", "side-over-8000"])
def test_pixel_ceiling_is_sized_for_phone_photos(size):
    bomb = encode(Image.new("RGB", size), "PNG")  # a few kilobytes that would decode to 100+ MB
    assert len(bomb) < 200_000
    with pytest.raises(PhotoError) as err:
        clean_photo(bomb)
    assert err.value.code == "photo-too-many-pixels"


def test_a_24_megapixel_photo_is_kept_small_with_transparency_on_white():
    image = Image.new("RGBA", (6000, 4000), (0, 0, 0, 0))  # transparent, except a red right half
    image.paste((200, 0, 0, 255), (3000, 0, 6000, 4000))
    photo = clean_photo(encode(image, "PNG"))
    assert (photo.width, photo.height) == (2048, 1365)
    stored = Image.open(io.BytesIO(photo.jpeg))
    assert all(abs(a - b) < 8 for a, b in zip(stored.getpixel((10, 700)), (255, 255, 255)))
    assert all(abs(a - b) < 8 for a, b in zip(stored.getpixel((2040, 10)), (200, 0, 0)))


@pytest.mark.parametrize("size", [(2500, 777), (801, 4099), (2049, 2049)])
def test_shrinking_by_strips_keeps_every_row(size):
    image = Image.new("RGB", size, (20, 40, 60))
    image.paste((250, 250, 0), (0, size[1] - 3, size[0], size[1]))  # a yellow line on the very last rows
    photo = clean_photo(encode(image, "PNG"))
    assert max(photo.width, photo.height) == 2048 or max(size) <= 2048
    stored = Image.open(io.BytesIO(photo.jpeg)).convert("RGB")
    r, g, b = stored.getpixel((photo.width // 2, photo.height - 1))
    assert r > 120 and g > 120 and b < 110  # the bottom edge survived the strips
