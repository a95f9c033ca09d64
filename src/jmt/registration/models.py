"""工商注册 applications: 个体户新办 / 企业新办 (R1) and 已注册企业信息补充 (R2), one graph for both."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from jmt.workflow.models import WorkflowObject


class ApplicationKind(models.TextChoices):
    NEW_INDIVIDUAL = "new_individual", "个体户新办"
    NEW_COMPANY = "new_company", "企业新办"
    EXISTING = "existing", "已注册企业信息补充"


class Application(WorkflowObject):
    """One merchant's 工商注册 application: the wizard's values per step, the last step saved, the
    vault documents it names (ids inside ``data``, checked to be the merchant's own on every save)."""

    kind = models.CharField("办理类型", max_length=20, choices=ApplicationKind.choices)
    title = models.CharField("名称", max_length=200, blank=True)
    state = models.CharField("状态", max_length=32, db_index=True, default="draft")
    data = models.JSONField("填报内容（按步骤）", default=dict, blank=True)
    step = models.PositiveSmallIntegerField("最近保存的步骤", default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True)
    approved_at = models.DateTimeField("核准时间", null=True, blank=True)

    objects: ClassVar[models.Manager[Application]] = models.Manager()

    class Meta:
        verbose_name = "工商注册申请"
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["merchant", "-created_at"], name="registration_app_merchant"),
            models.Index(fields=["state", "submitted_at"], name="registration_app_queue"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.title or self.pk}"
