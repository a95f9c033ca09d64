"""Progress boards and moves of any workflow object (``/workflow/{type}/{id}``)."""

from typing import Any

from django.http import HttpRequest
from ninja import Router

from jmt.core.permissions import AUTHENTICATED, actor_of, require
from jmt.core.schemas import error_responses
from jmt.workflow import selectors, services
from jmt.workflow.schemas import ProgressOut, TransitionIn

router = Router(tags=["workflow"])


@router.get(
    "/{type}/{obj_id}/progress",
    response={200: ProgressOut, **error_responses(401, 404)},
    operation_id="workflow_progress",
    summary="业务进度：节点、时间线与下一步提示",
    description="节点按流程图绘制（已完成 / 当前 / 待办理），每步预计耗时取历史中位数。商户只能查看本商户的业务。",
)
@require(AUTHENTICATED)
def progress(request: HttpRequest, type: str, obj_id: int) -> dict[str, Any]:
    return selectors.progress(actor=actor_of(request), type_=type, obj_id=obj_id)


@router.post(
    "/{type}/{obj_id}/transitions",
    response={200: ProgressOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="workflow_transition",
    summary="流转到下一状态",
    description="按流程图校验：当前状态不允许的流转返回 409 `WORKFLOW_ILLEGAL_TRANSITION`"
    "（`details.allowed` 为当前用户可执行的目标状态）；缺少该步骤的权限返回 403；驳回等需要原因的操作"
    "未填写原因返回 422 `WORKFLOW_COMMENT_REQUIRED`。",
)
@require(AUTHENTICATED)  # the move's own permission code is checked by the service
def transition(request: HttpRequest, type: str, obj_id: int, payload: TransitionIn) -> dict[str, Any]:
    actor = actor_of(request)
    _, obj = selectors.object_for(actor=actor, type_=type, obj_id=obj_id)
    services.transition(actor=actor, obj=obj, to=payload.to, comment=payload.comment)
    return selectors.progress(actor=actor, type_=type, obj_id=obj_id)
