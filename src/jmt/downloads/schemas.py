"""Schemas of the download center."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from ninja import Schema
from pydantic import Field

from jmt.downloads.models import Download, DownloadStatus

StatusCode = Literal["queued", "running", "done", "failed", "expired"]


class DownloadOut(Schema):
    id: int
    kind: str = Field(description="导出内容（登记的导出类型）")
    title: str = Field(examples=["操作日志"])
    file_format: str = Field(examples=["xlsx"])
    file_name: str = Field(examples=["操作日志-20261205-210000.xlsx"])
    status: StatusCode
    status_label: str = Field(examples=["生成中"], description="排队 / 生成中 / 完成 / 失败 / 已过期")
    progress: int = Field(description="进度百分比 0–100")
    rows: int
    size: int = Field(description="文件大小（字节）")
    error: str = Field(description="失败原因（中文）")
    created_at: datetime
    finished_at: datetime | None
    expires_at: datetime | None = Field(description="文件保留至（完成后 7 天）")


class DownloadPageOut(Schema):
    items: list[DownloadOut]
    total: int
    page: int
    page_size: int
    running: int = Field(description="排队或生成中的任务数（有则前端继续轮询）")


class DownloadListQuery(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(20, ge=1, le=100)
    status: Literal["", "queued", "running", "done", "failed", "expired"] = ""


class DownloadLinkOut(Schema):
    url: str = Field(description="免登录的下载地址（相对本站），仅本人可用，5 分钟内有效")
    expires_at: datetime
    file_name: str


def download_out(download: Download) -> dict[str, Any]:
    return {
        "id": download.pk,
        "kind": download.kind,
        "title": download.title,
        "file_format": download.file_format,
        "file_name": download.file_name,
        "status": download.status,
        "status_label": DownloadStatus(download.status).label,
        "progress": download.progress,
        "rows": download.rows,
        "size": download.size,
        "error": download.error,
        "created_at": download.created_at,
        "finished_at": download.finished_at,
        "expires_at": download.expires_at,
    }
