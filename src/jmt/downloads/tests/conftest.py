"""Fixtures of the download-center tests: files in a fresh media folder, kinds registered for one test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from jmt.downloads import registry


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def kinds() -> Iterator[Any]:
    """Register kinds for one test; they are removed after it."""
    added: list[str] = []

    def add(kind: registry.ExportKind) -> registry.ExportKind:
        added.append(kind.key)
        return registry.register(kind)

    yield add
    for key in added:
        registry._KINDS.pop(key, None)
