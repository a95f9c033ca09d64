"""``GET /search`` (merchant PC and H5) and ``GET /admin/search`` (back office): answers while typing."""

import time
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from jmt.core.catalog import Surface
from jmt.core.errors import NotFound
from jmt.core.permissions import AUTHENTICATED, actor_of, require
from jmt.core.schemas import error_responses
from jmt.search import registry
from jmt.search.registry import Hit
from jmt.search.schemas import SearchOut

router = Router(tags=["search"])
admin_router = Router(tags=["admin-search"])


class SearchQuery(Schema):
    q: str = Field("", max_length=64, description="输入的内容：中文、拼音全拼或首字母、编号片段")
    limit: int = Field(5, ge=1, le=20, description="每组最多返回的条数")


def _hit(hit: Hit) -> dict[str, Any]:
    return {
        "title": hit.title,
        "subtitle": hit.subtitle,
        "route": hit.route,
        "mobile_route": hit.mobile_route or hit.route,
        "highlights": [list(s) for s in hit.spans],
        "subtitle_highlights": [list(s) for s in hit.subtitle_spans],
        "enabled": hit.enabled,
        "disabled_reason": hit.disabled_reason,
        "icon": hit.icon,
        "children": [_hit(child) for child in hit.children],
    }


def _answer(request: HttpRequest, surface: Surface, query: SearchQuery) -> dict[str, Any]:
    started = time.perf_counter()
    groups = registry.run(actor=actor_of(request), surface=surface, query=registry.Query(query.q, query.limit))
    return {
        "query": query.q,
        "groups": [
            {"key": provider.key, "title": provider.title, "hits": [_hit(h) for h in hits]} for provider, hits in groups
        ],
        "took_ms": round((time.perf_counter() - started) * 1000, 2),
    }


@router.get(
    "",
    response={200: SearchOut, **error_responses(401, 422)},
    operation_id="search_query",
    summary="全局搜索：服务与功能、本商户的业务单据（边输入边返回）",
)
@require(AUTHENTICATED)
def search(request: HttpRequest, query: Query[SearchQuery]) -> dict[str, Any]:
    return _answer(request, Surface.MERCHANT, query)


@admin_router.get(
    "",
    response={200: SearchOut, **error_responses(401, 404, 422)},
    operation_id="admin_search_query",
    summary="后台全局搜索：功能菜单、数据权限范围内的商户与业务单据",
)
@require(AUTHENTICATED)
def admin_search(request: HttpRequest, query: Query[SearchQuery]) -> dict[str, Any]:
    if not actor_of(request).user.is_staff:
        raise NotFound()
    return _answer(request, Surface.ADMIN, query)
