"""Read the e-order workbook with python-calamine: find the header row, map it to column keys, then
hand over the data rows as they are (Excel row numbers, raw cells).

The header is the first of the top rows that names enough of the template's columns, so a title row
(merged or not) above it is skipped. A row holding nothing but whitespace is not a data row.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from python_calamine import CalamineError, CalamineWorkbook

from jmt.customs.errors import CustomsError
from jmt.customs.excel.columns import COLUMNS, EXAMPLE_PREFIX, REQUIRED_HEADERS, SHEET_DATA

HEADER_SEARCH_ROWS = 20  # how far down the header row may be
HEADER_MIN_MATCHES = 3  # template column names a row needs to count as the header
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


@dataclass
class Sheet:
    columns: dict[int, str]  # position → column key
    first_row: int  # the Excel row number of the header
    rows: Iterator[tuple[int, list[Any]]]  # (Excel row number, cells)
    sheet_name: str = SHEET_DATA
    first_col: int = 0  # the Excel column index (0 = A) of position 0
    formula_cells: set[tuple[int, int]] = field(default_factory=set)  # (row, position) of formulas without a value

    def letter(self, position: int) -> str:
        return column_letter(self.first_col + position)

    @property
    def letters(self) -> dict[str, str]:
        """Column key → the column's letter in the uploaded sheet."""
        return {key: self.letter(position) for position, key in self.columns.items()}


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _header_key(text: object) -> str:
    value = unicodedata.normalize("NFKC", str(text or "")).replace("*", "").replace(" ", "").strip()
    return value.lower()


_ALIASES: dict[str, str] = {}
for _column in COLUMNS:
    _ALIASES[_header_key(_column.label)] = _column.key
    _ALIASES[_header_key(_column.key)] = _column.key
    _ALIASES[_header_key(_column.label.split("(")[0])] = _column.key


def is_blank(cell: object) -> bool:
    """Empty, or text of nothing but whitespace (also full-width and zero-width spaces)."""
    if cell is None or cell == "":
        return True
    return isinstance(cell, str) and not cell.strip().strip(_INVISIBLE).strip()


def _map_header(cells: list[Any]) -> dict[int, str]:
    columns: dict[int, str] = {}
    for position, cell in enumerate(cells):
        key = _ALIASES.get(_header_key(cell))
        if key and key not in columns.values():
            columns[position] = key
    return columns


def sheet_name_of(names: list[str]) -> str:
    return SHEET_DATA if SHEET_DATA in names else names[0]


def open_sheet(content: bytes) -> Sheet:
    """Open the workbook's data sheet (``电子订单``, else the first) and map its header row."""
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(content))
        name = sheet_name_of(workbook.sheet_names)
        sheet = workbook.get_sheet_by_name(name)
    except (CalamineError, ValueError, IndexError, OSError) as exc:
        raise CustomsError.import_file_invalid(str(exc)[:200]) from exc
    except Exception as exc:  # calamine raises its own error types for zip / xml damage
        raise CustomsError.import_file_invalid(exc.__class__.__name__) from exc
    start = sheet.start or (0, 0)
    return sheet_from_rows(enumerate(sheet.iter_rows(), start=start[0] + 1), first_col=start[1], name=name)


def sheet_from_rows(rows: Iterable[tuple[int, list[Any]]], *, first_col: int = 0, name: str = SHEET_DATA) -> Sheet:
    """Find the header among the top rows of ``rows`` ((Excel row number, cells), in order)."""
    iterator = iter(rows)
    top: list[tuple[int, list[Any]]] = []
    best: tuple[int, int, dict[int, str]] | None = None  # (matches, index in top, columns)
    for row_no, cells in iterator:
        if all(is_blank(cell) for cell in cells):
            continue
        top.append((row_no, cells))
        columns = _map_header(cells)
        if best is None or len(columns) > best[0]:
            best = (len(columns), len(top) - 1, columns)
        if len(columns) >= max(HEADER_MIN_MATCHES, len(REQUIRED_HEADERS) // 2) or len(top) >= HEADER_SEARCH_ROWS:
            break
    if best is None:
        raise CustomsError.import_empty()
    _, at, columns = best
    header_row = top[at][0]
    missing = [
        column.label for column in COLUMNS if column.key in REQUIRED_HEADERS and column.key not in columns.values()
    ]
    if missing:
        raise CustomsError.import_columns_missing(missing)
    after_header = top[at + 1 :]

    def data_rows() -> Iterator[tuple[int, list[Any]]]:
        yield from after_header
        for row_no, cells in iterator:
            if not all(is_blank(cell) for cell in cells):
                yield row_no, cells

    return Sheet(columns=columns, first_row=header_row, rows=data_rows(), sheet_name=name, first_col=first_col)


def is_example(order_no: str) -> bool:
    return order_no.startswith(EXAMPLE_PREFIX)
