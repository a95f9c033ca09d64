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
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["module", "created_at"])]

    def __str__(self) -> str:
        return f"{self.module}.{self.action} {self.object_type}#{self.object_id}"
