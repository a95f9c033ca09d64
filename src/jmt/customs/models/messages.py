"""Every message sent and received (its XML kept verbatim), the outbox that sends, and receipts."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.utils import timezone


class Direction(models.TextChoices):
    OUT = "out", "发送"
    IN = "in", "接收"


class Message(models.Model):
    """One CEB message as it left or arrived: the XML is the record, never rebuilt afterwards."""

    direction = models.CharField("方向", max_length=3, choices=Direction.choices)
    message_type = models.CharField("报文类型", max_length=16, db_index=True)  # CEB303, CEB304, … UNKNOWN
    guid = models.CharField("报文 guid", max_length=36, blank=True, db_index=True)
    merchant = models.ForeignKey(
        "merchants.Merchant", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    batch = models.ForeignKey("customs.Batch", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    entity_count = models.PositiveIntegerField("单证数", default=0)
    xml = models.TextField("报文内容")
    sha256 = models.CharField(max_length=64)
    schema_valid = models.BooleanField("通过 XSD 校验", default=True)
    problem = models.CharField("解析或格式问题", max_length=1000, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "报文"
        constraints: ClassVar[list[models.BaseConstraint]] = [
            # The same guid is never sent twice; the same received bytes are stored once.
            models.UniqueConstraint(fields=["guid"], condition=Q(direction="out"), name="customs_message_out_guid"),
            models.UniqueConstraint(fields=["sha256"], condition=Q(direction="in"), name="customs_message_in_sha"),
        ]

    def __str__(self) -> str:
        return f"{self.direction} {self.message_type} {self.guid}"


class OutboxState(models.TextChoices):
    PENDING = "pending", "待发送"
    SENT = "sent", "已发送"
    NEEDS_ATTENTION = "needs_attention", "发送失败，需处理"


class Outbox(models.Model):
    """A message to send, written in the same transaction as the documents it carries.

    Workers claim rows with ``select_for_update(skip_locked=True)`` and a lease (``lease_until``), send
    outside the transaction, then mark them sent. A worker that dies keeps nothing: the lease runs out
    and another worker sends the same guid again, which the gateway answers as a duplicate.
    """

    message = models.OneToOneField(Message, on_delete=models.PROTECT, related_name="outbox")
    state = models.CharField("状态", max_length=16, choices=OutboxState.choices, default=OutboxState.PENDING)
    attempts = models.PositiveIntegerField("尝试次数", default=0)
    next_attempt_at = models.DateTimeField("下次尝试", default=timezone.now)
    lease_until = models.DateTimeField(null=True, blank=True)
    lease_owner = models.CharField(max_length=64, blank=True)
    last_error = models.CharField("最近错误", max_length=1000, blank=True)
    gateway_reply = models.CharField("网关应答", max_length=1000, blank=True)
    duplicate = models.BooleanField("网关报重复（已存在）", default=False)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "发送队列"
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"outbox {self.message_id} {self.state}"


class Receipt(models.Model):
    """One receipt entity (OrderReturn, InventoryReturn, …, or a CEB900) as received."""

    received_in = models.ForeignKey(Message, on_delete=models.PROTECT, related_name="receipts")
    message_type = models.CharField("回执报文类型", max_length=16)
    guid = models.CharField("系统唯一序号", max_length=36, blank=True, db_index=True)
    return_status = models.CharField("回执状态", max_length=10)
    return_time = models.CharField("回执时间", max_length=17, blank=True)
    return_info = models.CharField("回执信息", max_length=5000, blank=True)
    keys = models.JSONField("业务编号", default=dict)  # orderNo, logisticsNo, copNo, invtNo, preNo, sumNo, …
    raw = models.TextField("回执原文")
    fingerprint = models.CharField(max_length=64, unique=True)
    applied = models.BooleanField("已更新单证状态", default=False)
    refused = models.BooleanField("已拒绝（签名账号不是单证所属商户）", default=False)
    order = models.ForeignKey(
        "customs.Order", null=True, blank=True, on_delete=models.SET_NULL, related_name="receipts"
    )
    logistics = models.ForeignKey(
        "customs.Logistics", null=True, blank=True, on_delete=models.SET_NULL, related_name="receipts"
    )
    inventory = models.ForeignKey(
        "customs.Inventory", null=True, blank=True, on_delete=models.SET_NULL, related_name="receipts"
    )
    waybill = models.ForeignKey(
        "customs.WayBill", null=True, blank=True, on_delete=models.SET_NULL, related_name="receipts"
    )
    summary = models.ForeignKey(
        "customs.SummaryApply", null=True, blank=True, on_delete=models.SET_NULL, related_name="receipts"
    )
    cancel = models.ForeignKey(
        "customs.InvtCancel", null=True, blank=True, on_delete=models.SET_NULL, related_name="receipts"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "回执"

    def __str__(self) -> str:
        return f"{self.message_type} {self.guid} {self.return_status}@{self.return_time}"
