"""Back office CA: per-merchant progress board with filters and drill-down, and the XML of every message
sent and received, scoped by the staff member's data scope."""

from __future__ import annotations

import pytest

from conftest import make_role, make_staff
from jmt.customs.models import Direction, DocStatus, Message
from jmt.customs.services.submission import batch_submit
from jmt.customs.tests import pipeline
from jmt.customs.tests.factories import make_batch, make_shipment
from jmt.integrations.customs_gateway.simulator import Simulator

pytestmark = pytest.mark.django_db


@pytest.fixture
def root(api, superadmin):
    return api.as_user(superadmin)


@pytest.fixture
def declared(crystal_merchant, actor_for, clock):
    """One batch of two shipments declared through the simulator until the inventories are out."""
    batch = make_batch(crystal_merchant)
    make_shipment(batch)
    make_shipment(batch)
    batch_submit(actor=actor_for(crystal_merchant), batch=batch)
    pipeline.run(Simulator(seed=7, step_seconds=1, clock=clock, duplicate_rate=0, late_rate=0), clock, seconds=40)
    return batch


def test_the_board_counts_each_merchants_documents_and_filters(root, declared, other_batch):
    board = root.get("/admin/customs/overview").json()
    rows = {row["merchant_name"]: row for row in board["merchants"]}
    crystal = rows["东海晶莹水晶"]
    assert crystal["batches"]["total"] == 1
    assert crystal["orders"]["total"] == 2
    assert crystal["orders"]["approved"] == 2
    assert crystal["inventories"]["total"] == 2
    assert crystal["gateway_status"] == "ok"
    assert "连云港某水晶店" in rows  # a batch but no documents yet
    assert board["totals"]["orders"] == 2
    only = root.get("/admin/customs/overview", merchant_id=declared.merchant_id).json()
    assert [row["merchant_id"] for row in only["merchants"]] == [declared.merchant_id]
    approved = root.get("/admin/customs/overview", status="approved").json()
    assert [row["merchant_name"] for row in approved["merchants"]] == ["东海晶莹水晶"]
    future = root.get("/admin/customs/overview", date_from="2099-01-01").json()
    assert all(row["orders"]["total"] == 0 for row in future["merchants"])
    drill = root.get(f"/admin/customs/overview/{declared.merchant_id}").json()
    assert drill["batches"][0]["batch"]["id"] == declared.pk
    assert drill["gateway"]["app_secret"].startswith("已设置")


def test_the_xml_viewer_returns_the_stored_message_its_outbox_and_receipts(root, declared):
    sent = root.get("/admin/customs/messages", message_type="CEB303", direction="out").json()
    assert sent["total"] == 1
    row = sent["items"][0]
    assert (row["message_type_label"], row["merchant_name"], row["outbox_state"]) == (
        "电子订单",
        "东海晶莹水晶",
        "sent",
    )
    detail = root.get(f"/admin/customs/messages/{row['id']}").json()
    stored = Message.objects.get(pk=row["id"])
    assert detail["xml"] == stored.xml
    assert "\n  <ceb:Order>" in detail["xml_pretty"] or "\n  <ceb:Order" in detail["xml_pretty"]
    assert detail["outbox"]["state"] == "sent"
    assert {r["return_status"] for r in detail["receipts"]} >= {"120"}
    assert any(r["return_status_label"] == "海关入库" for r in detail["receipts"])
    assert [d["status"] for d in detail["documents"]] == [DocStatus.STORED, DocStatus.STORED]
    received = root.get("/admin/customs/messages", direction="in", merchant_id=declared.merchant_id).json()
    assert received["total"] > 0
    assert {item["merchant_name"] for item in received["items"]} == {"东海晶莹水晶"}
    incoming = root.get(f"/admin/customs/messages/{received['items'][0]['id']}").json()
    assert incoming["direction"] == Direction.IN
    assert incoming["receipts"]


def test_messages_are_found_by_invt_no_and_order_no(root, declared):
    order = declared.orders.first()
    by_order = root.get("/admin/customs/messages", q=order.order_no).json()
    assert {item["message_type"] for item in by_order["items"]} >= {"CEB303", "CEB304"}
    inventory = declared.inventories.exclude(invt_no="").first()
    assert inventory is not None
    by_invt = root.get("/admin/customs/messages", q=inventory.invt_no).json()
    assert "CEB604" in {item["message_type"] for item in by_invt["items"]}


def test_staff_without_the_code_get_403_and_merchants_404(api, declared, merchant_admin):
    clerk = make_staff("clerk", roles=[make_role("网关配置员", ["operations:gateway:view"])])
    refused = api.as_user(clerk).get("/admin/customs/messages")
    assert (refused.status_code, refused.json()["code"]) == (403, "PERMISSION_DENIED")
    assert api.as_user(clerk).get("/admin/customs/overview").status_code == 403
    assert api.as_user(merchant_admin).get("/admin/customs/overview").status_code == 404
    message = Message.objects.filter(direction=Direction.OUT).first()
    assert message is not None
    assert api.as_user(merchant_admin).get(f"/admin/customs/messages/{message.pk}").status_code == 404


def test_a_message_that_is_not_xml_is_shown_as_stored(root, crystal_merchant):
    message = Message.objects.create(
        direction=Direction.IN, message_type="UNKNOWN", xml="not xml at all", sha256="x" * 64, merchant=crystal_merchant
    )
    detail = root.get(f"/admin/customs/messages/{message.pk}").json()
    assert detail["xml_pretty"] == "not xml at all"
    assert detail["outbox"] is None
