"""Issue 11's workbook rules, each on a small generated workbook: platform defaults, decimal commas,
rounding, whitespace rows, inheritance inside an order, duplicates, formulas, title rows, characters."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from python_calamine import CalamineWorkbook

from conftest import S3_BUCKET
from jmt.customs.excel import normalize as n
from jmt.customs.excel.columns import COLUMNS, ORDER_LEVEL, header_text
from jmt.customs.excel.parse import open_sheet
from jmt.customs.excel.template import build_template
from jmt.customs.excel.validation import Defaults, validate
from jmt.customs.models import ImportRow, Order, OrderImport
from jmt.customs.tests.factories import make_gateway_config
from jmt.customs.tests.workbooks import good_row, workbook

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def admin_api(api, merchant_admin):
    return api.as_user(merchant_admin)


def _upload(api, content: bytes, **extra):
    headers = {"Authorization": f"Bearer {api.token}"} if api.token else {}
    data = {"file": SimpleUploadedFile("orders.xlsx", content, content_type=XLSX), **extra}
    return api.client.post("/api/v1/customs/orders/imports", data, headers=headers)


def _codes(report) -> set[tuple[int, str, str]]:
    return {(e["row"], e["column"], e["code"]) for e in report["errors"]}


# --- item 1: blank platform cells ------------------------------------------------------------------


def test_blank_platform_cells_take_the_chosen_batch_platform(admin_api, batch):
    content = workbook([good_row(1, ebpCode="", ebpName=""), good_row(2, ebpCode="", ebpName="")])
    response = _upload(admin_api, content, batch_id=batch.pk)
    assert response.status_code == 201, response.content
    report = response.json()
    assert report["errors"] == []
    assert report["batch_id"] == batch.pk
    stored = ImportRow.objects.filter(order_import_id=report["id"]).order_by("row_no")[0]
    assert (stored.data["ebpCode"], stored.data["ebpName"]) == (batch.ebp_code, batch.ebp_name)


def test_without_a_batch_blank_platform_cells_come_from_the_gateway_configuration(admin_api, crystal_merchant):
    make_gateway_config(crystal_merchant, ebp_code="3207960P77", ebp_name="晶莹自营商城")
    response = _upload(admin_api, workbook([good_row(1, ebpCode="", ebpName="")]))
    assert response.status_code == 201, response.content
    report = response.json()
    assert report["errors"] == []
    assert report["batch_id"] is None
    stored = ImportRow.objects.get(order_import_id=report["id"])
    assert (stored.data["ebpCode"], stored.data["ebpName"]) == ("3207960P77", "晶莹自营商城")


def test_without_a_batch_or_configuration_the_profile_is_the_platform(admin_api, crystal_merchant):
    crystal_merchant.credit_code = "91320722MA1XYZ1234"
    crystal_merchant.save()
    response = _upload(admin_api, workbook([good_row(1, ebpCode="", ebpName="")]))
    assert response.status_code == 201, response.content
    assert response.json()["errors"] == []
    stored = ImportRow.objects.get(order_import_id=response.json()["id"])
    assert (stored.data["ebpCode"], stored.data["ebpName"]) == ("91320722MA1XYZ1234", crystal_merchant.name)


def test_with_no_default_at_all_blank_platform_cells_wait_for_the_batch_of_the_declaration(admin_api, batch):
    batch.merchant.customs_gateway_config.delete()
    response = _upload(admin_api, workbook([good_row(1, ebpCode="", ebpName=""), good_row(2, ebpCode="", ebpName="")]))
    assert response.status_code == 201, response.content
    report = response.json()
    assert report["errors"] == []
    assert report["declarable_orders"] == 2
    make_gateway_config(batch.merchant)
    declared = admin_api.post(f"/customs/orders/imports/{report['id']}/declare", {"batch_id": batch.pk})
    assert declared.status_code == 200, declared.content
    assert set(Order.objects.filter(batch=batch).values_list("ebp_code", "ebp_name")) == {
        (batch.ebp_code, batch.ebp_name)
    }


# --- item 2: decimal commas and one rounding rule --------------------------------------------------


def _check(rows, merchant_id: int):
    return validate(
        open_sheet(workbook(rows)),
        merchant_id=merchant_id,
        defaults=Defaults(ebp_code="3207960P01", ebp_name="东海水晶跨境商城", ie_date="2026-03-18"),
        max_rows=1000,
    )


def test_a_decimal_comma_is_refused_asking_for_a_decimal_point(crystal_merchant):
    outcome = _check([good_row(1, price="25,50", totalPrice="51,00")], crystal_merchant.pk)
    errors = {(e.column, e.code): e.message for e in outcome.rows[0].errors}
    assert set(errors) == {("price", "DECIMAL_COMMA"), ("totalPrice", "DECIMAL_COMMA")}
    assert "小数点" in errors[("price", "DECIMAL_COMMA")]
    assert outcome.rows[0].values["price"] == "25,50"  # kept as typed, never 2550


@pytest.mark.parametrize("typed", ["2,5", "1,23", "12,3456", "1,234,56", ",500", "1,,234"])
def test_a_comma_that_is_not_a_thousands_grouping_is_refused(typed):
    assert n.decimal(typed) == (typed, "DECIMAL_COMMA")


@pytest.mark.parametrize(
    ("typed", "value"),
    [("1,234.50", "1234.5"), ("1，234.50", "1234.5"), ("12,345,678", "12345678"), ("１，２３４．５", "1234.5")],
)
def test_thousands_separators_keep_working(typed, value):
    assert n.decimal(typed) == (value, None)


@pytest.mark.parametrize("raw", [9.123456, "9.123456", " 9.123456 "])
def test_numbers_and_numeric_text_are_rounded_by_the_same_rule(raw):
    assert n.decimal(raw) == ("9.12346", None)


def test_rounding_is_half_up_at_the_fifth_decimal():
    assert n.decimal("0.000005") == ("0.00001", None)
    assert n.decimal(0.30000000000000004) == ("0.3", None)


def test_the_instructions_name_the_rounding_rule_and_the_decimal_point():
    book = CalamineWorkbook.from_filelike(io.BytesIO(build_template()))
    text = " ".join(str(cell) for row in book.get_sheet_by_name("填写说明").to_python() for cell in row)
    assert "四舍五入" in text
    assert "小数点" in text


# --- item 3: rows and messages ---------------------------------------------------------------------


def _openpyxl_book(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "电子订单"
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _template_row(row: dict) -> list[object]:
    return [row.get(column.key) for column in COLUMNS]


HEADER: list[object] = [header_text(column) for column in COLUMNS]


def test_a_row_of_only_whitespace_is_not_a_data_row(crystal_merchant):
    content = workbook([good_row(1), dict.fromkeys(("orderNo", "itemName", "note"), " \u3000 "), good_row(3)])
    outcome = validate(open_sheet(content), merchant_id=crystal_merchant.pk, defaults=Defaults(), max_rows=100)
    assert [row.row_no for row in outcome.rows] == [2, 4]
    assert outcome.error_count == 0


def test_lines_after_the_first_inherit_blank_order_level_cells(crystal_merchant):
    blank = dict.fromkeys(ORDER_LEVEL, "")
    second = good_row(1, itemNo="AME-002", **{**blank, "orderNo": "DH202603180001"})
    outcome = _check([good_row(1), second], crystal_merchant.pk)
    assert [row.errors for row in outcome.rows] == [[], []]
    assert outcome.rows[1].values["logisticsNo"] == outcome.rows[0].values["logisticsNo"]
    assert (outcome.order_count, outcome.declarable_orders) == (1, 1)


def test_a_contradicting_line_gets_one_message_per_cell(crystal_merchant):
    second = good_row(1, itemNo="AME-002", currency="142", grossWeight="")
    outcome = _check([good_row(1), second], crystal_merchant.pk)
    errors = outcome.rows[1].errors
    assert [(e.column, e.code) for e in errors] == [("currency", "ORDER_FIELDS_INCONSISTENT")]
    assert "第 2 行" in errors[0].message


def test_a_duplicated_order_number_is_reported_on_both_rows(crystal_merchant):
    outcome = _check([good_row(1), good_row(2), good_row(3, orderNo="DH202603180001")], crystal_merchant.pk)
    first, _, third = outcome.rows
    assert ("orderNo", "ORDER_NO_DUPLICATED") in {(e.column, e.code) for e in first.errors}
    assert ("orderNo", "ORDER_NO_DUPLICATED") in {(e.column, e.code) for e in third.errors}
    assert "第 2、4 行" in third.errors[0].message
    assert not [e for e in third.errors if e.code == "ORDER_FIELDS_INCONSISTENT"]


def test_a_formula_without_a_cached_value_says_so(admin_api):
    rows: list[list[object]] = [HEADER, _template_row(good_row(1, totalPrice=None))]
    rows[1][[c.key for c in COLUMNS].index("totalPrice")] = "=J2*N2"
    response = _upload(admin_api, _openpyxl_book(rows))
    assert response.status_code == 201, response.content
    errors = response.json()["errors"]
    assert [(e["cell"], e["code"]) for e in errors] == [("O2", "FORMULA_NO_VALUE")]
    assert errors[0]["message"] == "总价：公式没有计算结果，请在 Excel 中保存后再上传"


def test_a_title_row_above_the_header_is_skipped(admin_api):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "电子订单"
    sheet.append(["东海晶莹水晶 2026 年 3 月电子订单"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=8)
    sheet.append(["", *HEADER])  # and the table starts in column B
    sheet.append(["", *_template_row(good_row(1, gcode="7116"))])
    buffer = io.BytesIO()
    book.save(buffer)
    response = _upload(admin_api, buffer.getvalue())
    assert response.status_code == 201, response.content
    report = response.json()
    assert report["total_rows"] == 1
    assert [(e["row"], e["cell"], e["code"]) for e in report["errors"]] == [(3, "H3", "HS_CODE_INVALID")]


def test_chinese_punctuation_in_names_is_kept_as_typed(crystal_merchant):
    outcome = _check(
        [good_row(1, itemName="紫水晶手链（8mm，天然）", gname="天然紫水晶手链：无品牌")], crystal_merchant.pk
    )
    values = outcome.rows[0].values
    assert (values["itemName"], values["gname"]) == ("紫水晶手链（8mm，天然）", "天然紫水晶手链：无品牌")
    assert outcome.rows[0].errors == []


def test_an_emoji_is_refused_naming_the_cell(admin_api):
    response = _upload(admin_api, workbook([good_row(1, itemName="紫水晶手链💎", gmodel="Café Zoë|ñ")]))
    errors = response.json()["errors"]
    assert [(e["cell"], e["code"]) for e in errors] == [("E2", "CHARACTER_UNSUPPORTED")]
    assert "「💎」" in errors[0]["message"]


def _rows(import_id: int) -> dict[int, ImportRow]:
    return {row.row_no: row for row in ImportRow.objects.filter(order_import_id=import_id)}


def test_a_row_deleted_in_the_preview_is_not_declared_and_can_be_restored(admin_api, batch):
    content = workbook([good_row(1), good_row(2), good_row(3, orderNo="DH202603180001")])
    report = _upload(admin_api, content).json()
    assert report["declarable_orders"] == 1  # 0001 twice with two waybills: both rows refused
    third = _rows(report["id"])[4]
    base = f"/customs/orders/imports/{report['id']}/rows/{third.pk}"

    deleted = admin_api.post(f"{base}/delete").json()
    assert deleted["is_deleted"] is True
    after = admin_api.get(f"/customs/orders/imports/{report['id']}").json()
    assert (after["declarable_orders"], after["deleted_rows"], after["error_rows"], after["errors"]) == (2, 1, 0, [])
    assert _rows(report["id"])[2].is_valid  # the duplicate is gone, so the first row is fine again

    restored = admin_api.post(f"{base}/restore").json()
    assert restored["is_deleted"] is False
    again = admin_api.get(f"/customs/orders/imports/{report['id']}").json()
    assert (again["declarable_orders"], again["deleted_rows"], again["error_rows"]) == (1, 0, 2)

    admin_api.post(f"{base}/delete")
    declared = admin_api.post(f"/customs/orders/imports/{report['id']}/declare", {"batch_id": batch.pk})
    assert declared.status_code == 200, declared.content
    assert set(Order.objects.filter(batch=batch).values_list("order_no", flat=True)) == {
        "DH202603180001",
        "DH202603180002",
    }
    assert Order.objects.get(order_no="DH202603180001").lines.count() == 1


def test_a_declared_import_refuses_deleting_rows(admin_api, batch):
    report = _upload(admin_api, workbook([good_row(1)])).json()
    admin_api.post(f"/customs/orders/imports/{report['id']}/declare", {"batch_id": batch.pk})
    row = _rows(report["id"])[2]
    response = admin_api.post(f"/customs/orders/imports/{report['id']}/rows/{row.pk}/delete")
    assert response.status_code == 409
    assert response.json()["code"] == "CUSTOMS_IMPORT_DECLARED"


# --- item 4: the annotated error file is the merchant's workbook -----------------------------------


def _merchant_workbook() -> bytes:
    """The downloaded template, filled in: an extra column of the merchant's own, numbers as numbers."""
    book = openpyxl.load_workbook(io.BytesIO(build_template()))
    sheet = book["电子订单"]
    sheet.delete_rows(2)  # the example row
    extra = len(COLUMNS) + 2
    sheet.cell(row=1, column=extra, value="店铺备注")
    keys = [column.key for column in COLUMNS]
    for r, row in enumerate([good_row(1), good_row(2, gcode="7116", price=30)], start=2):
        for c, key in enumerate(keys, start=1):
            value = row[key]
            if value not in ("", None):
                sheet.cell(row=r, column=c, value=value)
        sheet.cell(row=r, column=extra, value=f"客户 {r}")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_the_error_file_is_the_uploaded_workbook_with_marks_only(admin_api):
    uploaded = _merchant_workbook()
    report = _upload(admin_api, uploaded).json()
    assert {(e["cell"], e["code"]) for e in report["errors"]} == {("G3", "HS_CODE_INVALID"), ("O3", "TOTAL_MISMATCH")}
    response = admin_api.get(f"/customs/orders/imports/{report['id']}/error-file")
    assert response.status_code == 200
    marked = openpyxl.load_workbook(io.BytesIO(response.content))
    original = openpyxl.load_workbook(io.BytesIO(uploaded))
    assert marked.sheetnames == original.sheetnames == ["电子订单", "填写说明", "代码表"]
    sheet, before = marked["电子订单"], original["电子订单"]
    # every cell the merchant typed is still there, with its type
    for row in before.iter_rows():
        for cell in row:
            assert sheet[cell.coordinate].value == cell.value, cell.coordinate
    assert sheet["N2"].data_type == "n"
    assert sheet["N2"].value == 25.5
    assert sheet.cell(row=2, column=len(COLUMNS) + 2).value == "客户 2"  # the merchant's own column
    # drop-downs and the other sheets untouched
    assert len(sheet.data_validations.dataValidation) == len(before.data_validations.dataValidation) == 4
    assert [list(r) for r in marked["代码表"].values] == [list(r) for r in original["代码表"].values]
    assert [list(r) for r in marked["填写说明"].values] == [list(r) for r in original["填写说明"].values]
    # the marks: red fill + comment on the bad cells, a summary column after the last used one
    assert sheet["G3"].fill.fgColor.rgb == "FFFFC7CE"
    assert "HS 编码必须是 10 位数字" in sheet["G3"].comment.text
    assert sheet["G2"].comment is None or "HS" not in sheet["G2"].comment.text
    summary = len(COLUMNS) + 3
    assert sheet.cell(row=1, column=summary).value == "错误说明"
    assert "与总价" in sheet.cell(row=3, column=summary).value
    assert sheet.cell(row=2, column=summary).value is None


def test_a_fixed_annotated_file_uploads_again_and_is_annotated_afresh(admin_api):
    first = _upload(admin_api, _merchant_workbook()).json()
    marked = admin_api.get(f"/customs/orders/imports/{first['id']}/error-file").content
    book = openpyxl.load_workbook(io.BytesIO(marked))
    book["电子订单"]["G3"] = "7116200000"
    buffer = io.BytesIO()
    book.save(buffer)
    again = _upload(admin_api, buffer.getvalue()).json()
    assert [e["code"] for e in again["errors"]] == ["TOTAL_MISMATCH"]
    sheet = openpyxl.load_workbook(
        io.BytesIO(admin_api.get(f"/customs/orders/imports/{again['id']}/error-file").content)
    )["电子订单"]
    summary = [cell.column for cell in sheet[1] if cell.value == "错误说明"]
    assert len(summary) == 1
    assert "HS" not in (sheet.cell(row=3, column=summary[0]).value or "")
    assert sheet["G3"].comment is None  # the fixed cell lost its old mark
    assert sheet["G3"].fill.fgColor.rgb != "FFFFC7CE"
    assert "与总价" in sheet["O3"].comment.text


def test_the_kept_workbook_lives_in_the_bucket_and_the_error_file_is_marked_from_it(admin_api, s3, settings):
    uploaded = _merchant_workbook()
    report = _upload(admin_api, uploaded).json()
    kept = OrderImport.objects.get(pk=report["id"]).source_path
    assert s3.get_object(Bucket=S3_BUCKET, Key=kept)["Body"].read() == uploaded
    assert not any(p.is_file() for p in Path(settings.MEDIA_ROOT).rglob("customs-imports/**/*"))
    response = admin_api.get(f"/customs/orders/imports/{report['id']}/error-file")
    marked = openpyxl.load_workbook(io.BytesIO(response.content))
    assert marked["电子订单"]["G3"].fill.fgColor.rgb == "FFFFC7CE"
    assert marked["电子订单"].cell(row=2, column=len(COLUMNS) + 2).value == "客户 2"  # the merchant's own file
