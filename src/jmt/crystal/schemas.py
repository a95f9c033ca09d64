"""Schemas of the 水晶行业专项 endpoints."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from ninja import Schema
from pydantic import Field

PlaceKey = Literal["customs_preview", "shipment_goods", "product_form"]
MaterialKey = Literal["natural", "synthetic", "glass"]
WorkingKey = Literal["rough", "loose", "article"]
SettingKey = Literal["none", "silver", "gold"]
StoneKey = Literal["quartz", "tourmaline", "other"]
KindKey = Literal["bracelet", "pendant", "ball", "carving", "tower", "pixiu", "beads", "glassware", "other"]


class CrystalPlacementOut(Schema):
    place: PlaceKey = Field(
        description="customs_preview 电子订单导入预览 / shipment_goods 发货单货品 / product_form 商品编辑"
    )
    field: str = Field(description="提示所在的字段（如 gmodel 规格型号）")
    label: str = Field(description="位置的中文说明，如「电子订单导入预览 · 规格型号」")


class CrystalHintOut(Schema):
    key: str
    title: str
    body: str
    placements: list[CrystalPlacementOut]


class CrystalAdminHintOut(CrystalHintOut):
    enabled: bool
    edited: bool = Field(description="后台改过（否则为默认文案）")
    default_title: str
    default_body: str
    updated_at: datetime | None
    updated_by: str


class CrystalHintIn(Schema):
    title: str = Field(max_length=40)
    body: str = Field(max_length=1000)
    enabled: bool = True


class CrystalOptionOut(Schema):
    value: str
    label: str


class CrystalQuestionOut(Schema):
    key: str
    title: str
    options: list[CrystalOptionOut]
    visible_when: dict[str, list[str]] = Field(description="仅当其他问题取这些值时才问（空则总是问）")


class CrystalAdviceQuery(Schema):
    material: MaterialKey
    working: WorkingKey = "article"
    setting: SettingKey = "none"
    stone: StoneKey = "quartz"
    kind: KindKey = "other"
    religious: bool = False
    sensitive: bool = False


class CrystalTemplateQuery(Schema):
    """The assistant's answer, optional: given, the template also carries 申报品名, the code and its elements."""

    material: MaterialKey | None = None
    working: WorkingKey = "article"
    setting: SettingKey = "none"
    stone: StoneKey = "quartz"
    kind: KindKey = "other"
    religious: bool = False
    sensitive: bool = False


class CrystalElementOut(Schema):
    name: str
    example: str


class CrystalCandidateOut(Schema):
    code: str = Field(description="10 位 HS 编码；平台资料只给到品目时为 4 位（如 7113），须报关行确定子目")
    title: str
    refund_rate: str
    unit: str
    elements: list[CrystalElementOut]
    elements_note: str
    gmodel_example: str = Field(description="规格型号示例：申报要素用「|」连接")
    needs_broker: bool
    note: str


class CrystalDocumentOut(Schema):
    name: str
    reason: str
    template: str = Field(description="可下载的模板（空则无模板）")


class CrystalAdviceOut(Schema):
    declared_name: str
    candidates: list[CrystalCandidateOut]
    documents: list[CrystalDocumentOut]
    notes: list[str]
    broker_points: list[str] = Field(description="须报关行确认的事项")


class CrystalTemplateOut(Schema):
    key: str
    title: str
    format: Literal["xlsx", "docx"]
    description: str


class CrystalReminderOut(Schema):
    key: str
    title: str
    message: str
    elements: list[str] = Field(description="该编码的申报要素（平台未收录时为空）")
    codes: list[str]
    lines: int = Field(description="涉及的商品行数")
    incomplete_count: int = Field(description="规格型号中要素个数不足的行数")
    incomplete: list[str] = Field(description="要素不足的行（最多 10 个）")
