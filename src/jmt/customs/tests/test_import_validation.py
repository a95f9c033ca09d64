"""Every validation rule has a failing row; normal input (full-width digits, spaces, date serials,
numbers as text) is normalised, not refused."""

from __future__ import annotations

from typing import Any

import pytest

from jmt.core.errors import ApiError
from jmt.customs.excel.parse import open_sheet
from jmt.customs.excel.validation import Defaults, validate
from jmt.customs.tests.factories import make_logistics, make_order
from jmt.customs.tests.workbooks import good_row, workbook

pytestmark = pytest.mark.django_db


def _check(rows: list[dict[str, Any]], merchant_id: int, **kwargs: Any):
    return validate(
        open_sheet(workbook(rows, **kwargs)),
        merchant_id=merchant_id,
        defaults=Defaults(ebp_code="3207960P01", ebp_name="东海水晶跨境商城", ie_date="2026-03-18"),
        max_rows=1000,
    )


def _codes(row) -> set[tuple[str, str]]:
    return {(error.column, error.code) for error in row.errors}


def test_a_good_row_passes(crystal_merchant):
    outcome = _check([good_row()], crystal_merchant.pk)
    assert outcome.rows[0].errors == []
    assert (outcome.order_count, outcome.declarable_orders) == (1, 1)
    values = outcome.rows[0].values
    assert (values["unit"], values["unit1"], values["currency"], values["country"]) == ("007", "035", "502", "502")
    assert (values["qty1"], values["price"], values["totalPrice"]) == ("0.05", "25.5", "51")


CASES = [
    ({"gname": ""}, "gname", "REQUIRED"),
    ({"orderNo": "D" * 61}, "orderNo", "TOO_LONG"),
    ({"itemNo": "X" * 21}, "itemNo", "TOO_LONG"),
    ({"qty": "两个", "totalPrice": 51}, "qty", "NUMBER_INVALID"),
    ({"price": 0, "totalPrice": 0}, "price", "NUMBER_NOT_POSITIVE"),
    ({"freight": -1}, "freight", "NUMBER_NEGATIVE"),
    ({"price": "25,50", "totalPrice": 51}, "price", "DECIMAL_COMMA"),
    ({"packNo": 1.5}, "packNo", "INTEGER_INVALID"),
    ({"gcode": "71162000"}, "gcode", "HS_CODE_INVALID"),
    ({"gcode": "711620000A"}, "gcode", "HS_CODE_INVALID"),
    ({"unit": "999"}, "unit", "UNIT_UNKNOWN"),
    ({"unit1": "斗"}, "unit1", "UNIT_UNKNOWN"),
    ({"currency": "XYZ"}, "currency", "CURRENCY_UNKNOWN"),
    ({"country": "火星"}, "country", "COUNTRY_UNKNOWN"),
    ({"logisticsCode": "ABC"}, "logisticsCode", "ENTERPRISE_CODE_INVALID"),
    ({"ieDate": "下周一"}, "ieDate", "DATE_INVALID"),
    ({"totalPrice": 50}, "totalPrice", "TOTAL_MISMATCH"),
    ({"netWeight": 0.5}, "netWeight", "NET_OVER_GROSS"),
]


@pytest.mark.parametrize(("change", "column", "code"), CASES, ids=[case[2] + ":" + case[1] for case in CASES])
def test_each_rule_flags_the_bad_cell(crystal_merchant, change, column, code):
    outcome = _check([good_row(), good_row(2, **change)], crystal_merchant.pk)
    assert outcome.rows[0].errors == []
    assert (column, code) in _codes(outcome.rows[1])
    message = next(e.message for e in outcome.rows[1].errors if e.code == code)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message)
    assert outcome.declarable_orders == 1


def test_the_same_item_twice_in_one_order(crystal_merchant):
    outcome = _check([good_row(1), good_row(1, logisticsNo="SF0000000001")], crystal_merchant.pk)
    assert ("itemNo", "DUPLICATE_IN_FILE") in _codes(outcome.rows[1])


def test_one_waybill_number_on_two_orders(crystal_merchant):
    outcome = _check([good_row(1), good_row(2, logisticsNo="SF0000000001")], crystal_merchant.pk)
    assert ("logisticsNo", "WAYBILL_REUSED_IN_FILE") in _codes(outcome.rows[1])


def test_lines_of_one_order_disagree_on_an_order_level_field(crystal_merchant):
    second = good_row(1, itemNo="AME-002", country="303-英国")
    outcome = _check([good_row(1), second], crystal_merchant.pk)
    assert ("country", "ORDER_FIELDS_INCONSISTENT") in _codes(outcome.rows[1])
    assert outcome.declarable_orders == 0  # a bad line holds back its whole order


def test_more_than_100_lines_in_one_order(crystal_merchant):
    rows = [good_row(1, itemNo=f"SKU-{i:03d}") for i in range(101)]
    outcome = _check(rows, crystal_merchant.pk)
    assert all(not row.errors for row in outcome.rows[:100])
    assert ("orderNo", "TOO_MANY_LINES") in _codes(outcome.rows[100])


def test_an_order_number_declared_before(crystal_merchant, batch):
    make_order(batch, order_no="DH202603180001")
    outcome = _check([good_row(1)], crystal_merchant.pk)
    assert ("orderNo", "ORDER_EXISTS") in _codes(outcome.rows[0])


def test_an_order_number_of_another_merchant_is_not_a_duplicate(other_batch, crystal_merchant):
    make_order(other_batch, order_no="DH202603180001")
    outcome = _check([good_row(1)], crystal_merchant.pk)
    assert outcome.rows[0].errors == []


def test_a_waybill_number_declared_before(crystal_merchant, batch):
    make_logistics(batch, logistics_no="SF0000000001", logistics_code="3207960L01")
    outcome = _check([good_row(1)], crystal_merchant.pk)
    assert ("logisticsNo", "WAYBILL_EXISTS") in _codes(outcome.rows[0])


def test_normal_input_is_normalised_not_refused(crystal_merchant):
    row = good_row(
        1,
        orderNo=" ＤＨ２０２６ 0318 0001 ",  # full-width letters and digits, stray spaces
        qty="２",  # full-width digit as text
        price=" 25.50 ",  # a number stored as text with spaces
        totalPrice="51.00",
        qty1="0,05".replace(",", "."),
        unit=7,  # the code typed as a number: leading zeros lost by Excel
        unit1="千克",  # the name instead of the code
        currency="USD",
        country=" 美国 ",
        gcode="7116.20.0000",
        logisticsNo="SF 0000 000 001",
        ieDate=46099,  # an Excel date serial
        grossWeight="0.350",
    )
    outcome = _check([row], crystal_merchant.pk)
    assert outcome.rows[0].errors == []
    values = outcome.rows[0].values
    assert values["orderNo"] == "DH202603180001"
    assert (values["qty"], values["price"], values["totalPrice"]) == ("2", "25.5", "51")
    assert (values["unit"], values["unit1"], values["currency"], values["country"]) == ("007", "035", "502", "502")
    assert values["gcode"] == "7116200000"
    assert values["logisticsNo"] == "SF0000000001"
    assert values["ieDate"] == "2026-03-18"
    assert values["grossWeight"] == "0.35"


def test_dates_in_the_usual_spellings(crystal_merchant):
    spellings = ["2026/3/18", "2026年3月18日", "20260318", "2026.3.18"]
    rows = [good_row(i, ieDate=value) for i, value in enumerate(spellings, start=1)]
    outcome = _check(rows, crystal_merchant.pk)
    assert {row.values["ieDate"] for row in outcome.rows} == {"2026-03-18"}


def test_blank_rows_and_the_example_row_are_skipped(crystal_merchant):
    outcome = _check([good_row(1, orderNo="示例-DH20260318001"), {}, good_row(2)], crystal_merchant.pk)
    assert [row.row_no for row in outcome.rows] == [4]


def test_platform_falls_back_to_the_batch(crystal_merchant):
    outcome = _check([good_row(1, ebpCode="", ebpName="")], crystal_merchant.pk)
    assert outcome.rows[0].values["ebpCode"] == "3207960P01"
    assert outcome.rows[0].errors == []


def test_columns_in_any_order_are_found_by_their_header(crystal_merchant):
    keys = [c for c in reversed(list(good_row()))]
    outcome = _check([good_row()], crystal_merchant.pk, columns=keys)
    assert outcome.rows[0].errors == []


def test_a_workbook_without_required_columns_is_refused(crystal_merchant):
    with pytest.raises(ApiError) as caught:
        open_sheet(workbook([good_row()], columns=["orderNo", "itemNo"]))
    assert caught.value.code == "CUSTOMS_IMPORT_COLUMNS_MISSING"
    assert "HS编码" in caught.value.details["columns"]


def test_bytes_that_are_not_a_workbook_are_refused():
    with pytest.raises(ApiError) as caught:
        open_sheet(b"PK\x03\x04 not really a zip")
    assert caught.value.code == "CUSTOMS_IMPORT_FILE_INVALID"
