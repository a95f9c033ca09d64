"""Customs (9610) endpoints: e-order template, upload and validation report, error file, declaring;
and the 点点通 receipt callback."""

import logging
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja import File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import Field

from jmt.core.pagination import paginate
from jmt.core.permissions import PUBLIC, actor_of, require
from jmt.core.schemas import error_responses
from jmt.customs import schemas as s
from jmt.customs import selectors
from jmt.customs.errors import CELL_ERROR_CODES, CustomsError
from jmt.customs.excel.annotate import build_error_workbook
from jmt.customs.excel.template import build_template
from jmt.customs.services.imports import order_import_create, order_import_declare
from jmt.customs.services.receipts import receipt_ingest
from jmt.customs.xml.receipts import ReceiptParseError
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
            errors.extend(s.cell_errors(row.row_no, [e.as_dict() for e in row.errors]))
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
    for row in selectors.import_rows(order_import=order_import, errors_only=True)[: s.MAX_ERRORS_IN_REPORT]:
        errors.extend(s.cell_errors(row.row_no, row.errors))
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
    return page.map(
        lambda row: {
            "row": row.row_no,
            "is_valid": row.is_valid,
            "values": row.data,
            "errors": s.cell_errors(row.row_no, row.errors),
        }
    ).out()


@customs_router.get(
    "/orders/imports/{import_id}/error-file",
    response={200: None, **error_responses(401, 403, 404)},
    operation_id="customs_order_import_error_file",
    summary="下载标注错误的 Excel",
    description="每行保持上传时的行号；出错的单元格标红并附批注说明，最后一列汇总该行的全部错误。",
    openapi_extra=_xlsx_doc("标注错误的电子订单（.xlsx）"),
)
@require(VIEW)
def import_error_file(request: HttpRequest, import_id: int) -> HttpResponse:
    order_import = selectors.order_import_get(actor=actor_of(request), import_id=import_id)
    content = build_error_workbook(selectors.import_error_rows(order_import=order_import))
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
    problem = signing.verify(
        headers=dict(request.headers),
        app_key=settings.CUSTOMS_GATEWAY_APP_KEY,
        secret=settings.CUSTOMS_GATEWAY_APP_SECRET,
        method=request.method or "POST",
        path=request.path,
        body=body,
        max_skew=settings.CUSTOMS_GATEWAY_MAX_SKEW_SECONDS,
    )
    if problem:
        logger.warning("customs callback refused: %s", problem)
        raise CustomsError.signature_invalid()
    try:
        result = receipt_ingest(body, source="callback")
    except ReceiptParseError as exc:
        raise CustomsError.receipt_invalid(str(exc)[:200]) from exc
    logger.info("customs callback stored message %s (duplicate=%s)", result.message_id, result.duplicate_message)
    return HttpResponse("SUCCESS", content_type="text/plain; charset=utf-8")
