"""Back office: the operation log (list, detail, exports) and its archives (``/admin/audit``)."""

from typing import Any

from django.http import HttpRequest, StreamingHttpResponse
from ninja import Query, Router, Status

from jmt.audit import labels, selectors, services
from jmt.audit import schemas as s
from jmt.audit.downloads import OPERATION_LOGS
from jmt.core.pagination import paginate, paginate_large
from jmt.core.permissions import actor_of, require
from jmt.core.schemas import error_responses
from jmt.downloads.schemas import DownloadOut, download_out
from jmt.downloads.services import download_create
from jmt.system.streaming import file_response

router = Router(tags=["audit"])

# Until the catalog has a separate ``system:logs:export`` code, exporting needs the view code.
VIEW = "system:logs:view"
EXPORT = "system:logs:export"


@router.get(
    "/operation-logs",
    response={200: s.OperationLogPageOut, **error_responses(401, 403, 422)},
    operation_id="audit_operation_logs_list",
    summary="操作日志列表",
    description="按账号（编号、登录名、手机号或姓名）、时间范围、模块、操作筛选，最新的在前；每页最多 100 条。",
)
@require(VIEW)
def operation_logs_list(request: HttpRequest, query: Query[s.LogListQuery]) -> dict[str, Any]:
    actor = actor_of(request)
    rows = selectors.operation_log_list(actor=actor, filters=query.filters())
    # 200,000 rows and more: no full COUNT(*) on every page (see jmt.core.pagination.large_count).
    return paginate_large(rows, page=query.page, page_size=query.page_size).map(s.log_out).out()


@router.get(
    "/operation-logs/labels",
    response={200: s.AuditLogLabelsOut, **error_responses(401, 403)},
    operation_id="audit_operation_logs_labels",
    summary="操作日志的模块与操作名称（筛选项）",
)
@require(VIEW)
def operation_logs_labels(request: HttpRequest) -> dict[str, Any]:
    modules, actions = selectors.module_and_action_codes(actor=actor_of(request))
    module_codes = sorted(set(modules) | set(labels.MODULES))
    action_codes = sorted(set(actions) | set(labels.ACTIONS))
    return {
        "modules": [{"value": code, "label": labels.module_label(code)} for code in module_codes],
        "actions": [{"value": code, "label": labels.action_label(code)} for code in action_codes],
    }


@router.post(
    "/operation-logs/export",
    response={202: DownloadOut, **error_responses(401, 403, 422)},
    operation_id="audit_operation_logs_export",
    summary="导出操作日志（CSV / Excel）：加入下载中心",
    description="筛选条件同列表；`ids` 只导出选中的记录。导出在后台生成（进度见下载中心），完成后发站内信；"
    "CSV 为带 BOM 的 UTF-8，Excel 以 XlsxWriter 常量内存模式写入。导出本身记入操作日志。",
)
@require(EXPORT)
def operation_logs_export(request: HttpRequest, query: Query[s.LogExportQuery]) -> Status[dict[str, Any]]:
    actor = actor_of(request)
    filters = query.export_filters()
    entry = services.operation_logs_export_record(actor=actor, fmt=query.format, filters=filters)
    download = download_create(
        actor=actor,
        kind=OPERATION_LOGS,
        params={"query": query.model_dump(mode="json"), "before_id": entry.pk},
        file_format=query.format,
    )
    return Status(202, download_out(download))


@router.get(
    "/operation-logs/{int:log_id}",
    response={200: s.OperationLogDetailOut, **error_responses(401, 403, 404)},
    operation_id="audit_operation_logs_get",
    summary="操作日志详情（字段级改动）",
    description="`changes` 为改动过的字段：字段、中文名、改动前、改动后；未改动的字段不列出。",
)
@require(VIEW)
def operation_logs_get(request: HttpRequest, log_id: int) -> dict[str, Any]:
    return s.log_detail_out(selectors.operation_log_get(actor=actor_of(request), log_id=log_id))


@router.get(
    "/archives",
    response={200: s.AuditArchivePageOut, **error_responses(401, 403, 422)},
    operation_id="audit_archives_list",
    summary="日志归档文件列表",
    description="超过保留天数的整月日志由定时任务移入压缩归档文件（JSON Lines + gzip），可在此下载。",
)
@require(VIEW)
def archives_list(request: HttpRequest, query: Query[s.AuditPageQuery]) -> dict[str, Any]:
    archives = selectors.archive_list(actor=actor_of(request))
    return paginate(archives, page=query.page, page_size=query.page_size).map(s.archive_out).out()


@router.get(
    "/archives/{int:archive_id}/download",
    response={**error_responses(401, 403, 404, 410)},
    operation_id="audit_archives_download",
    summary="下载日志归档文件",
    openapi_extra={
        "responses": {
            200: {
                "description": "gzip 压缩的 JSON Lines 文件",
                "content": {"application/gzip": {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    },
)
@require(EXPORT)
def archives_download(request: HttpRequest, archive_id: int) -> StreamingHttpResponse:
    archive = selectors.archive_get(actor=actor_of(request), archive_id=archive_id)
    handle = selectors.archive_open(archive)
    return file_response(request, handle, content_type="application/gzip", filename=archive.file_name)
