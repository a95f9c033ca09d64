"""服务评价 for the merchant (``/ratings``): the Rate card of a completed item, rating it and changing
the rating, 我的评价 and 待评价.

Rating an item needs the ``edit`` code of the item's module (checked per item in the service: a 成员
gets 403); reading follows the item's own ``view`` code, so every route here declares only
``AUTHENTICATED`` and the data scope is the item's.
"""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from jmt.core.pagination import paginate
from jmt.core.permissions import AUTHENTICATED, actor_of, require
from jmt.core.schemas import error_responses
from jmt.ratings import schemas as s
from jmt.ratings import selectors, services

router = Router(tags=["ratings"])


@router.get(
    "",
    response={200: s.ServiceRatingPageOut, **error_responses(401, 404, 422)},
    operation_id="ratings_mine",
    summary="我的评价：本商户提交的服务评价与捷晶回复",
    description="`focus`（捷晶回复的站内信链接 `/me/ratings?id=…` 带来的评价 id）：返回这条评价所在的页。",
)
@require(AUTHENTICATED)
def mine(request: HttpRequest, filters: Query[s.ServiceMyRatingFilters]) -> dict[str, Any]:
    rows = selectors.my_ratings(actor=actor_of(request), answered=filters.answered)
    page = filters.page
    if filters.focus is not None:
        page = selectors.page_holding(rows, rating_id=filters.focus, page_size=filters.page_size) or page
    return paginate(rows, page=page, page_size=filters.page_size).map(selectors.rating_out).out()


@router.get(
    "/pending",
    response={200: list[s.ServicePendingOut], **error_responses(401)},
    operation_id="ratings_pending",
    summary="待评价：近 30 天办结、尚未评价的业务",
)
@require(AUTHENTICATED)
def pending(request: HttpRequest) -> list[dict[str, Any]]:
    return selectors.pending(actor=actor_of(request))


@router.get(
    "/subjects/{kind}/{object_id}",
    response={200: s.ServiceSubjectOut, **error_responses(401, 404)},
    operation_id="ratings_subject",
    summary="某项业务的评价卡片：是否已办结、能否评价、已有的评价",
)
@require(AUTHENTICATED)
def subject(request: HttpRequest, kind: str, object_id: int) -> dict[str, Any]:
    actor = actor_of(request)
    rateable = selectors.kind_or_404(kind)
    obj = selectors.subject_get(actor=actor, kind=rateable, object_id=object_id)
    return selectors.subject_out(actor=actor, kind=rateable, obj=obj)


@router.post(
    "/subjects/{kind}/{object_id}",
    response={201: s.ServiceRatingOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="ratings_rate",
    summary="评价已办结的业务（1–5 星与评价内容，每项业务一次）",
    description="未办结 409 `RATING_NOT_COMPLETED`；已评价 409 `RATING_ALREADY_RATED`；"
    "无该业务的办理权限（如成员）403；其他商户的业务 404。",
)
@require(AUTHENTICATED)
def rate(request: HttpRequest, kind: str, object_id: int, payload: s.ServiceRatingIn) -> Status[dict[str, Any]]:
    rating = services.rate(
        actor=actor_of(request), kind_key=kind, object_id=object_id, stars=payload.stars, comment=payload.comment
    )
    return Status(201, selectors.rating_out(rating))


@router.patch(
    "/{rating_id}",
    response={200: s.ServiceRatingOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="ratings_update",
    summary="修改评价（提交后 7 天内、捷晶回复前）",
    description="超过 7 天或捷晶已回复 409 `RATING_EDIT_CLOSED`。",
)
@require(AUTHENTICATED)
def update(request: HttpRequest, rating_id: int, payload: s.ServiceRatingIn) -> dict[str, Any]:
    rating = services.update(actor=actor_of(request), rating_id=rating_id, stars=payload.stars, comment=payload.comment)
    return selectors.rating_out(rating)
