"""Schemas of 商户信息 (U2), 成员管理 (U3) and the back office's 商户信息管理 (A1)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from ninja import Schema
from pydantic import Field

Role = Literal["admin", "member"]


class ProfileFieldOut(Schema):
    key: str = Field(examples=["name_en"])
    label: str = Field(examples=["英文名称"])
    group: str = Field(
        description="company 企业信息 / legal 法人信息 / contact 联系人 / settlement 结算账户 / documents 证件"
    )
    kind: Literal["text", "date", "select", "document"]
    editable: bool = Field(description="当前账号能否修改该字段")
    locked: bool = Field(description="工商注册已核准，须联系捷晶管理员修改")
    staff_only: bool = Field(description="仅由捷晶管理员维护（建设银行子账号）")


class ProfileDocumentOut(Schema):
    id: int
    kind_label: str
    original_name: str
    content_type: str
    download_url: str


class MerchantProfileOut(Schema):
    id: int
    display_name: str
    registration_status: str
    registration_status_label: str
    registration_approved: bool
    values: dict[str, Any] = Field(description="字段 → 当前值（证件字段为文件编号）")
    value_labels: dict[str, str] = Field(description="选择类字段的中文（企业类型）")
    fields: list[ProfileFieldOut]
    documents: dict[str, ProfileDocumentOut | None] = Field(description="证件字段 → 文件")
    can_edit: bool = Field(description="能否修改（商户管理员；后台须有编辑权限）")
    locked: bool = Field(description="执照相关信息已锁定")
    lock_hint: str = Field(examples=["如需修改请联系捷晶管理员"])
    gateway_route: str = Field(description="点点通企业接口配置页", examples=["/customs/gateway"])
    merchant_types: list[dict[str, str]] = Field(description="企业类型选项 value/label")


class MerchantProfileIn(Schema):
    """Only the fields to change. Unknown or non-editable fields are refused by name."""

    changes: dict[str, Any] = Field(examples=[{"name_en": "Donghai Crystal Co., Ltd."}])


class MemberOut(Schema):
    id: int = Field(description="成员关系编号（membership_id）")
    user_id: int
    name: str
    display_name: str
    phone: str = Field(description="手机号（商户端为脱敏号码）")
    role: Role
    role_label: str
    joined_at: datetime
    is_self: bool
    wechat_bound: bool
    wechat_bound_via: list[str] = Field(description="web 网站扫码 / mp 小程序")


class MemberAddIn(Schema):
    phone: str = Field(examples=["13700000066"])
    role: Role = "member"
    name: str = Field(default="", max_length=64, description="新账号的姓名（已有账号时不改）")


class MemberRoleIn(Schema):
    role: Role


class AdminMerchantQuery(Schema):
    q: str | None = Field(default=None, description="商户名称、统一社会信用代码或成员/联系人手机号")
    registration_status: Literal["not_started", "in_progress", "approved"] | None = None
    page: int = Field(1, ge=1)
    page_size: int = Field(20, ge=1, le=100)


class AdminMerchantRowOut(Schema):
    id: int
    display_name: str
    credit_code: str
    merchant_type_label: str
    registration_status: str
    registration_status_label: str
    legal_person: str
    contact_name: str
    contact_phone: str
    bank_account: str
    ccb_sub_account: str
    member_count: int
    admins: list[str] = Field(description="管理员姓名")
    created_at: datetime


class AdminMerchantPageOut(Schema):
    items: list[AdminMerchantRowOut]
    total: int
    page: int
    page_size: int


class AdminMerchantOut(MerchantProfileOut):
    created_at: datetime
    members: list[MemberOut]
