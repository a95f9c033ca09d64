"""``record(...)``: the audit entry every service write makes, inside the write's transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import models

from jmt.audit.models import OperationLog
from jmt.core.auth import Actor

Snapshot = dict[str, Any]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    return value


def snapshot(obj: models.Model | None, fields: Iterable[str]) -> Snapshot:
    """The values of ``fields`` now (foreign keys by id), to diff against after the change."""
    if obj is None:
        return {}
    return {name: _plain(getattr(obj, name)) for name in fields}


def diff(before: Snapshot, after: Snapshot) -> dict[str, list[Any]]:
    """Field → [before, after] for the fields whose value changed; untouched fields are left out."""
    changes: dict[str, list[Any]] = {}
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name), after.get(name)
        if old != new:
            changes[name] = [old, new]
    return changes


def record(
    *,
    actor: Actor,
    module: str,
    action: str,
    obj: models.Model,
    before: Snapshot,
    after: Snapshot,
) -> OperationLog:
    return OperationLog.objects.create(
        actor=actor.user,
        impersonator=actor.impersonator,
        merchant_id=actor.merchant.pk if actor.merchant is not None else None,
        module=module,
        action=action,
        object_type=obj._meta.label,
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        changes=diff(before, after),
        ip=actor.ip,
        user_agent=actor.user_agent,
    )
