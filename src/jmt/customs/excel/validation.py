"""Validate every row of an e-order workbook, cell by cell, with stable codes and Chinese messages.

Checks: required fields, lengths, numbers, the customs code tables (units, currencies, countries),
the 10-digit HS code, enterprise codes, qty × price = total (within 0.01), net ≤ gross weight; across
rows: one order's lines agree on the order-level fields, ≤ 100 lines an order, no item twice in an
order, no waybill number on two orders; against the database: order and waybill numbers already
declared. Blank rows and example rows (order number starting with 示例) are skipped.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL

from jmt.customs.errors import CELL_ERROR_CODES
from jmt.customs.excel import normalize as n
from jmt.customs.excel.columns import BY_KEY, COLUMNS, EXAMPLE_PREFIX, MAX_LINES_PER_ORDER, ORDER_LEVEL
from jmt.customs.excel.parse import Sheet, is_blank, is_example
from jmt.customs.models import Logistics, Order

TOTAL_TOLERANCE = Decimal("0.01")
DB_CHUNK = 5000


@dataclass(slots=True)
class CellError:
    column: str
    code: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"column": self.column, "code": self.code, "message": self.message}


@dataclass(slots=True)  # 100,000 of them in one upload
class Row:
    row_no: int
    values: dict[str, str]
    errors: list[CellError] = field(default_factory=list)
    duplicate_of: Row | None = None  # the first line of another order with the same order number

    @property
    def order_key(self) -> tuple[str, str]:
        return self.values.get("ebpCode", ""), self.values.get("orderNo", "")

    def fail(self, column: str, code: str, message: str = "") -> None:
        label = BY_KEY[column].label
        self.errors.append(CellError(column, code, message or f"{label}：{CELL_ERROR_CODES[code]}"))


@dataclass
class Defaults:
    ebp_code: str = ""
    ebp_name: str = ""
    ie_date: str = ""


@dataclass
class Outcome:
    rows: list[Row]
    order_count: int
    declarable_orders: int

    @property
    def valid_rows(self) -> int:
        return sum(1 for row in self.rows if not row.errors)

    @property
    def error_count(self) -> int:
        return sum(len(row.errors) for row in self.rows)


Normaliser = Callable[[object], tuple[str, str | None]]


def _normaliser(key: str) -> Normaliser:
    column = BY_KEY[key]
    kind = column.kind
    if kind == "text":
        return lambda raw: n.text(raw, column.max_length)
    if kind == "id":
        return lambda raw: n.identifier(raw, column.max_length)
    if kind == "enterprise":
        return n.enterprise
    if kind == "hs":
        return n.hs_code
    if kind == "decimal":
        return n.decimal
    if kind == "int":
        return n.integer
    if kind == "date":
        return n.excel_date
    table_of = {"unit": ("units", "UNIT_UNKNOWN"), "currency": ("currencies", "CURRENCY_UNKNOWN"),
                "country": ("countries", "COUNTRY_UNKNOWN")}  # fmt: skip
    name, code = table_of[kind]
    return lambda raw: n.code(raw, name, code)


# (position in the sheet, column key, normaliser, its answers so far: cell → (value, error code, blank))
Position = tuple[int, str, Normaliser, dict[object, tuple[str, str | None, bool]]]


def positions_of(columns: dict[int, str]) -> list[Position]:
    """How to read each mapped column (position → key). The answers are kept for one upload: a column
    repeats its values (units, currencies, names, prices) and normalising depends on nothing but the
    cell. They are keyed by the cell's type too, so ``1``, ``1.0`` and ``True`` stay apart."""
    return [(position, key, _normaliser(key), {}) for position, key in columns.items()]


def _row(row_no: int, cells: list[object], positions: list[Position], sheet: Sheet | None = None) -> Row:
    """One row's cells normalised (blank stays ``""``); the checks that need the whole order come later."""
    values: dict[str, str] = {}
    row = Row(row_no=row_no, values=values)
    width = len(cells)
    formulas = sheet.formula_cells if sheet is not None else None
    for position, key, normalise, answers in positions:
        raw = cells[position] if position < width else None
        seen = raw if type(raw) is str else (type(raw), raw)
        answer = answers.get(seen)
        if answer is None:
            blank = is_blank(raw)
            value, error = normalise(None if blank else raw)
            answer = answers[seen] = (value, error, blank)
        value, error, blank = answer
        if blank and formulas and (row_no, position) in formulas:
            row.fail(key, "FORMULA_NO_VALUE")
        values[key] = value
        if error == "CHARACTER_UNSUPPORTED":
            row.fail(
                key,
                error,
                f"{BY_KEY[key].label}：含有海关报文不支持的字符「{n.unsupported_character(value)}」"
                "（如表情符号），请删除或改用文字",
            )
        elif error:
            row.fail(key, error)
    if len(values) < len(BY_KEY):
        for key in BY_KEY:
            values.setdefault(key, "")
    return row


def _finish(row: Row, defaults: Defaults) -> None:
    """Defaults for what is still blank, then required cells and the numbers."""
    values = row.values
    if not values["ebpCode"]:
        values["ebpCode"] = defaults.ebp_code
        if not values["ebpName"]:
            values["ebpName"] = defaults.ebp_name
    if not values["ebpName"] and values["ebpCode"] == defaults.ebp_code:
        values["ebpName"] = defaults.ebp_name
    if not values["ieDate"]:
        values["ieDate"] = defaults.ie_date
    if not values["freight"]:
        values["freight"] = "0"
    failed = {error.column for error in row.errors}
    for key, label in _REQUIRED:
        # Blank platform cells with no default at all are filled from the batch at declaration.
        if not values[key] and key not in failed:
            row.fail(key, "REQUIRED", f"{label}：必填项为空")
    _check_numbers(row, failed)


_REQUIRED = tuple((column.key, column.label) for column in COLUMNS if column.required)
_POSITIVE = ("qty", "qty1", "price", "totalPrice", "grossWeight", "netWeight")


def _check_numbers(row: Row, failed: set[str]) -> None:
    values = row.values
    # Each number once; a number that fails a check takes part in no later one.
    numbers = {key: Decimal(values[key]) for key in (*_POSITIVE, "freight") if key not in failed and values[key]}
    for key in _POSITIVE:
        value = numbers.get(key)
        if value is not None and value <= 0:
            row.fail(key, "NUMBER_NOT_POSITIVE", f"{BY_KEY[key].label}：必须大于 0")
            failed.add(key)
            del numbers[key]
    freight = numbers.get("freight")
    if freight is not None and freight < 0:
        row.fail("freight", "NUMBER_NEGATIVE", "运费：不能为负数")
    qty, price, total = numbers.get("qty"), numbers.get("price"), numbers.get("totalPrice")
    if qty is not None and price is not None and total is not None:
        expected = qty * price
        if abs(expected - total) > TOTAL_TOLERANCE:
            row.fail(
                "totalPrice",
                "TOTAL_MISMATCH",
                f"总价：申报数量 {values['qty']} × 单价 {values['price']} = {format(expected.normalize(), 'f')}，"
                f"与总价 {values['totalPrice']} 不符",
            )
    gross, net = numbers.get("grossWeight"), numbers.get("netWeight")
    if gross is not None and net is not None and net > gross:
        row.fail(
            "netWeight", "NET_OVER_GROSS", f"净重：{values['netWeight']} 千克大于毛重 {values['grossWeight']} 千克"
        )


def read_rows(sheet: Sheet, *, max_rows: int) -> list[Row]:
    positions = positions_of(sheet.columns)
    order_position = next((p for p, key in sheet.columns.items() if key == "orderNo"), None)
    rows: list[Row] = []
    for row_no, cells in sheet.rows:
        if order_position is not None and order_position < len(cells):
            order_no = cells[order_position]
            # as_text only folds spaces and full-width forms: no 示例 in the cell, no example row
            if not (isinstance(order_no, str) and EXAMPLE_PREFIX not in order_no) and is_example(n.as_text(order_no)):
                continue
        rows.append(_row(row_no, cells, positions, sheet))
        if len(rows) > max_rows:
            break
    return rows


def _group(rows: list[Row], defaults: Defaults) -> dict[tuple[str, str], list[Row]]:
    """Rows by order. A line whose 电商平台代码 is blank joins the first order with its order number."""
    orders: dict[tuple[str, str], list[Row]] = {}
    first_key: dict[str, tuple[str, str]] = {}
    for row in rows:
        order_no = row.values["orderNo"]
        if not order_no:
            continue
        ebp = row.values["ebpCode"]
        key = (ebp, order_no) if ebp else first_key.get(order_no) or (defaults.ebp_code, order_no)
        first_key.setdefault(order_no, key)
        orders.setdefault(key, []).append(row)
    return orders


def _inherit(first: Row, row: Row) -> list[str]:
    """Blank order-level cells of a later line take the first line's; returns the columns that contradict it."""
    failed_first = {error.column for error in first.errors}
    failed = {error.column for error in row.errors}
    contradicting: list[str] = []
    for column in ORDER_LEVEL:
        if column == "orderNo" or column in failed or column in failed_first:
            continue
        mine, theirs = row.values[column], first.values[column]
        if not mine:
            row.values[column] = theirs
        elif mine != theirs and theirs:
            contradicting.append(column)
    return contradicting


def check_across_rows(rows: list[Row], defaults: Defaults | None = None) -> dict[tuple[str, str], list[Row]]:
    """Inheritance inside an order, then each row's own checks; order-level agreement, line limits,
    duplicates inside the file. Returns the orders."""
    defaults = defaults or Defaults()
    orders = _group(rows, defaults)
    for lines in orders.values():
        first = lines[0]
        for row in lines[1:]:
            contradicting = _inherit(first, row)
            if "logisticsNo" in contradicting:
                row.duplicate_of = first  # another parcel under the same order number
            else:
                for column in contradicting:
                    label = BY_KEY[column].label
                    row.fail(
                        column,
                        "ORDER_FIELDS_INCONSISTENT",
                        f"{label}：与第 {first.row_no} 行（同一订单的第 1 行）的「{first.values[column]}」不一致；"
                        "同一订单后面的行可以留空",
                    )
    for row in rows:
        _finish(row, defaults)
    waybills: dict[str, tuple[tuple[str, str], int]] = {}
    for key, lines in orders.items():
        first = lines[0]
        duplicates = [row for row in lines if row.duplicate_of is not None]
        if duplicates:
            numbers = "、".join(str(row.row_no) for row in [first, *duplicates])
            for row in [first, *duplicates]:
                row.fail(
                    "orderNo",
                    "ORDER_NO_DUPLICATED",
                    f"订单编号：{key[1]} 在第 {numbers} 行重复出现，且运单号不同；一个订单编号只能用于一个订单",
                )
        items: dict[str, Row] = {}
        for index, row in enumerate(lines):
            if index >= MAX_LINES_PER_ORDER:
                row.fail(
                    "orderNo",
                    "TOO_MANY_LINES",
                    f"订单编号：订单 {key[1]} 超过 {MAX_LINES_PER_ORDER} 个商品行（海关报文上限）",
                )
            item = row.values["itemNo"]
            if item:
                if item in items:
                    other = items[item]
                    row.fail(
                        "itemNo", "DUPLICATE_IN_FILE", f"企业商品货号：与第 {other.row_no} 行重复（同一订单同一商品）"
                    )
                    if not any(e.code == "DUPLICATE_IN_FILE" for e in other.errors):
                        other.fail(
                            "itemNo", "DUPLICATE_IN_FILE", f"企业商品货号：与第 {row.row_no} 行重复（同一订单同一商品）"
                        )
                else:
                    items[item] = row
        number = first.values["logisticsNo"]
        if number:
            carrier_key = f"{first.values['logisticsCode']}|{number}"
            if carrier_key in waybills and waybills[carrier_key][0] != key:
                for row in lines:
                    row.fail(
                        "logisticsNo",
                        "WAYBILL_REUSED_IN_FILE",
                        f"物流运单编号：{number} 已用于第 {waybills[carrier_key][1]} 行的订单",
                    )
            else:
                waybills.setdefault(carrier_key, (key, first.row_no))
    return orders


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _pairs_in_use(queryset: QuerySet[Any], field: str, keys: list[str], pair: tuple[str, str]) -> set[tuple[str, str]]:
    """``pair`` of each row of ``queryset`` whose ``field`` is one of ``keys``. PostgreSQL takes the keys
    as one array parameter (tens of thousands of placeholders cost Django and psycopg more than the
    query itself); elsewhere they go in chunks of ``DB_CHUNK``."""
    found: set[tuple[str, str]] = set()
    if not keys:
        return found
    if connection.vendor == "postgresql":
        model = queryset.model._meta
        column = f'"{model.db_table}"."{model.get_field(field).column}"'
        any_of = RawSQL(f"{column} = ANY(%s)", (keys,), output_field=BooleanField())  # noqa: S611 - names from the model, keys a parameter
        found.update(queryset.filter(any_of).values_list(*pair))
        return found
    for chunk in _chunks(keys, DB_CHUNK):
        found.update(queryset.filter(**{f"{field}__in": chunk}).values_list(*pair))
    return found


def check_against_database(orders: dict[tuple[str, str], list[Row]], *, merchant_id: int) -> None:
    """Order numbers this merchant already declared on the same platform; waybill numbers in use."""
    # The platform and carrier codes narrow each query to the unique indexes' leading columns.
    platforms = sorted({key[0] for key in orders})
    existing = _pairs_in_use(
        Order.objects.filter(merchant_id=merchant_id, ebp_code__in=platforms),
        "order_no",
        sorted({key[1] for key in orders}),
        ("ebp_code", "order_no"),
    )
    heads = [lines[0].values for lines in orders.values() if lines[0].values["logisticsNo"]]
    used = _pairs_in_use(
        Logistics.objects.filter(logistics_code__in=sorted({head["logisticsCode"] for head in heads})),
        "logistics_no",
        sorted({head["logisticsNo"] for head in heads}),
        ("logistics_code", "logistics_no"),
    )
    for key, lines in orders.items():
        if key in existing:
            for row in lines:
                row.fail("orderNo", "ORDER_EXISTS", f"订单编号：{key[1]} 已申报过，不能重复申报")
        first = lines[0].values
        if (first["logisticsCode"], first["logisticsNo"]) in used:
            for row in lines:
                row.fail("logisticsNo", "WAYBILL_EXISTS", f"物流运单编号：{first['logisticsNo']} 已申报过")


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Millions of small objects and none in a cycle: the cyclic collector would only walk them again
    and again while they are made (it runs as before afterwards)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def validate(sheet: Sheet, *, merchant_id: int, defaults: Defaults | None = None, max_rows: int) -> Outcome:
    with _collector_paused():
        rows = read_rows(sheet, max_rows=max_rows)
        orders = check_across_rows(rows, defaults or Defaults(ie_date=date.today().isoformat()))
    check_against_database(orders, merchant_id=merchant_id)
    declarable = sum(1 for lines in orders.values() if not any(row.errors for row in lines))
    return Outcome(rows=rows, order_count=len(orders), declarable_orders=declarable)
