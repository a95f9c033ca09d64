"""Batches (C1) at /api/v1/customs/batches, and the merchant's read-only 点点通 configuration (C6) at
/api/v1/customs/gateway."""

from typing import Any, Literal

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from pydantic import Field

from jmt.core.pagination import paginate
from jmt.core.permissions import actor_of, require
from jmt.core.schemas import error_responses
from jmt.customs import schemas_batches as s
from jmt.customs import selectors_batches as sel
from jmt.customs.selectors import acting_merchant
from jmt.customs.services.batches import batch_create, batch_defaults, batch_locked, batch_submit_checked, batch_update
from jmt.customs.services.gateway import config_of, readiness

batches_router = Router(tags=["customs-batches"])
gateway_router = Router(tags=["customs-batches"])

VIEW = "customs:batches:view"
EDIT = "customs:batches:edit"
GATEWAY_VIEW = "customs:gateway:view"
OVERVIEW_LIMIT = 100


def _board(board: dict[str, Any]) -> dict[str, Any]:
    batch = board["batch"]
    return {**board, "batch": s.batch_out(batch, locked=sel.is_locked(batch))}


class BatchOverviewQuery(Schema):
    page: int = Field(1, ge=1, le=100_000)
    page_size: int = Field(OVERVIEW_LIMIT, ge=1, le=OVERVIEW_LIMIT)


class BatchListQuery(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(20, ge=1, le=100)
    status: Literal["", "draft", "declared", "partly_released", "released", "cleared"] = ""
    statistics_flag: Literal["", "A", "B"] = ""
    keyword: str = ""


@batches_router.get(
    "/overview",
    response={200: s.BatchOverviewOut, **error_responses(401, 403)},
    operation_id="customs_batches_overview",
    summary="全部批次的审批进度总览",
    description=f"按页（每页最多 {OVERVIEW_LIMIT} 个，最新的在前）：每个批次的订单、运单、清单、总分单按状态计数，"
    "审批进度百分比，放行 / 结关数与需处理数；`totals` 汇总全部批次；`gateway` 说明点点通配置是否就绪。",
)
@require(VIEW)
def batches_overview(request: HttpRequest, query: Query[BatchOverviewQuery]) -> dict[str, Any]:
    actor = actor_of(request)
    merchant = acting_merchant(actor)
    page = paginate(sel.batch_list(actor=actor), page=query.page, page_size=query.page_size)
    boards = sel.batch_boards(page.items)
    return {
        "totals": sel.merchant_totals(actor=actor, batches=page.total),
        "batches": [_board(board) for board in boards],
        "gateway": s.readiness_out(readiness(merchant)),
        "total": page.total,
        "page": page.page,
        "page_size": page.page_size,
    }


@batches_router.get(
    "/defaults",
    response={200: s.BatchDefaultsOut, **error_responses(401, 403)},
    operation_id="customs_batches_defaults",
    summary="新建批次的预填值与选项",
    description="预填值来自点点通配置（企业代码、海关与口岸代码、DXP ID）和商户资料；"
    "申报业务类型 A 附带提醒：简化申报不能办理出口退税。",
)
@require(VIEW)
def batches_defaults(request: HttpRequest) -> dict[str, Any]:
    merchant = acting_merchant(actor_of(request))
    config = config_of(merchant)
    return {
        "values": batch_defaults(merchant, config),
        "traf_modes": s.traf_mode_options(),
        "statistics_flags": s.statistics_flag_options(),
        "ports": s.port_options(),
        "gateway": s.readiness_out(readiness(merchant, config)),
    }


@batches_router.get(
    "",
    response={200: s.BatchPageOut, **error_responses(401, 403, 422)},
    operation_id="customs_batches_list",
    summary="批次列表（含各批次进度）",
)
@require(VIEW)
def batches_list(request: HttpRequest, query: Query[BatchListQuery]) -> dict[str, Any]:
    rows = sel.batch_list(
        actor=actor_of(request), status=query.status, keyword=query.keyword, statistics_flag=query.statistics_flag
    )
    page = paginate(rows, page=query.page, page_size=query.page_size)
    boards = sel.batch_boards(page.items)
    return {"items": [_board(b) for b in boards], "total": page.total, "page": page.page, "page_size": page.page_size}


@batches_router.post(
    "",
    response={201: s.BatchOut, **error_responses(401, 403, 422)},
    operation_id="customs_batches_create",
    summary="新建批次",
    description="未填写的海关代码、口岸代码、企业代码与名称、DXP ID 取点点通配置与商户资料。"
    "校验失败时 422 `VALIDATION_ERROR`，`details.fields` 为每个字段的中文说明。",
)
@require(EDIT)
def batches_create(request: HttpRequest, payload: s.BatchIn) -> Status[dict[str, Any]]:
    actor = actor_of(request)
    merchant = acting_merchant(actor)
    batch = batch_create(actor=actor, merchant=merchant, values=payload.dict())
    return Status(201, s.batch_out(batch, locked=False))


def _detail(batch: Any) -> dict[str, Any]:
    [board] = sel.batch_boards([batch])
    return {**_board(board), "gateway": s.readiness_out(readiness(batch.merchant))}


@batches_router.get(
    "/{batch_id}",
    response={200: s.BatchDetailOut, **error_responses(401, 403, 404)},
    operation_id="customs_batches_get",
    summary="批次详情（单证状态计数与点点通就绪情况）",
)
@require(VIEW)
def batches_get(request: HttpRequest, batch_id: int) -> dict[str, Any]:
    return _detail(sel.batch_get(actor=actor_of(request), batch_id=batch_id))


@batches_router.patch(
    "/{batch_id}",
    response={200: s.BatchOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="customs_batches_update",
    summary="修改批次",
    description="批次已有单证或已提交后，申报信息锁定（409 `CUSTOMS_BATCH_LOCKED`），只能修改名称。",
)
@require(EDIT)
def batches_update(request: HttpRequest, batch_id: int, payload: s.BatchPatch) -> dict[str, Any]:
    actor = actor_of(request)
    batch = sel.batch_get(actor=actor, batch_id=batch_id)
    batch = batch_update(actor=actor, batch=batch, changes=payload.dict(exclude_unset=True, exclude_none=True))
    return s.batch_out(batch, locked=batch_locked(batch))


@batches_router.post(
    "/{batch_id}/submit",
    response={200: s.BatchSubmitOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="customs_batches_submit",
    summary="提交批次",
    description="先检查点点通配置（409 `CUSTOMS_GATEWAY_NOT_CONFIGURED` / `CUSTOMS_GATEWAY_CHECK_FAILED`）、"
    "批次申报信息（422 `CUSTOMS_BATCH_INVALID`）和是否有订单（409 `CUSTOMS_BATCH_EMPTY`），"
    "然后把待申报的电子订单与物流运单放入发送队列；清单在订单和运单海关入库后自动申报。",
)
@require(EDIT)
def batches_submit(request: HttpRequest, batch_id: int) -> dict[str, int]:
    actor = actor_of(request)
    batch = sel.batch_get(actor=actor, batch_id=batch_id)
    report = batch_submit_checked(actor=actor, batch=batch)
    return {"messages": report.messages, "documents": report.documents}


@gateway_router.get(
    "",
    response={200: s.GatewayConfigOut, **error_responses(401, 403)},
    operation_id="customs_gateway_get",
    summary="本商户的点点通接口配置（只读）",
    description="由捷晶后台配置；不返回 App Secret，只说明是否已设置。`readiness` 说明能否申报及如何处理。",
)
@require(GATEWAY_VIEW)
def gateway_get(request: HttpRequest) -> dict[str, Any]:
    merchant = acting_merchant(actor_of(request))
    config = config_of(merchant)
    return s.gateway_config_out(config, readiness(merchant, config))
