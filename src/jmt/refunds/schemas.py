"""Input and output schemas of 出口退税."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from ninja import Schema
from pydantic import Field

from jmt.core.schemas import MoneyOut
from jmt.documents.schemas import DocumentOut

State = Literal["draft", "submitted", "reviewing", "rejected", "refunding", "received"]
Role = Literal["customs_declaration", "purchase_invoice", "sales_invoice"]


class DeadlineOut(Schema):
    date: date
    days_left: int
    overdue: bool = Field(description="已过申报期限（次年 4 月 30 日）")


class DeclarationOptionOut(Schema):
    key: str = Field(description="勾选时提交的值：报关单号；简化申报的行为 A-YYYY-MM（不可勾选）")
    entry_id: str = Field(description="报关单号（汇总结果单 CEB792 返回）")
    month: str = Field(examples=["2026-03"])
    amount: MoneyOut
    goods: str
    inventories: int = Field(description="清单数")
    statistics_flag: Literal["A", "B"]
    claimable: bool
    reason: str = Field(description="不能勾选的原因（如简化申报）")
    taken_by: str = Field(description="已在哪份退税申报中（退税申报编号），空为未使用")
    deadline: DeadlineOut | None


class ManualIn(Schema):
    entry_id: str = Field(max_length=30, description="18 位报关单号", examples=["230520260000123456"])
    month: str = Field(max_length=7, examples=["2026-03"])
    amount: str = Field(max_length=30, examples=["12000.00"])
    currency: str = Field(default="USD", max_length=3)
    goods: str = Field(default="", max_length=500)


class FilesIn(Schema):
    customs_declaration: list[int] = Field(default_factory=list, max_length=20)
    purchase_invoice: list[int] = Field(default_factory=list, max_length=20)
    sales_invoice: list[int] = Field(default_factory=list, max_length=20)


class ClaimIn(Schema):
    picks: list[str] = Field(default_factory=list, max_length=200, description="勾选的报关单（选项的 key）")
    manual: list[ManualIn] = Field(default_factory=list, max_length=50, description="其他渠道报关的报关单")
    amount: str | None = Field(default=None, max_length=30, description="退税申报金额；不填按报关单合计")
    amount_reason: str = Field(default="", max_length=500, description="金额与合计不一致时必填")
    files: FilesIn = Field(default_factory=FilesIn)


class FxConfirmIn(Schema):
    note: str = Field(default="", max_length=500, description="如：2026-04-02 收到 PayPal 提现 USD 12,000")


class ReadinessLineOut(Schema):
    key: str
    label: str
    ok: bool
    level: Literal["ok", "missing", "warning", "overdue"]
    message: str
    fix_label: str
    fix_route: str


class ClaimRowOut(Schema):
    id: int
    claim_no: str
    merchant_id: int
    merchant_name: str
    state: State
    state_label: str
    node: str = Field(description="进度图上的节点：申报 / 审核 / 退库 / 到账")
    amount: MoneyOut
    refund_received: MoneyOut | None
    entry_ids: list[str]
    months: list[str]
    deadline: DeadlineOut | None
    reject_reason: str
    submitted_at: datetime | None
    created_at: datetime
    state_changed_at: datetime


class ClaimPageOut(Schema):
    items: list[ClaimRowOut]
    total: int
    page: int
    page_size: int


class ClaimDeclarationOut(Schema):
    entry_id: str
    source: Literal["summary", "manual"]
    source_label: str
    month: str
    amount: MoneyOut
    goods: str


class ClaimFileOut(Schema):
    role: Role
    role_label: str
    document: DocumentOut


class OfflineStepOut(Schema):
    id: int
    title: str
    note: str
    done_on: date
    recorded_by: str
    created_at: datetime


class ClaimOut(ClaimRowOut):
    computed_amount: MoneyOut
    amount_reason: str
    editable: bool
    declarations: list[ClaimDeclarationOut]
    files: list[ClaimFileOut]
    fx_confirmed_at: datetime | None
    fx_note: str
    received_on: date | None
    readiness: list[ReadinessLineOut]
    ready: bool
    offline_steps: list[OfflineStepOut]


class ClaimFilters(Schema):
    state: State | None = None
    page: int = Field(default=1, ge=1)
    page_size: int = Field(default=20, ge=1, le=100)


class AdminClaimFilters(Schema):
    merchant_id: int | None = None
    state: State | None = None
    q: str = Field(default="", max_length=100, description="退税申报编号 / 商户名称 / 报关单号")
    month_from: date | None = Field(default=None, description="出口月份起（含）")
    month_to: date | None = Field(default=None, description="出口月份止（含）")
    amount_min: float | None = Field(default=None, ge=0)
    amount_max: float | None = Field(default=None, ge=0)
    page: int = Field(default=1, ge=1)
    page_size: int = Field(default=20, ge=1, le=100)


class ClaimStateCountOut(Schema):
    state: State
    label: str
    count: int


class MoveIn(Schema):
    to: State
    comment: str = Field(default="", max_length=1000)
    refund_received: str | None = Field(default=None, max_length=30, description="确认到账时必填：到账退税额（人民币）")
    received_on: date | None = None


class OfflineStepIn(Schema):
    title: str = Field(max_length=100, examples=["电话联系主管税务所核实进项发票"])
    note: str = Field(default="", max_length=2000)
    done_on: date | None = None


class StatusChangeOut(Schema):
    row: int
    claim_id: int
    claim_no: str
    merchant_name: str
    from_label: str
    to_label: str
    steps: list[str]
    amount: str | None
    note: str


class StatusUnchangedOut(Schema):
    row: int
    claim_id: int
    claim_no: str
    state_label: str


class StatusUnmatchedOut(Schema):
    row: int
    key: str
    status: str
    reason: str


class StatusFileOut(Schema):
    id: int
    original_name: str
    uploaded_at: datetime
    confirmed_at: datetime | None
    applied: int = Field(description="确认后实际变更的申报数")
    rows: int
    changes: list[StatusChangeOut]
    unchanged: list[StatusUnchangedOut]
    unmatched: list[StatusUnmatchedOut]
    confirmed_today: list[str] = Field(description="今天已确认过的其他状态文件（非空时确认需再次确认）")
    same_file_confirmed_at: datetime | None = Field(description="同一份文件已于何时确认过（重复上传不会再变更）")


class StatusConfirmIn(Schema):
    force: bool = Field(default=False, description="今天已确认过一份文件时，确认仍要导入")
