"""The annotated error workbook hands back what the merchant uploaded — as text, never as a formula."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from python_calamine import CalamineWorkbook

from jmt.customs.excel.annotate import build_error_workbook
from jmt.customs.excel.columns import COLUMNS

HOSTILE = ['=HYPERLINK("http://evil","点我")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,1)"]


def _second_row_types(sheet_xml: str) -> dict[str, str]:
    """``{column letter: cell type}`` of spreadsheet row 2."""
    row = re.search(r'<row r="2"[^>]*>(.*?)</row>', sheet_xml)
    assert row is not None
    return dict(re.findall(r'<c r="([A-Z]+)2"[^>]*? t="(\w+)"', row.group(1)))


@pytest.mark.parametrize("value", HOSTILE, ids=["equals", "plus", "minus", "at"])
def test_a_value_that_starts_like_a_formula_is_written_as_text(value):
    first, second = COLUMNS[0].key, COLUMNS[1].key
    data = build_error_workbook([(2, {first: value, second: value}, [{"column": second, "message": "格式不正确"}])])

    with zipfile.ZipFile(io.BytesIO(data)) as book:
        sheet_xml = book.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml
    types = _second_row_types(sheet_xml)
    assert types["A"] == "s"  # a string cell (shared string), not a formula or a number
    assert types["B"] == "s"
    rows = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python()
    assert rows[1][:2] == [value, value]
