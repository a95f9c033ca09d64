"""Merchants (the tenants) and who belongs to them."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone


class RegistrationStatus(models.TextChoices):
    """Where the merchant's 工商注册 stands. The workflow mechanism (a later issue) drives it."""

    NOT_STARTED = "not_started", "未办理"
    IN_PROGRESS = "in_progress", "办理中"
    APPROVED = "approved", "核准通过"


class Merchant(models.Model):
    name = models.CharField("商户名称", max_length=128, blank=True)
    registration_status = models.CharField(
        "工商注册状态", max_length=16, choices=RegistrationStatus.choices, default=RegistrationStatus.NOT_STARTED
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "商户"

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.name or f"未命名商户 #{self.pk}"

    @property
    def registration_approved(self) -> bool:
        return self.registration_status == RegistrationStatus.APPROVED


class MemberRole(models.TextChoices):
    ADMIN = "admin", "管理员"
    MEMBER = "member", "成员"


class Membership(models.Model):
    merchant = models.ForeignKey(Merchant, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField("角色", max_length=16, choices=MemberRole.choices, default=MemberRole.MEMBER)
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "商户成员"
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["merchant", "user"], name="membership_unique_user_per_merchant"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}@{self.merchant_id}:{self.role}"
