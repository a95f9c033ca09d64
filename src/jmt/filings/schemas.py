"""Schemas of the 跨境申报 endpoints (generic over the filing type)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from ninja import Schema
from pydantic import Field

from jmt.documents.schemas import DocumentOut
from jmt.workflow.schemas import ProgressOut

FieldType = Literal[
    "text", "textarea", "choice", "phone", "email", "credit_code", "id_number", "postcode", "url", "date", "document"
]
StateKey = Literal["filling", "returned", "declined", "reviewing", "handling", "completed"]


class FilingFieldSpecOut(Schema):
    name: str = Field(examples=["credit_code"])
    label: str = Field(examples=["统一社会信用代码"])
    type: FieldType
    required: bool
    choices: list[str]
    document_kind: str = Field(description="文件项限定的资料类别（空为不限）")
    max_length: int
    help: str


class FilingSectionOut(Schema):
    title: str
    fields: list[FilingFieldSpecOut]


class FilingResultSpecOut(Schema):
    name: str
    label: str = Field(examples=["DXP ID"])
    required: bool
    pattern_help: str


class FilingTemplateOut(Schema):
    key: str
    title: str
    format: Literal["xlsx", "docx"]


class FilingBoardNodeOut(Schema):
    key: str
    label: str


class FilingTypeOut(Schema):
    key: str = Field(examples=["dxp-id"])
    feature: str = Field(examples=["D4"])
    label: str = Field(examples=["DXP ID 申请"])
    order: int
    purpose: str = Field(description="这项申报是做什么的")
    why_export: str = Field(description="为什么 9610 出口需要它")
    authority: str = Field(description="在哪里办理")
    duration: str = Field(description="通常需要多久")
    steps: list[str] = Field(description="办理流程，按顺序")
    requires: list[str] = Field(description="建议先办结的申报类型")
    optional: bool
    optional_note: str
    route: str
    workflow_type: str = Field(description="流程类型（用于 /workflow/{type}/{id}）")
    sections: list[FilingSectionOut]
    results: list[FilingResultSpecOut] = Field(description="办结时记录的结果项")
    templates: list[FilingTemplateOut]
    board: list[FilingBoardNodeOut]


class FilingResultOut(Schema):
    name: str
    label: str
    value: str


class FilingOut(Schema):
    id: int
    type: str
    type_label: str
    workflow_type: str
    title: str
    merchant_id: int
    state: StateKey
    state_label: str
    data: dict[str, Any] = Field(description="当前填写的内容 {字段: 值}；文件项为资料库文件 id")
    submitted_data: dict[str, Any] = Field(description="最近一次提交的内容（信息回看）")
    change_requests: dict[str, str] = Field(description="捷晶的逐项修改意见 {字段: 意见}")
    results: list[FilingResultOut] = Field(description="办结结果（海关注册编码、DXP ID 等）")
    editable: bool
    origins: dict[str, str] = Field(description="各项预填值的来源（企业资料 / 我的资料 / 其他申报）")
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None
    completed_at: datetime | None
    documents: list[DocumentOut]
    progress: ProgressOut


class FilingTypePageOut(Schema):
    type: FilingTypeOut
    filing: FilingOut | None = Field(description="本商户的该项申报；未开始为 null")
    prefill: dict[str, Any] = Field(description="按企业资料、我的资料与已办结申报预填的值")
    origins: dict[str, str]
    can_edit: bool


class FilingCreateIn(Schema):
    type: str = Field(min_length=1, max_length=40, examples=["dxp-id"])


class FilingSaveIn(Schema):
    values: dict[str, Any] = Field(description="字段值；文件项为资料库文件 id")


class FilingRequireOut(Schema):
    key: str
    label: str
    done: bool


class FilingGuideStepOut(Schema):
    key: str
    feature: str
    label: str
    route: str
    status: Literal["done", "action", "waiting", "todo", "blocked"]
    status_label: str
    state_label: str
    filing_id: int | None
    purpose: str
    why_export: str
    duration: str
    optional: bool
    optional_note: str
    requires: list[FilingRequireOut]
    results: list[FilingResultOut]
    recommended: bool


class FilingGuideOut(Schema):
    steps: list[FilingGuideStepOut]
    done: int
    total: int
    next: str | None = Field(description="推荐下一步办理的申报类型")
    next_reason: str


# --- back office ---


class FilingQueueFilters(Schema):
    type: str | None = Field(default=None, max_length=40, description="申报类型")
    state: StateKey | None = None
    pending: bool = Field(default=False, description="只看待捷晶处理的（捷晶审核、主管部门办理）")
    merchant_id: int | None = None
    q: str = Field(default="", max_length=100, description="商户名称 / 统一社会信用代码")
    submitted_from: date | None = None
    submitted_to: date | None = None
    page: int = Field(default=1, ge=1)
    page_size: int = Field(default=20, ge=1, le=100)


class FilingQueueRowOut(Schema):
    id: int
    type: str
    type_label: str
    workflow_type: str
    title: str
    merchant_id: int
    merchant_name: str
    state: StateKey
    state_label: str
    waiting_on: list[Literal["merchant", "platform"]]
    submitted_at: datetime | None
    state_changed_at: datetime


class FilingQueuePageOut(Schema):
    items: list[FilingQueueRowOut]
    total: int
    page: int
    page_size: int


class FilingOptionOut(Schema):
    key: str
    label: str


class FilingQueueOptionsOut(Schema):
    types: list[FilingOptionOut]
    states: list[FilingOptionOut]


class AdminFilingOut(FilingOut):
    type_config: FilingTypeOut
    merchant_name: str
    profile: dict[str, Any]


class FilingChangesIn(Schema):
    fields: dict[str, str] = Field(description="逐项修改意见 {字段: 意见}，至少一项")
    comment: str = Field(default="", max_length=1000, description="总体说明（可选）")


class FilingApproveIn(Schema):
    results: dict[str, str] = Field(description='办结结果 {结果项: 值}，如 {"dxp_id": "DXPENT0000012345"}')
