"""出口退税 claims (T1–T3, TA): the declarations a claim covers, its files, offline steps, the daily status file."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from jmt.workflow.models import WorkflowObject


def money(verbose_name: str, **kwargs: object) -> models.DecimalField:
    return models.DecimalField(verbose_name, max_digits=18, decimal_places=2, **kwargs)  # type: ignore[arg-type]


class Claim(WorkflowObject):
    """One 出口退税 application: the 报关单 it claims for, the refund order amount, its three kinds of PDF,
    the foreign-exchange receipt (confirmed by hand until 收结汇 reports it), and the amount received at 到账."""

    claim_no = models.CharField("退税申报编号", max_length=20, unique=True)
    state = models.CharField("状态", max_length=32, db_index=True, default="draft")
    currency = models.CharField("币种", max_length=3, default="USD")
    computed_amount = money("按报关单计算的金额", default=0)
    amount = money("退税申报金额", default=0)
    amount_reason = models.CharField("金额调整原因", max_length=500, blank=True)
    fx_confirmed_at = models.DateTimeField("收汇确认时间", null=True, blank=True)
    fx_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    fx_source = models.CharField("收汇来源", max_length=20, blank=True)  # "manual" now, "fx" once 收结汇 reports
    fx_note = models.CharField("收汇说明", max_length=500, blank=True)
    refund_received = money("到账退税额（人民币）", null=True, blank=True)
    received_on = models.DateField("到账日期", null=True, blank=True)
    reject_reason = models.CharField("审核不通过原因", max_length=1000, blank=True)
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[models.Manager[Claim]] = models.Manager()

    class Meta:
        verbose_name = "出口退税申报"
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["merchant", "-created_at"], name="refunds_claim_merchant"),
            models.Index(fields=["state", "submitted_at"], name="refunds_claim_queue"),
        ]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="refunds_claim_amount_not_negative"),
        ]

    def __str__(self) -> str:
        return self.claim_no


class DeclarationSource(models.TextChoices):
    SUMMARY = "summary", "汇总申报结果（本平台）"
    MANUAL = "manual", "其他渠道（手工录入）"


class ClaimDeclaration(models.Model):
    """One 报关单 a claim covers: picked from the merchant's 汇总 results, or typed in by hand."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="declarations")
    merchant = models.ForeignKey("merchants.Merchant", on_delete=models.CASCADE, related_name="+")
    source = models.CharField("来源", max_length=10, choices=DeclarationSource.choices)
    summary_result_id = models.BigIntegerField("汇总结果单", null=True, blank=True)  # customs.SummaryResult
    entry_id = models.CharField("报关单号", max_length=18)
    export_month = models.DateField("出口月份")  # the first day of the month
    amount = money("报关金额")
    currency = models.CharField("币种", max_length=3)
    goods = models.CharField("主要商品", max_length=500, blank=True)

    class Meta:
        verbose_name = "退税申报的报关单"
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["claim", "entry_id"], name="refunds_declaration_unique"),
        ]

    def __str__(self) -> str:
        return self.entry_id


class FileRole(models.TextChoices):
    CUSTOMS_DECLARATION = "customs_declaration", "报关单"
    PURCHASE_INVOICE = "purchase_invoice", "进项发票"
    SALES_INVOICE = "sales_invoice", "销售发票"


class ClaimFile(models.Model):
    """A vault document (a PDF, checked by content) attached to a claim as one of its three kinds of file."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="files")
    role = models.CharField("材料类别", max_length=24, choices=FileRole.choices)
    document = models.ForeignKey("documents.Document", on_delete=models.PROTECT, related_name="refund_claim_files")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "退税申报材料"
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["claim", "role", "document"], name="refunds_file_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} #{self.document_id}"


class OfflineStep(models.Model):
    """A step 捷晶 did outside the system (a call to the tax bureau, papers sent), with its note."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="offline_steps")
    title = models.CharField("事项", max_length=100)
    note = models.TextField("说明", blank=True)
    done_on = models.DateField("办理日期")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "线下办理记录"

    def __str__(self) -> str:
        return self.title


class StatusFile(models.Model):
    """One upload of the tax bureau's daily status file (人工上传报文): its rows, the plan, and when confirmed."""

    original_name = models.CharField("文件名", max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    business_date = models.DateField("上传日期（北京时间）", db_index=True)
    rows = models.JSONField("读取的行", default=list)
    plan = models.JSONField("预览：变更与无法匹配的行", default=dict)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField("确认时间", null=True, blank=True)
    applied = models.PositiveIntegerField("实际变更的申报数", default=0)

    class Meta:
        verbose_name = "退税状态日报文件"

    def __str__(self) -> str:
        return self.original_name
