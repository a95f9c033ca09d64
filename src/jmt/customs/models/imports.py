"""E-order workbooks (C2): one upload, and each of its rows with its normalised values and errors."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone


class ImportStatus(models.TextChoices):
    VALIDATED = "validated", "已校验"
    DECLARED = "declared", "已申报"


class OrderImport(models.Model):
    merchant = models.ForeignKey("merchants.Merchant", on_delete=models.PROTECT, related_name="+")
    batch = models.ForeignKey("customs.Batch", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    file_name = models.CharField("文件名", max_length=255)
    sha256 = models.CharField(max_length=64)
    status = models.CharField(max_length=16, choices=ImportStatus.choices, default=ImportStatus.VALIDATED)
    total_rows = models.PositiveIntegerField("数据行数", default=0)
    valid_rows = models.PositiveIntegerField("通过校验的行数", default=0)
    error_count = models.PositiveIntegerField("错误数", default=0)
    order_count = models.PositiveIntegerField("订单数", default=0)
    declarable_orders = models.PositiveIntegerField("全部行通过校验的订单数", default=0)
    deleted_rows = models.PositiveIntegerField("在预览中删除的行数", default=0)
    # Where the data sat in the uploaded sheet: {"sheet": name, "header_row": n, "columns": {key: "B"}}.
    layout = models.JSONField("表格布局", default=dict, blank=True)
    # The workbook as uploaded (a storage name: local disk or an S3-compatible bucket), marked for the error file.
    source_path = models.CharField("原文件", max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "电子订单导入"

    def __str__(self) -> str:
        return self.file_name

    @property
    def error_rows(self) -> int:
        return self.total_rows - self.valid_rows - self.deleted_rows


class ImportRow(models.Model):
    """``data`` holds the normalised value of each column (the text as typed where it is wrong)."""

    order_import = models.ForeignKey(OrderImport, on_delete=models.CASCADE, related_name="rows")
    row_no = models.PositiveIntegerField("Excel 行号")
    is_valid = models.BooleanField(default=True)
    is_deleted = models.BooleanField("已在预览中删除", default=False)  # not declared; restorable
    order_no = models.CharField(max_length=100, blank=True)
    ebp_code = models.CharField(max_length=40, blank=True)
    logistics_no = models.CharField(max_length=64, blank=True)
    data = models.JSONField(default=dict)
    errors = models.JSONField(default=list)  # [{column, code, message}]

    class Meta:
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["order_import", "row_no"], name="customs_importrow_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.order_import_id}:{self.row_no}"
