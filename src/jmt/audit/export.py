"""Operation-log exports: the cells of a row (CSV is written by ``jmt.downloads.tables``), and xlsx written
by XlsxWriter in constant-memory mode, a new sheet past Excel's row limit.

Both read the rows through :func:`jmt.audit.selectors.operation_log_export_rows` (an iterator over
chunks of plain dicts), so an export of any size holds one chunk of rows in memory at a time.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from datetime import datetime
from typing import IO, Any

import xlsxwriter  # type: ignore[import-untyped]
from django.utils import timezone

from jmt.audit import labels

HEADER = ("编号", "时间", "账号", "代操作人", "模块", "操作", "对象", "改动内容", "IP", "浏览器标识")
COLUMN_WIDTHS = (10, 20, 26, 22, 12, 14, 32, 60, 16, 40)
XLSX_MAX_ROWS_PER_SHEET = 1_000_000  # Excel's limit is 1,048,576 rows; the rest go on the next sheet


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
    """Write the rows into ``target`` as one workbook; returns the number of rows written.

    ``constant_memory`` flushes each row to a temporary file as soon as the next one starts, so
    memory stays flat whatever the row count; strings are written as strings (never formulas).
    """
    workbook = xlsxwriter.Workbook(
        target,
        {
            "constant_memory": True,
            "tmpdir": tempfile.gettempdir(),
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    header = workbook.add_format({"bold": True, "bg_color": "#EEF2FF", "border": 1})
    count = 0
    sheet = None
    row_index = 0
    for row in rows:
        if sheet is None or row_index > XLSX_MAX_ROWS_PER_SHEET:
            number = 1 if sheet is None else count // XLSX_MAX_ROWS_PER_SHEET + 1
            sheet = workbook.add_worksheet("操作日志" if number == 1 else f"操作日志（{number}）")
            for column, width in enumerate(COLUMN_WIDTHS):
                sheet.set_column(column, column, width)
            sheet.freeze_panes(1, 0)
            sheet.write_row(0, 0, HEADER, header)
            row_index = 1
        sheet.write_row(row_index, 0, cells(row))
        row_index += 1
        count += 1
    if sheet is None:  # nothing matched: still a valid workbook with its header
        sheet = workbook.add_worksheet("操作日志")
        sheet.write_row(0, 0, HEADER, header)
    workbook.close()
    return count
