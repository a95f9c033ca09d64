"""申报受理 (DA, ``/admin/filings``): one queue for every filing type; review beside the merchant's
documents; request changes per field; approve with the resulting numbers. 受理并递交 and 驳回 use
``POST /workflow/{workflow_type}/{id}/transitions``."""

from typing import Any

from django.http import FileResponse, HttpRequest
from ninja import Query, Router

from jmt.core.pagination import paginate
from jmt.core.permissions import actor_of, require
from jmt.core.schemas import error_responses
from jmt.documents.selectors import open_stored
from jmt.filings import registry, selectors, services
from jmt.filings import schemas as s
from jmt.filings.spec import QUEUE_VIEW, REVIEW

router = Router(tags=["admin-filings"])


@router.get(
    "/options",
    response={200: s.FilingQueueOptionsOut, **error_responses(401, 403)},
    operation_id="admin_filings_options",
    summary="队列筛选项：申报类型与状态",
)
@require(QUEUE_VIEW)
def options(request: HttpRequest) -> dict[str, Any]:
    return {
        "types": [{"key": ft.key, "label": ft.label} for ft in registry.all_types()],
        "states": selectors.state_options(),
    }


@router.get(
    "/filings",
    response={200: s.FilingQueuePageOut, **error_responses(401, 403, 404, 422)},
    operation_id="admin_filings_queue",
    summary="申报受理队列（按类型、状态、商户、提交日期筛选）",
)
@require(QUEUE_VIEW)
def queue(request: HttpRequest, filters: Query[s.FilingQueueFilters]) -> dict[str, Any]:
    rows = selectors.queue(
        actor=actor_of(request),
        type_key=filters.type,
        state=filters.state,
        q=filters.q,
        merchant_id=filters.merchant_id,
        submitted_from=filters.submitted_from,
        submitted_to=filters.submitted_to,
        pending=filters.pending,
    )
    return paginate(rows, page=filters.page, page_size=filters.page_size).map(selectors.queue_row).out()


@router.get(
    "/filings/{filing_id}",
    response={200: s.AdminFilingOut, **error_responses(401, 403, 404)},
    operation_id="admin_filings_get",
    summary="审核详情：提交的内容、商户资料与文件、可执行的操作",
)
@require(QUEUE_VIEW)
def detail(request: HttpRequest, filing_id: int) -> dict[str, Any]:
    return selectors.admin_detail(actor=actor_of(request), filing_id=filing_id)


@router.post(
    "/filings/{filing_id}/request-changes",
    response={200: s.AdminFilingOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="admin_filings_request_changes",
    summary="退回修改（逐项填写修改意见，商户在对应填写项上看到）",
    description="至少一项意见（422 `FILING_CHANGES_EMPTY`）；只在捷晶审核或主管部门办理时可退回"
    "（409 `FILING_WRONG_STATE`）。",
)
@require(REVIEW)
def request_changes(request: HttpRequest, filing_id: int, payload: s.FilingChangesIn) -> dict[str, Any]:
    actor = actor_of(request)
    services.filing_request_changes(actor=actor, filing_id=filing_id, fields=payload.fields, comment=payload.comment)
    return selectors.admin_detail(actor=actor, filing_id=filing_id)


@router.post(
    "/filings/{filing_id}/approve",
    response={200: s.AdminFilingOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="admin_filings_approve",
    summary="办结：记录结果编号（并带入点点通接口配置）",
    description="结果项按类型校验（422 `FILING_RESULTS_INVALID`，`details.fields`）；须先受理并递交"
    "（409 `FILING_WRONG_STATE`）。海关注册编码写入电商企业代码，DXP ID 写入 DXP ID 字段。",
)
@require(REVIEW)
def approve(request: HttpRequest, filing_id: int, payload: s.FilingApproveIn) -> dict[str, Any]:
    actor = actor_of(request)
    services.filing_approve(actor=actor, filing_id=filing_id, results=payload.results)
    return selectors.admin_detail(actor=actor, filing_id=filing_id)


@router.get(
    "/documents/{document_id}/download",
    response={200: None, **error_responses(401, 403, 404)},
    operation_id="admin_filings_document",
    summary="查看商户提交的文件（审核预览）",
    openapi_extra={"responses": {200: {"description": "文件内容", "content": {"application/octet-stream": {}}}}},
)
@require(QUEUE_VIEW)
def document(request: HttpRequest, document_id: int) -> FileResponse:
    doc = selectors.admin_document(actor=actor_of(request), document_id=document_id)
    response = FileResponse(open_stored(doc), filename=doc.original_name, content_type=doc.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
