"""PATCH and DELETE for the JSON client of the root conftest (which speaks GET and POST)."""

from __future__ import annotations

import json
from typing import Any


def patch(api: Any, path: str, body: Any) -> Any:
    return api.client.patch(
        f"/api/v1{path}", json.dumps(body), content_type="application/json", headers=api._headers(None)
    )


def delete(api: Any, path: str) -> Any:
    return api.client.delete(f"/api/v1{path}", headers=api._headers(None))
