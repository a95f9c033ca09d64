"""Input and output schemas of the customs endpoints."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ninja import Schema
from pydantic import Field

from jmt.customs.excel.columns import BY_KEY, COLUMNS
from jmt.customs.models import OrderImport

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_ERRORS_IN_REPORT = 200
_LETTERS = {column.key: index for index, column in enumerate(COLUMNS)}


def plain(value: Decimal | None) -> Decimal:
    """A weight or amount as people write it: 1.2, not 1.20000000000000 (no exponent, no trailing zeros)."""
    if value is None:
        return Decimal(0)
    normal = Decimal(value).normalize()
    return Decimal(format(normal, "f")) if normal != 0 else Decimal(0)


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
    batch_id: int | None = Field(description="上传时选择的申报批次（申报时默认用它）")
    total_rows: int
    valid_rows: int
    error_rows: int
    error_count: int
    order_count: int
    declarable_orders: int = Field(description="全部商品行都通过校验、可以申报的订单数")
    deleted_rows: int = Field(description="在预览中删除的行数（不申报）")
    errors: list[CellErrorOut] = Field(description=f"前 {MAX_ERRORS_IN_REPORT} 个错误；全部错误见逐行接口与标注文件")
    errors_truncated: bool


class ImportRowOut(Schema):
    id: int = Field(description="行的标识，逐格修改时使用")
    row: int
    is_valid: bool
    is_deleted: bool = Field(description="已在预览中删除：不申报，可以恢复")
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


def cell_errors(
    row_no: int, errors: list[dict[str, Any]], letters: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    """``letters``: column key → its letter in the uploaded sheet (the template's when not known)."""
    letters = letters or {}
    return [
        {
            "row": row_no,
            "column": error["column"],
            "column_label": BY_KEY[error["column"]].label if error["column"] in BY_KEY else error["column"],
            "cell": f"{letters.get(error['column']) or column_letter(error['column'])}{row_no}",
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
        "batch_id": order_import.batch_id,
        "total_rows": order_import.total_rows,
        "valid_rows": order_import.valid_rows,
        "error_rows": order_import.error_rows,
        "error_count": order_import.error_count,
        "order_count": order_import.order_count,
        "declarable_orders": order_import.declarable_orders,
        "deleted_rows": order_import.deleted_rows,
        "errors": errors,
        "errors_truncated": truncated,
    }


# --- statuses explained -----------------------------------------------------------------------------


class ExplainedOut(Schema):
    code: str = Field(description="海关回执状态 returnStatus，或系统状态（如 queued）", examples=["800"])
    label: str = Field(examples=["放行"])
    meaning: str = Field(examples=["海关已放行，货物可以装运出境"])
    next_step: str = Field(examples=["同批清单全部放行后，请提交清单总分单"])
    tone: str = Field(description="success / processing / warning / error / default", examples=["success"])


class ReceiptOut(Schema):
    message_type: str = Field(examples=["CEB604"])
    return_status: str
    return_time: datetime | None
    return_info: str
    applied: bool = Field(description="是否更新了单证状态（迟到或重复的回执不会改变状态）")
    explained: ExplainedOut


class ImportRowPatchIn(Schema):
    values: dict[str, str] = Field(
        description="要修改的单元格：列的海关字段名 → 新内容（按上传时同样的规则规范化和校验）",
        examples=[{"gcode": "7116200000"}],
    )


class OrderRowOut(Schema):
    id: int
    order_no: str
    batch_id: int | None
    batch_name: str
    logistics_no: str
    invt_no: str
    goods_value: Decimal
    currency: str
    created_at: datetime
    status: ExplainedOut = Field(description="订单当前的一个状态：有问题的单证优先，其次清单，最后订单")
    status_of: str = Field(description="状态来自哪份单证：order / logistics / inventory")
    order_status: ExplainedOut
    logistics_status: ExplainedOut | None
    inventory_status: ExplainedOut | None


class OrdersPage(Schema):
    items: list[OrderRowOut]
    total: int
    page: int
    page_size: int


class OrderCountsOut(Schema):
    total: int
    in_progress: int = Field(description="申报中（未审结、无问题）")
    cleared: int = Field(description="已审结（含人工审核、查验）")
    released: int
    closed: int
    problem: int = Field(description="被退单或出错，需要处理")
    cancelled: int


class TimelineEventOut(Schema):
    time: datetime
    title: str
    description: str
    tone: str
    code: str = ""
    next_step: str = ""


class OrderLineOut(Schema):
    gnum: int
    item_no: str
    item_name: str
    qty: Decimal
    unit: str
    price: Decimal
    total_price: Decimal


class OrderDetailOut(OrderRowOut):
    ebp_code: str
    ebp_name: str
    pre_no: str
    lines: list[OrderLineOut]
    timeline: list[TimelineEventOut]


# --- 清单总分单 (C3) ---------------------------------------------------------------------------------


class ManifestBatchOut(Schema):
    batch_id: int
    batch_name: str
    active_inventories: int = Field(description="有效清单数（不含被退单、已撤销的）")
    released_inventories: int = Field(description="已放行（含已结关）的清单数")
    all_released: bool
    ready: bool = Field(description="有已放行、尚未进入总分单的运单，可以提交")
    pending_logistics_nos: list[str] = Field(description="将自动关联的运单号")
    filed: int = Field(description="已提交的总分单数")
    traf_name: str = Field(description="批次中预填的运输工具名称")
    voyage_no: str
    bill_no: str


class ManifestIn(Schema):
    batch_id: int
    traf_name: str = Field(min_length=1, max_length=100, description="运输工具名称", examples=["CA1234"])
    voyage_no: str = Field(min_length=1, max_length=32, description="航班航次号", examples=["20260320"])
    bill_no: str = Field(min_length=1, max_length=37, description="提运单号", examples=["999-12345678"])
    domestic_traf_no: str = Field("", max_length=100, description="境内运输工具编号（可选）")


class ManifestOut(Schema):
    id: int
    batch_id: int | None
    batch_name: str
    cop_no: str
    pre_no: str
    traf_name: str
    voyage_no: str
    bill_no: str
    domestic_traf_no: str
    logistics_code: str
    logistics_name: str
    gross_weight: Decimal
    waybill_count: int
    app_type: str = Field(description="报送类型：1 新增；同一提运单号再次提交为 2 变更")
    app_type_label: str
    created_at: datetime
    status: ExplainedOut


class ManifestDetailOut(ManifestOut):
    logistics_nos: list[str]
    receipts: list[ReceiptOut]


class ManifestsOut(Schema):
    batches: list[ManifestBatchOut]
    items: list[ManifestOut]


# --- 汇总申请单 (C4) ---------------------------------------------------------------------------------


class SummaryCandidateOut(Schema):
    month: str = Field(examples=["2026-03"])
    customs_code: str
    inventories: int
    gross_weight: Decimal
    due_date: date = Field(description="申报截止日：次月 15 日")
    overdue: bool
    current_month: bool = Field(description="本月尚未结束：可以先汇总已结关的部分")


class SummaryIn(Schema):
    month: str = Field(pattern=r"^\d{4}-\d{2}$", examples=["2026-03"])
    customs_code: str = Field("", max_length=4)


class SummaryRowOut(Schema):
    id: int
    month: str
    cop_no: str
    sum_no: str
    entry_id: str = Field(description="报关单号（CEB792），出口退税用")
    inventories: int
    customs_code: str
    due_date: date
    created_at: datetime
    status: ExplainedOut


class SummaryResultOut(Schema):
    entry_id: str
    dec_state: str
    op_date: datetime | None
    gross_weight: Decimal
    net_weight: Decimal
    lines: int


class SummaryDetailOut(SummaryRowOut):
    invt_nos: list[str]
    gross_weight: Decimal
    receipts: list[ReceiptOut]
    results: list[SummaryResultOut]


class SummariesOut(Schema):
    candidates: list[SummaryCandidateOut]
    items: list[SummaryRowOut]


# --- 撤销申请单 (C5) ---------------------------------------------------------------------------------


class CancelIn(Schema):
    invt_no: str = Field(min_length=1, max_length=20, description="清单编号", examples=["230520260E000000001"])
    reason: str = Field(min_length=2, max_length=1000, description="撤销原因", examples=["买家取消订单，货物未出境"])


class CancelPrefillOut(Schema):
    invt_no: str
    inventory_guid: str
    ebc_code: str = Field(description="电商企业代码")
    ebc_name: str
    cop_name: str = Field(description="报文传输的企业名称")
    customs_code: str
    order_no: str
    logistics_no: str
    status: str
    status_label: str
    cancellable: bool
    refusal: str = Field(description="不能撤销时的原因")


class CancelOut(Schema):
    id: int
    invt_no: str
    inventory_guid: str
    order_no: str
    ebc_code: str
    ebc_name: str
    cop_name: str
    reason: str
    pre_no: str
    created_at: datetime
    sends_at: datetime | None = Field(description="排队中的撤销申请在此时刻发往海关，之前可「不再撤销」")
    withdrawable: bool
    progress: int = Field(description="进度百分比：提交 → 发送 → 海关入库 → 审核结果")
    status: ExplainedOut


class CancelDetailOut(CancelOut):
    receipts: list[ReceiptOut]


class CancelsPage(Schema):
    items: list[CancelOut]
    total: int
    page: int
    page_size: int
