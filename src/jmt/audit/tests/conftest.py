"""Fixtures of the operation-log tests: a staff account without log permissions, and log factories."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from jmt.accounts.models import User
from jmt.audit.models import OperationLog


@pytest.fixture
def staff_without_logs(db: None) -> User:
    """A back-office account that holds no back-office permission."""
    return User.objects.create_user(username="ops", password="Crystal-2026!", name="运营小李", is_staff=True)


@pytest.fixture
def admin_api(api: Any, superadmin: User) -> Any:
    return api.as_user(superadmin)


def make_log(
    *,
    actor: User | None = None,
    module: str = "merchants",
    action: str = "update",
    changes: dict[str, Any] | None = None,
    created_at: datetime | None = None,
    **fields: Any,
) -> OperationLog:
    values: dict[str, Any] = {
        "actor": actor,
        "module": module,
        "action": action,
        "object_type": "merchants.Merchant",
        "object_id": "1",
        "object_repr": "东海晶莹水晶",
        "changes": {"name": ["旧名", "新名"]} if changes is None else changes,
        "ip": "10.0.0.8",
        "user_agent": "Mozilla/5.0 Test",
        **fields,
    }
    if created_at is not None:
        values["created_at"] = created_at
    return OperationLog.objects.create(**values)
