"""Make e-order workbooks for tests, cell types as a merchant's Excel would store them."""

from __future__ import annotations

import io
from typing import Any

import xlsxwriter  # type: ignore[import-untyped]

from jmt.customs.excel.columns import COLUMNS, header_text


def good_row(n: int = 1, **overrides: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "orderNo": f"DH20260318{n:04d}",
        "ebpCode": "3207960P01",
        "ebpName": "东海水晶跨境商城",
        "itemNo": f"AME-{n:03d}",
        "itemName": "8mm 紫水晶手链",
        "gname": "天然紫水晶手链",
        "gcode": "7116200000",
        "gmodel": "手链|半宝石|天然紫水晶|无品牌",
        "barCode": "",
        "qty": 2,
        "unit": "007-个",
        "qty1": 0.05,
        "unit1": "035-千克",
        "price": 25.5,
        "totalPrice": 51,
        "currency": "502-美元 USD",
        "country": "502-美国",
        "logisticsCode": "3207960L01",
        "logisticsName": "东海国际快递",
        "logisticsNo": f"SF{n:010d}",
        "freight": 0,
        "grossWeight": 0.35,
        "netWeight": 0.3,
        "packNo": 1,
        "ieDate": "2026-03-18",
        "note": "",
    }
    row.update(overrides)
    return row


def workbook(rows: list[dict[str, Any]], *, columns: list[str] | None = None, sheet: str = "电子订单") -> bytes:
    keys = columns or [column.key for column in COLUMNS]
    labels = {column.key: header_text(column) for column in COLUMNS}
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    data = book.add_worksheet(sheet)
    for col, key in enumerate(keys):
        data.write_string(0, col, labels.get(key, key))
    for r, row in enumerate(rows, start=1):
        for col, key in enumerate(keys):
            value = row.get(key, "")
            if value is None or value == "":
                continue
            if isinstance(value, str):
                data.write_string(r, col, value)
            else:
                data.write(r, col, value)
    book.close()
    return buffer.getvalue()
