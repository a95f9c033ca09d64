"""Read the e-order workbook with python-calamine: header → column keys, then the rows as they are."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from python_calamine import CalamineError, CalamineWorkbook

from jmt.customs.errors import CustomsError
from jmt.customs.excel.columns import COLUMNS, EXAMPLE_PREFIX, REQUIRED_HEADERS, SHEET_DATA


@dataclass
class Sheet:
    columns: dict[int, str]  # position → column key
    first_row: int  # the Excel row number of the header
    rows: Iterator[tuple[int, list[Any]]]  # (Excel row number, cells)


def _header_key(text: object) -> str:
    value = unicodedata.normalize("NFKC", str(text or "")).replace("*", "").replace(" ", "").strip()
    return value.lower()


_ALIASES: dict[str, str] = {}
for _column in COLUMNS:
    _ALIASES[_header_key(_column.label)] = _column.key
    _ALIASES[_header_key(_column.key)] = _column.key
    _ALIASES[_header_key(_column.label.split("(")[0])] = _column.key


def open_sheet(content: bytes) -> Sheet:
    """Open the workbook's data sheet (``电子订单``, else the first) and map its header row."""
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(content))
        names = workbook.sheet_names
        sheet = workbook.get_sheet_by_name(SHEET_DATA if SHEET_DATA in names else names[0])
    except (CalamineError, ValueError, IndexError, OSError) as exc:
        raise CustomsError.import_file_invalid(str(exc)[:200]) from exc
    except Exception as exc:  # calamine raises its own error types for zip / xml damage
        raise CustomsError.import_file_invalid(exc.__class__.__name__) from exc
    start = sheet.start
    first_row = (start[0] if start else 0) + 1
    iterator = iter(sheet.iter_rows())
    header = next(iterator, None)
    if header is None:
        raise CustomsError.import_empty()
    columns: dict[int, str] = {}
    for position, cell in enumerate(header):
        key = _ALIASES.get(_header_key(cell))
        if key and key not in columns.values():
            columns[position] = key
    missing = [
        column.label for column in COLUMNS if column.key in REQUIRED_HEADERS and column.key not in columns.values()
    ]
    if missing:
        raise CustomsError.import_columns_missing(missing)

    def rows() -> Iterator[tuple[int, list[Any]]]:
        for index, cells in enumerate(iterator, start=first_row + 1):
            if not any(cell not in ("", None) for cell in cells):
                continue
            yield index, cells

    return Sheet(columns=columns, first_row=first_row, rows=rows())


def is_example(order_no: str) -> bool:
    return order_no.startswith(EXAMPLE_PREFIX)
