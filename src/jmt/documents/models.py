"""A merchant's documents (its vault): files checked by content, stored outside the web root."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone


class DocumentKind(models.TextChoices):
    BUSINESS_LICENCE = "business_licence", "营业执照"
    ID_CARD_FRONT = "id_card_front", "法人身份证人像面"
    ID_CARD_BACK = "id_card_back", "法人身份证国徽面"
    BANK_PERMIT = "bank_permit", "开户许可证"
    OTHER = "other", "其他"


class Document(models.Model):
    merchant = models.ForeignKey("merchants.Merchant", on_delete=models.CASCADE, related_name="documents")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField("类别", max_length=32, choices=DocumentKind.choices, default=DocumentKind.OTHER)
    original_name = models.CharField("原文件名", max_length=255)
    content_type = models.CharField("文件类型（按内容识别）", max_length=100)
    size = models.PositiveBigIntegerField("大小（字节）")
    sha256 = models.CharField(max_length=64)
    storage_path = models.CharField("存储路径（相对 MEDIA_ROOT）", max_length=255)
    ocr_result = models.JSONField("识别结果", null=True, blank=True)
    ocr_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "商户资料"
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["merchant", "kind", "-created_at"], name="document_merchant_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.original_name}"
