"""Spec fidelity of what we send (issue 11 item 6): POD is a port, a second 总分单 of a bill is a 变更,
weights shown to people are plain numbers. (CEB701's list-only rule is in test_messages.py.)"""

from __future__ import annotations

from decimal import Decimal

import pytest
from lxml import etree

from jmt.customs.codes import main_port
from jmt.customs.models import DocStatus, Inventory, Message, WayBill
from jmt.customs.schemas import plain
from jmt.customs.tests.factories import make_batch, make_shipment
from jmt.customs.tests.flows import upload
from jmt.customs.tests.workbooks import good_row, workbook
from jmt.customs.xml.schema import CEB_NS, validation_errors

pytestmark = pytest.mark.django_db
NS = {"ceb": CEB_NS}
MANIFEST = {"traf_name": "CA1234", "voyage_no": "20260320", "bill_no": "999-12345678"}


@pytest.fixture
def admin_api(api, merchant_admin):
    return api.as_user(merchant_admin)


def _declare(admin_api, batch, rows):
    report = upload(admin_api, workbook(rows))
    return admin_api.post(f"/customs/orders/imports/{report['id']}/declare", {"batch_id": batch.pk})


def test_pod_defaults_to_the_main_port_of_the_destination_country_not_the_country_code(admin_api, crystal_merchant):
    batch = make_batch(crystal_merchant, pod="")
    response = _declare(admin_api, batch, [good_row(1), good_row(2, country="116-日本")])
    assert response.status_code == 200, response.content
    pods = dict(Inventory.objects.values_list("country", "pod"))
    assert pods == {"502": main_port("502"), "116": main_port("116")}
    assert pods["502"] == "ULAX"
    assert "502" not in pods.values()


def test_the_batch_chooses_the_pod_for_all_its_inventories(admin_api, crystal_merchant):
    batch = make_batch(crystal_merchant, pod="ULGB")
    assert _declare(admin_api, batch, [good_row(1)]).status_code == 200
    assert Inventory.objects.get().pod == "ULGB"


def test_a_country_without_a_main_port_asks_for_the_batch_pod(admin_api, crystal_merchant):
    batch = make_batch(crystal_merchant, pod="")
    response = _declare(admin_api, batch, [good_row(1, country="101-阿富汗")])
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "CUSTOMS_POD_MISSING"
    assert body["details"] == {"countries": ["101"]}
    assert "阿富汗" in body["message"]
    assert not Inventory.objects.exists()


def test_the_batch_form_offers_the_ports_and_refuses_a_malformed_pod(admin_api, crystal_merchant):
    ports = admin_api.get("/customs/batches/defaults").json()["ports"]
    assert {"value": "ULAX", "label": "ULAX 洛杉矶（美国，默认主港）", "warning": ""} in ports
    make_batch(crystal_merchant)  # and the 点点通 configuration that pre-fills a new batch
    refused = admin_api.post("/customs/batches", {"name": "第2批", "pod": "L-A"})
    assert refused.status_code == 422
    assert set(refused.json()["details"]["fields"]) == {"pod"}
    assert "指运港" in refused.json()["details"]["fields"]["pod"]
    chosen = admin_api.post("/customs/batches", {"name": "第3批", "pod": "ulgb"})
    assert chosen.status_code == 201, chosen.content
    assert chosen.json()["pod"] == "ULGB"


def _released(batch, n):
    inventories = []
    for _ in range(n):
        _, _, inventory = make_shipment(batch)
        inventory.invt_no = f"23052026E{inventory.pk:010d}"[-18:]
        inventory.status = DocStatus.RELEASED
        inventory.gross_weight = Decimal("0.35")
        inventory.save()
        inventories.append(inventory)
    return inventories


def test_a_second_manifest_for_a_bill_already_sent_is_a_change_with_every_waybill(admin_api, batch):
    _, second = _released(batch, 2)
    Inventory.objects.filter(pk=second.pk).update(status=DocStatus.STORED)  # not released yet
    created = admin_api.post("/customs/manifests", {"batch_id": batch.pk, **MANIFEST})
    assert created.status_code == 201, created.content
    assert [(w["app_type"], w["waybill_count"]) for w in created.json()] == [("1", 1)]
    WayBill.objects.update(status=DocStatus.STORED)  # customs has it

    Inventory.objects.filter(pk=second.pk).update(status=DocStatus.RELEASED)
    again = admin_api.post("/customs/manifests", {"batch_id": batch.pk, **MANIFEST})

    assert again.status_code == 201, again.content
    [changed] = again.json()
    assert (changed["app_type"], changed["app_type_label"], changed["waybill_count"]) == ("2", "变更", 2)
    assert changed["gross_weight"] == "0.7"
    waybill = WayBill.objects.get()  # the same 总分单 (same copNo), not a second 新增
    messages = Message.objects.filter(direction="out", message_type="CEB607").order_by("pk")
    assert messages.count() == 2
    last = messages.last()
    assert last is not None
    root = etree.fromstring(last.xml.encode())
    assert validation_errors(root) == []
    head = root.find("ceb:WayBill/ceb:WayBillHead", namespaces=NS)
    assert head is not None
    assert head.findtext("ceb:appType", namespaces=NS) == "2"
    assert head.findtext("ceb:copNo", namespaces=NS) == waybill.cop_no
    assert len(root.findall("ceb:WayBill/ceb:WayBillList", namespaces=NS)) == 2


def test_a_manifest_for_a_new_bill_stays_a_new_one(admin_api, batch):
    _, second = _released(batch, 2)
    Inventory.objects.filter(pk=second.pk).update(status=DocStatus.STORED)
    assert admin_api.post("/customs/manifests", {"batch_id": batch.pk, **MANIFEST}).status_code == 201
    WayBill.objects.update(status=DocStatus.STORED)
    Inventory.objects.filter(pk=second.pk).update(status=DocStatus.RELEASED)
    other = admin_api.post("/customs/manifests", {"batch_id": batch.pk, **MANIFEST, "bill_no": "999-87654321"})
    assert [w["app_type"] for w in other.json()] == ["1"]
    assert WayBill.objects.count() == 2


def test_weights_are_plain_numbers():
    assert str(plain(Decimal("1.20000000000000"))) == "1.2"
    assert str(plain(Decimal("12.00000"))) == "12"
    assert str(plain(Decimal("0E-10"))) == "0"
    assert str(plain(Decimal("1E+1"))) == "10"
