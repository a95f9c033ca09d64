"""注册与入驻管理 (``/admin/registration``): the queue, one application with its documents and OCR
values side by side. Moves use ``POST /workflow/registration/{id}/transitions``."""

from typing import Any

from django.http import FileResponse, HttpRequest
from ninja import Query, Router

from jmt.core.pagination import paginate
from jmt.core.permissions import actor_of, require
from jmt.core.schemas import error_responses
from jmt.documents.selectors import open_stored
from jmt.registration import schemas as s
from jmt.registration import selectors
from jmt.registration.flow import QUEUE_VIEW

router = Router(tags=["admin-registration"])


@router.get(
    "/applications",
    response={200: s.QueuePageOut, **error_responses(401, 403, 422)},
    operation_id="admin_registration_queue",
    summary="注册与入驻申请队列（按类型、状态、商户、提交日期筛选）",
)
@require(QUEUE_VIEW)
def queue(request: HttpRequest, filters: Query[s.QueueFilters]) -> dict[str, Any]:
    rows = selectors.queue(
        actor=actor_of(request),
        kind=filters.kind,
        state=filters.state,
        q=filters.q,
        submitted_from=filters.submitted_from,
        submitted_to=filters.submitted_to,
        pending=filters.pending,
    )
    return paginate(rows, page=filters.page, page_size=filters.page_size).map(selectors.queue_row).out()


@router.get(
    "/counts",
    response={200: list[s.StateCountOut], **error_responses(401, 403)},
    operation_id="admin_registration_counts",
    summary="各状态的申请数",
)
@require(QUEUE_VIEW)
def counts(request: HttpRequest) -> list[dict[str, Any]]:
    return selectors.queue_counts(actor=actor_of(request))


@router.get(
    "/applications/{application_id}",
    response={200: s.AdminApplicationOut, **error_responses(401, 403, 404)},
    operation_id="admin_registration_get",
    summary="申请详情：填报内容、资料与识别值、可执行的操作",
)
@require(QUEUE_VIEW)
def detail(request: HttpRequest, application_id: int) -> dict[str, Any]:
    return selectors.admin_detail(actor=actor_of(request), application_id=application_id)


@router.get(
    "/documents/{document_id}/download",
    response={200: None, **error_responses(401, 403, 404)},
    operation_id="admin_registration_document",
    summary="查看商户资料原文件（审核预览）",
    openapi_extra={"responses": {200: {"description": "文件内容", "content": {"application/octet-stream": {}}}}},
)
@require(QUEUE_VIEW)
def document(request: HttpRequest, document_id: int) -> FileResponse:
    doc = selectors.admin_document(actor=actor_of(request), document_id=document_id)
    response = FileResponse(open_stored(doc), filename=doc.original_name, content_type=doc.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
