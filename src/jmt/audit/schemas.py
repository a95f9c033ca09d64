"""Schemas of the operation-log API."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from django.utils import timezone
from ninja import Schema
from pydantic import Field, field_validator

from jmt.audit import labels
from jmt.audit.models import AuditArchive, OperationLog
from jmt.audit.selectors import LogFilters, parse_ids


def _aware(value: datetime | None) -> datetime | None:
    """A time without an offset is read as Asia/Shanghai (the time people type)."""
    if value is not None and timezone.is_naive(value):
        return timezone.make_aware(value)
    return value


class LogFilterQuery(Schema):
    actor: str | None = Field(None, max_length=64, description="账号：登录名、手机号或姓名的一部分（操作人或代操作人）")
    actor_id: int | None = Field(None, ge=1, description="账号编号：该用户作为操作人或代操作人的记录")
    created_from: datetime | None = Field(None, description="起始时间（含），ISO 8601；无时区时按北京时间")
    created_to: datetime | None = Field(None, description="结束时间（含）")
    module: str | None = Field(None, max_length=32, description="模块代码，如 accounts")
    action: str | None = Field(None, max_length=64, description="操作代码，如 update")

    _aware_from = field_validator("created_from", "created_to")(_aware)

    def filters(self, ids: tuple[int, ...] = ()) -> LogFilters:
        return LogFilters(
            actor=self.actor,
            actor_id=self.actor_id,
            created_from=self.created_from,
            created_to=self.created_to,
            module=self.module or None,
            action=self.action or None,
            ids=ids,
        )


class LogListQuery(LogFilterQuery):
    page: int = Field(1, ge=1)
    page_size: int = Field(20, ge=1, le=100)


class LogExportQuery(LogFilterQuery):
    format: Literal["csv", "xlsx"] = Field("csv", description="csv 或 xlsx")
    ids: str | None = Field(None, max_length=60000, description="只导出这些记录：英文逗号分隔的编号（最多 5000 个）")

    def export_filters(self) -> LogFilters:
        return self.filters(parse_ids(self.ids))


class AuditPageQuery(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(20, ge=1, le=100)


class AuditPersonOut(Schema):
    id: int
    display: str = Field(description="姓名（登录名或手机号）")
    username: str


class OperationLogOut(Schema):
    id: int
    created_at: datetime
    actor: AuditPersonOut | None = Field(description="操作账号；为空表示系统任务")
    impersonator: AuditPersonOut | None = Field(description="代操作的后台账号（切换身份时）")
    merchant_id: int | None
    module: str
    module_label: str
    action: str
    action_label: str
    object_type: str
    object_id: str
    object_repr: str
    summary: str = Field(description="改动摘要")
    changes_count: int
    ip: str | None
    user_agent: str


class AuditChangeRowOut(Schema):
    field: str
    label: str = Field(description="字段中文名")
    before: Any = Field(description="改动前的值")
    after: Any = Field(description="改动后的值")
    before_text: str
    after_text: str


class OperationLogDetailOut(OperationLogOut):
    changes: list[AuditChangeRowOut]


class OperationLogPageOut(Schema):
    items: list[OperationLogOut]
    total: int
    page: int
    page_size: int


class AuditLabelOut(Schema):
    value: str
    label: str


class AuditLogLabelsOut(Schema):
    modules: list[AuditLabelOut]
    actions: list[AuditLabelOut]


class AuditArchiveOut(Schema):
    id: int
    month: str = Field(examples=["2026-01"])
    part: int
    file_name: str
    row_count: int
    first_created_at: datetime
    last_created_at: datetime
    sha256: str
    size_bytes: int
    created_at: datetime


class AuditArchivePageOut(Schema):
    items: list[AuditArchiveOut]
    total: int
    page: int
    page_size: int


def person_out(user: Any) -> dict[str, Any] | None:
    if user is None:
        return None
    login = user.phone or user.username
    display = f"{user.name}（{login}）" if user.name and user.name != login else (user.name or login)
    return {"id": user.pk, "display": display, "username": user.username}


def log_out(entry: OperationLog) -> dict[str, Any]:
    changes = entry.changes or {}
    return {
        "id": entry.pk,
        "created_at": entry.created_at,
        "actor": person_out(entry.actor),
        "impersonator": person_out(entry.impersonator),
        "merchant_id": entry.merchant_id,
        "module": entry.module,
        "module_label": labels.module_label(entry.module),
        "action": entry.action,
        "action_label": labels.action_label(entry.action),
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "object_repr": entry.object_repr,
        "summary": labels.changes_summary(entry.object_type, entry.object_id, changes, limit=120),
        "changes_count": len(changes),
        "ip": entry.ip,
        "user_agent": entry.user_agent,
    }


def log_detail_out(entry: OperationLog) -> dict[str, Any]:
    return {**log_out(entry), "changes": labels.change_rows(entry.object_type, entry.object_id, entry.changes or {})}


def archive_out(archive: AuditArchive) -> dict[str, Any]:
    return {
        "id": archive.pk,
        "month": f"{archive.month:%Y-%m}",
        "part": archive.part,
        "file_name": archive.file_name,
        "row_count": archive.row_count,
        "first_created_at": archive.first_created_at,
        "last_created_at": archive.last_created_at,
        "sha256": archive.sha256,
        "size_bytes": archive.size_bytes,
        "created_at": archive.created_at,
    }
