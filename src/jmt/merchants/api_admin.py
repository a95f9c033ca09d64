"""商户信息管理 (A1) in the back office: ``/admin/merchants``.

Every profile field, the CCB sub-account included (``profile_update(staff=True)``), the members and
their WeChat binding, and the files behind the profile (licence, ID card, bank permit). Reads need
``merchants:list:view``, writes ``merchants:list:edit``; both are limited to the merchants the actor's roles
reach (``jmt.rbac.scope``), others answer 404.
"""

from typing import Any

from django.http import FileResponse, HttpRequest
from ninja import Query, Router

from jmt.accounts.services import wechat_unbind
from jmt.core.pagination import paginate
from jmt.core.permissions import actor_of, require
from jmt.core.schemas import error_responses
from jmt.documents.selectors import open_stored
from jmt.merchants import schemas as s
from jmt.merchants import selectors
from jmt.merchants.errors import MemberError
from jmt.merchants.models import Membership
from jmt.merchants.profile import profile_update
from jmt.merchants.selectors import LIST_EDIT, LIST_VIEW

router = Router(tags=["admin-merchants"])


@router.get(
    "",
    response={200: s.AdminMerchantPageOut, **error_responses(401, 403, 422)},
    operation_id="admin_merchants_list",
    summary="商户列表",
    description="按商户名称、统一社会信用代码、成员或联系人手机号搜索，按工商注册状态筛选；最新的在前。",
)
@require(LIST_VIEW)
def merchants_list(request: HttpRequest, query: Query[s.AdminMerchantQuery]) -> dict[str, Any]:
    rows = selectors.admin_merchants(actor=actor_of(request), q=query.q, registration_status=query.registration_status)
    return paginate(rows, page=query.page, page_size=query.page_size).map(selectors.admin_merchant_row).out()


@router.get(
    "/{merchant_id}",
    response={200: s.AdminMerchantOut, **error_responses(401, 403, 404)},
    operation_id="admin_merchants_get",
    summary="商户详情（全部字段、成员与微信绑定）",
)
@require(LIST_VIEW)
def merchants_get(request: HttpRequest, merchant_id: int) -> dict[str, Any]:
    actor = actor_of(request)
    merchant = selectors.admin_merchant_get(actor=actor, merchant_id=merchant_id)
    return selectors.admin_merchant_out(merchant, actor=actor)


@router.patch(
    "/{merchant_id}",
    response={200: s.AdminMerchantOut, **error_responses(401, 403, 404, 422)},
    operation_id="admin_merchants_update",
    summary="修改商户信息（含建设银行子账号）",
    description="后台可修改全部字段，包括工商注册核准后锁定的执照信息与建设银行子账号。",
)
@require(LIST_EDIT)
def merchants_update(request: HttpRequest, merchant_id: int, payload: s.MerchantProfileIn) -> dict[str, Any]:
    actor = actor_of(request)
    merchant = selectors.admin_merchant_get(actor=actor, merchant_id=merchant_id, code=LIST_EDIT)
    updated = profile_update(actor=actor, merchant=merchant, changes=payload.changes, staff=True)
    return selectors.admin_merchant_out(updated, actor=actor)


@router.post(
    "/{merchant_id}/members/{membership_id}/wechat/unbind",
    response={200: s.AdminMerchantOut, **error_responses(401, 403, 404, 409)},
    operation_id="admin_merchants_member_wechat_unbind",
    summary="解绑成员的微信",
    description="清除该成员账号的微信身份（换了微信号、误绑等）；本人之后用手机号登录并可重新绑定。",
)
@require(LIST_EDIT)
def member_wechat_unbind(request: HttpRequest, merchant_id: int, membership_id: int) -> dict[str, Any]:
    actor = actor_of(request)
    merchant = selectors.admin_merchant_get(actor=actor, merchant_id=merchant_id, code=LIST_EDIT)
    membership = Membership.objects.select_related("user").filter(pk=membership_id, merchant=merchant).first()
    if membership is None:
        raise MemberError.not_found()
    wechat_unbind(actor=actor, user=membership.user)
    return selectors.admin_merchant_out(merchant, actor=actor)


@router.get(
    "/{merchant_id}/documents/{document_id}/download",
    response={200: None, **error_responses(401, 403, 404)},
    operation_id="admin_merchants_document_download",
    summary="查看商户的证照文件（营业执照、法人身份证、开户许可证）",
    openapi_extra={"responses": {200: {"description": "文件内容", "content": {"application/octet-stream": {}}}}},
)
@require(LIST_VIEW)
def document_download(request: HttpRequest, merchant_id: int, document_id: int) -> FileResponse:
    merchant = selectors.admin_merchant_get(actor=actor_of(request), merchant_id=merchant_id)
    doc = selectors.admin_merchant_document(merchant, document_id=document_id)
    response = FileResponse(open_stored(doc), filename=doc.original_name, content_type=doc.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
