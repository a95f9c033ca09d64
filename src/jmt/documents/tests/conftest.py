from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from conftest import Api


@pytest.fixture(autouse=True)
def _media_root(settings: Any, tmp_path: Path) -> Path:
    """Every test stores its uploads in its own directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def png_bytes(image: Image.Image | None = None) -> bytes:
    out = io.BytesIO()
    (image or Image.new("RGB", (40, 30), "white")).save(out, format="PNG")
    return out.getvalue()


def jpeg_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(out, format="JPEG")
    return out.getvalue()


def xlsx_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


@pytest.fixture
def upload(client: Any, api: Api) -> Callable[..., Any]:
    """POST /documents as ``user`` with a file of ``data`` named ``name``."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    def send(user: Any, name: str, data: bytes, kind: str = "business_licence", content_type: str = "") -> Any:
        token = api.as_user(user).token
        file = SimpleUploadedFile(name, data, content_type=content_type or "application/octet-stream")
        return client.post(
            "/api/v1/documents", {"kind": kind, "file": file}, headers={"Authorization": f"Bearer {token}"}
        )

    return send
