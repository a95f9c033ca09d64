"""The port code table is data the back office maintains (issue 11 item 6): imported from the official
港口代码表 (CSV or xlsx, replace-all, nothing half-written), edited per row, one main port per country,
disabled ports refused as 指运港; merchants never reach it."""

from __future__ import annotations

import io
import json

import pytest
import xlsxwriter  # type: ignore[import-untyped]
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from conftest import make_role, make_staff
from jmt.audit.models import OperationLog
from jmt.customs.codes import main_port, ports
from jmt.customs.models import Inventory, PortCode, PortSource
from jmt.customs.tests.factories import make_batch
from jmt.customs.tests.flows import upload
from jmt.customs.tests.workbooks import good_row, workbook

pytestmark = pytest.mark.django_db
PORTS = "/admin/customs/ports"
SAMPLE_ROWS = 16  # migrations/ports_sample.csv
OFFICIAL = "代码,名称,国家(地区)代码,默认主港\nUSLA,洛杉矶,502,是\nUSNY,纽约,502,否\nJPTY,东京,116,是\n"


@pytest.fixture
def root(api, superadmin):
    return api.as_user(superadmin)


@pytest.fixture
def merchant_api(api, merchant_admin):
    return api.as_user(merchant_admin)


def send_file(api, content: bytes, name: str = "港口代码表.csv"):
    data = {"file": SimpleUploadedFile(name, content, content_type="application/octet-stream")}
    return api.client.post(f"/api/v1{PORTS}/import", data, headers={"Authorization": f"Bearer {api.token}"})


def patch(api, path, body):
    return api.client.patch(
        f"/api/v1{path}",
        json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {api.token}"},
    )


def port_id(code: str) -> int:
    return PortCode.objects.get(code=code).pk


def table_now() -> set[tuple[str, str, str, bool, str]]:
    return set(PortCode.objects.values_list("code", "name", "country", "is_main", "source"))


def test_the_table_starts_as_the_sample_and_says_so(root):
    state = root.get(f"{PORTS}/state").json()
    assert state["is_sample"] is True
    assert state["sample_rows"] == state["total"] > 0
    listed = root.get(PORTS, country="美国").json()["items"]
    first = listed[0]
    assert (first["code"], first["is_main"], first["source_label"]) == ("ULAX", True, "示例数据")


def test_an_import_replaces_the_whole_table_and_the_defaults_follow_it(root):
    response = send_file(root, OFFICIAL.encode())
    assert response.status_code == 200, response.content
    assert response.json() | {"updated_at": None} == {
        "total": 3,
        "enabled": 3,
        "countries": 2,
        "mains": 2,
        "sample_rows": 0,
        "is_sample": False,
        "updated_at": None,
    }
    assert table_now() == {
        ("USLA", "洛杉矶", "502", True, PortSource.OFFICIAL),
        ("USNY", "纽约", "502", False, PortSource.OFFICIAL),
        ("JPTY", "东京", "116", True, PortSource.OFFICIAL),
    }
    assert (main_port("502"), main_port("303")) == ("USLA", "")
    assert {code for code, _, _ in ports()} == {"USLA", "USNY", "JPTY"}
    log = OperationLog.objects.get(action="port_table_import")
    assert log.changes["rows"] == [SAMPLE_ROWS, 3]


def test_an_xlsx_with_full_width_headers_and_numeric_countries_imports(root):
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("港口代码表")
    sheet.write_row(0, 0, ["海关港口代码表（2026）"])
    sheet.write_row(1, 0, ["代码", "名称", "国家（地区）代码", "默认主港"])
    sheet.write_row(2, 0, ["ulax", "洛杉矶"])
    sheet.write_number(2, 2, 502)
    sheet.write_string(2, 3, "是")
    sheet.write_row(3, 0, ["GBLO", "伦敦", "303-英国", ""])
    book.close()
    response = send_file(root, buffer.getvalue(), "ports.xlsx")
    assert response.status_code == 200, response.content
    assert table_now() == {
        ("ULAX", "洛杉矶", "502", True, PortSource.OFFICIAL),
        ("GBLO", "伦敦", "303", False, PortSource.OFFICIAL),
    }


def test_a_bad_row_refuses_the_file_naming_the_rows_and_leaves_the_table_unchanged(root):
    before = table_now()
    bad = OFFICIAL + "FRPA,巴黎,888,否\nUSLA,洛杉矶港,502,否\n"
    response = send_file(root, bad.encode())
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "CUSTOMS_PORT_ROWS_INVALID"
    assert [(row["row"], row["code"]) for row in body["details"]["rows"]] == [(5, "FRPA"), (6, "USLA")]
    assert body["message"].startswith("第 5 行：国家(地区)代码「888」不在海关国别代码表中")
    assert "与第 2 行重复" in body["details"]["rows"][1]["message"]
    assert table_now() == before
    assert not OperationLog.objects.filter(action="port_table_import").exists()


def test_a_file_without_the_columns_or_rows_is_refused(root):
    missing = send_file(root, "代码,名称\nUSLA,洛杉矶\n".encode())
    assert (missing.status_code, missing.json()["code"]) == (422, "CUSTOMS_PORT_COLUMNS_MISSING")
    assert missing.json()["details"]["columns"] == ["国家(地区)代码"]
    empty = send_file(root, "代码,名称,国家(地区)代码,默认主港\n".encode("gb18030"))
    assert (empty.status_code, empty.json()["code"]) == (422, "CUSTOMS_PORT_EMPTY")
    assert PortCode.objects.filter(source=PortSource.SAMPLE).count() == SAMPLE_ROWS


def test_a_country_has_at_most_one_main_port(root):
    two = send_file(root, (OFFICIAL + "USSF,旧金山,502,是\n").encode())
    assert two.status_code == 422
    assert "已在第 2 行设为默认主港" in two.json()["details"]["rows"][0]["message"]

    moved = root.post(f"{PORTS}/{port_id('ULGB')}/main")
    assert moved.status_code == 200, moved.content
    assert moved.json()["is_main"] is True
    assert list(PortCode.objects.filter(country="502", is_main=True).values_list("code", flat=True)) == ["ULGB"]
    assert main_port("502") == "ULGB"
    assert OperationLog.objects.filter(action="port_set_main").count() == 2  # ULAX off, ULGB on

    with pytest.raises(IntegrityError), transaction.atomic():
        PortCode.objects.filter(code="UNYC").update(is_main=True)


def test_a_disabled_port_is_refused_in_a_batch_and_is_no_country_default(root, merchant_api, crystal_merchant):
    make_batch(crystal_merchant)  # the 点点通 configuration that pre-fills a new batch
    assert root.post(f"{PORTS}/{port_id('ULGB')}/disable").json()["enabled"] is False
    refused = merchant_api.post("/customs/batches", {"name": "第2批", "pod": "ULGB"})
    assert refused.status_code == 422
    assert refused.json()["details"]["fields"]["pod"] == "指运港 ULGB 不在港口代码表中或已停用，请从列表中选择"
    assert "ULGB" not in {o["value"] for o in merchant_api.get("/customs/batches/defaults").json()["ports"]}

    disabled_main = root.post(f"{PORTS}/{port_id('ULAX')}/disable").json()
    assert (disabled_main["enabled"], disabled_main["is_main"]) == (False, False)
    assert main_port("502") == ""
    again = root.post(f"{PORTS}/{port_id('ULAX')}/main")
    assert (again.status_code, again.json()["code"]) == (409, "CUSTOMS_PORT_DISABLED")
    assert root.post(f"{PORTS}/{port_id('ULAX')}/enable").json()["enabled"] is True


def test_a_batch_whose_pod_was_disabled_since_cannot_declare_but_can_be_renamed(root, merchant_api, crystal_merchant):
    batch = make_batch(crystal_merchant, pod="ULGB")
    root.post(f"{PORTS}/{port_id('ULGB')}/disable")
    assert patch(merchant_api, f"/customs/batches/{batch.pk}", {"name": "改名的批次"}).status_code == 200
    report = upload(merchant_api, workbook([good_row(1)]))
    response = merchant_api.post(f"/customs/orders/imports/{report['id']}/declare", {"batch_id": batch.pk})
    assert response.status_code == 409
    assert (response.json()["code"], response.json()["details"]) == ("CUSTOMS_POD_NOT_ENABLED", {"pods": ["ULGB"]})
    assert not Inventory.objects.exists()


def test_editing_a_row_checks_the_country_and_moving_it_drops_the_main_flag(root):
    ulax = port_id("ULAX")
    bad = patch(root, f"{PORTS}/{ulax}", {"name": "洛杉矶港", "country": "888"})
    assert bad.status_code == 422
    assert set(bad.json()["details"]["fields"]) == {"country"}
    renamed = patch(root, f"{PORTS}/{ulax}", {"name": "洛杉矶港", "country": "502"}).json()
    assert (renamed["name"], renamed["is_main"], renamed["country_name"]) == ("洛杉矶港", True, "美国")
    moved = patch(root, f"{PORTS}/{ulax}", {"name": "洛杉矶港", "country": "日本"}).json()
    assert (moved["country"], moved["is_main"]) == ("116", False)
    assert main_port("116") == "JTYO"
    log = OperationLog.objects.filter(action="port_update").latest("pk")
    assert log.changes["country"] == ["502", "116"]


def test_the_template_downloads_and_imports_as_it_is(root):
    template = root.get(f"{PORTS}/template")
    assert template.status_code == 200
    assert template.content.decode("utf-8-sig").splitlines()[0] == "代码,名称,国家(地区)代码,默认主港"
    assert send_file(root, template.content).status_code == 200
    assert main_port("502") == "ULAX"
    assert root.get(f"{PORTS}/state").json()["is_sample"] is False


def test_merchants_never_reach_the_port_table_and_staff_need_the_code(api, merchant_api, db):
    pk = port_id("ULAX")
    calls = [
        ("get", PORTS),
        ("get", f"{PORTS}/state"),
        ("get", f"{PORTS}/template"),
        ("post", f"{PORTS}/{pk}/main"),
        ("post", f"{PORTS}/{pk}/disable"),
        ("post", f"{PORTS}/{pk}/enable"),
    ]
    for method, path in calls:
        response = getattr(merchant_api, method)(path)
        assert (response.status_code, response.json()["code"]) == (404, "NOT_FOUND"), path
    assert send_file(merchant_api, OFFICIAL.encode()).status_code == 404
    assert patch(merchant_api, f"{PORTS}/{pk}", {"name": "x", "country": "502"}).status_code == 404

    viewer = api.as_user(make_staff("ports-viewer", roles=[make_role("港口查看", ["operations:ports:view"])]))
    assert viewer.get(PORTS).status_code == 200
    refused = viewer.post(f"{PORTS}/{pk}/disable")
    assert (refused.status_code, refused.json()["code"]) == (403, "PERMISSION_DENIED")
    assert send_file(viewer, OFFICIAL.encode()).status_code == 403
    assert PortCode.objects.get(pk=pk).enabled is True
