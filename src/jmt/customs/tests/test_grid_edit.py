"""Grid editing: fix a marked cell in the preview, and the row (and the rows it can clash with) is re-checked."""

from __future__ import annotations

import json

import pytest

from jmt.audit.models import OperationLog
from jmt.customs.models import ImportRow, Order, OrderImport
from jmt.customs.tests.flows import upload
from jmt.customs.tests.workbooks import good_row, workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_api(api, merchant_admin):
    return api.as_user(merchant_admin)


def _patch(api, import_id: int, row_id: int, values: dict[str, str]):
    return api.client.patch(
        f"/api/v1/customs/orders/imports/{import_id}/rows/{row_id}",
        json.dumps({"values": values}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {api.token}"},
    )


def _row(import_id: int, row_no: int) -> ImportRow:
    return ImportRow.objects.get(order_import_id=import_id, row_no=row_no)


def test_fixing_a_marked_cell_clears_its_error_and_updates_the_totals(admin_api):
    report = upload(admin_api, workbook([good_row(1), good_row(2, gcode="7116")]))
    assert (report["valid_rows"], report["declarable_orders"], report["error_count"]) == (1, 1, 1)
    row = _row(report["id"], 3)
    response = _patch(admin_api, report["id"], row.pk, {"gcode": "7116 2000 00"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["is_valid"] is True
    assert body["errors"] == []
    assert body["values"]["gcode"] == "7116200000"  # normalised as at upload
    order_import = OrderImport.objects.get(pk=report["id"])
    assert (order_import.valid_rows, order_import.error_count, order_import.declarable_orders) == (2, 0, 2)
    log = OperationLog.objects.get(action="order_import_row_update")
    assert log.changes["gcode"] == ["7116", "7116200000"]


def test_an_edit_can_introduce_an_error_and_the_totals_follow(admin_api):
    report = upload(admin_api, workbook([good_row(1)]))
    row = _row(report["id"], 2)
    body = _patch(admin_api, report["id"], row.pk, {"totalPrice": "60"}).json()
    assert [e["code"] for e in body["errors"]] == ["TOTAL_MISMATCH"]
    assert body["errors"][0]["cell"].endswith("2")
    order_import = OrderImport.objects.get(pk=report["id"])
    assert (order_import.valid_rows, order_import.error_count, order_import.declarable_orders) == (0, 1, 0)


def test_an_edit_that_reuses_another_orders_waybill_marks_the_duplicate(admin_api):
    report = upload(admin_api, workbook([good_row(1), good_row(2)]))
    second = _row(report["id"], 3)
    first_waybill = _row(report["id"], 2).logistics_no
    body = _patch(admin_api, report["id"], second.pk, {"logisticsNo": first_waybill}).json()
    assert [e["code"] for e in body["errors"]] == ["WAYBILL_REUSED_IN_FILE"]
    assert _row(report["id"], 2).is_valid  # the first order keeps its waybill
    # Giving it back its own number clears it again.
    body = _patch(admin_api, report["id"], second.pk, {"logisticsNo": "SF0000000002"}).json()
    assert body["is_valid"] is True
    assert OrderImport.objects.get(pk=report["id"]).declarable_orders == 2


def test_moving_a_line_into_another_order_checks_that_order_again(admin_api):
    report = upload(admin_api, workbook([good_row(1), good_row(2, itemNo="AME-001")]))
    second = _row(report["id"], 3)
    body = _patch(admin_api, report["id"], second.pk, {"orderNo": "DH202603180001"}).json()
    codes = {e["code"] for e in body["errors"]}
    assert "DUPLICATE_IN_FILE" in codes  # same item twice in one order now
    assert "ORDER_NO_DUPLICATED" in codes  # its waybill differs: another parcel under the same number
    order_import = OrderImport.objects.get(pk=report["id"])
    assert order_import.order_count == 1


def test_an_edit_to_an_order_number_already_declared_is_marked(admin_api, batch):
    report = upload(admin_api, workbook([good_row(1)]))
    admin_api.post(f"/customs/orders/imports/{report['id']}/declare", {"batch_id": batch.pk})
    second = upload(admin_api, workbook([good_row(7)]))
    row = _row(second["id"], 2)
    body = _patch(admin_api, second["id"], row.pk, {"orderNo": "DH202603180001"}).json()
    assert "ORDER_EXISTS" in {e["code"] for e in body["errors"]}


def test_a_declared_import_cannot_be_edited(admin_api, batch):
    report = upload(admin_api, workbook([good_row(1)]))
    admin_api.post(f"/customs/orders/imports/{report['id']}/declare", {"batch_id": batch.pk})
    response = _patch(admin_api, report["id"], _row(report["id"], 2).pk, {"itemName": "紫水晶"})
    assert response.status_code == 409
    assert response.json()["code"] == "CUSTOMS_IMPORT_DECLARED"
    assert Order.objects.get().lines.get().item_name == "8mm 紫水晶手链"


def test_an_unknown_column_is_refused(admin_api):
    report = upload(admin_api, workbook([good_row(1)]))
    response = _patch(admin_api, report["id"], _row(report["id"], 2).pk, {"buyer": "x"})
    assert response.status_code == 422
    assert response.json()["code"] == "CUSTOMS_IMPORT_COLUMN_UNKNOWN"


def test_a_member_cannot_edit_and_a_row_of_another_import_is_not_found(api, admin_api, merchant_member):
    first = upload(admin_api, workbook([good_row(1)]))
    second = upload(admin_api, workbook([good_row(2)]))
    member = api.as_user(merchant_member)
    refused = _patch(member, first["id"], _row(first["id"], 2).pk, {"itemName": "紫水晶"})
    assert refused.status_code == 403
    mismatched = _patch(admin_api, first["id"], _row(second["id"], 2).pk, {"itemName": "紫水晶"})
    assert mismatched.status_code == 404
