"""服务评价 in the back office (``/admin/ratings``): the list with its filters, and 回复."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from jmt.core.pagination import paginate
from jmt.core.permissions import actor_of, require
from jmt.core.schemas import error_responses
from jmt.ratings import schemas as s
from jmt.ratings import selectors, services

router = Router(tags=["ratings-admin"])


@router.get(
    "",
    response={200: s.ServiceAdminRatingPageOut, **error_responses(401, 403, 404, 422)},
    operation_id="admin_ratings_list",
    summary="服务评价列表（按业务类型、星级、商户、是否已回复筛选）",
)
@require(selectors.ADMIN_VIEW)
def rating_list(request: HttpRequest, filters: Query[s.ServiceAdminRatingFilters]) -> dict[str, Any]:
    rows = selectors.admin_ratings(
        actor=actor_of(request),
        kind=filters.kind,
        stars=filters.stars,
        merchant_id=filters.merchant_id,
        answered=filters.answered,
    )
    return paginate(rows, page=filters.page, page_size=filters.page_size).map(selectors.admin_rating_out).out()


@router.get(
    "/kinds",
    response={200: list[s.ServiceKindOptionOut], **error_responses(401, 403, 404)},
    operation_id="admin_rating_kinds",
    summary="可评价的业务类型",
)
@require(selectors.ADMIN_VIEW)
def kinds(request: HttpRequest) -> list[dict[str, str]]:
    return selectors.kind_options()


@router.get(
    "/{rating_id}",
    response={200: s.ServiceAdminRatingOut, **error_responses(401, 403, 404)},
    operation_id="admin_rating_get",
    summary="服务评价详情",
)
@require(selectors.ADMIN_VIEW)
def rating_get(request: HttpRequest, rating_id: int) -> dict[str, Any]:
    return selectors.admin_rating_out(selectors.admin_rating_get(actor=actor_of(request), rating_id=rating_id))


@router.post(
    "/{rating_id}/reply",
    response={200: s.ServiceAdminRatingOut, **error_responses(401, 403, 404, 422)},
    operation_id="admin_rating_reply",
    summary="回复服务评价（商户收到站内信与微信通知）",
)
@require(selectors.ADMIN_EDIT)
def rating_reply(request: HttpRequest, rating_id: int, payload: s.ServiceReplyIn) -> dict[str, Any]:
    rating = services.reply(actor=actor_of(request), rating_id=rating_id, text=payload.reply)
    return selectors.admin_rating_out(selectors.admin_rating_get(actor=actor_of(request), rating_id=rating.pk))
