"""``record(...)``: the audit entry every service write makes, inside the write's transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import models

from jmt.audit.models import OperationLog
from jmt.core.auth import Actor

if TYPE_CHECKING:
    from jmt.audit.selectors import LogFilters

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
    return record_event(
        actor=actor,
        module=module,
        action=action,
        object_type=obj._meta.label,
        object_id=str(obj.pk),
        object_repr=str(obj),
        changes=diff(before, after),
    )


def record_event(
    *,
    actor: Actor,
    module: str,
    action: str,
    object_type: str,
    object_id: str = "",
    object_repr: str = "",
    changes: dict[str, list[Any]] | None = None,
) -> OperationLog:
    """An entry for an act that is not the change of one model instance (an export, a bulk move)."""
    return OperationLog.objects.create(
        actor=actor.user,
        impersonator=actor.impersonator,
        merchant_id=actor.merchant.pk if actor.merchant is not None else None,
        module=module,
        action=action,
        object_type=object_type,
        object_id=object_id,
        object_repr=object_repr[:200],
        changes=changes or {},
        ip=actor.ip,
        user_agent=actor.user_agent,
    )


def record_many(
    *,
    actor: Actor,
    module: str,
    action: str,
    changes: Iterable[tuple[models.Model, Snapshot, Snapshot]],
) -> int:
    """``record`` for many objects changed by one act (a workbook applied): one entry per object,
    written in as few statements as the database allows."""
    rows = [
        OperationLog(
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
        for obj, before, after in changes
    ]
    OperationLog.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def system_actor() -> Actor:
    """The actor of scheduled jobs: no user (the log shows 「系统」), no permissions."""
    return Actor(user=None, merchant=None, role=None, permissions=frozenset())


def operation_logs_export_record(*, actor: Actor, fmt: str, filters: LogFilters) -> OperationLog:
    """Who exported which logs: the export itself is an entry (written before the first row is sent)."""
    from jmt.audit.selectors import check_filters

    check_filters(filters)
    conditions: dict[str, Any] = {
        "actor": filters.actor,
        "actor_id": filters.actor_id,
        "created_from": filters.created_from.isoformat() if filters.created_from else None,
        "created_to": filters.created_to.isoformat() if filters.created_to else None,
        "module": filters.module,
        "action": filters.action,
    }
    after: Snapshot = {
        "format": fmt,
        "filters": {key: value for key, value in conditions.items() if value},
    }
    if filters.ids:
        after["ids"] = len(filters.ids)
    return record_event(
        actor=actor,
        module="audit",
        action="export",
        object_type="audit.OperationLog",
        object_repr=f"导出操作日志（{fmt.upper()}）",
        changes=diff({}, after),
    )
