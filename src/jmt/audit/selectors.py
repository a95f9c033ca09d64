"""Reads of the operation log and its archives, always starting from what the actor may see."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.core.files import File
from django.core.files.storage import default_storage
from django.db.models import Q, QuerySet

from jmt.audit.errors import AuditError
from jmt.audit.models import AuditArchive, OperationLog
from jmt.core.auth import Actor
from jmt.core.errors import NotFound

VIEW_LOGS = "system:logs:view"
MAX_SELECTED_IDS = 5000
EXPORT_CHUNK_SIZE = 2000

EXPORT_VALUES = (
    "id",
    "created_at",
    "actor_id",
    "actor__username",
    "actor__name",
    "actor__phone",
    "impersonator_id",
    "impersonator__username",
    "impersonator__name",
    "merchant_id",
    "module",
    "action",
    "object_type",
    "object_id",
    "object_repr",
    "changes",
    "ip",
    "user_agent",
)


@dataclass(frozen=True)
class LogFilters:
    actor: str | None = None
    actor_id: int | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None
    module: str | None = None
    action: str | None = None
    ids: tuple[int, ...] = field(default_factory=tuple)


def parse_ids(raw: str | None) -> tuple[int, ...]:
    """``"1,2,3"`` → ``(1, 2, 3)``; anything else is a 422 on the ``ids`` field."""
    if not raw:
        return ()
    parts = [part.strip() for part in raw.split(",") if part.strip()]
    if not all(part.isdigit() for part in parts):
        raise AuditError.invalid_fields({"ids": "请用英文逗号分隔记录编号"})
    if len(parts) > MAX_SELECTED_IDS:
        raise AuditError.invalid_fields({"ids": f"一次最多导出 {MAX_SELECTED_IDS} 条选中的记录"})
    return tuple(int(part) for part in parts)


def operation_logs_visible(*, actor: Actor) -> QuerySet[OperationLog]:
    """Every log the actor may read: holders of ``system:logs:view`` read all of them.

    Seam for the data-scope layer (``jmt.rbac``): a platform role limited to some merchants will
    narrow this queryset by ``merchant_id`` here, so the list, the detail and the exports follow.
    """
    if not actor.can(VIEW_LOGS):
        return OperationLog.objects.none()
    return OperationLog.objects.all()


def check_filters(filters: LogFilters) -> None:
    if filters.created_from and filters.created_to and filters.created_from > filters.created_to:
        raise AuditError.invalid_fields({"created_to": "结束时间不能早于开始时间"})


def _filtered(queryset: QuerySet[OperationLog], filters: LogFilters) -> QuerySet[OperationLog]:
    check_filters(filters)
    if filters.actor and filters.actor.strip():
        text = filters.actor.strip()
        match = (
            Q(actor__username__icontains=text)
            | Q(actor__phone__icontains=text)
            | Q(actor__name__icontains=text)
            | Q(impersonator__username__icontains=text)
            | Q(impersonator__name__icontains=text)
        )
        queryset = queryset.filter(match)
    if filters.actor_id is not None:
        queryset = queryset.filter(Q(actor_id=filters.actor_id) | Q(impersonator_id=filters.actor_id))
    if filters.created_from:
        queryset = queryset.filter(created_at__gte=filters.created_from)
    if filters.created_to:
        queryset = queryset.filter(created_at__lte=filters.created_to)
    if filters.module:
        queryset = queryset.filter(module=filters.module)
    if filters.action:
        queryset = queryset.filter(action=filters.action)
    if filters.ids:
        queryset = queryset.filter(pk__in=filters.ids)
    return queryset


def operation_log_list(*, actor: Actor, filters: LogFilters) -> QuerySet[OperationLog]:
    """Newest first, with both identities loaded for the list."""
    return (
        _filtered(operation_logs_visible(actor=actor), filters)
        .select_related("actor", "impersonator")
        .order_by("-created_at", "-id")
    )


def operation_log_get(*, actor: Actor, log_id: int) -> OperationLog:
    entry = operation_logs_visible(actor=actor).select_related("actor", "impersonator").filter(pk=log_id).first()
    if entry is None:
        raise NotFound()
    return entry


def operation_log_export_rows(
    *, actor: Actor, filters: LogFilters, before_id: int | None = None
) -> Iterator[dict[str, Any]]:
    """The rows of an export as plain dicts, read in chunks (a server-side cursor on PostgreSQL).

    Plain values, not model instances: 200,000 rows never sit in memory at once, and building dicts
    costs a fraction of building models. ``before_id``: only the entries written before that one (the
    export's own entry), so the file holds the log as it was when the export was asked for.
    """
    queryset = _export_queryset(actor=actor, filters=filters, before_id=before_id)
    return queryset.order_by("-created_at", "-id").values(*EXPORT_VALUES).iterator(chunk_size=EXPORT_CHUNK_SIZE)


def _export_queryset(*, actor: Actor, filters: LogFilters, before_id: int | None) -> QuerySet[OperationLog]:
    queryset = _filtered(operation_logs_visible(actor=actor), filters)
    return queryset if before_id is None else queryset.filter(pk__lt=before_id)


def operation_log_export_count(*, actor: Actor, filters: LogFilters, before_id: int | None = None) -> int:
    """How many rows the export will hold (for its progress)."""
    return _export_queryset(actor=actor, filters=filters, before_id=before_id).order_by().count()


def module_and_action_codes(*, actor: Actor) -> tuple[list[str], list[str]]:
    """The codes present in the log (for the filter drop-downs), merged with the registered ones."""
    visible = operation_logs_visible(actor=actor)
    modules = set(visible.order_by().values_list("module", flat=True).distinct())
    actions = set(visible.order_by().values_list("action", flat=True).distinct())
    return sorted(modules), sorted(actions)


def archive_list(*, actor: Actor) -> QuerySet[AuditArchive]:
    if not actor.can(VIEW_LOGS):
        return AuditArchive.objects.none()
    return AuditArchive.objects.order_by("-month", "-part")


def archive_get(*, actor: Actor, archive_id: int) -> AuditArchive:
    archive = archive_list(actor=actor).filter(pk=archive_id).first()
    if archive is None:
        raise NotFound()
    return archive


def archive_open(archive: AuditArchive) -> File:
    """The archive's file, opened for reading through the storage API (local disk or S3); 410 if it is gone."""
    if not default_storage.exists(archive.storage_path):
        raise AuditError.archive_file_missing()
    return default_storage.open(archive.storage_path, "rb")
