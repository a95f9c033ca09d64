"""Schemas of the 跨境物流 endpoints."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from ninja import Schema
from pydantic import Field

from jmt.core.schemas import MoneyOut
from jmt.workflow.schemas import ProgressOut

Weight = Decimal
Dim = Decimal


class AddressFieldOut(Schema):
    key: str
    label: str
    required: bool
    pattern: str
    hint: str


class CountryOut(Schema):
    code: str = Field(examples=["JP"])
    name: str = Field(examples=["日本"])
    fields: list[AddressFieldOut] = Field(description="该国收件地址需要填写的字段")


class CountryRef(Schema):
    code: str
    name: str


class CarrierOut(Schema):
    id: int
    code: str
    name: str
    kind: Literal["express", "line", "parcel"]
    kind_label: str
    status: Literal["active", "paused", "terminated"] = Field(description="active 正常 / paused 暂停 / terminated 终止")
    status_label: str
    status_reason: str
    qualification_status: Literal["pending", "approved", "rejected"]
    qualification_label: str
    description: str
    timeliness_standard: str
    exception_handling: str
    countries: list[CountryRef]
    transit_min: int
    transit_max: int
    volumetric_divisor: int
    weight_step: str
    fuel_surcharge_pct: str
    remote_area_fee: MoneyOut
    max_weight_kg: str
    max_side_cm: str
    max_girth_cm: str | None
    max_sum_cm: str | None
    allows_battery: bool
    allows_liquid: bool
    allows_fragile: bool
    fragile_packing_hint: str
    on_time_rate: float | None = Field(description="平台实测准时率（0–1），尚无签收运单时为 null")
    favourite: bool


class ZoneIn(Schema):
    name: str = Field(min_length=1, max_length=40)
    countries: list[str] = Field(min_length=1)
    first_weight: Decimal = Field(gt=0, le=10)
    first_price: Decimal = Field(ge=0, le=100000)
    additional_price: Decimal = Field(ge=0, le=100000)
    heavy_from: Decimal | None = Field(default=None, gt=0, le=1000)
    heavy_per_kg: Decimal | None = Field(default=None, ge=0, le=100000)
    transit_min: int = Field(ge=0, le=90)
    transit_max: int = Field(ge=0, le=90)


class AgreementFileOut(Schema):
    id: int
    original_name: str
    content_type: str = Field(description="按文件内容识别的类型", examples=["application/pdf"])
    size: int = Field(description="字节数")
    uploaded_by: str = Field(description="上传人姓名")
    created_at: datetime
    download_url: str


class AgreementFilePageOut(Schema):
    items: list[AgreementFileOut]
    total: int
    page: int
    page_size: int


class AgreementFileFilters(Schema):
    q: str = Field(default="", max_length=100, description="按文件名搜索")
    page: int = Field(default=1, ge=1)
    page_size: int = Field(default=20, ge=1, le=100)


class CarrierAdminOut(CarrierOut):
    zones: list[dict[str, Any]] = Field(description="分区与价格表")
    remote_postcodes: dict[str, list[str]]
    agreement_documents: list[int] = Field(description="合作协议文件 id（/admin/logistics/agreement-files）")
    agreement_files: list[AgreementFileOut] = Field(description="合作协议文件")
    sort_order: int
    open_shipments: int = Field(description="未完结的运单数（暂停/终止后仍可跟踪）")
    updated_at: datetime


class CarrierIn(Schema):
    code: str = Field(min_length=2, max_length=32, pattern=r"^[a-z0-9-]+$")
    name: str = Field(min_length=1, max_length=64)
    kind: Literal["express", "line", "parcel"]
    status: Literal["active", "paused", "terminated"]
    status_reason: str = Field(default="", max_length=200)
    qualification_status: Literal["pending", "approved", "rejected"]
    description: str = Field(default="", max_length=4000)
    timeliness_standard: str = Field(default="", max_length=2000)
    exception_handling: str = Field(default="", max_length=2000)
    zones: list[ZoneIn] = Field(min_length=1, max_length=40)
    volumetric_divisor: int = Field(ge=1000, le=10000)
    weight_step: Decimal = Field(gt=0, le=5)
    fuel_surcharge_pct: Decimal = Field(ge=0, le=100)
    remote_area_fee: Decimal = Field(ge=0, le=10000)
    remote_postcodes: dict[str, list[str]] = Field(default_factory=dict)
    max_weight_kg: Decimal = Field(gt=0, le=1000)
    max_side_cm: Decimal = Field(gt=0, le=1000)
    max_girth_cm: Decimal | None = Field(default=None, gt=0, le=2000)
    max_sum_cm: Decimal | None = Field(default=None, gt=0, le=2000)
    allows_battery: bool = False
    allows_liquid: bool = False
    allows_fragile: bool = True
    fragile_packing_hint: str = Field(default="", max_length=1000)
    agreement_documents: list[int] = Field(
        default_factory=list, max_length=20, description="合作协议文件 id（先上传到 /admin/logistics/agreement-files）"
    )
    sort_order: int = Field(default=100, ge=0, le=1000)


class ParcelIn(Schema):
    weight_kg: Weight = Field(gt=0, le=1000, description="实重（kg）")
    length_cm: Dim = Field(gt=0, le=1000)
    width_cm: Dim = Field(gt=0, le=1000)
    height_cm: Dim = Field(gt=0, le=1000)


class CompareIn(Schema):
    country: str = Field(min_length=2, max_length=2, examples=["JP"])
    parcels: list[ParcelIn] = Field(min_length=1, max_length=20)
    postcode: str = Field(default="", max_length=20, description="收件邮编（判断偏远地区）")
    battery: bool = False
    liquid: bool = False
    fragile: bool = Field(default=False, description="含水晶等易碎品")
    carrier_ids: list[int] = Field(
        default_factory=list, max_length=4, description="只比较选中的 2–4 个渠道；为空比较全部"
    )


class QuoteOut(Schema):
    carrier: CarrierOut
    eligible: bool
    reasons: list[str] = Field(description="不能承运的原因（可承运时为空）")
    zone: str
    actual_weight: str
    volumetric_weight: str
    chargeable_weight: str
    first_weight: str
    first_price: MoneyOut
    additional_steps: int
    additional_price: MoneyOut
    heavy: bool = Field(description="按大货每公斤单价计费")
    freight: MoneyOut
    fuel_surcharge: MoneyOut
    remote_fee: MoneyOut
    total: MoneyOut
    transit_min: int
    transit_max: int
    tags: list[str] = Field(description="最便宜 / 最快 / 最稳")


class FavouriteOut(Schema):
    carrier_id: int
    favourite: bool


class SenderIn(Schema):
    company: str = Field(default="", max_length=100)
    name: str = Field(default="", max_length=50)
    phone: str = Field(default="", max_length=30)
    address: str = Field(default="", max_length=200)


class RecipientIn(Schema):
    name: str = Field(min_length=1, max_length=60)
    phone: str = Field(min_length=5, max_length=30)
    email: str = Field(default="", max_length=100)
    company: str = Field(default="", max_length=100)
    address: dict[str, str] = Field(description="按目的国家的地址字段（见 /logistics/countries）")


class GoodsIn(Schema):
    name: str = Field(min_length=1, max_length=100, description="品名（中文）")
    name_en: str = Field(min_length=1, max_length=100, description="英文品名")
    quantity: int = Field(ge=1, le=100000)
    unit_value: Decimal = Field(gt=0, le=1000000, description="申报单价（USD）")
    hs_code: str = Field(default="", max_length=10)
    crystal: bool = Field(default=False, description="水晶制品（按易碎品处理）")


class ShipmentIn(Schema):
    carrier_id: int
    country: str = Field(min_length=2, max_length=2)
    sender: SenderIn = Field(default_factory=SenderIn, description="留空的字段按商户资料填写")
    recipient: RecipientIn
    parcels: list[ParcelIn] = Field(min_length=1, max_length=20)
    goods: list[GoodsIn] = Field(min_length=1, max_length=50)
    battery: bool = False
    liquid: bool = False
    remark: str = Field(default="", max_length=300)


class SwitchIn(Schema):
    carrier_id: int


class SenderOut(Schema):
    company: str
    name: str
    phone: str
    address: str


class ShipmentRowOut(Schema):
    id: int
    number: str
    merchant_id: int
    merchant_name: str
    carrier_id: int
    carrier_name: str
    carrier_status: str
    country: str
    country_name: str
    recipient_name: str
    state: str
    state_label: str
    tracking_no: str
    amount: MoneyOut
    chargeable_weight: str
    fragile: bool
    handled: bool
    exception_reason: str
    last_event_at: datetime | None
    created_at: datetime


class EventOut(Schema):
    id: int
    status: str
    status_label: str
    occurred_at: datetime
    description: str
    location: str


class ShipmentOut(ShipmentRowOut):
    sender: dict[str, Any]
    recipient: dict[str, Any]
    parcels: list[dict[str, Any]]
    goods: list[dict[str, Any]]
    battery: bool
    liquid: bool
    packing_hint: str = Field(description="易碎品包装要求（后台维护）")
    quote: dict[str, Any] = Field(description="下单时的报价明细")
    promised_days: int
    remark: str
    switchable: bool
    carrier: CarrierOut
    events: list[EventOut] = Field(description="物流轨迹（新的在前）")
    progress: ProgressOut


class ShipmentPageOut(Schema):
    items: list[ShipmentRowOut]
    total: int
    page: int
    page_size: int


class ShipmentStateCountOut(Schema):
    state: str
    label: str
    count: int


class ShipmentFilters(Schema):
    q: str = Field(default="", max_length=100, description="运单编号、承运商运单号、收件人、商户")
    state: str = Field(default="", max_length=20, description="状态；open 为全部未完结")
    carrier_id: int | None = None
    country: str = Field(default="", max_length=2)
    created_from: date | None = None
    created_to: date | None = None
    page: int = Field(default=1, ge=1)
    page_size: int = Field(default=20, ge=1, le=100)


class AdminShipmentFilters(ShipmentFilters):
    handled: bool | None = Field(default=None, description="false 未处理 / true 已处理")


class ExportQuery(AdminShipmentFilters):
    format: Literal["xlsx", "csv"] = "xlsx"


class MarkIn(Schema):
    shipment_ids: list[int] = Field(min_length=1, max_length=500)
    handled: bool


class MarkOut(Schema):
    changed: int


class TrackingNoIn(Schema):
    tracking_no: str = Field(min_length=1, max_length=40)


class SheetRowIn(Schema):
    row: int
    number: str = Field(max_length=32)
    tracking_no: str = Field(max_length=40)


class SheetRowOut(SheetRowIn):
    ok: bool
    message: str = Field(description="不能录入的原因")
    shipment_id: int | None
    merchant_name: str


class SheetPreviewOut(Schema):
    rows: list[SheetRowOut]
    ok: int
    bad: int


class SheetApplyIn(Schema):
    rows: list[SheetRowIn] = Field(min_length=1, max_length=5000)


class SheetApplyOut(Schema):
    applied: int


class PushOut(Schema):
    code: int
    new_events: int


class ShipFormOut(Schema):
    sender: SenderOut = Field(description="按商户资料预填的寄件人")
    countries: list[CountryOut]
