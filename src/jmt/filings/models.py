"""跨境申报: one table for every filing type. A row is one merchant's filing of one type; its type's
field schema says what ``data`` holds, its graph moves ``state``."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from jmt.workflow.models import WorkflowObject


class Filing(WorkflowObject):
    filing_type = models.CharField("申报类型", max_length=40)
    title = models.CharField("名称", max_length=200, blank=True)
    data = models.JSONField("填报内容", default=dict, blank=True)
    submitted_data = models.JSONField("最近一次提交的内容（信息回看）", default=dict, blank=True)
    change_requests = models.JSONField("逐项修改意见 {字段: 意见}", default=dict, blank=True)
    results = models.JSONField("办结结果（海关编码、DXP ID 等）", default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True)
    completed_at = models.DateTimeField("办结时间", null=True, blank=True)

    objects: ClassVar[models.Manager[Filing]] = models.Manager()

    class Meta:
        verbose_name = "跨境申报"
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["merchant", "filing_type"], name="filings_one_per_type"),
        ]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["filing_type", "state", "submitted_at"], name="filings_queue"),
        ]

    def __str__(self) -> str:
        return self.title or f"跨境申报 #{self.pk}"
