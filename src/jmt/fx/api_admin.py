"""结汇管理 (``/admin/fx``, FA): the settlement queue, completing or rejecting a request, the evidence
files, the sub-account balance workbook (F2), and fetching rates now."""

from typing import Any

from django.http import FileResponse, HttpRequest, HttpResponse
from ninja import File, Query, Router, Status
from ninja.files import UploadedFile

from jmt.core.errors import NotFound
from jmt.core.pagination import paginate
from jmt.core.permissions import actor_of, require
from jmt.core.schemas import error_responses
from jmt.documents.selectors import open_stored
from jmt.fx import imports, rates, selectors, services
from jmt.fx import schemas as s
from jmt.fx.errors import FxError
from jmt.fx.flow import QUEUE, QUEUE_VIEW
from jmt.integrations.fx.port import RatesUnavailable

router = Router(tags=["admin-fx"])


@router.get(
    "/settlements",
    response={200: s.SettlementPageOut, **error_responses(401, 403, 422)},
    operation_id="admin_fx_settlements",
    summary="结汇申请队列（按状态、申请编号或商户筛选）",
)
@require(QUEUE_VIEW)
def queue(request: HttpRequest, filters: Query[s.FxQueueFilters]) -> dict[str, Any]:
    rows = selectors.queue(actor=actor_of(request), state=filters.state, q=filters.q.strip() or None)
    return paginate(rows, page=filters.page, page_size=filters.page_size).map(selectors.settlement_out).out()


@router.get(
    "/settlements/counts",
    response={200: s.QueueCountsOut, **error_responses(401, 403)},
    operation_id="admin_fx_settlement_counts",
    summary="各状态的结汇申请数",
)
@require(QUEUE_VIEW)
def counts(request: HttpRequest) -> dict[str, int]:
    return selectors.queue_counts(actor=actor_of(request))


@router.get(
    "/settlements/{settlement_id}",
    response={200: s.AdminSettlementOut, **error_responses(401, 403, 404)},
    operation_id="admin_fx_settlement_get",
    summary="结汇申请详情（含商户当前余额与可用余额）",
)
@require(QUEUE_VIEW)
def detail(request: HttpRequest, settlement_id: int) -> dict[str, Any]:
    return selectors.admin_settlement(actor=actor_of(request), settlement_id=settlement_id)


@router.get(
    "/settlements/{settlement_id}/documents/{document_id}/download",
    response={200: None, **error_responses(401, 403, 404)},
    operation_id="admin_fx_settlement_document",
    summary="查看结汇申请的凭证文件",
    openapi_extra={"responses": {200: {"description": "文件内容", "content": {"application/octet-stream": {}}}}},
)
@require(QUEUE_VIEW)
def document(request: HttpRequest, settlement_id: int, document_id: int) -> FileResponse:
    settlement = selectors.queue(actor=actor_of(request)).filter(pk=settlement_id).first()
    doc = None
    if settlement is not None and document_id in (settlement.statement_document_id, settlement.shipping_document_id):
        doc = (
            settlement.statement_document
            if document_id == settlement.statement_document_id
            else settlement.shipping_document
        )
    if doc is None:
        raise NotFound()
    response = FileResponse(open_stored(doc), filename=doc.original_name, content_type=doc.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@router.post(
    "/settlements/{settlement_id}/complete",
    response={200: s.SettlementOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="admin_fx_settlement_complete",
    summary="完成结汇：填写实际汇率与人民币到账金额，解冻并扣减余额",
)
@require(QUEUE)
def complete(request: HttpRequest, settlement_id: int, payload: s.CompleteIn) -> dict[str, Any]:
    settlement = services.settlement_complete(
        actor=actor_of(request),
        settlement_id=settlement_id,
        actual_rate=payload.actual_rate,
        cny_amount=payload.cny_amount,
    )
    return selectors.settlement_out(settlement)


@router.post(
    "/settlements/{settlement_id}/reject",
    response={200: s.SettlementOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="admin_fx_settlement_reject",
    summary="驳回结汇申请并解除冻结",
)
@require(QUEUE)
def reject(request: HttpRequest, settlement_id: int, payload: s.RejectIn) -> dict[str, Any]:
    settlement = services.settlement_reject(actor=actor_of(request), settlement_id=settlement_id, reason=payload.reason)
    return selectors.settlement_out(settlement)


@router.get(
    "/balance-imports",
    response={200: s.ImportPageOut, **error_responses(401, 403, 422)},
    operation_id="admin_fx_imports",
    summary="子账户余额导入记录",
)
@require(QUEUE_VIEW)
def import_list(request: HttpRequest, query: Query[s.PageQuery]) -> dict[str, Any]:
    rows = selectors.imports(actor=actor_of(request))
    return paginate(rows, page=query.page, page_size=query.page_size).map(selectors.import_out).out()


@router.get(
    "/balance-imports/template",
    response={200: None, **error_responses(401, 403)},
    operation_id="admin_fx_import_template",
    summary="下载子账户余额表模板",
    openapi_extra={
        "responses": {
            200: {
                "description": "Excel 模板",
                "content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}},
            }
        }
    },
)
@require(QUEUE_VIEW)
def import_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        imports.template(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = (
        "attachment; filename*=UTF-8''%E5%AD%90%E8%B4%A6%E6%88%B7%E4%BD%99%E9%A2%9D%E6%A8%A1%E6%9D%BF.xlsx"
    )
    return response


@router.post(
    "/balance-imports",
    response={201: s.ImportOut, **error_responses(401, 403, 413, 422)},
    operation_id="admin_fx_import_upload",
    summary="上传子账户余额表并预览（逐格校验、按信用代码或子账户号匹配商户）",
    description="列：商户、统一社会信用代码、子账户号、币种、余额、余额日期。缺列 422 `FX_IMPORT_HEADERS_MISSING`；"
    "不是 xlsx 422 `FX_IMPORT_FILE_INVALID`。预览不改变任何余额，确认导入后生效。",
)
@require(QUEUE)
def import_upload(request: HttpRequest, file: File[UploadedFile]) -> Status[dict[str, Any]]:
    content = file.read(imports.MAX_FILE_BYTES + 1)
    upload = imports.import_preview(actor=actor_of(request), file_name=file.name or "余额表.xlsx", content=content)
    return Status(201, selectors.import_out(upload))


@router.get(
    "/balance-imports/{import_id}",
    response={200: s.ImportOut, **error_responses(401, 403, 404)},
    operation_id="admin_fx_import_get",
    summary="余额表导入详情",
)
@require(QUEUE_VIEW)
def import_get(request: HttpRequest, import_id: int) -> dict[str, Any]:
    return selectors.import_out(selectors.import_get(actor=actor_of(request), import_id=import_id))


@router.get(
    "/balance-imports/{import_id}/rows",
    response={200: s.ImportRowPageOut, **error_responses(401, 403, 404, 422)},
    operation_id="admin_fx_import_rows",
    summary="余额表预览行（可只看错误行）",
)
@require(QUEUE_VIEW)
def import_rows(request: HttpRequest, import_id: int, query: Query[s.ImportRowsQuery]) -> dict[str, Any]:
    upload = selectors.import_get(actor=actor_of(request), import_id=import_id)
    rows = [r for r in upload.rows if query.status is None or r["status"] == query.status]
    return s.page_of(rows, query.page, query.page_size)


@router.post(
    "/balance-imports/{import_id}/apply",
    response={200: s.ImportOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="admin_fx_import_apply",
    summary="确认导入：写入「余额更新」明细并通知商户",
    description="同一文件只能导入一次（409 `FX_IMPORT_ALREADY_APPLIED`）；错误行不导入；余额未变化的行不写明细。",
)
@require(QUEUE)
def import_apply(request: HttpRequest, import_id: int) -> dict[str, Any]:
    upload = imports.import_apply(actor=actor_of(request), import_id=import_id)
    return selectors.import_out(upload)


@router.post(
    "/rates/refresh",
    response={200: list[s.BoardRowOut], **error_responses(401, 403, 503)},
    operation_id="admin_fx_rates_refresh",
    summary="立即抓取一次汇率（不受营业时间限制）",
)
@require(QUEUE)
def rates_refresh(request: HttpRequest) -> list[dict[str, Any]]:
    try:
        rates.fetch_and_store(during_opening_hours_only=False)
    except RatesUnavailable as exc:
        raise FxError.rates_unavailable(str(exc)) from exc
    return selectors.board(actor=actor_of(request))
