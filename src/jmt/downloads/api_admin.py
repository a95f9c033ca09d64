"""下载中心 of the back office (``/admin/downloads``): a staff member's own exports."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from jmt.core.permissions import AUTHENTICATED, require
from jmt.core.schemas import error_responses
from jmt.downloads import schemas as s
from jmt.downloads import views
from jmt.downloads.models import DownloadSurface

router = Router(tags=["downloads"])
ADMIN = DownloadSurface.ADMIN


@router.get(
    "",
    response={200: s.DownloadPageOut, **error_responses(401, 404, 422)},
    operation_id="admin_downloads_list",
    summary="下载中心：我的导出任务（后台）",
)
@require(AUTHENTICATED)
def downloads_list(request: HttpRequest, query: Query[s.DownloadListQuery]) -> dict[str, Any]:
    return views.list_page(request, query, ADMIN)


@router.get(
    "/{int:download_id}",
    response={200: s.DownloadOut, **error_responses(401, 404)},
    operation_id="admin_downloads_get",
    summary="导出任务的状态与进度（后台）",
)
@require(AUTHENTICATED)
def downloads_get(request: HttpRequest, download_id: int) -> dict[str, Any]:
    return views.one(request, download_id, ADMIN)


@router.get(
    "/{int:download_id}/link",
    response={200: s.DownloadLinkOut, **error_responses(401, 404, 409, 410)},
    operation_id="admin_downloads_link",
    summary="获取 5 分钟内有效的下载链接（后台）",
)
@require(AUTHENTICATED)
def downloads_link(request: HttpRequest, download_id: int) -> dict[str, Any]:
    return views.link(request, download_id, ADMIN)


@router.post(
    "/{download_id}/retry",
    response={202: s.DownloadOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="admin_downloads_retry",
    summary="重新生成：把生成失败的导出按原条件重新加入下载中心（后台）",
)
@require(AUTHENTICATED)
def downloads_retry(request: HttpRequest, download_id: int) -> Status[dict[str, Any]]:
    return Status(202, views.retry(request, download_id, ADMIN))
