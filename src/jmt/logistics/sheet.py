"""Reading an uploaded tracking-number sheet (xlsx or csv): columns 运单编号 and 承运商运单号."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook  # type: ignore[import-untyped]

from jmt.logistics.errors import LogisticsError
from jmt.logistics.services import SheetRow

NUMBER_HEADERS = ("运单编号", "运单号", "number")
TRACKING_HEADERS = ("承运商运单号", "物流单号", "tracking_no")
MAX_ROWS = 5000


def _rows_of(name: str, content: bytes) -> list[list[str]]:
    if name.lower().endswith(".csv"):
        text = content.decode("utf-8-sig", errors="replace")
        return [[c.strip() for c in row] for row in csv.reader(io.StringIO(text))]
    if name.lower().endswith(".xlsx"):
        try:
            book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds on a damaged file
            raise LogisticsError.sheet_invalid("表格无法读取，请上传 .xlsx 或 .csv 文件") from exc
        sheet = book.worksheets[0]
        rows = [["" if v is None else str(v).strip() for v in row] for row in sheet.iter_rows(values_only=True)]
        book.close()
        return rows
    raise LogisticsError.sheet_invalid("请上传 .xlsx 或 .csv 文件")


def read_sheet(name: str, content: bytes) -> list[SheetRow]:
    rows = _rows_of(name, content)
    if not rows:
        raise LogisticsError.sheet_invalid("表格是空的")
    header = [h.strip() for h in rows[0]]
    number_col = next((i for i, h in enumerate(header) if h in NUMBER_HEADERS), None)
    tracking_col = next((i for i, h in enumerate(header) if h in TRACKING_HEADERS), None)
    if number_col is None or tracking_col is None:
        raise LogisticsError.sheet_invalid("表头须包含「运单编号」和「承运商运单号」两列")
    out = []
    for index, row in enumerate(rows[1:], start=2):
        number = row[number_col] if number_col < len(row) else ""
        tracking = row[tracking_col] if tracking_col < len(row) else ""
        if not number and not tracking:
            continue
        out.append(SheetRow(row=index, number=number.strip(), tracking_no=tracking.strip()))
    if len(out) > MAX_ROWS:
        raise LogisticsError.sheet_invalid(f"一次最多录入 {MAX_ROWS} 行")
    return out
