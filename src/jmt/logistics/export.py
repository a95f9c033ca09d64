"""Order exports of the back office: CSV produced chunk by chunk, xlsx in XlsxWriter's constant-memory mode."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO

import xlsxwriter  # type: ignore[import-untyped]

from jmt.logistics.selectors import EXPORT_HEADER

LINES_PER_CHUNK = 500
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: str) -> str:
    """Defuse a cell a spreadsheet would run as a formula (OWASP CSV injection)."""
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


class _Line:
    def write(self, value: str) -> str:
        return value


def csv_chunks(rows: Iterable[list[str]]) -> Iterator[bytes]:
    writer = csv.writer(_Line())
    yield ("\ufeff" + writer.writerow(EXPORT_HEADER)).encode()
    lines: list[str] = []
    for row in rows:
        lines.append(writer.writerow([_safe(v) for v in row]))
        if len(lines) >= LINES_PER_CHUNK:
            yield "".join(lines).encode()
            lines.clear()
    if lines:
        yield "".join(lines).encode()


def write_xlsx(rows: Iterable[list[str]], target: IO[bytes]) -> int:
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
    sheet = workbook.add_worksheet("物流订单")
    sheet.write_row(0, 0, EXPORT_HEADER, workbook.add_format({"bold": True, "bg_color": "#EEF2FF", "border": 1}))
    sheet.freeze_panes(1, 0)
    for column, width in enumerate((18, 20, 16, 10, 16, 10, 22, 12, 12, 10, 10, 18)):
        sheet.set_column(column, column, width)
    count = 0
    for count, row in enumerate(rows, start=1):
        sheet.write_row(count, 0, row)
    workbook.close()
    return count
