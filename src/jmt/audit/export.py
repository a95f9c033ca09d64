"""Operation-log exports: the cells of a row; the CSV and the xlsx (a new sheet past Excel's row limit) are
written by ``jmt.downloads.tables``.

Both read the rows through :func:`jmt.audit.selectors.operation_log_export_rows` (an iterator over
chunks of plain dicts), so an export of any size holds one chunk of rows in memory at a time.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import IO, Any

from django.utils import timezone

from jmt.audit import labels
from jmt.downloads import tables

HEADER = ("编号", "时间", "账号", "代操作人", "模块", "操作", "对象", "改动内容", "IP", "浏览器标识")
COLUMN_WIDTHS = (10, 20, 26, 22, 12, 14, 32, 60, 16, 40)


def _person(name: str | None, username: str | None, phone: str | None) -> str:
    login = phone or username or ""
    if name and login and name != login:
        return f"{name}（{login}）"
    return name or login


def actor_text(row: dict[str, Any]) -> str:
    if row["actor_id"] is None:
        return "系统"
    return _person(row["actor__name"], row["actor__username"], row["actor__phone"]) or f"#{row['actor_id']}"


def impersonator_text(row: dict[str, Any]) -> str:
    if row["impersonator_id"] is None:
        return ""
    return _person(row["impersonator__name"], row["impersonator__username"], None) or f"#{row['impersonator_id']}"


def local_time(moment: datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M:%S")


def cells(row: dict[str, Any]) -> list[str]:
    obj = row["object_repr"] or f"{row['object_type']}#{row['object_id']}"
    return [
        str(row["id"]),
        local_time(row["created_at"]),
        actor_text(row),
        impersonator_text(row),
        labels.module_label(row["module"]),
        labels.action_label(row["action"]),
        obj,
        labels.changes_summary(row["object_type"], row["object_id"], row["changes"] or {}),
        row["ip"] or "",
        row["user_agent"] or "",
    ]


def write_xlsx(rows: Iterable[dict[str, Any]], target: IO[bytes]) -> int:
    """Write the rows into ``target`` as one workbook (a new sheet past Excel's row limit); returns the row count."""
    return tables.write_xlsx(target, sheet_name="操作日志", header=HEADER, rows=map(cells, rows), widths=COLUMN_WIDTHS)
