"""What every CEB document shares: its guid, its place in the pipeline, and its latest receipt."""

from __future__ import annotations

import uuid

from django.db import models


def new_guid() -> str:
    """A CEB guid: 36 characters, upper case (the XSD's ``guid`` length and the spec's casing)."""
    return str(uuid.uuid4()).upper()


def money_field(verbose_name: str, **kwargs: object) -> models.DecimalField:
    """``decimal totalDigits=19 fractionDigits=5`` in the XSD."""
    return models.DecimalField(verbose_name, max_digits=19, decimal_places=5, **kwargs)  # type: ignore[arg-type]


class StatisticsFlag(models.TextChoices):
    SIMPLIFIED = "A", "A 简化申报（不能办理出口退税）"
    SUMMARY = "B", "B 汇总申报（可办理出口退税）"


class AppType(models.TextChoices):
    NEW = "1", "新增"
    CHANGE = "2", "变更"
    DELETE = "3", "删除"


class DocStatus(models.TextChoices):
    """Where one document stands. Plain choices for now; the workflow mechanism takes over later.

    The first four are ours (before customs answers); the rest follow the receipt's ``returnStatus``.
    """

    DRAFT = "draft", "待申报"
    QUEUED = "queued", "排队发送"
    SENT = "sent", "已发送至点点通"
    NEEDS_ATTENTION = "needs_attention", "发送失败，需处理"
    STAGED = "staged", "电子口岸已暂存"  # 1
    DECLARING = "declaring", "电子口岸申报中"  # 2
    SENT_TO_CUSTOMS = "sent_to_customs", "发送海关成功"  # 3
    CUSTOMS_SEND_FAILED = "customs_send_failed", "发送海关失败"  # 4
    REJECTED = "rejected", "海关退单"  # 100
    STORED = "stored", "海关入库"  # 120
    MANUAL_REVIEW = "manual_review", "人工审核"  # 300
    CLEARED = "cleared", "海关审结"  # 399
    INSPECTION = "inspection", "查验"  # 500
    RELEASED = "released", "放行"  # 800
    CLOSED = "closed", "结关"  # 899
    EXISTS = "exists", "海关已有该单号（视为已申报）"  # duplicate codes
    ERROR = "error", "处理异常"  # other negative codes, CEB900
    CANCELLED = "cancelled", "已撤销"  # inventory whose 撤销申请单 was approved
    WITHDRAWN = "withdrawn", "已不再撤销"  # a 撤销申请单 the merchant took back before it was sent


# Statuses in which nothing has come back from customs yet.
PRE_RECEIPT_STATUSES = frozenset({DocStatus.DRAFT, DocStatus.QUEUED, DocStatus.SENT, DocStatus.NEEDS_ATTENTION})


class CebDocument(models.Model):
    """Abstract base of every document we send: guid, pipeline state and the latest applied receipt.

    ``return_time`` is the receipt's ``returnTime`` (yyyyMMddHHmmssfff): receipts are applied only when
    newer than the one applied last, so a late or repeated receipt never moves a status backwards.
    """

    guid = models.CharField("系统唯一序号", max_length=36, unique=True, default=new_guid)
    app_type = models.CharField("报送类型", max_length=1, choices=AppType.choices, default=AppType.NEW)
    app_status = models.CharField("报送状态", max_length=1, default="2")
    status = models.CharField("状态", max_length=24, choices=DocStatus.choices, default=DocStatus.DRAFT, db_index=True)
    return_status = models.CharField("回执状态", max_length=10, blank=True)
    return_time = models.CharField("回执时间", max_length=17, blank=True)
    return_info = models.CharField("回执信息", max_length=1000, blank=True)
    message = models.ForeignKey(
        "customs.Message", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="所在报文"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
