"""The annotated error workbook.

When the uploaded workbook is kept (``OrderImport.source_path``), it is the merchant's own file with
marks added and nothing else changed: every sheet (代码表, 填写说明, hidden ones), extra columns, the
drop-downs, number formats and numbers as numbers stay as they were; a bad cell gets a red fill and a
comment, and one column after the last used one (「错误说明」, in the header row) sums up each row's
errors. openpyxl loads, marks and saves the package.

Older imports without the kept file get a rebuilt sheet (``build_error_workbook``): every row at its
uploaded row number with its normalised values.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import xlsxwriter  # type: ignore[import-untyped]
from openpyxl.comments import Comment  # type: ignore[import-untyped]
from openpyxl.styles import Font, PatternFill  # type: ignore[import-untyped]

from jmt.customs.excel.columns import COLUMNS, SHEET_DATA, header_text

POSITION = {column.key: index for index, column in enumerate(COLUMNS)}
SUMMARY_HEADER = "错误说明"
DELETED_NOTE = "已在预览中删除，不申报"
BAD_FILL = PatternFill(fill_type="solid", start_color="FFFFC7CE", end_color="FFFFC7CE")
DELETED_FILL = PatternFill(fill_type="solid", start_color="FFE5E7EB", end_color="FFE5E7EB")
NOTE_FONT = Font(color="FFC00000")
HEADER_FONT = Font(bold=True, color="FFC00000")
AUTHOR = "晶贸通"

ErrorRows = Iterable[tuple[int, dict[str, Any], list[dict[str, str]]]]


def annotate_workbook(source: bytes, layout: dict[str, Any], rows: ErrorRows, deleted: Iterable[int] = ()) -> bytes:
    """Mark ``rows`` ((Excel row number, values, errors) with errors) in the uploaded workbook itself."""
    book = openpyxl.load_workbook(io.BytesIO(source), rich_text=True)
    name = layout.get("sheet") or SHEET_DATA
    sheet = book[name] if name in book.sheetnames else book.worksheets[0]
    header_row = int(layout.get("header_row") or 1)
    letters: dict[str, str] = dict(layout.get("columns") or {})
    summary_col = _summary_column(sheet, header_row)
    _clear_earlier_marks(sheet, header_row)
    head = sheet.cell(row=header_row, column=summary_col, value=SUMMARY_HEADER)
    head.font = HEADER_FONT
    sheet.column_dimensions[head.column_letter].width = 60
    for row_no, _values, errors in rows:
        by_column: dict[str, list[str]] = {}
        for error in errors:
            by_column.setdefault(error["column"], []).append(error["message"])
        for key, messages in by_column.items():
            letter = letters.get(key)
            if not letter:
                continue
            cell = sheet[f"{letter}{row_no}"]
            cell.fill = BAD_FILL
            comment = Comment("\n".join(messages), AUTHOR)
            comment.width, comment.height = 320, 40 + 18 * len(messages)
            cell.comment = comment
        note = sheet.cell(row=row_no, column=summary_col, value="；".join(e["message"] for e in errors))
        note.font = NOTE_FONT
    for row_no in deleted:
        note = sheet.cell(row=row_no, column=summary_col, value=DELETED_NOTE)
        note.fill = DELETED_FILL
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _clear_earlier_marks(sheet: Any, header_row: int) -> None:
    """A file annotated before, fixed and uploaded again: its old marks go (ours only, by author)."""
    for cell in list(sheet._cells.values()):  # the stored cells only, not the whole rectangle
        if cell.row <= header_row:
            continue
        if cell.comment is not None and cell.comment.author == AUTHOR:
            cell.comment = None
            if cell.fill == BAD_FILL:
                cell.fill = PatternFill()


def _summary_column(sheet: Any, header_row: int) -> int:
    """The 「错误说明」 column of an earlier annotation (a file fixed and uploaded again), else the first
    column after the last used one."""
    for cell in sheet[header_row]:
        if cell.value == SUMMARY_HEADER:
            column = int(cell.column)
            for (row,) in sheet.iter_rows(min_row=header_row + 1, min_col=column, max_col=column):
                if row.value is not None:
                    row.value = None
                    row.font = Font()
            return column
    return int(sheet.max_column) + 1


def build_error_workbook(rows: ErrorRows) -> bytes:
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
    sheet.write_string(0, summary_col, SUMMARY_HEADER, header)
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
