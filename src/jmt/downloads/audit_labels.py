"""Chinese names of the audited acts of the download center."""

from __future__ import annotations

from jmt.audit import labels

RECORDED_KEYS = {
    "kind": "导出内容",
    "format": "文件格式",
    "file_format": "文件格式",
    "params": "筛选条件",
    "status": "状态",
    "error": "失败原因",
    "created_at": "导出时间",
}


def register() -> None:
    labels.register(
        modules={"downloads": "下载中心"},
        actions={"download_create": "新建导出任务", "download_retry": "重新生成导出"},
        fields={"downloads.Download": dict(RECORDED_KEYS)},
    )
