"""The annotated error workbook: every row at its uploaded row number (normalised values), bad cells
red with a comment, and a last column summing up the row's errors."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

import xlsxwriter  # type: ignore[import-untyped]

from jmt.customs.excel.columns import COLUMNS, SHEET_DATA, header_text

POSITION = {column.key: index for index, column in enumerate(COLUMNS)}


def build_error_workbook(rows: Iterable[tuple[int, dict[str, Any], list[dict[str, str]]]]) -> bytes:
    """``rows``: (Excel row number, values, errors) in row order. Returns the .xlsx bytes."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "constant_memory": True})
    header = book.add_format({"bold": True, "bg_color": "#1F4E79", "font_color": "#FFFFFF", "border": 1})
    bad = book.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006", "border": 1, "border_color": "#C00000"})
    note = book.add_format({"font_color": "#C00000", "text_wrap": False})
    sheet = book.add_worksheet(SHEET_DATA)
    summary_col = len(COLUMNS)
    for col, column in enumerate(COLUMNS):
        sheet.write_string(0, col, header_text(column), header)
        sheet.set_column(col, col, max(12, len(column.label) * 2 + 4))
    sheet.write_string(0, summary_col, "错误说明", header)
    sheet.set_column(summary_col, summary_col, 60)
    sheet.freeze_panes(1, 1)
    for row_no, values, errors in rows:
        out_row = row_no - 1  # same row numbers as the upload, so the report's cell references match
        by_column: dict[str, list[str]] = {}
        for error in errors:
            by_column.setdefault(error["column"], []).append(error["message"])
        for col, column in enumerate(COLUMNS):
            value = values.get(column.key, "")
            messages = by_column.get(column.key)
            text = "" if value is None else str(value)
            if messages:
                sheet.write_string(out_row, col, text, bad)
                sheet.write_comment(out_row, col, "\n".join(messages), {"x_scale": 2})
            elif text:
                sheet.write_string(out_row, col, text)
        if errors:
            sheet.write_string(out_row, summary_col, "；".join(e["message"] for e in errors), note)
    book.close()
    return buffer.getvalue()
