"""What a file really is, judged by its bytes (never by its name or the browser's content type)."""

from __future__ import annotations

import zipfile
from typing import IO

from PIL import Image

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
IMAGE_TYPES = frozenset({JPEG, PNG})


def _image(stream: IO[bytes], expected: str) -> str | None:
    try:
        stream.seek(0)
        with Image.open(stream) as image:
            found = image.format
            image.verify()
    except Exception:  # Pillow raises many kinds on a broken or hostile image
        return None
    return {"JPEG": JPEG, "PNG": PNG}.get(found or "") if found == expected else None


def _xlsx(stream: IO[bytes]) -> str | None:
    try:
        stream.seek(0)
        with zipfile.ZipFile(stream) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "[Content_Types].xml" in names and any(name.startswith("xl/") for name in names):
        return XLSX
    return None


def detect(stream: IO[bytes]) -> str | None:
    """The content type of ``stream`` if it is an allowed kind of file, else None."""
    stream.seek(0)
    head = stream.read(8)
    found: str | None = None
    if head.startswith(b"%PDF-"):
        found = PDF
    elif head.startswith(b"\xff\xd8\xff"):
        found = _image(stream, "JPEG")
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        found = _image(stream, "PNG")
    elif head.startswith(b"PK\x03\x04"):
        found = _xlsx(stream)
    stream.seek(0)
    return found
