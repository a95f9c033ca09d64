"""Input and output schemas of the customs endpoints."""

from __future__ import annotations

from typing import Any

from ninja import Schema
from pydantic import Field

from jmt.customs.excel.columns import BY_KEY, COLUMNS
from jmt.customs.models import OrderImport

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_ERRORS_IN_REPORT = 200
_LETTERS = {column.key: index for index, column in enumerate(COLUMNS)}


def column_letter(key: str) -> str:
    index = _LETTERS.get(key, 0) + 1
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class CellErrorOut(Schema):
    row: int = Field(description="Excel 行号（表头为第 1 行）")
    column: str = Field(description="列对应的海关报文字段名，如 gcode", examples=["gcode"])
    column_label: str = Field(examples=["HS编码"])
    cell: str = Field(description="在模板 / 标注错误文件中的单元格位置", examples=["G3"])
    code: str = Field(description="稳定的错误码", examples=["HS_CODE_INVALID"])
    message: str = Field(examples=["HS编码：HS 编码必须是 10 位数字"])


class ImportReportOut(Schema):
    id: int
    file_name: str
    status: str = Field(description="validated 已校验，declared 已申报")
    total_rows: int
    valid_rows: int
    error_rows: int
    error_count: int
    order_count: int
    declarable_orders: int = Field(description="全部商品行都通过校验、可以申报的订单数")
    errors: list[CellErrorOut] = Field(description=f"前 {MAX_ERRORS_IN_REPORT} 个错误；全部错误见逐行接口与标注文件")
    errors_truncated: bool


class ImportRowOut(Schema):
    row: int
    is_valid: bool
    values: dict[str, str]
    errors: list[CellErrorOut]


class ImportRowsPage(Schema):
    items: list[ImportRowOut]
    total: int
    page: int
    page_size: int


class DeclareIn(Schema):
    batch_id: int
    all_or_nothing: bool = Field(False, description="为真时，只要有一行出错就不申报")


class DeclareOut(Schema):
    messages: int = Field(description="生成并排队发送的报文数")
    documents: int = Field(description="排队发送的单证数（订单与运单）")


def cell_errors(row_no: int, errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "row": row_no,
            "column": error["column"],
            "column_label": BY_KEY[error["column"]].label if error["column"] in BY_KEY else error["column"],
            "cell": f"{column_letter(error['column'])}{row_no}",
            "code": error["code"],
            "message": error["message"],
        }
        for error in errors
    ]


def import_report(order_import: OrderImport, errors: list[dict[str, Any]], truncated: bool) -> dict[str, Any]:
    return {
        "id": order_import.pk,
        "file_name": order_import.file_name,
        "status": order_import.status,
        "total_rows": order_import.total_rows,
        "valid_rows": order_import.valid_rows,
        "error_rows": order_import.error_rows,
        "error_count": order_import.error_count,
        "order_count": order_import.order_count,
        "declarable_orders": order_import.declarable_orders,
        "errors": errors,
        "errors_truncated": truncated,
    }
