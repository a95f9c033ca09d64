"""Fixtures of the system tests."""

from __future__ import annotations

from typing import Any

import pytest

from jmt.accounts.models import User


@pytest.fixture
def admin_api(api: Any, superadmin: User) -> Any:
    return api.as_user(superadmin)


@pytest.fixture
def staff_without_permissions(db: None) -> User:
    return User.objects.create_user(username="ops", password="Crystal-2026!", name="运营小李", is_staff=True)


@pytest.fixture
def put(admin_api: Any) -> Any:
    def send(group: str, value: Any, client: Any = None) -> Any:
        target = client or admin_api
        return target.client.put(
            f"/api/v1/admin/system/parameters/{group}",
            value,
            content_type="application/json",
            headers=target._headers(None),
        )

    return send
