"""商户信息 (U2) and 成员管理 (U3) of the merchant the user acts for: ``/merchant``.

Who may write: the merchant's 管理员 (``Membership.role``); a 成员 reads and is refused every write
with 403 ``PERMISSION_DENIED`` (``services.require_merchant_admin``). The routes declare
``AUTHENTICATED`` because they concern the one merchant the person acts for, not a catalog page.
"""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from jmt.core.permissions import AUTHENTICATED, actor_of, require
from jmt.core.schemas import error_responses
from jmt.merchants import schemas as s
from jmt.merchants import selectors, services
from jmt.merchants.models import MemberRole
from jmt.merchants.profile import profile_update

router = Router(tags=["merchant"])


def _is_admin(request: HttpRequest) -> bool:
    return actor_of(request).role == MemberRole.ADMIN


@router.get(
    "",
    response={200: s.MerchantProfileOut, **error_responses(401, 404)},
    operation_id="merchant_profile_get",
    summary="商户信息",
    description="当前商户的信息、每个字段能否修改；工商注册核准后执照相关字段锁定（「如需修改请联系捷晶管理员」），"
    "建设银行子账号只读。",
)
@require(AUTHENTICATED)
def merchant_get(request: HttpRequest) -> dict[str, Any]:
    merchant = selectors.current_merchant(actor_of(request))
    return selectors.profile_out(merchant, can_edit=_is_admin(request), staff=False)


@router.patch(
    "",
    response={200: s.MerchantProfileOut, **error_responses(401, 403, 404, 422)},
    operation_id="merchant_profile_update",
    summary="修改商户信息（商户管理员）",
    description="只提交要改的字段；锁定字段返回 403 `MERCHANT_PROFILE_LOCKED`，建设银行子账号返回 403 "
    "`MERCHANT_PROFILE_STAFF_ONLY`，格式错误返回 422 `MERCHANT_PROFILE_INVALID`（`details.fields`）。",
)
@require(AUTHENTICATED)
def merchant_update(request: HttpRequest, payload: s.MerchantProfileIn) -> dict[str, Any]:
    actor = actor_of(request)
    merchant = services.require_merchant_admin(actor)
    updated = profile_update(actor=actor, merchant=merchant, changes=payload.changes, staff=False)
    return selectors.profile_out(updated, can_edit=True, staff=False)


@router.get(
    "/members",
    response={200: list[s.MemberOut], **error_responses(401, 404)},
    operation_id="merchant_members_list",
    summary="商户成员",
)
@require(AUTHENTICATED)
def members_list(request: HttpRequest) -> list[dict[str, Any]]:
    actor = actor_of(request)
    merchant = selectors.current_merchant(actor)
    return [selectors.member_out(m, actor=actor, full_phone=False) for m in selectors.members_of(merchant)]


@router.post(
    "/members",
    response={201: s.MemberOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="merchant_members_add",
    summary="按手机号添加成员（商户管理员）",
    description="没有账号的手机号会新建账号，本人之后用短信验证码登录；已是成员返回 409 `MEMBER_EXISTS`。"
    "新成员收到站内通知。",
)
@require(AUTHENTICATED)
def members_add(request: HttpRequest, payload: s.MemberAddIn) -> Status[dict[str, Any]]:
    actor = actor_of(request)
    merchant = services.require_merchant_admin(actor)
    membership = services.member_add(
        actor=actor, merchant=merchant, phone=payload.phone, role=payload.role, name=payload.name
    )
    return Status(201, selectors.member_out(membership, actor=actor, full_phone=False))


@router.patch(
    "/members/{membership_id}",
    response={200: s.MemberOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="merchant_members_role",
    summary="修改成员角色（商户管理员）",
    description="商户至少保留一位管理员（409 `MEMBER_LAST_ADMIN`）。",
)
@require(AUTHENTICATED)
def members_role(request: HttpRequest, membership_id: int, payload: s.MemberRoleIn) -> dict[str, Any]:
    actor = actor_of(request)
    merchant = services.require_merchant_admin(actor)
    membership = services.member_role_change(
        actor=actor, merchant=merchant, membership_id=membership_id, role=payload.role
    )
    return selectors.member_out(membership, actor=actor, full_phone=False)


@router.delete(
    "/members/{membership_id}",
    response={204: None, **error_responses(401, 403, 404, 409)},
    operation_id="merchant_members_remove",
    summary="移除成员（商户管理员）",
    description="不能移除最后一位管理员（409 `MEMBER_LAST_ADMIN`）。",
)
@require(AUTHENTICATED)
def members_remove(request: HttpRequest, membership_id: int) -> Status[None]:
    actor = actor_of(request)
    merchant = services.require_merchant_admin(actor)
    services.member_remove(actor=actor, merchant=merchant, membership_id=membership_id)
    return Status(204, None)
