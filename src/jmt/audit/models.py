"""The operation log: one row per service write, with a field-level diff."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone


class OperationLog(models.Model):
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    impersonator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    merchant_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    module = models.CharField("模块", max_length=32)
    action = models.CharField("操作", max_length=64)
    object_type = models.CharField(max_length=64)
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=200, blank=True)
    changes = models.JSONField("改动", default=dict)  # {field: [before, after]}, only the fields that changed
    ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=400, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["module", "created_at"]),
            models.Index(fields=["actor", "created_at"], name="audit_log_actor_created_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.module}.{self.action} {self.object_type}#{self.object_id}"


class AuditArchive(models.Model):
    """One compressed file of operation logs moved out of the table: a calendar month (or a late part of one).

    The rows it holds were deleted in the same transaction that created this row, so a log is always
    in exactly one place: the table or one archive file (kept through the storage API: jmt.audit.archive).
    """

    month = models.DateField("月份")  # the first day of the month
    part = models.PositiveSmallIntegerField("分卷", default=1)
    file_name = models.CharField("文件名", max_length=200, unique=True)
    storage_path = models.CharField("存储路径", max_length=300)  # name in Django's default storage (disk or S3)
    row_count = models.PositiveIntegerField("条数")
    first_created_at = models.DateTimeField("最早记录时间")
    last_created_at = models.DateTimeField("最晚记录时间")
    sha256 = models.CharField("SHA-256", max_length=64)
    size_bytes = models.BigIntegerField("文件大小")
    created_at = models.DateTimeField("归档时间", default=timezone.now)

    class Meta:
        verbose_name = "日志归档"
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["month", "part"], name="audit_archive_unique_month_part"),
            models.CheckConstraint(condition=models.Q(row_count__gt=0), name="audit_archive_not_empty"),
        ]

    def __str__(self) -> str:
        return self.file_name
