"""跨境物流: carriers with their zones and price tables, merchants' favourites, shipments and their
tracking events."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from jmt.workflow.models import WorkflowObject


class CarrierStatus(models.TextChoices):
    ACTIVE = "active", "正常"
    PAUSED = "paused", "暂停"
    TERMINATED = "terminated", "终止"


class CarrierKind(models.TextChoices):
    EXPRESS = "express", "国际快递"
    LINE = "line", "专线"
    PARCEL = "parcel", "小包"


class QualificationStatus(models.TextChoices):
    PENDING = "pending", "待审核"
    APPROVED = "approved", "已通过"
    REJECTED = "rejected", "未通过"


class Carrier(models.Model):
    """One carrier service. ``zones`` is the price table, one entry per zone::

        {"name": "日本", "countries": ["JP"], "first_weight": "0.5", "first_price": "186.00",
         "additional_price": "42.00", "heavy_from": "21", "heavy_per_kg": "68.00",
         "transit_min": 2, "transit_max": 4}

    Prices are CNY; ``additional_price`` is per ``weight_step`` kg above the first weight; from
    ``heavy_from`` kg (optional) the whole chargeable weight is charged at ``heavy_per_kg`` per kg.
    """

    code = models.SlugField("渠道代码", max_length=32, unique=True)
    name = models.CharField("渠道名称", max_length=64)
    kind = models.CharField("渠道类型", max_length=16, choices=CarrierKind.choices)
    status = models.CharField("状态", max_length=16, choices=CarrierStatus.choices, default=CarrierStatus.ACTIVE)
    status_reason = models.CharField("暂停/终止原因", max_length=200, blank=True)
    qualification_status = models.CharField(
        "资质审核", max_length=16, choices=QualificationStatus.choices, default=QualificationStatus.PENDING
    )
    description = models.TextField("服务介绍", blank=True)
    timeliness_standard = models.TextField("时效标准", blank=True)
    exception_handling = models.TextField("异常处理", blank=True)
    zones = models.JSONField("分区与价格表", default=list)
    volumetric_divisor = models.PositiveIntegerField("体积重除数", default=5000)
    weight_step = models.DecimalField("计费重量进位（kg）", max_digits=6, decimal_places=3, default=Decimal("0.5"))
    fuel_surcharge_pct = models.DecimalField("燃油附加费（%）", max_digits=5, decimal_places=2, default=Decimal(0))
    remote_area_fee = models.DecimalField("偏远地区附加费（元/票）", max_digits=8, decimal_places=2, default=Decimal(0))
    remote_postcodes = models.JSONField("偏远地区邮编前缀（按国家）", default=dict, blank=True)
    max_weight_kg = models.DecimalField("单件最大重量（kg）", max_digits=7, decimal_places=2)
    max_side_cm = models.DecimalField("最长边（cm）", max_digits=7, decimal_places=1)
    max_girth_cm = models.DecimalField("长+周长上限（cm）", max_digits=7, decimal_places=1, null=True, blank=True)
    max_sum_cm = models.DecimalField("长宽高之和上限（cm）", max_digits=7, decimal_places=1, null=True, blank=True)
    allows_battery = models.BooleanField("接收带电池货物", default=False)
    allows_liquid = models.BooleanField("接收液体", default=False)
    allows_fragile = models.BooleanField("接收易碎品", default=True)
    fragile_packing_hint = models.TextField("易碎品包装要求", blank=True)
    agreement_documents = models.JSONField("合作协议文件", default=list, blank=True)
    sort_order = models.PositiveSmallIntegerField("排序", default=100)
    updated_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[models.Manager[Carrier]] = models.Manager()

    class Meta:
        verbose_name = "物流渠道"
        ordering = ("sort_order", "id")

    def __str__(self) -> str:
        return self.name

    @property
    def takes_shipments(self) -> bool:
        return self.status == CarrierStatus.ACTIVE


class Favourite(models.Model):
    """A carrier a merchant keeps at the top of its comparison."""

    merchant = models.ForeignKey("merchants.Merchant", on_delete=models.CASCADE, related_name="+")
    carrier = models.ForeignKey(Carrier, on_delete=models.CASCADE, related_name="favourites")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[models.Manager[Favourite]] = models.Manager()

    class Meta:
        verbose_name = "常用渠道"
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["merchant", "carrier"], name="logistics_favourite_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.merchant_id}:{self.carrier_id}"


class Shipment(WorkflowObject):
    """One shipment (运单) of a merchant: sender, recipient, parcels, goods, the quote it was booked at,
    the carrier's tracking number once the back office has it, and where tracking has got to."""

    number = models.CharField("运单编号", max_length=32, unique=True)
    carrier = models.ForeignKey(Carrier, on_delete=models.PROTECT, related_name="shipments")
    state = models.CharField("状态", max_length=32, db_index=True, default="ordered")
    country = models.CharField("目的国家", max_length=2)
    sender = models.JSONField("寄件人", default=dict)
    recipient = models.JSONField("收件人", default=dict)
    parcels = models.JSONField("包裹", default=list)
    goods = models.JSONField("货品", default=list)
    fragile = models.BooleanField("含易碎品", default=False)
    battery = models.BooleanField("含电池", default=False)
    liquid = models.BooleanField("含液体", default=False)
    packing_hint = models.TextField("包装提示", blank=True)
    quote = models.JSONField("下单时报价", default=dict)
    amount = models.DecimalField("运费（元）", max_digits=12, decimal_places=2)
    promised_days = models.PositiveSmallIntegerField("承诺时效（天）", default=0)
    tracking_no = models.CharField("承运商运单号", max_length=40, blank=True, db_index=True)
    tracking_registered = models.BooleanField("已登记轨迹查询", default=False)
    tracking_registered_at = models.DateTimeField(null=True, blank=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_event_at = models.DateTimeField("最新轨迹时间", null=True, blank=True)
    exception_reason = models.CharField("异常原因", max_length=300, blank=True)
    handled = models.BooleanField("后台已处理", default=False)
    handled_at = models.DateTimeField(null=True, blank=True)
    remark = models.CharField("备注", max_length=300, blank=True)
    picked_up_at = models.DateTimeField("揽收时间", null=True, blank=True)
    delivered_at = models.DateTimeField("签收时间", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[models.Manager[Shipment]] = models.Manager()

    class Meta:
        verbose_name = "物流运单"
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["merchant", "-created_at"], name="logistics_ship_merchant"),
            models.Index(fields=["handled", "-created_at"], name="logistics_ship_queue"),
        ]

    def __str__(self) -> str:
        return self.number


class TrackingEvent(models.Model):
    """One scan of a shipment as the tracking provider reported it. ``key`` identifies the event across
    pushes and polls (a repeated push stores nothing new)."""

    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="events")
    key = models.CharField(max_length=64)
    status = models.CharField("节点", max_length=24)
    occurred_at = models.DateTimeField("发生时间")
    description = models.CharField("描述", max_length=300)
    location = models.CharField("地点", max_length=120, blank=True)
    source = models.CharField("来源", max_length=16)
    created_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[models.Manager[TrackingEvent]] = models.Manager()

    class Meta:
        verbose_name = "物流轨迹"
        ordering = ("-occurred_at", "-id")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["shipment", "key"], name="logistics_event_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.shipment_id} {self.status} {self.occurred_at:%Y-%m-%d %H:%M}"


class AgreementFile(models.Model):
    """A cooperation agreement (合作协议) the back office uploaded for carriers: the platform's file, not a
    merchant's, so it lives here rather than in a merchant's vault. Checked by content like the vault's
    files, stored through the storage API outside the web root, downloaded only through the back office."""

    original_name = models.CharField("原文件名", max_length=255)
    content_type = models.CharField("文件类型（按内容识别）", max_length=100)
    size = models.PositiveBigIntegerField("大小（字节）")
    sha256 = models.CharField(max_length=64)
    storage_path = models.CharField("存储路径", max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[models.Manager[AgreementFile]] = models.Manager()

    class Meta:
        verbose_name = "物流合作协议文件"
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return self.original_name
