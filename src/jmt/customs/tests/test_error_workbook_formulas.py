"""The annotated error workbook hands back what the merchant uploaded — as text, never as a formula."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import load_workbook

from jmt.customs.excel.annotate import build_error_workbook
from jmt.customs.excel.columns import COLUMNS

HOSTILE = ['=HYPERLINK("http://evil","点我")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,1)"]


@pytest.mark.parametrize("value", HOSTILE, ids=["equals", "plus", "minus", "at"])
def test_a_value_that_starts_like_a_formula_is_written_as_text(value):
    first, second = COLUMNS[0].key, COLUMNS[1].key
    data = build_error_workbook([(2, {first: value, second: value}, [{"column": second, "message": "格式不正确"}])])

    with zipfile.ZipFile(io.BytesIO(data)) as book:
        sheet_xml = book.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml
    cells = load_workbook(io.BytesIO(data)).active
    assert cells is not None
    assert cells.cell(row=2, column=1).value == value
    assert cells.cell(row=2, column=1).data_type == "s"
    assert cells.cell(row=2, column=2).value == value
    assert cells.cell(row=2, column=2).data_type == "s"
