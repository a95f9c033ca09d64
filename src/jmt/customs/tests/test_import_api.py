"""The e-order endpoints: template, upload → report, rows, error file, declare; scoped and guarded."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from python_calamine import CalamineWorkbook

from jmt.audit.models import OperationLog
from jmt.customs.models import DocStatus, ImportRow, Inventory, Logistics, Order, OrderImport, Outbox
from jmt.customs.tests.workbooks import good_row, workbook

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _upload(api, content: bytes, **extra):
    headers = {"Authorization": f"Bearer {api.token}"} if api.token else {}
    data = {"file": SimpleUploadedFile("orders.xlsx", content, content_type=XLSX), **extra}
    return api.client.post("/api/v1/customs/orders/imports", data, headers=headers)


@pytest.fixture
def admin_api(api, merchant_admin):
    return api.as_user(merchant_admin)


def _mixed() -> bytes:
    return workbook([good_row(1), good_row(2, gcode="7116"), good_row(3, totalPrice=99)])


def test_the_template_has_the_columns_drop_downs_instructions_and_an_example(admin_api):
    response = admin_api.get("/customs/orders/import-template")
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    assert book.sheet_names == ["电子订单", "填写说明", "代码表"]
    rows = book.get_sheet_by_name("电子订单").to_python()
    assert rows[0][0] == "订单编号*"
    assert "HS编码*" in rows[0]
    assert "法定计量单位*" in rows[0]
    assert str(rows[1][0]).startswith("示例")
    codes = book.get_sheet_by_name("代码表").to_python()
    assert "035-千克" in [row[0] for row in codes]
    assert "502-美元 USD" in [row[1] for row in codes]
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert sheet.count("<dataValidation ") == 4  # unit, unit1, currency, country


def test_the_example_row_of_the_template_validates(admin_api):
    content = admin_api.get("/customs/orders/import-template").content
    response = _upload(admin_api, content)
    assert response.status_code == 422  # only the example row: nothing to import
    assert response.json()["code"] == "CUSTOMS_IMPORT_EMPTY"


def test_an_upload_is_validated_and_stored_with_a_report(admin_api, crystal_merchant):
    response = _upload(admin_api, _mixed())
    assert response.status_code == 201, response.content
    report = response.json()
    assert (report["total_rows"], report["valid_rows"], report["error_rows"]) == (3, 1, 2)
    assert report["declarable_orders"] == 1
    found = {(e["row"], e["column"], e["code"]) for e in report["errors"]}
    assert found == {(3, "gcode", "HS_CODE_INVALID"), (4, "totalPrice", "TOTAL_MISMATCH")}
    gcode_error = next(e for e in report["errors"] if e["column"] == "gcode")
    assert (gcode_error["cell"], gcode_error["column_label"]) == ("G3", "HS编码")
    order_import = OrderImport.objects.get(pk=report["id"])
    assert order_import.merchant == crystal_merchant
    assert ImportRow.objects.filter(order_import=order_import).count() == 3
    assert OperationLog.objects.filter(action="order_import_create", object_id=str(order_import.pk)).exists()
    again = admin_api.get(f"/customs/orders/imports/{report['id']}").json()
    assert again["errors"] == report["errors"]


def test_rows_page_for_the_preview_grid(admin_api):
    import_id = _upload(admin_api, _mixed()).json()["id"]
    page = admin_api.get(f"/customs/orders/imports/{import_id}/rows", errors_only="true").json()
    assert page["total"] == 2
    assert [item["row"] for item in page["items"]] == [3, 4]
    assert page["items"][0]["values"]["gcode"] == "7116"
    assert page["items"][0]["errors"][0]["code"] == "HS_CODE_INVALID"


def test_the_error_file_marks_bad_cells_with_comments(admin_api):
    import_id = _upload(admin_api, _mixed()).json()["id"]
    response = admin_api.get(f"/customs/orders/imports/{import_id}/error-file")
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        comments = "".join(archive.read(n).decode() for n in archive.namelist() if "comments" in n)
    assert "HS 编码必须是 10 位数字" in comments
    assert "与总价 99 不符" in comments
    rows = CalamineWorkbook.from_filelike(io.BytesIO(response.content)).get_sheet_by_index(0).to_python()
    assert rows[2][6] == "7116"  # row 3 of the upload is row 3 here
    assert "HS 编码" in str(rows[2][-1])


def test_declaring_creates_the_documents_and_queues_orders_and_waybills(admin_api, batch):
    import_id = _upload(admin_api, workbook([good_row(1), good_row(2), good_row(3, gcode="1")])).json()["id"]
    response = admin_api.post(f"/customs/orders/imports/{import_id}/declare", {"batch_id": batch.pk})
    assert response.status_code == 200, response.content
    assert response.json() == {"messages": 2, "documents": 4}
    assert Order.objects.filter(batch=batch, status=DocStatus.QUEUED).count() == 2
    assert Logistics.objects.filter(batch=batch, status=DocStatus.QUEUED).count() == 2
    inventory = Inventory.objects.get(order__order_no="DH202603180001")
    assert inventory.status == DocStatus.DRAFT
    assert inventory.lines.get().gcode == "7116200000"
    assert Outbox.objects.count() == 2
    again = admin_api.post(f"/customs/orders/imports/{import_id}/declare", {"batch_id": batch.pk})
    assert again.status_code == 409
    # Says what happened: declared already, into which batch — not "fix the red errors".
    assert again.json()["code"] == "CUSTOMS_IMPORT_ALREADY_DECLARED"
    assert again.json()["details"] == {"batch_id": batch.pk, "orders": 2}
    assert f"已经申报到批次「{batch.name}」（2 票订单）" in again.json()["message"]


def test_all_or_nothing_refuses_while_any_row_is_wrong(admin_api, batch):
    import_id = _upload(admin_api, _mixed()).json()["id"]
    response = admin_api.post(
        f"/customs/orders/imports/{import_id}/declare", {"batch_id": batch.pk, "all_or_nothing": True}
    )
    assert response.status_code == 409
    assert Order.objects.count() == 0


def test_a_member_may_look_but_not_upload(api, merchant_admin, merchant_member):
    import_id = _upload(api.as_user(merchant_admin), _mixed()).json()["id"]
    member = api.as_user(merchant_member)
    refused = _upload(member, _mixed())
    assert refused.status_code == 403
    assert refused.json()["code"] == "PERMISSION_DENIED"
    assert member.get(f"/customs/orders/imports/{import_id}").status_code == 200


def test_another_merchants_import_is_not_found(api, merchant_admin, other_merchant_user):
    import_id = _upload(api.as_user(merchant_admin), _mixed()).json()["id"]
    outsider = api.as_user(other_merchant_user)
    for path in ("", "/rows", "/error-file"):
        response = outsider.get(f"/customs/orders/imports/{import_id}{path}")
        assert response.status_code in (403, 404)
        assert response.json()["code"] in ("NOT_FOUND", "CUSTOMS_MODULE_CLOSED")


def test_another_merchants_batch_is_not_found(api, merchant_admin, other_batch):
    admin = api.as_user(merchant_admin)
    import_id = _upload(admin, _mixed()).json()["id"]
    response = admin.post(f"/customs/orders/imports/{import_id}/declare", {"batch_id": other_batch.pk})
    assert response.status_code == 404


def test_a_merchant_whose_registration_is_not_approved_cannot_use_customs(api, other_merchant_user):
    response = api.as_user(other_merchant_user).get("/customs/orders/import-template")
    assert response.status_code == 403
    assert response.json()["code"] == "CUSTOMS_MODULE_CLOSED"


def test_anonymous_callers_are_refused(api):
    assert api.get("/customs/orders/import-template").status_code == 401
