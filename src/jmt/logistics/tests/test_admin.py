"""物流管理 (LA): carrier maintenance, the order list, handled flags, tracking numbers by hand or by
sheet (preview; unmatched rows refuse the sheet), exports."""

import csv
import io

import pytest
from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped]

from jmt.audit.models import OperationLog
from jmt.downloads.tests.helpers import export_file
from jmt.logistics.models import Carrier, Shipment
from jmt.logistics.tests.conftest import put, shipment_body

pytestmark = pytest.mark.django_db


@pytest.fixture
def booked(api, merchant_admin, carriers):
    me = api.as_user(merchant_admin)
    return [
        Shipment.objects.get(pk=me.post("/logistics/shipments", shipment_body(carriers["jp-line"])).json()["id"])
        for _ in range(3)
    ]


def carrier_body(carrier, **over):
    from jmt.logistics.selectors import carrier_admin_out

    out = carrier_admin_out(carrier)
    body = {
        k: out[k]
        for k in (
            "code",
            "name",
            "kind",
            "status",
            "status_reason",
            "qualification_status",
            "description",
            "timeliness_standard",
            "exception_handling",
            "zones",
            "volumetric_divisor",
            "weight_step",
            "fuel_surcharge_pct",
            "remote_postcodes",
            "max_weight_kg",
            "max_side_cm",
            "max_girth_cm",
            "max_sum_cm",
            "allows_battery",
            "allows_liquid",
            "allows_fragile",
            "fragile_packing_hint",
            "agreement_documents",
            "sort_order",
        )
    }
    body["remote_area_fee"] = out["remote_area_fee"]["amount"]
    body.update(over)
    return body


def test_the_back_office_edits_a_price_table_and_the_next_quote_uses_it(api, merchant_admin, logistics_staff, carriers):
    line = carriers["jp-line"]
    zones = [{**line.zones[0], "first_price": "60.00"}]
    response = put(
        api.as_user(logistics_staff), f"/admin/logistics/carriers/{line.pk}", carrier_body(line, zones=zones)
    )
    assert response.status_code == 200
    rows = (
        api.as_user(merchant_admin)
        .get("/logistics/quotes", country="JP", weight_kg="2", length_cm="30", width_cm="20", height_cm="15")
        .json()
    )
    assert next(r for r in rows if r["carrier"]["code"] == "jp-line")["total"]["amount"] == "96.00"


def test_pausing_a_carrier_needs_a_reason(api, logistics_staff, carriers):
    line = carriers["jp-line"]
    response = put(
        api.as_user(logistics_staff), f"/admin/logistics/carriers/{line.pk}", carrier_body(line, status="paused")
    )
    assert response.status_code == 422
    assert response.json()["details"]["fields"]["status_reason"].startswith("暂停或终止渠道时请填写原因")


def test_a_zone_whose_transit_range_is_reversed_is_refused_in_chinese(api, logistics_staff, carriers):
    line = carriers["jp-line"]
    zones = [{**line.zones[0], "transit_min": 9, "transit_max": 4}]
    response = put(
        api.as_user(logistics_staff), f"/admin/logistics/carriers/{line.pk}", carrier_body(line, zones=zones)
    )
    assert response.status_code == 422
    assert response.json()["code"] == "LOGISTICS_TRANSIT_REVERSED"
    assert response.json()["details"]["fields"] == {"zones.0.transit_min": "分区「日本」的最短时效不能大于最长时效"}
    line.refresh_from_db()
    assert line.zones[0]["transit_max"] == 7


@pytest.mark.parametrize(
    ("heavy", "missing", "message"),
    [
        (
            {"heavy_from": "20", "heavy_per_kg": None},
            "heavy_per_kg",
            "分区「韩国」填写了重货起算重量，请同时填写重货单价（元/kg），或两项都留空",
        ),
        (
            {"heavy_from": None, "heavy_per_kg": "30.00"},
            "heavy_from",
            "分区「韩国」填写了重货单价，请同时填写重货起算重量（kg），或两项都留空",
        ),
    ],
    ids=["threshold-without-rate", "rate-without-threshold"],
)
def test_a_zone_with_only_half_of_its_heavy_rate_is_refused_and_nothing_is_written(
    api, logistics_staff, carriers, heavy, missing, message
):
    line = carriers["jp-line"]
    before = (list(line.zones), line.description, line.updated_at)
    logged = OperationLog.objects.count()
    korea = {**line.zones[0], "name": "韩国", "countries": ["KR"], **heavy}
    body = carrier_body(line, zones=[line.zones[0], korea], description="改过的介绍")
    response = put(api.as_user(logistics_staff), f"/admin/logistics/carriers/{line.pk}", body)
    assert response.status_code == 422
    error = response.json()
    assert error["code"] == "LOGISTICS_HEAVY_RATE_REQUIRED"
    assert error["message"] == message
    assert error["details"]["zone"] == 1
    assert error["details"]["fields"] == {f"zones.1.{missing}": message}
    line.refresh_from_db()
    assert (line.zones, line.description, line.updated_at) == before
    assert OperationLog.objects.count() == logged


def test_a_new_carrier_with_half_a_heavy_rate_is_not_created(api, logistics_staff, carriers):
    dhl = carriers["dhl"]
    zones = [{**dhl.zones[0], "heavy_from": None}]
    body = carrier_body(dhl, code="dhl-new", name="DHL 新", zones=zones)
    response = api.as_user(logistics_staff).post("/admin/logistics/carriers", body)
    assert response.status_code == 422
    assert response.json()["code"] == "LOGISTICS_HEAVY_RATE_REQUIRED"
    assert not Carrier.objects.filter(code="dhl-new").exists()


def test_a_zone_with_both_heavy_fields_empty_is_saved(api, logistics_staff, carriers):
    line = carriers["jp-line"]
    zones = [{**line.zones[0], "heavy_from": None, "heavy_per_kg": None}]
    response = put(
        api.as_user(logistics_staff), f"/admin/logistics/carriers/{line.pk}", carrier_body(line, zones=zones)
    )
    assert response.status_code == 200
    line.refresh_from_db()
    assert (line.zones[0]["heavy_from"], line.zones[0]["heavy_per_kg"]) == (None, None)


def test_an_added_zone_is_saved_with_upper_case_countries(api, logistics_staff, carriers):
    line = carriers["jp-line"]
    added = {**line.zones[0], "name": "韩国", "countries": ["kr"], "heavy_from": "20", "heavy_per_kg": "30.00"}
    response = put(
        api.as_user(logistics_staff),
        f"/admin/logistics/carriers/{line.pk}",
        carrier_body(line, zones=[line.zones[0], added]),
    )
    assert response.status_code == 200
    assert response.json()["zones"][1] == {**added, "countries": ["KR"]}


def test_a_new_carrier_needs_a_free_code(api, logistics_staff, carriers):
    staff = api.as_user(logistics_staff)
    assert staff.post("/admin/logistics/carriers", carrier_body(carriers["dhl"], name="DHL 2")).status_code == 409
    assert (
        staff.post(
            "/admin/logistics/carriers", carrier_body(carriers["dhl"], code="dhl-economy", name="DHL 经济")
        ).status_code
        == 201
    )


def test_the_order_list_filters_by_handled_and_marks_in_batch(api, logistics_staff, booked):
    staff = api.as_user(logistics_staff)
    assert staff.get("/admin/logistics/shipments", handled="false").json()["total"] == 3
    response = staff.post(
        "/admin/logistics/shipments/mark", {"shipment_ids": [booked[0].pk, booked[1].pk], "handled": True}
    )
    assert response.json() == {"changed": 2}
    assert staff.get("/admin/logistics/shipments", handled="false").json()["total"] == 1
    assert staff.get("/admin/logistics/shipments", handled="true").json()["total"] == 2


def test_a_merchant_user_cannot_reach_the_back_office(api, merchant_admin, booked):
    assert api.as_user(merchant_admin).get("/admin/logistics/shipments").status_code in (403, 404)


def test_a_tracking_number_is_refused_when_another_shipment_of_the_carrier_has_it(api, logistics_staff, booked):
    staff = api.as_user(logistics_staff)
    put(staff, f"/admin/logistics/shipments/{booked[0].pk}/tracking-no", {"tracking_no": "JPL0001"})
    response = put(staff, f"/admin/logistics/shipments/{booked[1].pk}/tracking-no", {"tracking_no": "jpl0001"})
    assert response.status_code == 409
    assert response.json()["message"] == f"承运商运单号 JPL0001 已用于运单 {booked[0].number}"


def _xlsx(rows):
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(staff, name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return staff.client.post(
        "/api/v1/admin/logistics/tracking-sheet/preview",
        {"file": SimpleUploadedFile(name, content)},
        headers={"Authorization": f"Bearer {staff.token}"},
    )


def test_the_sheet_preview_matches_rows_and_names_the_unmatched_ones(api, logistics_staff, booked):
    staff = api.as_user(logistics_staff)
    content = _xlsx(
        [["运单编号", "承运商运单号"], [booked[0].number, "JPL1001"], ["JL000000", "JPL1002"], [booked[1].number, "x"]]
    )
    body = upload(staff, "运单号.xlsx", content).json()
    assert (body["ok"], body["bad"]) == (1, 2)
    assert [r["message"] for r in body["rows"]] == ["", "找不到该运单编号", "运单号为 6–40 位字母、数字或短横线"]
    assert not Shipment.objects.exclude(tracking_no="").exists()  # a preview writes nothing


def test_a_sheet_with_an_unmatched_row_is_refused_whole(api, logistics_staff, booked):
    staff = api.as_user(logistics_staff)
    rows = [
        {"row": 2, "number": booked[0].number, "tracking_no": "JPL1001"},
        {"row": 3, "number": "JL000000", "tracking_no": "JPL1002"},
    ]
    response = staff.post("/admin/logistics/tracking-sheet/apply", {"rows": rows})
    assert response.status_code == 422
    assert response.json()["code"] == "LOGISTICS_SHEET_INVALID"
    assert not Shipment.objects.exclude(tracking_no="").exists()


def test_a_matching_csv_sheet_fills_every_tracking_number(api, logistics_staff, booked):
    staff = api.as_user(logistics_staff)
    text = "运单编号,承运商运单号\n" + "".join(f"{s.number},JPL200{i}\n" for i, s in enumerate(booked))
    preview = upload(staff, "运单号.csv", ("\ufeff" + text).encode()).json()
    assert preview["bad"] == 0
    rows = [{"row": r["row"], "number": r["number"], "tracking_no": r["tracking_no"]} for r in preview["rows"]]
    assert staff.post("/admin/logistics/tracking-sheet/apply", {"rows": rows}).json() == {"applied": 3}
    assert sorted(Shipment.objects.values_list("tracking_no", flat=True)) == ["JPL2000", "JPL2001", "JPL2002"]
    assert all(Shipment.objects.values_list("handled", flat=True))


def test_a_sheet_without_the_two_columns_is_refused(api, logistics_staff, booked):
    response = upload(api.as_user(logistics_staff), "x.csv", b"a,b\n1,2\n")
    assert response.status_code == 422
    assert response.json()["message"] == "表头须包含「运单编号」和「承运商运单号」两列"


def test_orders_download_as_csv_with_a_bom_and_as_xlsx(api, logistics_staff, booked):
    staff = api.as_user(logistics_staff)
    data = export_file(staff, "/admin/logistics/shipments/export", format="csv")
    assert data.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert lines[0][:3] == ["运单编号", "商户", "物流渠道"]
    assert len(lines) == 4
    assert lines[1][2] == "日本专线"
    sheet = load_workbook(io.BytesIO(export_file(staff, "/admin/logistics/shipments/export", format="xlsx"))).active
    assert sheet.max_row == 4
    assert sheet.cell(2, 4).value == "日本"
