"""Schemas of the back-office RBAC endpoints."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from ninja import Schema
from pydantic import Field

from jmt.accounts.schemas import UserOut

DataScopeName = Literal["own_merchant", "all_read", "all_write"]
USERNAME_PATTERN = r"^[A-Za-z][A-Za-z0-9_.\-]{2,31}$"
CONTACT_PHONE_PATTERN = r"^[0-9+\-() ]{0,20}$"
EMAIL_PATTERN = r"^$|^[^@\s]+@[^@\s]+\.[^@\s]+$"


class PermissionNodeOut(Schema):
    key: str = Field(description="节点键：module:<模块>、page:<模块>:<页面>，按钮节点为权限码")
    title: str
    level: Literal["menu", "page", "button"]
    code: str | None = Field(description="按钮节点的权限码 module:page:action")
    writes: bool = Field(description="该按钮是否为写操作（非 view）")
    surface: Literal["merchant", "admin"] | None = None
    children: list[PermissionNodeOut]


class DataScopeOut(Schema):
    value: DataScopeName
    label: str
    description: str


class PermissionTreeOut(Schema):
    tree: list[PermissionNodeOut] = Field(description="权限树：菜单 → 页面 → 按钮；后台角色可分配 surface=admin 的部分")
    data_scopes: list[DataScopeOut]
    merchant_roles: list[MerchantRoleOut] = Field(description="固定的商户角色（不可编辑）")


class MerchantRoleOut(Schema):
    key: str
    name: str
    data_scope: DataScopeName
    permissions: list[str]


class RoleBriefOut(Schema):
    id: int
    name: str
    builtin: bool


class RoleOut(Schema):
    id: int
    key: str | None
    name: str
    description: str
    data_scope: DataScopeName
    data_scope_label: str
    permissions: list[str]
    allow_impersonation_writes: bool
    builtin: bool
    account_count: int
    created_at: datetime
    updated_at: datetime


class RoleIn(Schema):
    name: str = Field(min_length=1, max_length=32, examples=["客服"])
    description: str = Field(default="", max_length=200, examples=["处理商户咨询，只读查看全部商户"])
    data_scope: DataScopeName = Field(examples=["all_read"])
    permissions: list[str] = Field(
        default_factory=list, examples=[["merchants:list:view", "system:impersonation:view"]]
    )
    allow_impersonation_writes: bool = Field(default=False, description="持有该角色的账户在用户切换时可提交修改")


class RolePatchIn(Schema):
    name: str | None = Field(default=None, min_length=1, max_length=32)
    description: str | None = Field(default=None, max_length=200)
    data_scope: DataScopeName | None = None
    permissions: list[str] | None = None
    allow_impersonation_writes: bool | None = None


class RoleListOut(Schema):
    items: list[RoleOut]
    total: int
    page: int
    page_size: int


class AccountOut(Schema):
    id: int
    username: str
    name: str
    contact_phone: str
    email: str
    department: str
    is_active: bool
    is_superadmin: bool
    must_change_password: bool
    roles: list[RoleBriefOut]
    last_login_at: datetime | None
    date_joined: datetime


class AccountListOut(Schema):
    items: list[AccountOut]
    total: int
    page: int
    page_size: int


class AccountCreateIn(Schema):
    username: str = Field(pattern=USERNAME_PATTERN, description="字母开头，3–32 位字母、数字、_.-", examples=["kefu01"])
    name: str = Field(min_length=1, max_length=64, examples=["张客服"])
    password: str = Field(min_length=1, max_length=128, description="初始密码，须符合密码策略")
    role_ids: list[int] = Field(default_factory=list)
    contact_phone: str = Field(default="", pattern=CONTACT_PHONE_PATTERN, examples=["0518-87654321"])
    email: str = Field(default="", max_length=254, pattern=EMAIL_PATTERN, examples=["kefu01@jingjing.example"])
    department: str = Field(default="", max_length=64, examples=["客户服务部"])
    must_change_password: bool = Field(default=True, description="首次登录须修改密码")


class AccountPatchIn(Schema):
    name: str | None = Field(default=None, min_length=1, max_length=64)
    contact_phone: str | None = Field(default=None, pattern=CONTACT_PHONE_PATTERN)
    email: str | None = Field(default=None, max_length=254, pattern=EMAIL_PATTERN)
    department: str | None = Field(default=None, max_length=64)
    role_ids: list[int] | None = None


class TemporaryPasswordOut(Schema):
    temporary_password: str = Field(description="临时密码，只显示这一次；账户下次登录须修改")


class LoginLogOut(Schema):
    id: int
    created_at: datetime
    identifier: str
    user_id: int | None
    user_display: str
    is_staff: bool
    method: str
    method_label: str
    success: bool
    reason: str
    ip: str | None
    user_agent: str


class LoginLogListOut(Schema):
    items: list[LoginLogOut]
    total: int
    page: int
    page_size: int


class MerchantOfUserOut(Schema):
    merchant_id: int
    merchant_name: str
    role: str
    role_label: str


class MerchantUserOut(Schema):
    id: int
    name: str
    display_name: str
    phone: str
    is_active: bool
    merchants: list[MerchantOfUserOut]


class MerchantUserListOut(Schema):
    items: list[MerchantUserOut]
    total: int
    page: int
    page_size: int


class PersonOut(Schema):
    id: int
    display_name: str


class ImpersonationOut(Schema):
    id: int
    admin: PersonOut
    user: PersonOut
    reason: str
    allow_writes: bool
    started_at: datetime
    ended_at: datetime | None
    ip: str | None
    user_agent: str
    request_count: int


class ImpersonationListOut(Schema):
    items: list[ImpersonationOut]
    total: int
    page: int
    page_size: int


class ImpersonationRequestOut(Schema):
    id: int
    method: str
    path: str
    outcome: str
    created_at: datetime


class ImpersonationDetailOut(ImpersonationOut):
    requests: list[ImpersonationRequestOut]


class ImpersonationIn(Schema):
    user_id: int = Field(description="要切换为的商户用户")
    reason: str = Field(
        min_length=5, max_length=200, description="切换原因（至少 5 个字）", examples=["协助商户核对报关批次"]
    )


class ImpersonationStartOut(Schema):
    impersonation: ImpersonationOut
    access: str = Field(description="商户用户的访问令牌，带 RFC 8693 act 声明 {sub: 管理员 id}")
    refresh: str
    expires_in: int
    refresh_expires_at: str
    user: UserOut
    is_new_user: bool = False


PermissionNodeOut.model_rebuild()
PermissionTreeOut.model_rebuild()
