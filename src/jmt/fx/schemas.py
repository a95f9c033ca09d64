"""Schemas of the 收结汇 endpoints. Money is ``{amount, currency}`` with a decimal string; rates are
decimal strings (CNY per one unit of the foreign currency)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from ninja import Schema
from pydantic import Field

from jmt.core.schemas import MoneyOut

SettlementState = Literal["pending", "completed", "rejected"]
EntryKindIn = Literal["balance_update", "freeze", "unfreeze", "settlement"]
Range = Literal["7d", "30d", "1y"]


class FxAccountOut(Schema):
    sub_account_no: str
    balance: MoneyOut
    frozen: MoneyOut = Field(description="结汇中金额（已冻结）")
    available: MoneyOut = Field(description="可用余额 = 余额 − 冻结")
    balance_date: date | None
    updated_at: datetime | None


class SummaryOut(Schema):
    account: FxAccountOut | None = Field(description="尚未上传过子账户余额时为 null")
    pending_count: int = Field(description="结汇中的申请数")


class ProfileFieldsOut(Schema):
    sub_account_no: str = Field(description="外汇子账户")
    bank_account: str = Field(description="结汇银行卡号（人民币）")
    bank_name: str = Field(description="结汇银行卡号开户行")
    legal_person: str = Field(description="法人姓名")


class RequestContextOut(Schema):
    account: FxAccountOut | None
    reference_rate: str | None = Field(description="参考汇率（最新中行现汇买入价；离线数据时为参考汇率）")
    reference_label: str
    profile: ProfileFieldsOut


class EntryOut(Schema):
    id: int
    kind: str
    kind_label: str
    amount: MoneyOut = Field(description="余额变动")
    frozen: MoneyOut = Field(description="冻结变动")
    balance_after: MoneyOut
    frozen_after: MoneyOut
    balance_date: date | None
    note: str
    settlement_id: int | None
    settlement_number: str | None
    created_at: datetime


class EntryFilters(Schema):
    kind: EntryKindIn | None = None
    page: int = Field(default=1, ge=1)
    page_size: int = Field(default=20, ge=1, le=100)


class EntryPageOut(Schema):
    items: list[EntryOut]
    total: int
    page: int
    page_size: int


class DocRefOut(Schema):
    id: int
    name: str
    content_type: str


class SettlementOut(Schema):
    id: int
    number: str = Field(examples=["JH2026120500012"])
    state: str
    state_label: str
    merchant_name: str
    amount: MoneyOut
    settle_date: date
    rate: str = Field(description="指定结汇汇率", examples=["7.0852"])
    reference_rate: str | None
    reference_label: str
    statement_document: DocRefOut | None = Field(description="收款平台流水")
    shipping_document: DocRefOut | None = Field(description="物流发货信息")
    remark: str
    sub_account_no: str
    bank_account: str
    bank_name: str
    legal_person: str
    actual_rate: str | None = Field(description="实际结算汇率（已完成）")
    cny_amount: MoneyOut | None = Field(description="结汇到账金额（人民币，已完成）")
    remaining_usd: MoneyOut | None = Field(description="剩余未结汇金额（美元，已完成）")
    reject_reason: str
    created_at: datetime
    completed_at: datetime | None


class SettlementFilters(Schema):
    state: SettlementState | None = None
    page: int = Field(default=1, ge=1)
    page_size: int = Field(default=20, ge=1, le=100)


class SettlementPageOut(Schema):
    items: list[SettlementOut]
    total: int
    page: int
    page_size: int


class SettlementIn(Schema):
    amount: Decimal = Field(description="结汇金额（美元）", examples=["5000.00"])
    settle_date: date = Field(description="结汇日期")
    rate: Decimal = Field(description="指定结汇汇率（人民币/美元，最多 4 位小数）", examples=["7.0852"])
    statement_document_id: int | None = Field(default=None, description="收款平台流水（我的资料中的文件 id）")
    shipping_document_id: int | None = Field(default=None, description="物流发货信息（我的资料中的文件 id，可选）")
    remark: str = Field(default="", max_length=500)


class FxQuoteOut(Schema):
    spot_buy: str | None = Field(description="现汇买入价")
    cash_buy: str | None = Field(description="现钞买入价")
    spot_sell: str | None = Field(description="现汇卖出价")
    middle: str | None = Field(description="中行折算价（离线数据：欧洲央行参考汇率折算）")
    source: str
    source_label: str
    rate_date: date = Field(description="汇率日期（来源发布的日期）")
    published_at: datetime | None
    fetched_at: datetime
    previous_close: str | None = Field(description="上一发布日的收盘价（折算价）")
    change: str | None
    change_percent: str | None
    high_30d: str | None
    low_30d: str | None


class BoardRowOut(Schema):
    currency: str = Field(examples=["USD"])
    name: str = Field(examples=["美元"])
    latest: FxQuoteOut | None


class TrendPointOut(Schema):
    date: str
    value: str


class TrendOut(Schema):
    currency: str
    range: str
    points: list[TrendPointOut]


class TrendQuery(Schema):
    currency: str = Field(default="USD", max_length=3)
    range: Range = "30d"


class AlertOut(Schema):
    id: int
    currency: str
    currency_name: str
    direction: str
    direction_label: str
    threshold: str
    active: bool
    armed: bool = Field(description="等待下一次穿越（触发后直到汇率回到另一侧才会再次提醒）")
    last_fired_at: datetime | None
    last_fired_rate: str | None
    created_at: datetime


class AlertIn(Schema):
    currency: str = Field(max_length=3, examples=["USD"])
    direction: Literal["above", "below"]
    threshold: Decimal = Field(examples=["7.1000"])


class AlertActiveIn(Schema):
    active: bool


# --- back office ---


class AdminSettlementOut(SettlementOut):
    account: FxAccountOut | None


class FxQueueFilters(Schema):
    state: SettlementState | None = None
    q: str = Field(default="", max_length=100, description="申请编号 / 商户名称")
    page: int = Field(default=1, ge=1)
    page_size: int = Field(default=20, ge=1, le=100)


class QueueCountsOut(Schema):
    pending: int
    completed: int
    rejected: int


class CompleteIn(Schema):
    actual_rate: Decimal = Field(description="实际结算汇率", examples=["7.0810"])
    cny_amount: Decimal = Field(description="结汇到账金额（人民币）", examples=["35405.00"])


class RejectIn(Schema):
    reason: str = Field(min_length=1, max_length=500, description="驳回原因（商户可见）")


class ImportOut(Schema):
    id: int
    file_name: str
    status: str
    status_label: str
    total_rows: int
    valid_rows: int
    error_rows: int
    changed_rows: int = Field(description="余额有变化的行数（导入后为实际写入明细的行数）")
    uploaded_by: str
    created_at: datetime
    applied_at: datetime | None
    already_applied_at: datetime | None = Field(description="同一文件此前已导入的时间（重复上传时）")


class ImportPageOut(Schema):
    items: list[ImportOut]
    total: int
    page: int
    page_size: int


class FxImportRowOut(Schema):
    row: int = Field(description="Excel 行号")
    merchant_name: str
    credit_code: str
    sub_account_no: str
    currency: str
    balance: str
    balance_date: str
    merchant_id: int | None
    matched_merchant: str
    current_balance: str
    delta: str | None
    status: Literal["ok", "unchanged", "error"]
    errors: dict[str, str] = Field(description="列 → 中文错误说明")


class ImportRowsQuery(Schema):
    status: Literal["ok", "unchanged", "error"] | None = None
    page: int = Field(default=1, ge=1)
    page_size: int = Field(default=50, ge=1, le=200)


class ImportRowPageOut(Schema):
    items: list[FxImportRowOut]
    total: int
    page: int
    page_size: int


class PageQuery(Schema):
    page: int = Field(default=1, ge=1)
    page_size: int = Field(default=20, ge=1, le=100)


def page_of(items: list[Any], page: int, page_size: int) -> dict[str, Any]:
    start = (page - 1) * page_size
    return {"items": items[start : start + page_size], "total": len(items), "page": page, "page_size": page_size}
