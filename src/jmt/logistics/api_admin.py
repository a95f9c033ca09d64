"""物流管理 (``/admin/logistics``, LA): carrier maintenance, the order list with filters, handled flags,
tracking numbers one by one or from a sheet, and exports."""

from typing import Any

from django.http import FileResponse, HttpRequest
from ninja import File, Query, Router, Status
from ninja.files import UploadedFile

from jmt.core.pagination import paginate
from jmt.core.permissions import actor_of, require
from jmt.core.schemas import error_responses
from jmt.downloads.schemas import DownloadOut, download_out
from jmt.downloads.services import download_create
from jmt.logistics import schemas as s
from jmt.logistics import selectors, services
from jmt.logistics.downloads import SHIPMENTS
from jmt.logistics.errors import LogisticsError
from jmt.logistics.flow import QUEUE_VIEW, TRACK
from jmt.logistics.sheet import read_sheet

router = Router(tags=["admin-logistics"])
SHEET_MAX_BYTES = 5 * 1024 * 1024


@router.get(
    "/carriers",
    response={200: list[s.CarrierAdminOut], **error_responses(401, 403)},
    operation_id="admin_logistics_carriers",
    summary="物流渠道维护：全部渠道（含已终止）",
)
@require(QUEUE_VIEW)
def carriers(request: HttpRequest) -> list[dict[str, Any]]:
    return selectors.carriers_admin()


def _values(payload: s.CarrierIn) -> dict[str, Any]:
    values = payload.dict()
    values["zones"] = [
        {
            k: (str(v) if v is not None and k not in ("name", "countries", "transit_min", "transit_max") else v)
            for k, v in z.items()
        }
        for z in values["zones"]
    ]
    for zone in values["zones"]:
        zone["countries"] = [c.upper() for c in zone["countries"]]
    return values


@router.post(
    "/carriers",
    response={201: s.CarrierAdminOut, **error_responses(401, 403, 409, 422)},
    operation_id="admin_logistics_carrier_create",
    summary="新增物流渠道",
)
@require(TRACK)
def carrier_create(request: HttpRequest, payload: s.CarrierIn) -> Status[dict[str, Any]]:
    carrier = services.carrier_save(actor=actor_of(request), carrier_id=None, values=_values(payload))
    return Status(201, selectors.carrier_admin_out(carrier))


@router.put(
    "/carriers/{carrier_id}",
    response={200: s.CarrierAdminOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="admin_logistics_carrier_update",
    summary="修改物流渠道（价格表、限制、状态等）",
    description="暂停或终止须填写原因，商户下单时看到该原因；已有运单仍可查看与跟踪。",
)
@require(TRACK)
def carrier_update(request: HttpRequest, carrier_id: int, payload: s.CarrierIn) -> dict[str, Any]:
    carrier = services.carrier_save(actor=actor_of(request), carrier_id=carrier_id, values=_values(payload))
    return selectors.carrier_admin_out(carrier)


@router.get(
    "/agreement-files",
    response={200: s.AgreementFilePageOut, **error_responses(401, 403, 422)},
    operation_id="admin_logistics_agreement_files",
    summary="已上传的物流合作协议文件（从已上传文件中选择）",
)
@require(QUEUE_VIEW)
def agreement_files(request: HttpRequest, filters: Query[s.AgreementFileFilters]) -> dict[str, Any]:
    rows = selectors.agreement_files(filters.q)
    return paginate(rows, page=filters.page, page_size=filters.page_size).map(selectors.agreement_out).out()


@router.post(
    "/agreement-files",
    response={201: s.AgreementFileOut, **error_responses(401, 403, 422)},
    operation_id="admin_logistics_agreement_upload",
    summary="上传物流合作协议文件",
    description="按文件内容识别类型，只接受 PDF、JPG、PNG、XLSX；改扩展名的其他文件返回 422 "
    "`DOCUMENT_TYPE_NOT_ALLOWED`，空文件 `DOCUMENT_EMPTY`，超过上限 `DOCUMENT_TOO_LARGE`。"
    "上传后在渠道的「合作协议」中选用并保存。",
)
@require(TRACK)
def agreement_upload(request: HttpRequest, file: File[UploadedFile]) -> Status[dict[str, Any]]:
    row = services.agreement_upload(actor=actor_of(request), file=file)
    return Status(201, selectors.agreement_out(row))


@router.get(
    "/agreement-files/{agreement_file_id}/download",
    response={200: None, **error_responses(401, 403, 404)},
    operation_id="admin_logistics_agreement_download",
    summary="下载物流合作协议文件",
    description="文件只经此接口下载（后台账号且有物流管理查看权限），每次下载记入操作日志。",
    openapi_extra={"responses": {200: {"description": "文件内容", "content": {"application/octet-stream": {}}}}},
)
@require(QUEUE_VIEW)
def agreement_download(request: HttpRequest, agreement_file_id: int) -> FileResponse:
    row, handle = services.agreement_open(actor=actor_of(request), agreement_file_id=agreement_file_id)
    response = FileResponse(handle, as_attachment=True, filename=row.original_name, content_type=row.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _admin_rows(request: HttpRequest, f: s.AdminShipmentFilters) -> Any:
    return selectors.filtered(
        selectors.shipments(actor=actor_of(request)),
        q_=f.q,
        state=f.state,
        carrier_id=f.carrier_id,
        handled=f.handled,
        country=f.country,
        created_from=f.created_from,
        created_to=f.created_to,
    )


@router.get(
    "/shipments",
    response={200: s.ShipmentPageOut, **error_responses(401, 403, 422)},
    operation_id="admin_logistics_shipments",
    summary="物流订单（按状态、渠道、处理情况、国家、日期筛选）",
)
@require(QUEUE_VIEW)
def shipments(request: HttpRequest, filters: Query[s.AdminShipmentFilters]) -> dict[str, Any]:
    rows = _admin_rows(request, filters)
    return paginate(rows, page=filters.page, page_size=filters.page_size).map(selectors.shipment_row).out()


@router.get(
    "/shipments/counts",
    response={200: list[s.ShipmentStateCountOut], **error_responses(401, 403)},
    operation_id="admin_logistics_counts",
    summary="各状态的运单数",
)
@require(QUEUE_VIEW)
def counts(request: HttpRequest) -> list[dict[str, Any]]:
    return selectors.state_counts(selectors.shipments(actor=actor_of(request)))


@router.post(
    "/shipments/export",
    response={202: DownloadOut, **error_responses(401, 403, 422)},
    operation_id="admin_logistics_export",
    summary="导出物流订单（Excel / CSV）：加入下载中心",
    description="筛选条件同列表。文件在后台生成（进度见下载中心），完成后发站内信；Excel 以常量内存模式写入。",
)
@require(QUEUE_VIEW)
def export_shipments(request: HttpRequest, query: Query[s.ExportQuery]) -> Status[dict[str, Any]]:
    actor = actor_of(request)
    services.shipments_export_record(actor=actor, file_format=query.format)
    download = download_create(
        actor=actor, kind=SHIPMENTS, params=query.model_dump(mode="json"), file_format=query.format
    )
    return Status(202, download_out(download))


@router.post(
    "/shipments/mark",
    response={200: s.MarkOut, **error_responses(401, 403, 404, 422)},
    operation_id="admin_logistics_mark",
    summary="批量标记 未处理 / 已处理",
)
@require(TRACK)
def mark(request: HttpRequest, payload: s.MarkIn) -> dict[str, Any]:
    changed = services.shipments_mark(
        actor=actor_of(request), shipment_ids=payload.shipment_ids, handled=payload.handled
    )
    return {"changed": changed}


@router.get(
    "/shipments/{shipment_id}",
    response={200: s.ShipmentOut, **error_responses(401, 403, 404)},
    operation_id="admin_logistics_shipment_get",
    summary="物流订单详情（含包装提示与轨迹）",
)
@require(QUEUE_VIEW)
def shipment_get(request: HttpRequest, shipment_id: int) -> dict[str, Any]:
    actor = actor_of(request)
    return selectors.shipment_out(selectors.shipment_get(actor=actor, shipment_id=shipment_id), actor=actor)


@router.put(
    "/shipments/{shipment_id}/tracking-no",
    response={200: s.ShipmentOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="admin_logistics_tracking_no",
    summary="录入承运商运单号（随后自动登记轨迹查询）",
)
@require(TRACK)
def tracking_no(request: HttpRequest, shipment_id: int, payload: s.TrackingNoIn) -> dict[str, Any]:
    actor = actor_of(request)
    shipment = services.tracking_no_set(actor=actor, shipment_id=shipment_id, tracking_no=payload.tracking_no)
    return selectors.shipment_out(shipment, actor=actor)


@router.post(
    "/tracking-sheet/preview",
    response={200: s.SheetPreviewOut, **error_responses(401, 403, 413, 422)},
    operation_id="admin_logistics_sheet_preview",
    summary="上传运单号表格并预览匹配结果",
    description="表头须含「运单编号」「承运商运单号」；支持 .xlsx 与 .csv。预览不写入任何数据。",
)
@require(TRACK)
def sheet_preview(request: HttpRequest, file: File[UploadedFile]) -> dict[str, Any]:
    if (file.size or 0) > SHEET_MAX_BYTES:
        raise LogisticsError.sheet_invalid("表格过大（最大 5 MB）")
    rows = read_sheet(file.name or "", file.read())
    verdicts = services.sheet_check(rows, actor=actor_of(request))
    ok = sum(1 for v in verdicts if v["ok"])
    return {"rows": verdicts, "ok": ok, "bad": len(verdicts) - ok}


@router.post(
    "/tracking-sheet/apply",
    response={200: s.SheetApplyOut, **error_responses(401, 403, 422)},
    operation_id="admin_logistics_sheet_apply",
    summary="按预览结果录入运单号（有不能匹配的行则整表拒绝）",
)
@require(TRACK)
def sheet_apply(request: HttpRequest, payload: s.SheetApplyIn) -> dict[str, Any]:
    rows = [
        services.SheetRow(row=r.row, number=r.number.strip(), tracking_no=r.tracking_no.strip()) for r in payload.rows
    ]
    return {"applied": services.sheet_apply(actor=actor_of(request), rows=rows)}
