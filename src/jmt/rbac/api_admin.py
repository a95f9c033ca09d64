"""Back-office RBAC: accounts (A5), roles and the permission tree (A6), login log, user switching (G6).

Mounted at ``/api/v1/admin/rbac``. Thin: parse, one service or selector call with ``actor=``, return.
"""

import ipaddress
from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from pydantic import field_validator

from jmt.accounts.schemas import user_out
from jmt.core import catalog
from jmt.core.permissions import actor_of, require
from jmt.core.schemas import error_responses
from jmt.rbac import schemas as s
from jmt.rbac import selectors, services
from jmt.rbac.grants import MERCHANT_ADMIN, MERCHANT_MEMBER
from jmt.rbac.models import DataScope

router = Router(tags=["rbac"])

ACCOUNTS_VIEW = "system:accounts:view"
ACCOUNTS_EDIT = "system:accounts:edit"
ACCOUNTS_STATUS = "system:accounts:status"
ACCOUNTS_PASSWORD = "system:accounts:password"
ROLES_VIEW = "system:roles:view"
ROLES_EDIT = "system:roles:edit"
ROLES_DELETE = "system:roles:delete"
IMPERSONATION_VIEW = "system:impersonation:view"
IMPERSONATION_EDIT = "system:impersonation:edit"


class PageQuery(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(20, ge=1, le=100)


class RoleQuery(PageQuery):
    keyword: str = Field("", max_length=64, description="按名称或描述搜索")


class AccountQuery(PageQuery):
    keyword: str = Field("", max_length=64, description="登录名、姓名、联系电话或邮箱")
    role_id: int | None = None
    is_active: bool | None = None
    department: str = Field("", max_length=64)


class LoginLogQuery(PageQuery):
    identifier: str = Field("", max_length=64, description="登录标识（用户名、手机号）或姓名")
    user_id: int | None = None
    success: bool | None = None
    method: str = Field("", max_length=16)
    ip: str = Field("", max_length=45)
    since: datetime | None = None
    until: datetime | None = None

    @field_validator("ip")
    @classmethod
    def _an_address(cls, value: str) -> str:
        value = value.strip()
        if value:
            try:
                ipaddress.ip_address(value)
            except ValueError:
                raise ValueError("请输入完整的 IP 地址，如 192.168.1.10") from None
        return value


class MerchantUserQuery(PageQuery):
    keyword: str = Field("", max_length=64, description="手机号、姓名或商户名称")


class ImpersonationQuery(PageQuery):
    admin_id: int | None = None
    user_id: int | None = None


# --- permission tree ---


@router.get(
    "/permission-tree",
    response=s.PermissionTreeOut,
    operation_id="rbac_permission_tree",
    summary="权限树（菜单 → 页面 → 按钮）与数据范围",
    description="由服务目录生成；每个接口声明的权限码都在这棵树里。后台角色只能分配 `surface=admin` 的权限，"
    "商户角色（管理员、成员）是固定的。",
)
@require(ROLES_VIEW)
def permission_tree(request: HttpRequest) -> dict[str, Any]:
    return {
        "tree": catalog.permission_tree(),
        "data_scopes": [
            {"value": scope.value, "label": scope.label, "description": selectors.DATA_SCOPE_HELP[scope]}
            for scope in DataScope
        ],
        "merchant_roles": [
            {"key": key, "name": grant.name, "data_scope": grant.scope.value, "permissions": sorted(grant.codes)}
            for key, grant in (("merchant_admin", MERCHANT_ADMIN), ("merchant_member", MERCHANT_MEMBER))
        ],
    }


# --- roles ---


@router.get("/roles", response=s.RoleListOut, operation_id="rbac_roles_list", summary="角色列表")
@require(ROLES_VIEW)
def roles_list(request: HttpRequest, query: Query[RoleQuery]) -> dict[str, Any]:
    return selectors.role_list(
        actor=actor_of(request), keyword=query.keyword, page=query.page, page_size=query.page_size
    ).out()


@router.post(
    "/roles",
    response={201: s.RoleOut, **error_responses(403, 409, 422)},
    operation_id="rbac_roles_create",
    summary="新建角色",
    description="功能权限为权限树中的按钮权限码；数据范围见 `/permission-tree` 的 `data_scopes`。",
)
@require(ROLES_EDIT)
def roles_create(request: HttpRequest, payload: s.RoleIn) -> Status[dict[str, Any]]:
    actor = actor_of(request)
    role = services.role_create(actor=actor, **payload.dict())
    return Status(201, selectors.role_out(role, 0))


@router.get(
    "/roles/{role_id}",
    response={200: s.RoleOut, **error_responses(404)},
    operation_id="rbac_roles_get",
    summary="角色详情",
)
@require(ROLES_VIEW)
def roles_get(request: HttpRequest, role_id: int) -> dict[str, Any]:
    role = selectors.role_get(actor=actor_of(request), role_id=role_id)
    return selectors.role_out(role, selectors.role_account_counts([role]).get(role.pk, 0))


@router.patch(
    "/roles/{role_id}",
    response={200: s.RoleOut, **error_responses(403, 404, 409, 422)},
    operation_id="rbac_roles_update",
    summary="修改角色",
    description="持有该角色的账户会收到权限变更通知。内置角色「超级管理员」只能修改描述和「用户切换时允许修改」。",
)
@require(ROLES_EDIT)
def roles_update(request: HttpRequest, role_id: int, payload: s.RolePatchIn) -> dict[str, Any]:
    role = services.role_update(actor=actor_of(request), role_id=role_id, **payload.dict(exclude_unset=True))
    return selectors.role_out(role, selectors.role_account_counts([role]).get(role.pk, 0))


@router.delete(
    "/roles/{role_id}",
    response={204: None, **error_responses(403, 404, 409)},
    operation_id="rbac_roles_delete",
    summary="删除角色",
    description="仍分配给账户时拒绝：409 `ROLE_IN_USE`，`details.count` 为使用该角色的账户数。内置角色不能删除。",
)
@require(ROLES_DELETE)
def roles_delete(request: HttpRequest, role_id: int) -> Status[None]:
    services.role_delete(actor=actor_of(request), role_id=role_id)
    return Status(204, None)


# --- back-office accounts ---


@router.get("/accounts", response=s.AccountListOut, operation_id="rbac_accounts_list", summary="后台账户列表")
@require(ACCOUNTS_VIEW)
def accounts_list(request: HttpRequest, query: Query[AccountQuery]) -> dict[str, Any]:
    return selectors.account_list(
        actor=actor_of(request),
        keyword=query.keyword,
        role_id=query.role_id,
        is_active=query.is_active,
        department=query.department,
        page=query.page,
        page_size=query.page_size,
    ).out()


@router.post(
    "/accounts",
    response={201: s.AccountOut, **error_responses(403, 409, 422)},
    operation_id="rbac_accounts_create",
    summary="新建后台账户",
    description="初始密码须符合密码策略（至少 8 位、不能过于常见、不能全为数字），不符合时返回 422 "
    "`PASSWORD_INVALID`。`must_change_password` 为真时（默认）首次登录须先修改密码。",
)
@require(ACCOUNTS_EDIT)
def accounts_create(request: HttpRequest, payload: s.AccountCreateIn) -> Status[dict[str, Any]]:
    actor = actor_of(request)
    user = services.account_create(actor=actor, **payload.dict())
    return Status(201, selectors.account_out(selectors.account_get(actor=actor, user_id=user.pk)))


@router.get(
    "/accounts/{user_id}",
    response={200: s.AccountOut, **error_responses(404)},
    operation_id="rbac_accounts_get",
    summary="后台账户详情",
)
@require(ACCOUNTS_VIEW)
def accounts_get(request: HttpRequest, user_id: int) -> dict[str, Any]:
    return selectors.account_out(selectors.account_get(actor=actor_of(request), user_id=user_id))


@router.patch(
    "/accounts/{user_id}",
    response={200: s.AccountOut, **error_responses(403, 404, 409, 422)},
    operation_id="rbac_accounts_update",
    summary="修改后台账户（信息、联系方式、部门、角色）",
    description="`role_ids` 为账户持有的全部角色（可多个，权限取并集）；角色变化时通知该账户。",
)
@require(ACCOUNTS_EDIT)
def accounts_update(request: HttpRequest, user_id: int, payload: s.AccountPatchIn) -> dict[str, Any]:
    actor = actor_of(request)
    services.account_update(actor=actor, user_id=user_id, **payload.dict(exclude_unset=True))
    return selectors.account_out(selectors.account_get(actor=actor, user_id=user_id))


@router.post(
    "/accounts/{user_id}/disable",
    response={200: s.AccountOut, **error_responses(403, 404, 409)},
    operation_id="rbac_accounts_disable",
    summary="停用后台账户",
    description="停用后该账户的全部登录会话立即失效（访问令牌返回 403 `ACCOUNT_DISABLED`，刷新令牌不可用）。",
)
@require(ACCOUNTS_STATUS)
def accounts_disable(request: HttpRequest, user_id: int) -> dict[str, Any]:
    actor = actor_of(request)
    services.account_set_active(actor=actor, user_id=user_id, active=False)
    return selectors.account_out(selectors.account_get(actor=actor, user_id=user_id))


@router.post(
    "/accounts/{user_id}/enable",
    response={200: s.AccountOut, **error_responses(403, 404)},
    operation_id="rbac_accounts_enable",
    summary="启用后台账户",
)
@require(ACCOUNTS_STATUS)
def accounts_enable(request: HttpRequest, user_id: int) -> dict[str, Any]:
    actor = actor_of(request)
    services.account_set_active(actor=actor, user_id=user_id, active=True)
    return selectors.account_out(selectors.account_get(actor=actor, user_id=user_id))


@router.post(
    "/accounts/{user_id}/reset-password",
    response={200: s.TemporaryPasswordOut, **error_responses(403, 404)},
    operation_id="rbac_accounts_reset_password",
    summary="重置为临时密码",
    description="返回的临时密码只显示这一次；该账户的登录会话全部失效，下次登录须先修改密码。",
)
@require(ACCOUNTS_PASSWORD)
def accounts_reset_password(request: HttpRequest, user_id: int) -> dict[str, str]:
    return {"temporary_password": services.account_reset_password(actor=actor_of(request), user_id=user_id)}


@router.get(
    "/login-logs",
    response=s.LoginLogListOut,
    operation_id="rbac_login_logs_list",
    summary="登录日志（成功与失败、IP、UA）",
)
@require(ACCOUNTS_VIEW)
def login_logs_list(request: HttpRequest, query: Query[LoginLogQuery]) -> dict[str, Any]:
    return selectors.login_log_list(actor=actor_of(request), **query.dict()).out()


# --- user switching (G6) ---


@router.get(
    "/merchant-users",
    response=s.MerchantUserListOut,
    operation_id="rbac_merchant_users_list",
    summary="可切换的商户用户（按手机号、姓名、商户名称搜索）",
)
@require(IMPERSONATION_VIEW)
def merchant_users_list(request: HttpRequest, query: Query[MerchantUserQuery]) -> dict[str, Any]:
    return selectors.merchant_user_list(
        actor=actor_of(request), keyword=query.keyword, page=query.page, page_size=query.page_size
    ).out()


@router.get(
    "/impersonations",
    response=s.ImpersonationListOut,
    operation_id="rbac_impersonations_list",
    summary="用户切换记录",
)
@require(IMPERSONATION_VIEW)
def impersonations_list(request: HttpRequest, query: Query[ImpersonationQuery]) -> dict[str, Any]:
    return selectors.impersonation_list(actor=actor_of(request), **query.dict()).out()


@router.post(
    "/impersonations",
    response={201: s.ImpersonationStartOut, **error_responses(403, 404, 409, 422)},
    operation_id="rbac_impersonations_start",
    summary="切换为商户用户",
    description="须填写原因（至少 5 个字）。返回该商户用户的一对令牌，访问令牌带 RFC 8693 `act` 声明 "
    "`{sub: 管理员 id}`。默认只读：写操作返回 403 `IMPERSONATION_READ_ONLY`，除非管理员的某个角色开启了"
    "「用户切换时允许修改」。切换期间的每个请求都记录双方身份；`POST /auth/impersonation/end` 结束切换。",
)
@require(IMPERSONATION_EDIT)
def impersonations_start(request: HttpRequest, payload: s.ImpersonationIn) -> Status[dict[str, Any]]:
    actor = actor_of(request)
    row, target, tokens = services.impersonation_start(actor=actor, user_id=payload.user_id, reason=payload.reason)
    return Status(
        201,
        {
            "impersonation": selectors.impersonation_out(row),
            "access": tokens.access,
            "refresh": tokens.refresh,
            "expires_in": tokens.expires_in,
            "refresh_expires_at": tokens.refresh_expires_at,
            "user": user_out(target),
            "is_new_user": False,
        },
    )


@router.get(
    "/impersonations/{impersonation_id}",
    response={200: s.ImpersonationDetailOut, **error_responses(404)},
    operation_id="rbac_impersonations_get",
    summary="用户切换详情（切换期间的每个请求）",
)
@require(IMPERSONATION_VIEW)
def impersonations_get(request: HttpRequest, impersonation_id: int) -> dict[str, Any]:
    return selectors.impersonation_get(actor=actor_of(request), impersonation_id=impersonation_id)
