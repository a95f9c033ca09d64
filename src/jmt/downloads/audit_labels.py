"""Chinese names of the audited acts of the download center."""

from __future__ import annotations

from jmt.audit import labels

RECORDED_KEYS = {"kind": "导出内容", "format": "文件格式", "params": "筛选条件", "status": "状态"}


def register() -> None:
    labels.register(
        modules={"downloads": "下载中心"},
        actions={"download_create": "新建导出任务"},
        fields={"downloads.Download": dict(RECORDED_KEYS)},
    )
