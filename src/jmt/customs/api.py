"""Customs (9610) endpoints: e-order template, upload and validation report, error file, declaring;
and the 点点通 receipt callback."""

import logging
from typing import Any, Literal

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja import File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import Field

from jmt.core.errors import ApiError
from jmt.core.pagination import paginate
from jmt.core.permissions import PUBLIC, actor_of, require
from jmt.core.schemas import error_responses
from jmt.customs import schemas as s
from jmt.customs import selectors
from jmt.customs.codes.receipts import explain, explain_document, explain_receipt
from jmt.customs.downloads import orders_export_create
from jmt.customs.errors import CELL_ERROR_CODES, CustomsError
from jmt.customs.excel.template import build_template
from jmt.customs.services import filings, imports
from jmt.customs.services.gateway import callback_signer
from jmt.customs.services.imports import order_import_create, order_import_declare
from jmt.customs.services.receipts import receipt_ingest
from jmt.customs.xml.receipts import ReceiptParseError
from jmt.downloads.schemas import DownloadOut, download_out
from jmt.integrations.customs_gateway import signing

logger = logging.getLogger("jmt.customs")

customs_router = Router(tags=["customs"])

VIEW = "customs:orders:view"
EDIT = "customs:orders:edit"


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=s.XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return response


def _xlsx_doc(description: str) -> dict[str, Any]:
    return {
        "responses": {
            200: {"description": description, "content": {s.XLSX: {"schema": {"type": "string", "format": "binary"}}}}
        }
    }


def _letters(order_import: Any) -> dict[str, str]:
    return dict((order_import.layout or {}).get("columns") or {})


def _row_out(row: Any, letters: dict[str, str]) -> dict[str, Any]:
    return {
        "id": row.pk,
        "row": row.row_no,
        "is_valid": row.is_valid,
        "is_deleted": row.is_deleted,
        "values": row.data,
        "errors": s.cell_errors(row.row_no, row.errors, letters),
    }


@customs_router.get(
    "/orders/import-template",
    response={200: None, **error_responses(401, 403)},
    operation_id="customs_order_import_template",
    summary="下载电子订单导入模板",
    description="含下拉选择（计量单位、币制、国家来自海关代码表）、填写说明和一行示例。",
    openapi_extra=_xlsx_doc("电子订单模板（.xlsx）"),
)
@require(VIEW)
def import_template(request: HttpRequest) -> HttpResponse:
    selectors.acting_merchant(actor_of(request))
    return _xlsx(build_template(), "%E7%94%B5%E5%AD%90%E8%AE%A2%E5%8D%95%E6%A8%A1%E6%9D%BF.xlsx")


@customs_router.post(
    "/orders/imports",
    response={201: s.ImportReportOut, **error_responses(401, 403, 404, 413, 422)},
    operation_id="customs_order_import_create",
    summary="上传电子订单 Excel 并逐行校验",
    description="解析并校验每一行（必填、代码表、HS 编码、数量×单价=总价、文件内与已申报订单重复、每单 ≤ 100 行），"
    "保存全部行及其错误，返回校验报告。全角数字、多余空格、以文本保存的数字和 Excel 日期序号自动识别。"
    "单元格级错误码：" + "、".join(f"`{code}`" for code in sorted(CELL_ERROR_CODES)),
)
@require(EDIT)
def import_create(
    request: HttpRequest, file: File[UploadedFile], batch_id: Form[int | None] = None
) -> Status[dict[str, Any]]:
    actor = actor_of(request)
    selectors.acting_merchant(actor)
    batch = selectors.batch_get(actor=actor, batch_id=batch_id) if batch_id else None
    if file.size and file.size > settings.CUSTOMS_IMPORT_MAX_BYTES:
        raise CustomsError.import_file_too_large(settings.CUSTOMS_IMPORT_MAX_BYTES)
    result = order_import_create(actor=actor, file_name=file.name or "upload.xlsx", content=file.read(), batch=batch)
    errors: list[dict[str, Any]] = []
    for row in result.outcome.rows:
        if row.errors:
            errors.extend(s.cell_errors(row.row_no, [e.as_dict() for e in row.errors], _letters(result.order_import)))
            if len(errors) >= s.MAX_ERRORS_IN_REPORT:
                break
    truncated = result.order_import.error_count > s.MAX_ERRORS_IN_REPORT
    return Status(201, s.import_report(result.order_import, errors[: s.MAX_ERRORS_IN_REPORT], truncated))


@customs_router.get(
    "/orders/imports/{import_id}",
    response={200: s.ImportReportOut, **error_responses(401, 403, 404)},
    operation_id="customs_order_import_get",
    summary="查看电子订单导入的校验报告",
)
@require(VIEW)
def import_get(request: HttpRequest, import_id: int) -> dict[str, Any]:
    order_import = selectors.order_import_get(actor=actor_of(request), import_id=import_id)
    errors: list[dict[str, Any]] = []
    rows = selectors.import_rows(order_import=order_import, errors_only=True, include_deleted=False)
    for row in rows[: s.MAX_ERRORS_IN_REPORT]:
        errors.extend(s.cell_errors(row.row_no, row.errors, _letters(order_import)))
    truncated = order_import.error_count > s.MAX_ERRORS_IN_REPORT
    return s.import_report(order_import, errors[: s.MAX_ERRORS_IN_REPORT], truncated)


class RowsQuery(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(50, ge=1, le=100)
    errors_only: bool = False


@customs_router.get(
    "/orders/imports/{import_id}/rows",
    response={200: s.ImportRowsPage, **error_responses(401, 403, 404)},
    operation_id="customs_order_import_rows",
    summary="逐行查看导入数据与错误（预览表格）",
)
@require(VIEW)
def import_rows(request: HttpRequest, import_id: int, query: Query[RowsQuery]) -> dict[str, Any]:
    order_import = selectors.order_import_get(actor=actor_of(request), import_id=import_id)
    rows = selectors.import_rows(order_import=order_import, errors_only=query.errors_only)
    page = paginate(rows, page=query.page, page_size=query.page_size)
    letters = _letters(order_import)
    return page.map(lambda row: _row_out(row, letters)).out()


@customs_router.get(
    "/orders/imports/{import_id}/error-file",
    response={200: None, **error_responses(401, 403, 404)},
    operation_id="customs_order_import_error_file",
    summary="下载标注错误的 Excel",
    description="就是上传的工作簿本身（其他工作表、额外的列、下拉选择、数字格式原样保留），只加标注："
    "出错的单元格标红并附批注说明，表头行之后新增「错误说明」列汇总该行的全部错误；在预览中删除的行注明不申报。",
    openapi_extra=_xlsx_doc("标注错误的电子订单（.xlsx）"),
)
@require(VIEW)
def import_error_file(request: HttpRequest, import_id: int) -> HttpResponse:
    order_import = selectors.order_import_get(actor=actor_of(request), import_id=import_id)
    content = imports.error_file(order_import)
    return _xlsx(content, f"import-{order_import.pk}-errors.xlsx")


@customs_router.post(
    "/orders/imports/{import_id}/declare",
    response={200: s.DeclareOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="customs_order_import_declare",
    summary="申报导入中全部校验通过的订单",
    description="为每个全部行都通过校验的订单生成电子订单、物流运单和申报清单，并把订单与运单放入发送队列；"
    "清单在订单和运单都海关入库（120）后自动申报。"
    "`all_or_nothing` 为真时，有任何错误行就不申报（409 `CUSTOMS_NOTHING_TO_DECLARE`）。",
)
@require(EDIT)
def import_declare(request: HttpRequest, import_id: int, payload: s.DeclareIn) -> dict[str, int]:
    actor = actor_of(request)
    order_import = selectors.order_import_get(actor=actor, import_id=import_id)
    batch = selectors.batch_get(actor=actor, batch_id=payload.batch_id)
    report = order_import_declare(
        actor=actor, order_import=order_import, batch=batch, all_or_nothing=payload.all_or_nothing
    )
    return {"messages": report.messages, "documents": report.documents}


@customs_router.post(
    "/gateway/callback",
    auth=None,
    response={200: None, **error_responses(400, 401)},
    operation_id="customs_gateway_callback",
    summary="点点通回执推送（网关调用）",
    description="请求体为海关回执报文 XML（CEB304/506/604/606/608/702/792/900），按签名规则校验 "
    "`X-App-Key`、`X-Timestamp`、`X-Nonce`、`X-Signature`。回执保存成功后才返回纯文本 `SUCCESS`；"
    "网关在收到 `SUCCESS` 之前会重试，重复推送不会重复处理。",
    openapi_extra={
        "requestBody": {"content": {"application/xml": {"schema": {"type": "string"}}}, "required": True},
        "responses": {200: {"description": "已保存", "content": {"text/plain": {"example": "SUCCESS"}}}},
    },
)
@require(PUBLIC)
def gateway_callback(request: HttpRequest) -> HttpResponse:
    body = request.body
    # A merchant's own 点点通 account signs with its key; the platform's account with the settings' key.
    signer = callback_signer(request.headers.get(signing.APP_KEY_HEADER, ""))
    problem = signing.verify(
        headers=dict(request.headers),
        app_key=signer.app_key,
        secret=signer.secret,
        method=request.method or "POST",
        path=request.path,
        body=body,
        max_skew=settings.CUSTOMS_GATEWAY_MAX_SKEW_SECONDS,
    )
    if problem:
        logger.warning("customs callback refused: %s", problem)
        raise CustomsError.signature_invalid()
    try:
        # Signed by a merchant's account: its receipts may change that merchant's documents only.
        result = receipt_ingest(body, source="callback", signer_merchant_id=signer.merchant_id)
    except ReceiptParseError as exc:
        raise CustomsError.receipt_invalid(str(exc)[:200]) from exc
    logger.info("customs callback stored message %s (duplicate=%s)", result.message_id, result.duplicate_message)
    if result.refused:
        logger.warning(
            "customs callback message %s: %s receipts refused (signed by merchant %s, documents of another)",
            result.message_id,
            result.refused,
            signer.merchant_id,
        )
    return HttpResponse("SUCCESS", content_type="text/plain; charset=utf-8")


# --- grid editing ---------------------------------------------------------------------------------


@customs_router.patch(
    "/orders/imports/{import_id}/rows/{importrow_id}",
    response={200: s.ImportRowOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="customs_order_import_row_update",
    summary="在预览表格中修改一行（逐格更正）",
    description="修改的单元格按上传时同样的规则规范化并重新校验；同一订单的其他行、同运单号的行以及已申报的订单会一起复核"
    "（订单级信息一致、商品重复、运单号重复、订单/运单已申报）。导入的统计随之更新。已申报的导入不能修改"
    "（409 `CUSTOMS_IMPORT_DECLARED`）。",
)
@require(EDIT)
def import_row_update(
    request: HttpRequest, import_id: int, importrow_id: int, payload: s.ImportRowPatchIn
) -> dict[str, Any]:
    actor = actor_of(request)
    order_import = selectors.order_import_get(actor=actor, import_id=import_id)
    row = imports.import_row_update(actor=actor, order_import=order_import, row_id=importrow_id, changes=payload.values)
    return _row_out(row, _letters(order_import))


@customs_router.post(
    "/orders/imports/{import_id}/rows/{importrow_id}/delete",
    response={200: s.ImportRowOut, **error_responses(401, 403, 404, 409)},
    operation_id="customs_order_import_row_delete",
    summary="在预览表格中删除一行（不申报，可恢复）",
    description="删除的行不参加申报和统计；同一订单、同运单号的其他行重新复核（如删除重复行后另一行恢复正常）。"
    "已申报的导入不能修改（409 `CUSTOMS_IMPORT_DECLARED`）。",
)
@require(EDIT)
def import_row_delete(request: HttpRequest, import_id: int, importrow_id: int) -> dict[str, Any]:
    actor = actor_of(request)
    order_import = selectors.order_import_get(actor=actor, import_id=import_id)
    row = imports.import_row_set_deleted(actor=actor, order_import=order_import, row_id=importrow_id, deleted=True)
    return _row_out(row, _letters(order_import))


@customs_router.post(
    "/orders/imports/{import_id}/rows/{importrow_id}/restore",
    response={200: s.ImportRowOut, **error_responses(401, 403, 404, 409)},
    operation_id="customs_order_import_row_restore",
    summary="恢复在预览中删除的一行",
    description="恢复的行重新校验，并与同一订单、同运单号的行一起复核。",
)
@require(EDIT)
def import_row_restore(request: HttpRequest, import_id: int, importrow_id: int) -> dict[str, Any]:
    actor = actor_of(request)
    order_import = selectors.order_import_get(actor=actor, import_id=import_id)
    row = imports.import_row_set_deleted(actor=actor, order_import=order_import, row_id=importrow_id, deleted=False)
    return _row_out(row, _letters(order_import))


# --- declared orders ------------------------------------------------------------------------------


def _explained(explanation: Any, code: str) -> dict[str, str]:
    return {"code": code, **explanation.as_dict()}


def _doc_status(kind: str, doc: Any) -> dict[str, str]:
    return _explained(explain_document(kind, doc), doc.return_status or doc.status)


def _order_row(order: Any) -> dict[str, Any]:
    inventory = selectors.inventory_of(order)
    kind, doc = selectors.order_overall(order)
    return {
        "id": order.pk,
        "order_no": order.order_no,
        "batch_id": order.batch_id,
        "batch_name": order.batch.name if order.batch else "",
        "logistics_no": inventory.logistics_no if inventory else "",
        "invt_no": inventory.invt_no if inventory else "",
        "goods_value": order.goods_value,
        "currency": order.currency,
        "created_at": order.created_at,
        "status": _doc_status(kind, doc),
        "status_of": kind,
        "order_status": _doc_status("order", order),
        "logistics_status": _doc_status("logistics", inventory.logistics) if inventory else None,
        "inventory_status": _doc_status("inventory", inventory) if inventory else None,
    }


class OrdersQuery(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(20, ge=1, le=100)
    batch_id: int | None = None
    status: str = Field("", description="problem / in_progress / cleared / released / closed / cancelled")
    search: str = Field("", description="订单编号、清单编号或运单号")


@customs_router.get(
    "/orders",
    response={200: s.OrdersPage, **error_responses(401, 403)},
    operation_id="customs_orders_list",
    summary="已申报订单及其状态",
    description="每个订单一个状态（有问题的单证优先，其次清单，最后订单），附回执的白话解释和下一步。",
)
@require(VIEW)
def orders_list(request: HttpRequest, query: Query[OrdersQuery]) -> dict[str, Any]:
    rows = selectors.orders(actor=actor_of(request), batch_id=query.batch_id, status=query.status, search=query.search)
    return paginate(rows, page=query.page, page_size=query.page_size).map(_order_row).out()


class OrdersExportQuery(Schema):
    batch_id: int | None = None
    status: str = Field("", description="problem / in_progress / cleared / released / closed / cancelled")
    search: str = Field("", max_length=100, description="订单编号、清单编号或运单号")
    format: Literal["xlsx", "csv"] = "xlsx"


@customs_router.post(
    "/orders/export",
    response={202: DownloadOut, **error_responses(401, 403, 422)},
    operation_id="customs_orders_export",
    summary="导出已申报订单与清单（Excel / CSV）：加入下载中心",
    description="筛选条件同列表。文件在后台生成，进度见下载中心，完成后发站内信。",
)
@require(VIEW, allow_while_impersonating=True)  # a read: the file goes to the viewed user's download center
def orders_export(request: HttpRequest, query: Query[OrdersExportQuery]) -> Status[dict[str, Any]]:
    params = query.model_dump(mode="json", exclude={"format"})
    download = orders_export_create(actor=actor_of(request), params=params, file_format=query.format)
    return Status(202, download_out(download))


class CountsQuery(Schema):
    batch_id: int | None = None


@customs_router.get(
    "/orders/status-counts",
    response={200: s.OrderCountsOut, **error_responses(401, 403)},
    operation_id="customs_orders_counts",
    summary="订单状态统计（页头）",
)
@require(VIEW)
def orders_counts(request: HttpRequest, query: Query[CountsQuery]) -> dict[str, int]:
    return selectors.order_counts(actor=actor_of(request), batch_id=query.batch_id)


@customs_router.get(
    "/orders/{order_id}",
    response={200: s.OrderDetailOut, **error_responses(401, 403, 404)},
    operation_id="customs_order_get",
    summary="订单详情与时间线（从上传到结关）",
)
@require(VIEW)
def order_get(request: HttpRequest, order_id: int) -> dict[str, Any]:
    order = selectors.order_get(actor=actor_of(request), order_id=order_id)
    inventory = selectors.inventory_of(order)
    return {
        **_order_row(order),
        "ebp_code": order.ebp_code,
        "ebp_name": order.ebp_name,
        "pre_no": inventory.pre_no if inventory else "",
        "lines": list(order.lines.order_by("gnum")),
        "timeline": selectors.order_timeline(order),
    }


def _receipts(kind: str, doc: Any) -> list[dict[str, Any]]:
    return [
        {
            "message_type": r.message_type,
            "return_status": r.return_status,
            "return_time": selectors.parse_return_time(r.return_time),
            "return_info": r.return_info,
            "applied": r.applied,
            "explained": _explained(
                explain_receipt(kind, r.message_type, r.return_status, r.return_info), r.return_status
            ),
        }
        for r in selectors.receipts_of(kind, doc)
    ]


# --- 清单总分单 (C3) --------------------------------------------------------------------------------


def _manifest(waybill: Any) -> dict[str, Any]:
    return {
        "id": waybill.pk,
        "batch_id": waybill.batch_id,
        "batch_name": waybill.batch.name if waybill.batch else "",
        "cop_no": waybill.cop_no,
        "pre_no": waybill.pre_no,
        "traf_name": waybill.traf_name,
        "voyage_no": waybill.voyage_no,
        "bill_no": waybill.bill_no,
        "domestic_traf_no": waybill.domestic_traf_no,
        "logistics_code": waybill.logistics_code,
        "logistics_name": waybill.logistics_name,
        "gross_weight": s.plain(waybill.gross_weight),
        "waybill_count": waybill.lines.count(),
        "app_type": waybill.app_type,
        "app_type_label": waybill.get_app_type_display(),
        "created_at": waybill.created_at,
        "status": _doc_status("waybill", waybill),
    }


def _manifest_batch(batch: Any) -> dict[str, Any]:
    state = filings.manifest_state(batch)
    return {
        "batch_id": batch.pk,
        "batch_name": batch.name,
        "active_inventories": state["active"],
        "released_inventories": state["released"],
        "all_released": state["all_released"],
        "ready": state["ready"],
        "pending_logistics_nos": [inv.logistics_no for inv in state["pending"]],
        "filed": state["filed"],
        "traf_name": batch.traf_name,
        "voyage_no": batch.voyage_no,
        "bill_no": batch.bill_no,
    }


@customs_router.get(
    "/manifests",
    response={200: s.ManifestsOut, **error_responses(401, 403)},
    operation_id="customs_manifests_list",
    summary="清单总分单：各批次是否可以提交，以及已提交的总分单",
)
@require("customs:manifests:view")
def manifests_list(request: HttpRequest) -> dict[str, Any]:
    actor = actor_of(request)
    batches = list(selectors.batches_with_inventories(actor=actor)[:50])
    return {
        "batches": [_manifest_batch(batch) for batch in batches],
        "items": [_manifest(w) for w in selectors.waybills(actor=actor)[:100]],
    }


@customs_router.post(
    "/manifests",
    response={201: list[s.ManifestOut], **error_responses(401, 403, 404, 409, 422)},
    operation_id="customs_manifest_create",
    summary="一键提交清单总分单",
    description="系统自动关联批次中已放行、尚未进入总分单的全部运单（每个物流企业一份总分单），只需填写运输工具名称、"
    "航班航次号、提运单号；生成并校验 CEB607 报文后放入发送队列。没有可关联的运单时 409 `CUSTOMS_MANIFEST_NOT_READY`。",
)
@require("customs:manifests:edit")
def manifest_create(request: HttpRequest, payload: s.ManifestIn) -> Status[list[dict[str, Any]]]:
    actor = actor_of(request)
    batch = selectors.batch_get(actor=actor, batch_id=payload.batch_id)
    created = filings.manifest_create(
        actor=actor,
        batch=batch,
        traf_name=payload.traf_name,
        voyage_no=payload.voyage_no,
        bill_no=payload.bill_no,
        domestic_traf_no=payload.domestic_traf_no,
    )
    return Status(201, [_manifest(w) for w in created])


@customs_router.get(
    "/manifests/{waybill_id}",
    response={200: s.ManifestDetailOut, **error_responses(401, 403, 404)},
    operation_id="customs_manifest_get",
    summary="清单总分单详情与回执",
)
@require("customs:manifests:view")
def manifest_get(request: HttpRequest, waybill_id: int) -> dict[str, Any]:
    waybill = selectors.waybill_get(actor=actor_of(request), waybill_id=waybill_id)
    return {
        **_manifest(waybill),
        "logistics_nos": list(waybill.lines.order_by("gnum").values_list("logistics_no", flat=True)),
        "receipts": _receipts("waybill", waybill),
    }


# --- 汇总申请单 (C4) --------------------------------------------------------------------------------


def _summary(summary: Any) -> dict[str, Any]:
    month = filings.summary_month(summary)
    return {
        "id": summary.pk,
        "month": month,
        "cop_no": summary.cop_no,
        "sum_no": summary.sum_no,
        "entry_id": summary.entry_id,
        "inventories": summary.lines.count(),
        "customs_code": summary.customs_code,
        "due_date": filings.due_date_of(month) if month else summary.created_at.date(),
        "created_at": summary.created_at,
        "status": _explained(explain("summary", "792", ""), "792")
        if summary.entry_id
        else _doc_status("summary", summary),
    }


@customs_router.get(
    "/summaries",
    response={200: s.SummariesOut, **error_responses(401, 403)},
    operation_id="customs_summaries_list",
    summary="汇总申请：待汇总的月份与已提交的汇总申请单",
    description="待汇总：按结关月份和申报地海关，列出已结关（B 类）、尚未汇总的清单数与截止日（次月 15 日）。",
)
@require("customs:summaries:view")
def summaries_list(request: HttpRequest) -> dict[str, Any]:
    actor = actor_of(request)
    merchant = selectors.acting_merchant(actor)
    return {
        "candidates": filings.summary_candidates_for_merchant(merchant),
        "items": [_summary(x) for x in selectors.summaries(actor=actor)[:100]],
    }


@customs_router.post(
    "/summaries",
    response={201: s.SummaryRowOut, **error_responses(401, 403, 409, 422)},
    operation_id="customs_summary_create",
    summary="按月生成并提交汇总申请单",
    description="把该月已结关、尚未汇总的清单做成一份汇总申请单（CEB701）并放入发送队列；海关回执 CEB702 与汇总结果 "
    "CEB792（含报关单号）会自动更新。该月没有可汇总的清单时 409 `CUSTOMS_SUMMARY_NOTHING`。",
)
@require("customs:summaries:edit")
def summary_create(request: HttpRequest, payload: s.SummaryIn) -> Status[dict[str, Any]]:
    actor = actor_of(request)
    merchant = selectors.acting_merchant(actor)
    summary = filings.summary_create(
        actor=actor, merchant=merchant, month=payload.month, customs_code=payload.customs_code
    )
    return Status(201, _summary(summary))


@customs_router.get(
    "/summaries/{summary_apply_id}",
    response={200: s.SummaryDetailOut, **error_responses(401, 403, 404)},
    operation_id="customs_summary_get",
    summary="汇总申请单详情：回执、汇总结果与报关单号",
)
@require("customs:summaries:view")
def summary_get(request: HttpRequest, summary_apply_id: int) -> dict[str, Any]:
    summary = selectors.summary_get(actor=actor_of(request), summary_apply_id=summary_apply_id)
    return {
        **_summary(summary),
        "invt_nos": list(summary.lines.order_by("invt_no").values_list("invt_no", flat=True)),
        "gross_weight": s.plain(filings.summary_gross_weight(summary)),
        "receipts": _receipts("summary", summary),
        "results": [
            {
                "entry_id": r.entry_id,
                "dec_state": r.dec_state,
                "op_date": selectors.parse_return_time(r.op_date),
                "gross_weight": s.plain(r.gross_weight),
                "net_weight": s.plain(r.net_weight),
                "lines": len(r.lines),
            }
            for r in summary.results.order_by("pk")
        ],
    }


# --- 撤销申请单 (C5) --------------------------------------------------------------------------------

CANCEL_PROGRESS = {
    "draft": 10, "queued": 20, "sent": 40, "staged": 50, "declaring": 50, "sent_to_customs": 60,
    "stored": 75, "cleared": 100, "rejected": 100, "error": 100, "customs_send_failed": 100,
    "needs_attention": 20, "withdrawn": 100,
}  # fmt: skip


def _cancel(cancel: Any) -> dict[str, Any]:
    inventory = cancel.inventory
    return {
        "id": cancel.pk,
        "invt_no": cancel.invt_no,
        "inventory_guid": inventory.guid,
        "order_no": inventory.order_no,
        "ebc_code": cancel.ebc_code,
        "ebc_name": cancel.ebc_name,
        "cop_name": inventory.batch.cop_name if inventory.batch else "",
        "reason": cancel.reason,
        "pre_no": cancel.pre_no,
        "created_at": cancel.created_at,
        "sends_at": filings.cancel_sends_at(cancel),
        "withdrawable": cancel.status in filings.WITHDRAWABLE,
        "progress": CANCEL_PROGRESS.get(cancel.status, 50),
        "status": _explained(filings.explain_cancel(cancel), cancel.return_status or cancel.status),
    }


class CancelsQuery(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(20, ge=1, le=100)
    invt_no: str = Field("", description="按清单编号搜索")


@customs_router.get(
    "/cancels",
    response={200: s.CancelsPage, **error_responses(401, 403)},
    operation_id="customs_cancels_list",
    summary="撤销申请单列表（可按清单编号搜索）",
)
@require("customs:cancels:view")
def cancels_list(request: HttpRequest, query: Query[CancelsQuery]) -> dict[str, Any]:
    rows = selectors.cancels(actor=actor_of(request), invt_no=query.invt_no)
    return paginate(rows, page=query.page, page_size=query.page_size).map(_cancel).out()


class PrefillQuery(Schema):
    invt_no: str = Field(min_length=1, max_length=20)


@customs_router.get(
    "/cancels/prefill",
    response={200: s.CancelPrefillOut, **error_responses(401, 403, 422)},
    operation_id="customs_cancel_prefill",
    summary="按清单编号带出撤销申请单的其余字段",
    description="guid、电商企业代码、报文传输的企业名称由系统从清单带出，并说明这票清单现在能否撤销。",
)
@require("customs:cancels:view")
def cancel_prefill(request: HttpRequest, query: Query[PrefillQuery]) -> dict[str, Any]:
    inventory = selectors.inventory_by_invt_no(actor=actor_of(request), invt_no=query.invt_no)
    if inventory is None:
        raise CustomsError.invt_no_unknown(query.invt_no)
    refusal = ""
    try:
        filings.cancel_check(inventory)
    except ApiError as exc:
        refusal = exc.message
    return {**filings.cancel_prefill(inventory), "cancellable": not refusal, "refusal": refusal}


@customs_router.post(
    "/cancels",
    response={201: s.CancelOut, **error_responses(401, 403, 409, 422)},
    operation_id="customs_cancel_create",
    summary="提交撤销申请单",
    description="只需清单编号和撤销原因，其余字段从清单带出。只有已审结、尚未结关（且未汇总）的清单可以撤销。"
    "提交后先排队等待（`CUSTOMS_CANCEL_GRACE_SECONDS`，默认 5 分钟，`sends_at` 为发出时刻），期间可「不再撤销」；"
    "之后发往海关（CEB605），回执 CEB606 自动更新进度。",
)
@require("customs:cancels:edit")
def cancel_create(request: HttpRequest, payload: s.CancelIn) -> Status[dict[str, Any]]:
    actor = actor_of(request)
    inventory = selectors.inventory_by_invt_no(actor=actor, invt_no=payload.invt_no)
    if inventory is None:
        raise CustomsError.invt_no_unknown(payload.invt_no)
    cancel = filings.cancel_create(actor=actor, inventory=inventory, reason=payload.reason)
    cancel = selectors.cancel_get(actor=actor, invtcancel_id=cancel.pk)
    return Status(201, _cancel(cancel))


@customs_router.get(
    "/cancels/{invtcancel_id}",
    response={200: s.CancelDetailOut, **error_responses(401, 403, 404)},
    operation_id="customs_cancel_get",
    summary="撤销申请单详情与回执",
)
@require("customs:cancels:view")
def cancel_get(request: HttpRequest, invtcancel_id: int) -> dict[str, Any]:
    cancel = selectors.cancel_get(actor=actor_of(request), invtcancel_id=invtcancel_id)
    return {**_cancel(cancel), "receipts": _receipts("cancel", cancel)}


@customs_router.post(
    "/cancels/{invtcancel_id}/withdraw",
    response={200: s.CancelOut, **error_responses(401, 403, 404, 409)},
    operation_id="customs_cancel_withdraw",
    summary="不再撤销（收回尚未发往海关的撤销申请）",
    description="撤销申请在发往海关之前（排队的 5 分钟内）可以收回，清单按原状态继续。已发往海关的撤销申请无法收回"
    "（海关报文没有撤回撤销申请的方式），409 `CUSTOMS_CANCEL_NOT_WITHDRAWABLE`；海关退回时清单同样按原状态继续。",
)
@require("customs:cancels:edit")
def cancel_withdraw(request: HttpRequest, invtcancel_id: int) -> dict[str, Any]:
    actor = actor_of(request)
    cancel = selectors.cancel_get(actor=actor, invtcancel_id=invtcancel_id)
    filings.cancel_withdraw(actor=actor, cancel=cancel)
    return _cancel(selectors.cancel_get(actor=actor, invtcancel_id=invtcancel_id))
