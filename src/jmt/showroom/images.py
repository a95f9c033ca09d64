"""Product pictures: checked by their bytes (a real JPEG or PNG that Pillow can decode, within a pixel
budget), then stored as two JPEG renditions — ``thumb`` (400 px) for lists and ``display`` (1200 px)
for the gallery — under a random key. The original is not kept."""

from __future__ import annotations

import io
import secrets
from typing import IO

from django.core.files.base import ContentFile, File
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

from jmt.documents.content import IMAGE_TYPES, detect
from jmt.showroom.errors import ShowroomError

SIZES: dict[str, int] = {"thumb": 400, "display": 1200}
MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000  # refuse decompression bombs before decoding


def path_of(key: str, size: str) -> str:
    return f"showroom/{key[:2]}/{key}-{size}.jpg"


def _rendition(image: Image.Image, edge: int) -> bytes:
    copy = image.copy()
    copy.thumbnail((edge, edge), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    copy.save(out, "JPEG", quality=85, optimize=True, progressive=True)
    return out.getvalue()


def store(stream: IO[bytes] | File, *, size: int) -> tuple[str, int, int]:
    """Check and store one upload; returns its key and the display rendition's width and height."""
    if size > MAX_BYTES:
        raise ShowroomError.image_too_large(MAX_BYTES // (1024 * 1024))
    if detect(stream) not in IMAGE_TYPES:
        raise ShowroomError.image_invalid()
    try:
        stream.seek(0)
        with Image.open(stream) as opened:
            if opened.width * opened.height > MAX_PIXELS:
                raise ShowroomError.image_invalid()
            image = ImageOps.exif_transpose(opened).convert("RGB")
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ShowroomError.image_invalid() from exc
    return store_image(image)


def store_image(image: Image.Image) -> tuple[str, int, int]:
    """Store the renditions of an already decoded picture (uploads, and the demo data's drawings)."""
    key = secrets.token_hex(16)
    for name, edge in SIZES.items():
        default_storage.save(path_of(key, name), ContentFile(_rendition(image, edge)))
    display = image.copy()
    display.thumbnail((SIZES["display"], SIZES["display"]))
    return key, display.width, display.height


def delete(key: str) -> None:
    for name in SIZES:
        default_storage.delete(path_of(key, name))


def url(key: str, size: str = "thumb") -> str:
    return f"/api/v1/showroom/images/{key}/{size}.jpg"
