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


class MerchantType(models.TextChoices):
    INDIVIDUAL = "individual", "个体工商户"
    COMPANY = "company", "有限公司"


class Merchant(models.Model):
    """A tenant and its profile: what the licence, the ID card and the bank permit say, confirmed once
    and pre-filled into every later form (see ``jmt.merchants.profile``)."""

    name = models.CharField("商户名称", max_length=128, blank=True)
    registration_status = models.CharField(
        "工商注册状态", max_length=16, choices=RegistrationStatus.choices, default=RegistrationStatus.NOT_STARTED
    )
    created_at = models.DateTimeField(default=timezone.now)
    # --- company (business licence) ---
    merchant_type = models.CharField("企业类型", max_length=16, choices=MerchantType.choices, blank=True)
    name_en = models.CharField("英文名称", max_length=200, blank=True)
    credit_code = models.CharField("统一社会信用代码", max_length=18, blank=True)
    company_type = models.CharField("执照类型", max_length=100, blank=True)
    address = models.CharField("中文地址（住所）", max_length=255, blank=True)
    address_en = models.CharField("英文地址", max_length=255, blank=True)
    established_on = models.DateField("成立日期", null=True, blank=True)
    # --- legal person (ID card) ---
    legal_person = models.CharField("法人姓名", max_length=64, blank=True)
    legal_person_phone = models.CharField("法人联系电话", max_length=20, blank=True)
    legal_person_id_number = models.CharField("法人身份证号", max_length=18, blank=True)
    legal_person_id_valid = models.CharField("身份证有效期限", max_length=40, blank=True)
    # --- contact ---
    contact_name = models.CharField("联系人姓名", max_length=64, blank=True)
    contact_phone = models.CharField("联系人电话", max_length=20, blank=True)
    # --- settlement (bank permit) ---
    bank_name = models.CharField("结汇开户银行", max_length=100, blank=True)
    bank_account = models.CharField("结汇人民币账号", max_length=40, blank=True)
    ccb_sub_account = models.CharField("建设银行外汇子账号", max_length=40, blank=True)
    # --- the vault documents the profile was confirmed from ---
    licence_document = models.ForeignKey(
        "documents.Document",
        verbose_name="营业执照",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    id_card_front_document = models.ForeignKey(
        "documents.Document",
        verbose_name="法人身份证人像面",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    id_card_back_document = models.ForeignKey(
        "documents.Document",
        verbose_name="法人身份证国徽面",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bank_permit_document = models.ForeignKey(
        "documents.Document",
        verbose_name="开户许可证",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

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
        # What 操作记录 shows as the object: 「张三 · 东海水晶（管理员）」, never ids or codes.
        user = self.user
        who = user.name or (f"{user.phone[:3]}****{user.phone[-4:]}" if user.phone else f"用户 {self.user_id}")
        return f"{who} · {self.merchant}（{self.get_role_display()}）"
