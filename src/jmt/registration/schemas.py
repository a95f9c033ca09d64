"""Schemas of the 工商注册 endpoints."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from ninja import Schema
from pydantic import Field

from jmt.documents.schemas import DocumentOut, OcrFieldOut
from jmt.workflow.schemas import ProgressOut

Kind = Literal["new_individual", "new_company", "existing"]
KIND_HELP = "new_individual 个体户新办 / new_company 企业新办 / existing 已注册企业信息补充"


class StepOut(Schema):
    key: str = Field(examples=["operator"])
    title: str = Field(examples=["经营者"])


class ApplicationDocumentOut(DocumentOut):
    ocr_fields: list[OcrFieldOut] = Field(description="识别结果（未识别时为空）")


class ApplicationOut(Schema):
    id: int
    kind: Kind = Field(description=KIND_HELP)
    kind_label: str
    title: str
    name: str = Field(description="申请名称（行政区划 + 字号 + 行业 + 组织形式，或执照上的名称）")
    state: str
    state_label: str
    step: int = Field(description="继续填写时应打开的步骤（从 0 开始）")
    steps: list[StepOut]
    data: dict[str, Any] = Field(description="按步骤保存的填报内容：{step_key: {field: value}}")
    editable: bool = Field(description="当前用户可修改并提交（材料填报或已驳回）")
    rejection_reason: str
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None
    approved_at: datetime | None
    documents: list[ApplicationDocumentOut] = Field(description="申请引用的资料库文件")
    progress: ProgressOut


class BoardNodeOut(Schema):
    key: str
    label: str


class CurrentOut(Schema):
    application: ApplicationOut | None = Field(description="办理中的申请；已核准则为核准的申请；从未办理为 null")
    registration_status: Literal["not_started", "in_progress", "approved"]
    board: list[BoardNodeOut] = Field(
        description="注册进度看板的节点（材料填报 → 材料初审 → 现场核验 → 核准通过）；"
        "商户已核准但没有申请（由捷晶直接核准）时，看板以这些节点显示「核准通过」"
    )


class CreateIn(Schema):
    kind: Kind = Field(description=KIND_HELP)


class StepIn(Schema):
    values: dict[str, Any] = Field(description="本步骤的字段值；文件字段为资料库文件 id")


class SuggestionOut(Schema):
    document_id: int
    kind: str
    kind_label: str
    values: dict[str, Any]


class PrefillOut(Schema):
    profile: dict[str, Any] = Field(description="商户资料（已确认的值）")
    locked: bool = Field(description="工商注册已核准，执照相关信息只能由捷晶管理员修改")
    editable_fields: list[str]
    suggestions: list[SuggestionOut] = Field(description="各类最新已识别文件提供的识别值（待确认）")
    defaults: dict[str, dict[str, dict[str, Any]]] = Field(description="按办理类型、步骤的预填值")
    registration_status: str


class OcrConfirmIn(Schema):
    document_id: int
    values: dict[str, Any] = Field(description="确认（可修改）后的识别值，键为商户资料字段，如 credit_code、name")


class ProfileOut(Schema):
    profile: dict[str, Any]


# --- back office ---


class QueueFilters(Schema):
    kind: Kind | None = None
    state: Literal["draft", "rejected", "review", "onsite", "approved"] | None = None
    pending: bool = Field(default=False, description="只看待捷晶处理的（材料初审、现场核验）")
    q: str = Field(default="", max_length=100, description="商户名称 / 申请名称 / 统一社会信用代码")
    submitted_from: date | None = None
    submitted_to: date | None = None
    page: int = Field(default=1, ge=1)
    page_size: int = Field(default=20, ge=1, le=100)


class QueueRowOut(Schema):
    id: int
    kind: Kind
    kind_label: str
    title: str
    merchant_id: int
    merchant_name: str
    credit_code: str
    state: str
    state_label: str
    waiting_on: list[Literal["merchant", "platform"]]
    submitted_at: datetime | None
    state_changed_at: datetime
    created_at: datetime


class QueuePageOut(Schema):
    items: list[QueueRowOut]
    total: int
    page: int
    page_size: int


class StateCountOut(Schema):
    key: str
    label: str
    count: int


class OnboardingMerchantOut(Schema):
    id: int
    name: str
    registration_status: str
    registration_status_label: str


class AdminApplicationOut(ApplicationOut):
    merchant: OnboardingMerchantOut
    profile: dict[str, Any]
    field_labels: dict[str, str] = Field(description="「步骤.字段」→ 中文名称")
