"""Back office of 水晶行业专项 at /api/v1/admin/crystal (A2): the hint copy shown beside crystal fields."""

from typing import Any

from django.http import HttpRequest
from ninja import Router

from jmt.core.permissions import actor_of, require
from jmt.core.schemas import error_responses
from jmt.crystal import schemas as s
from jmt.crystal import selectors, services

router = Router(tags=["crystal-admin"])
VIEW = "content:crystal:view"
EDIT = "content:crystal:edit"


@router.get(
    "/hints",
    response={200: list[s.CrystalAdminHintOut], **error_responses(401, 403, 404)},
    operation_id="crystal_admin_hints",
    summary="水晶专项提示文案（全部，含停用的），及显示位置",
)
@require(VIEW)
def hints(request: HttpRequest) -> list[dict[str, Any]]:
    return selectors.hints_all()


@router.put(
    "/hints/{key}",
    response={200: s.CrystalAdminHintOut, **error_responses(401, 403, 404, 422)},
    operation_id="crystal_admin_hint_update",
    summary="修改一条提示文案（标题、文案、是否显示）",
    description="标题不超过 20 字、文案不超过 500 字，均不能为空；校验失败返回 422 `CRYSTAL_HINT_INVALID`，"
    "`details.fields` 给出中文说明。每次修改记入操作日志（改动前后）。",
)
@require(EDIT)
def hint_update(request: HttpRequest, key: str, payload: s.CrystalHintIn) -> dict[str, Any]:
    services.hint_update(
        actor=actor_of(request), key=key, title=payload.title, body=payload.body, enabled=payload.enabled
    )
    return next(h for h in selectors.hints_all() if h["key"] == key)
