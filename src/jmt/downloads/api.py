"""下载中心 for merchant users (``/downloads``) and the signed file link both surfaces use."""

from typing import Any

from django.core.files.storage import default_storage
from django.http import HttpRequest, StreamingHttpResponse
from ninja import Query, Router, Status

from jmt.core.permissions import AUTHENTICATED, PUBLIC, require
from jmt.core.schemas import error_responses
from jmt.downloads import links, registry, selectors, views
from jmt.downloads import schemas as s
from jmt.downloads.errors import DownloadError
from jmt.downloads.models import DownloadSurface
from jmt.system.streaming import file_response

router = Router(tags=["downloads"])
MERCHANT = DownloadSurface.MERCHANT


@router.get(
    "",
    response={200: s.DownloadPageOut, **error_responses(401, 422)},
    operation_id="downloads_list",
    summary="下载中心：我的导出任务",
    description="本人在当前商户下发起的导出，最新的在前；`running` 大于 0 时前端每隔几秒刷新。",
)
@require(AUTHENTICATED)
def downloads_list(request: HttpRequest, query: Query[s.DownloadListQuery]) -> dict[str, Any]:
    return views.list_page(request, query, MERCHANT)


@router.get(
    "/{int:download_id}",
    response={200: s.DownloadOut, **error_responses(401, 404)},
    operation_id="downloads_get",
    summary="导出任务的状态与进度",
)
@require(AUTHENTICATED)
def downloads_get(request: HttpRequest, download_id: int) -> dict[str, Any]:
    return views.one(request, download_id, MERCHANT)


@router.get(
    "/{int:download_id}/link",
    response={200: s.DownloadLinkOut, **error_responses(401, 404, 409, 410)},
    operation_id="downloads_link",
    summary="获取 5 分钟内有效的下载链接",
    description="链接无需登录头即可下载（浏览器新窗口、小程序 `wx.downloadFile`），只对本人的已完成文件签发。",
)
@require(AUTHENTICATED)
def downloads_link(request: HttpRequest, download_id: int) -> dict[str, Any]:
    return views.link(request, download_id, MERCHANT)


@router.post(
    "/{download_id}/retry",
    response={202: s.DownloadOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="downloads_retry",
    summary="重新生成：把生成失败的导出按原条件重新加入下载中心",
    description="只对本人的「失败」任务：同一导出内容、筛选条件与文件格式重新排队，进度见下载中心。",
)
@require(AUTHENTICATED, allow_while_impersonating=True)  # as the export itself: the viewed user's own file
def downloads_retry(request: HttpRequest, download_id: int) -> Status[dict[str, Any]]:
    return Status(202, views.retry(request, download_id, MERCHANT))


@router.get(
    "/file/{token}",
    auth=None,
    response={**error_responses(403, 409, 410)},
    operation_id="downloads_file",
    summary="按签名链接下载文件",
    openapi_extra={
        "responses": {
            200: {
                "description": "导出文件",
                "content": {
                    registry.CONTENT_TYPES["xlsx"]: {"schema": {"type": "string", "format": "binary"}},
                    "text/csv": {"schema": {"type": "string"}},
                },
            }
        }
    },
)
@require(PUBLIC)  # the signed, short-lived link is the credential
def downloads_file(request: HttpRequest, token: str) -> StreamingHttpResponse:
    download_id, user_id = links.read_link(token)
    download = selectors.download_by_link(download_id=download_id, user_id=user_id)
    if not download.storage_path or not default_storage.exists(download.storage_path):
        raise DownloadError.file_missing()
    return file_response(
        request,
        default_storage.open(download.storage_path, "rb"),
        content_type=registry.CONTENT_TYPES.get(download.file_format, "application/octet-stream"),
        filename=download.file_name,
    )
