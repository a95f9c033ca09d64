"""Back office: system parameters and the monitor (``/admin/system``)."""

from typing import Any

from django.http import HttpRequest
from ninja import Body, Router

from jmt.core.permissions import AUTHENTICATED, actor_of, require
from jmt.core.schemas import error_responses
from jmt.system import monitor, selectors, services, workbench
from jmt.system import schemas as s
from jmt.system.parameters import GroupKey

router = Router(tags=["system"])


def _groups() -> tuple[list[dict[str, Any]], dict[str, Any]]:
    groups = selectors.parameters_all()
    meta = [{k: g[k] for k in ("key", "title", "description", "updated_at", "updated_by")} for g in groups]
    return meta, {g["key"]: g["value"] for g in groups}


@router.get(
    "/parameters",
    response={200: s.SystemParametersOut, **error_responses(401, 403)},
    operation_id="system_parameters_get",
    summary="系统参数（全部分组）",
)
@require("system:parameters:view")
def parameters_get(request: HttpRequest) -> dict[str, Any]:
    meta, values = _groups()
    return {"groups": meta, "values": values}


@router.put(
    "/parameters/{group}",
    response={200: s.SystemParameterSavedOut, **error_responses(401, 403, 404, 422)},
    operation_id="system_parameters_update",
    summary="保存一组系统参数",
    description="请求体为该分组的完整取值（字段见 `system_parameters_get` 的 `values`）。"
    "校验失败返回 422 `VALIDATION_ERROR`，`details.fields` 以字段路径（如 `ranges.0.end`）给出中文说明。"
    "每次保存都记入操作日志（改动前后的字段）。",
    openapi_extra={
        "responses": {
            422: {
                "description": "校验失败",
                "content": {
                    "application/json": {
                        "example": {
                            "code": "VALIDATION_ERROR",
                            "message": "提交的数据有误，请检查标红的字段",
                            "details": {"fields": {"ranges.0.end": "结束时间须晚于开始时间"}},
                        }
                    }
                },
            }
        }
    },
)
@require("system:parameters:edit")
def parameters_update(request: HttpRequest, group: GroupKey, payload: dict[str, Any] = Body(...)) -> dict[str, Any]:  # noqa: B008
    value = services.parameters_update(actor=actor_of(request), group=group, value=payload)
    meta, _ = _groups()
    return {"group": next(g for g in meta if g["key"] == group), "value": value.model_dump(mode="json")}


@router.get(
    "/monitor",
    response={200: s.MonitorOut, **error_responses(401, 403)},
    operation_id="system_monitor_get",
    summary="系统监控：应用、数据库、任务队列、请求与服务器",
    description="请求速率与 p95 延迟由各 Web 进程按分钟汇总写入数据库，这里合并最近 15 分钟；"
    "CPU、内存、磁盘为当前应答进程所在服务器的读数。",
)
@require("system:monitor:view")
def monitor_get(request: HttpRequest) -> dict[str, Any]:
    return monitor.snapshot()


@router.get(
    "/workbench",
    response={200: s.WorkbenchOut, **error_responses(401)},
    operation_id="system_workbench_get",
    summary="工作台：待处理事项",
    description="当前后台人员可以办理的每个队列（按权限与数据范围）及其待处理数量和办理页面；"
    "各业务模块把自己的队列登记到工作台（工商注册：材料初审、现场核验；出口报关：发送失败的报文、"
    "检测未通过的点点通配置）。没有待处理的队列数量为 0。",
)
@require(AUTHENTICATED)
def workbench_get(request: HttpRequest) -> dict[str, Any]:
    return {"queues": workbench.queues(actor=actor_of(request))}
