"""退税管理 (``/admin/refunds``): every claim with filters, one claim with its files, the zip, the moves,
offline steps, and the daily status file (upload → preview → confirm)."""

from decimal import Decimal
from typing import Any
from urllib.parse import quote

from django.http import FileResponse, HttpRequest, HttpResponse
from ninja import File, Query, Router, Status
from ninja.files import UploadedFile

from jmt.core.pagination import paginate
from jmt.core.permissions import actor_of, require
from jmt.core.schemas import error_responses
from jmt.documents.selectors import open_stored
from jmt.refunds import package, selectors, services, status_file
from jmt.refunds import schemas as s
from jmt.refunds.flow import MANAGE, MANAGE_VIEW

router = Router(tags=["admin-refunds"])


@router.get(
    "/claims",
    response={200: s.ClaimPageOut, **error_responses(401, 403, 422)},
    operation_id="admin_refunds_list",
    summary="全部退税申报（按商户、状态、出口月份、金额筛选）",
)
@require(MANAGE_VIEW)
def claim_list(request: HttpRequest, filters: Query[s.AdminClaimFilters]) -> dict[str, Any]:
    rows = selectors.admin_claims(
        actor=actor_of(request),
        merchant_id=filters.merchant_id,
        state=filters.state or "",
        q=filters.q,
        month_from=filters.month_from,
        month_to=filters.month_to,
        amount_min=Decimal(str(filters.amount_min)) if filters.amount_min is not None else None,
        amount_max=Decimal(str(filters.amount_max)) if filters.amount_max is not None else None,
    )
    return paginate(rows, page=filters.page, page_size=filters.page_size).map(selectors.claim_row).out()


@router.get(
    "/counts",
    response={200: list[s.ClaimStateCountOut], **error_responses(401, 403)},
    operation_id="admin_refunds_counts",
    summary="各状态的退税申报数",
)
@require(MANAGE_VIEW)
def counts(request: HttpRequest) -> list[dict[str, Any]]:
    return selectors.admin_state_counts(actor=actor_of(request))


@router.get(
    "/claims/{claim_id}",
    response={200: s.ClaimOut, **error_responses(401, 403, 404)},
    operation_id="admin_refunds_get",
    summary="退税申报详情：报关单、材料（可预览）、申报条件、线下办理记录",
)
@require(MANAGE_VIEW)
def claim_get(request: HttpRequest, claim_id: int) -> dict[str, Any]:
    return selectors.claim_out(selectors.admin_claim_get(actor=actor_of(request), claim_id=claim_id), admin=True)


@router.post(
    "/claims/{claim_id}/moves",
    response={200: s.ClaimOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="admin_refunds_move",
    summary="推进退税进度（税务受理 / 审核不通过 / 审核通过 / 确认到账）",
    description="审核不通过须填原因（422 `WORKFLOW_COMMENT_REQUIRED`）；确认到账须填到账金额（422 "
    "`REFUNDS_AMOUNT_REQUIRED`）；当前状态不允许的流转 409 `WORKFLOW_ILLEGAL_TRANSITION`。",
)
@require(MANAGE)
def move(request: HttpRequest, claim_id: int, payload: s.MoveIn) -> dict[str, Any]:
    actor = actor_of(request)
    claim = services.claim_move(
        actor=actor,
        claim_id=claim_id,
        to=payload.to,
        comment=payload.comment,
        refund_received=payload.refund_received,
        received_on=payload.received_on,
    )
    return selectors.claim_out(claim, admin=True)


@router.post(
    "/claims/{claim_id}/offline-steps",
    response={201: s.ClaimOut, **error_responses(401, 403, 404, 422)},
    operation_id="admin_refunds_offline_step",
    summary="记录线下办理事项（附说明）",
)
@require(MANAGE)
def offline_step(request: HttpRequest, claim_id: int, payload: s.OfflineStepIn) -> Status[dict[str, Any]]:
    actor = actor_of(request)
    step = services.offline_step_add(
        actor=actor, claim_id=claim_id, title=payload.title, note=payload.note, done_on=payload.done_on
    )
    return Status(201, selectors.claim_out(step.claim, admin=True))


def _file_response(content: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    response["Cache-Control"] = "private, no-store"
    return response


@router.get(
    "/claims/{claim_id}/package",
    response={200: None, **error_responses(401, 403, 404)},
    operation_id="admin_refunds_package",
    summary="下载整份申报（申报汇总 xlsx + 全部材料，zip）",
    openapi_extra={"responses": {200: {"description": "zip", "content": {"application/zip": {}}}}},
)
@require(MANAGE_VIEW)
def claim_package(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = selectors.admin_claim_get(actor=actor_of(request), claim_id=claim_id)
    return _file_response(package.claim_zip(claim), f"{claim.claim_no}.zip", "application/zip")


@router.get(
    "/documents/{document_id}/download",
    response={200: None, **error_responses(401, 403, 404)},
    operation_id="admin_refunds_document",
    summary="查看退税申报材料原文件（预览）",
    openapi_extra={"responses": {200: {"description": "文件内容", "content": {"application/octet-stream": {}}}}},
)
@require(MANAGE_VIEW)
def document(request: HttpRequest, document_id: int) -> FileResponse:
    doc = selectors.admin_document(actor=actor_of(request), document_id=document_id)
    response = FileResponse(open_stored(doc), filename=doc.original_name, content_type=doc.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@router.post(
    "/status-files",
    response={201: s.StatusFileOut, **error_responses(401, 403, 422)},
    operation_id="admin_refunds_status_upload",
    summary="上传税务机关退税状态文件（预览，不改变任何申报）",
    description="xlsx：报关单号或退税申报编号、状态、日期、金额、说明。返回将要发生的变更、已是该状态的行、"
    "无法匹配的行及原因；`confirmed_today` 非空表示今天已确认过其他文件。",
)
@require(MANAGE)
def status_upload(request: HttpRequest, file: File[UploadedFile]) -> Status[dict[str, Any]]:
    upload = status_file.status_file_preview(actor=actor_of(request), file=file)
    return Status(201, status_file.preview_out(upload))


@router.get(
    "/status-files/template",
    response={200: None, **error_responses(401, 403)},
    operation_id="admin_refunds_status_template",
    summary="下载状态文件模板（xlsx）",
    openapi_extra={"responses": {200: {"description": "xlsx", "content": {status_file.XLSX: {}}}}},
)
@require(MANAGE_VIEW)
def status_template(request: HttpRequest) -> HttpResponse:
    return _file_response(status_file.template(), "退税状态文件模板.xlsx", status_file.XLSX)


@router.get(
    "/status-files/{status_file_id}",
    response={200: s.StatusFileOut, **error_responses(401, 403, 404)},
    operation_id="admin_refunds_status_get",
    summary="状态文件的预览与结果",
)
@require(MANAGE_VIEW)
def status_get(request: HttpRequest, status_file_id: int) -> dict[str, Any]:
    upload = status_file.status_file_get(actor=actor_of(request), status_file_id=status_file_id)
    return status_file.preview_out(upload)


@router.post(
    "/status-files/{status_file_id}/confirm",
    response={200: s.StatusFileOut, **error_responses(401, 403, 404, 409)},
    operation_id="admin_refunds_status_confirm",
    summary="确认导入状态文件：按文件批量推进退税进度",
    description="按当前状态重新匹配后执行；同一份文件再次导入不会改变任何申报。今天已确认过其他文件时返回 409 "
    "`REFUNDS_STATUS_FILE_ALREADY_TODAY`，确认后带 `force=true` 再次提交。",
)
@require(MANAGE)
def status_confirm(request: HttpRequest, status_file_id: int, payload: s.StatusConfirmIn) -> dict[str, Any]:
    upload = status_file.status_file_confirm(
        actor=actor_of(request), status_file_id=status_file_id, force=payload.force
    )
    return status_file.preview_out(upload)
