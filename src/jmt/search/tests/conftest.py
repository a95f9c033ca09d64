from __future__ import annotations

from typing import Any

import pytest

from jmt.search import index


@pytest.fixture(autouse=True)
def _pinyin_keys_refresh_every_time(monkeypatch: Any) -> None:
    """Each test makes its own merchants: the per-process refresh throttle would hide them."""
    monkeypatch.setattr(index, "REFRESH_SECONDS", 0.0)
