"""Platform roles (codes + a data scope), who holds them, and admin impersonation sessions.

The fixed merchant roles 管理员 / 成员 are not rows: they follow ``merchants.Membership.role``
(see ``jmt.rbac.roles``). The built-in 超级管理员 is a row (data migration) held through
``User.is_superadmin``.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class DataScope(models.TextChoices):
    """Which merchants' rows a role's codes reach (the rule is in ``jmt.rbac.scope``)."""

    OWN_MERCHANT = "own_merchant", "本商户"
    ALL_READ = "all_read", "全部商户只读"
    ALL_WRITE = "all_write", "全部商户可写"


SUPERADMIN_KEY = "superadmin"


class Role(models.Model):
    key = models.CharField("内置标识", max_length=32, unique=True, null=True, blank=True)
    name = models.CharField("角色名称", max_length=32, unique=True)
    description = models.CharField("描述", max_length=200, blank=True)
    data_scope = models.CharField("数据权限", max_length=16, choices=DataScope.choices, default=DataScope.ALL_READ)
    permissions = models.JSONField("功能权限", default=list, blank=True)
    allow_impersonation_writes = models.BooleanField("用户切换时允许修改", default=False)
    builtin = models.BooleanField("内置角色", default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "角色"
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(condition=Q(data_scope__in=DataScope.values), name="role_data_scope_known"),
            models.CheckConstraint(condition=Q(builtin=True) | Q(key__isnull=True), name="role_key_only_builtin"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_superadmin(self) -> bool:
        return self.key == SUPERADMIN_KEY


class RoleAssignment(models.Model):
    """A back-office account holds a platform role (several per account)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="assignments")
    assigned_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "角色分配"
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["user", "role"], name="role_assignment_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.role_id}"


class Impersonation(models.Model):
    """A back-office user acting as a merchant user (G6). ``session`` is the refresh-token family."""

    admin = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="impersonated_sessions")
    reason = models.CharField("切换原因", max_length=200)
    session = models.UUIDField(unique=True)
    allow_writes = models.BooleanField("开始时允许修改", default=False)
    started_at = models.DateTimeField(default=timezone.now, db_index=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=400, blank=True)

    class Meta:
        verbose_name = "用户切换"
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | Q(ended_at__gte=models.F("started_at")),
                name="impersonation_ends_after_start",
            ),
            models.CheckConstraint(condition=~Q(admin=models.F("user")), name="impersonation_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.admin_id}→{self.user_id}"


class ImpersonationRequest(models.Model):
    """One API request made while switched: both identities are those of its impersonation."""

    impersonation = models.ForeignKey(Impersonation, on_delete=models.CASCADE, related_name="requests")
    method = models.CharField(max_length=8)
    path = models.CharField(max_length=300)
    outcome = models.CharField("结果", max_length=64)  # "ok" or the refusal's error code
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["impersonation", "created_at"])]

    def __str__(self) -> str:
        return f"{self.method} {self.path} {self.outcome}"
