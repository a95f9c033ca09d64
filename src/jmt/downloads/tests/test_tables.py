"""The plain table writer: every row lands in the workbook, past Excel's row limit on a further sheet."""

import io

import openpyxl  # type: ignore[import-untyped]

from jmt.downloads import tables


def test_rows_past_the_sheet_limit_go_on_numbered_sheets_each_with_the_header(monkeypatch):
    monkeypatch.setattr(tables, "MAX_ROWS_PER_SHEET", 3)
    target = io.BytesIO()
    rows = [[f"PKG{n}", "=SUM(A1)"] for n in range(1, 8)]
    count = tables.write_xlsx(target, sheet_name="运单", header=["运单号", "备注"], rows=rows, widths=[20, 20])
    book = openpyxl.load_workbook(io.BytesIO(target.getvalue()))
    assert count == 7
    assert book.sheetnames == ["运单", "运单（2）", "运单（3）"]
    sheets = [[[c.value for c in r] for r in book[name].iter_rows()] for name in book.sheetnames]
    assert all(sheet[0] == ["运单号", "备注"] for sheet in sheets)
    assert [row[0] for sheet in sheets for row in sheet[1:]] == [f"PKG{n}" for n in range(1, 8)]
    assert sheets[0][1][1] == "=SUM(A1)"  # text, never a formula
    assert book["运单"].cell(2, 2).data_type == "s"


def test_an_empty_export_is_a_workbook_with_its_header():
    target = io.BytesIO()
    assert tables.write_xlsx(target, sheet_name="报关清单", header=["清单编号"], rows=[], widths=[20]) == 0
    book = openpyxl.load_workbook(io.BytesIO(target.getvalue()))
    assert [[c.value for c in r] for r in book["报关清单"].iter_rows()] == [["清单编号"]]
