"""Patient photos: only real images get in, and they are re-encoded so no EXIF or GPS leaves the phone's file."""

from __future__ import annotations

import hashlib
import io
import logging
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

logger = logging.getLogger(__name__)

ALLOWED_FORMATS = frozenset({"JPEG", "PNG", "WEBP"})  # HEIC needs pillow-heif, which is not installed
MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_PHOTO_PIXELS = 40_000_000  # a 48 MP phone camera is cut down by the client long before this
STORED_MAX_SIDE = 2048  # plenty to see a wound or a rash; keeps disk and case pages small
JPEG_QUALITY = 85


class PhotoError(Exception):
    """A refused upload; `code` is stable: photo-too-large, photo-not-image, photo-format, photo-too-many-pixels."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
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
        """Content hash: the stored file's name, never the client's."""
        return hashlib.sha256(self.jpeg).hexdigest()


def clean_photo(data: bytes, *, max_bytes: int = MAX_PHOTO_BYTES, max_pixels: int = MAX_PHOTO_PIXELS) -> CleanPhoto:
    """Check that `data` is a JPEG/PNG/WebP of sane size, then re-encode it; raises PhotoError."""
    if len(data) > max_bytes:
        raise PhotoError("photo-too-large", f"{len(data)} bytes")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))  # reads the header only: size is known before decoding
            source_format = str(image.format)
            if source_format not in ALLOWED_FORMATS:
                raise PhotoError("photo-format", source_format)
            if image.width * image.height > max_pixels:
                raise PhotoError("photo-too-many-pixels", f"{image.width}x{image.height}")
            image.load()
            image = ImageOps.exif_transpose(image)  # keep the picture upright once orientation tags are gone
    except PhotoError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise PhotoError("photo-not-image" if isinstance(exc, UnidentifiedImageError) else "photo-too-many-pixels",
                         type(exc).__name__) from exc
    except (OSError, ValueError, SyntaxError) as exc:  # truncated or corrupt data
        raise PhotoError("photo-not-image", type(exc).__name__) from exc

    if image.mode != "RGB":
        rgba = image.convert("RGBA")
        image = Image.new("RGB", rgba.size, "white")
        image.paste(rgba, mask=rgba.getchannel("A"))
    image.thumbnail((STORED_MAX_SIDE, STORED_MAX_SIDE))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=JPEG_QUALITY)  # a fresh file: no EXIF, GPS, comments or ICC blocks
    return CleanPhoto(out.getvalue(), image.width, image.height, source_format)


def save_photo(photo_dir: Path, case_id: int, photo: CleanPhoto) -> Path:
    """Write the photo under `<photo_dir>/<case_id>/<sha256>.jpg`; the same photo twice is one file."""
    folder = Path(photo_dir) / str(int(case_id))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{photo.digest}.jpg"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(photo.jpeg)
        tmp.replace(path)  # atomic: a reader never sees half a file
    logger.info("photo %s stored for case %s (%dx%d)", photo.digest[:12], case_id, photo.width, photo.height)
    return path
