"""Patient photos: only real images get in, and they are re-encoded so no EXIF or GPS leaves the phone's file.

Decoding is bounded before it starts: the header's dimensions are checked against a ceiling sized for phone
photos, a JPEG is decoded at the smallest scale libjpeg offers that still covers the stored size (`draft`), and
the full-size picture is flattened and shrunk a strip at a time, so no second full-size copy is ever made.
A 37 kB PNG that claims 6300x6300 pixels is refused from its header and costs nothing.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

ALLOWED_FORMATS = frozenset({"JPEG", "PNG", "WEBP"})  # HEIC needs pillow-heif, which is not installed
MAX_PHOTO_BYTES = 10 * 1024 * 1024
# 24 MP phone cameras (6000x4000, and the iPhone's 5712x4284 = 24.5 MP) fit; a decoded 25 MP image takes
# 100 MB (Pillow keeps 4 bytes a pixel). 48 MP modes are refused with a message asking for a smaller photo.
MAX_PHOTO_PIXELS = 25_000_000
MAX_PHOTO_SIDE = 8000
STORED_MAX_SIDE = 2048  # plenty to see a wound or a rash; keeps disk and case pages small
STRIP_ROWS = 256  # rows flattened and shrunk at a time (a multiple of the reduce factor is taken)
JPEG_QUALITY = 85
# EXIF orientation -> the transpose that makes the picture upright (as ImageOps.exif_transpose does).
ORIENTATION = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
               5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
               8: Image.Transpose.ROTATE_90}
EXIF_ORIENTATION = 0x0112


class PhotoError(Exception):
    """A refused upload; `code` is stable: photo-too-large, photo-not-image, photo-format, photo-too-many-pixels."""

    code = "photo-not-image"

    def __init__(self, message: str = "", *, code: str | None = None) -> None:
        super().__init__(message or code or self.code)
        if code:
            self.code = code


@dataclass(frozen=True)
class CleanPhoto:
    """A validated photo, re-encoded as JPEG without metadata."""

    jpeg: bytes
    width: int
    height: int
    source_format: str

    @property
    def digest(self) -> str:
        """Content hash: equal photos are one photo."""
        return hashlib.sha256(self.jpeg).hexdigest()


def clean_photo(data: bytes, *, max_bytes: int = MAX_PHOTO_BYTES, max_pixels: int = MAX_PHOTO_PIXELS,
                max_side: int = MAX_PHOTO_SIDE) -> CleanPhoto:
    """Check that `data` is a JPEG/PNG/WebP of sane size, then re-encode it small; raises PhotoError."""
    if len(data) > max_bytes:
        raise PhotoError(f"{len(data)} bytes", code="photo-too-large")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))  # reads the header only: size is known before decoding
            source_format = str(image.format)
            if source_format not in ALLOWED_FORMATS:
                raise PhotoError(source_format, code="photo-format")
            width, height = image.size
            if width * height > max_pixels or max(width, height) > max_side:
                raise PhotoError(f"{width}x{height}", code="photo-too-many-pixels")
            orientation = image.getexif().get(EXIF_ORIENTATION)
            if source_format == "JPEG":
                image.draft("RGB", _fit((width, height), STORED_MAX_SIDE))  # libjpeg decodes at 1/2, 1/4 or 1/8
            image.load()
            reduced = _reduce(image)
    except PhotoError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        code = "photo-not-image" if isinstance(exc, UnidentifiedImageError) else "photo-too-many-pixels"
        raise PhotoError(type(exc).__name__, code=code) from exc
    except (OSError, ValueError, SyntaxError) as exc:  # truncated or corrupt data
        raise PhotoError(type(exc).__name__, code="photo-not-image") from exc
    del image  # the full-size decode is freed before the last resize
    small = reduced.resize(_fit(reduced.size, STORED_MAX_SIDE), Image.Resampling.LANCZOS) if max(
        reduced.size) > STORED_MAX_SIDE else reduced
    if orientation in ORIENTATION:  # keep the picture upright once orientation tags are gone
        small = small.transpose(ORIENTATION[orientation])
    out = io.BytesIO()
    small.save(out, "JPEG", quality=JPEG_QUALITY)  # a fresh file: no EXIF, GPS, comments or ICC blocks
    return CleanPhoto(out.getvalue(), small.width, small.height, source_format)


def _fit(size: tuple[int, int], side: int) -> tuple[int, int]:
    """`size` scaled down (never up) to fit in a side x side box, aspect kept."""
    scale = min(1.0, side / max(size))
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def _reduce(image: Image.Image) -> Image.Image:
    """An RGB copy (transparency on white) within twice STORED_MAX_SIDE, made a strip at a time.

    Flattening converts pixels to another mode, which Pillow does by copying the whole image; done on the
    full-size picture that doubles its memory. A strip costs width x STRIP_ROWS pixels instead. The integer
    `reduce` is a box average, the same across strip edges as over the whole; a Lanczos resize of the
    small result then gives the stored size.
    """
    width, height = image.size
    factor = max(1, max(width, height) // STORED_MAX_SIDE)
    rows = max(factor, STRIP_ROWS // factor * factor)
    reduced = Image.new("RGB", (-(-width // factor), -(-height // factor)), "white")
    for top in range(0, height, rows):
        strip = _flatten(image.crop((0, top, width, min(height, top + rows))))
        reduced.paste(strip.reduce(factor) if factor > 1 else strip, (0, top // factor))
    return reduced


def _flatten(image: Image.Image) -> Image.Image:
    """RGB, with any transparency laid on white (a transparent PNG must not turn black)."""
    if image.mode == "RGB":
        return image
    if image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image.convert("RGB")

