"""Plain table files for export kinds that have no writer of their own: a header and rows of text.

xlsx in XlsxWriter's constant-memory mode (one row in memory at a time), past Excel's row limit on a further
sheet 「名称（2）」…; CSV as UTF-8 with a BOM; in both, a cell a spreadsheet would run as a formula stays text.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterable, Sequence
from typing import IO, Any

import xlsxwriter  # type: ignore[import-untyped]

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
MAX_ROWS_PER_SHEET = 1_000_000  # Excel's limit is 1,048,576 rows a sheet; the rest go on the next sheet


def write_xlsx(
    target: IO[bytes], *, sheet_name: str, header: Sequence[str], rows: Iterable[Sequence[str]], widths: Sequence[int]
) -> int:
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
    bold = workbook.add_format({"bold": True, "bg_color": "#EEF2FF", "border": 1})

    def new_sheet(number: int) -> Any:
        sheet = workbook.add_worksheet(sheet_name if number == 1 else f"{sheet_name}（{number}）")
        sheet.write_row(0, 0, header, bold)
        sheet.freeze_panes(1, 0)
        for column, width in enumerate(widths):
            sheet.set_column(column, column, width)
        return sheet

    sheet, line, count = new_sheet(1), 0, 0
    for row in rows:
        if line == MAX_ROWS_PER_SHEET:
            sheet, line = new_sheet(count // MAX_ROWS_PER_SHEET + 1), 0
        line += 1
        count += 1
        sheet.write_row(line, 0, row)
    workbook.close()
    return count


def write_csv(target: IO[bytes], *, header: Sequence[str], rows: Iterable[Sequence[str]]) -> int:
    text = io.TextIOWrapper(target, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv.writer(text)
    writer.writerow(header)
    count = 0
    for row in rows:
        writer.writerow(["'" + v if v.startswith(FORMULA_PREFIXES) else v for v in row])
        count += 1
    text.flush()
    text.detach()  # leave ``target`` open for the caller
    return count
