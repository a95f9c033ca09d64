"""订单状态: declared orders with explained statuses, filters, counts, and one timeline to 结关."""

from __future__ import annotations

from datetime import datetime

import pytest

from conftest import make_merchant_user
from jmt.customs.models import DocStatus, Inventory, Order
from jmt.customs.tests import pipeline
from jmt.customs.tests.flows import declare, quiet_simulator, run_until
from jmt.merchants.models import MemberRole, Merchant, RegistrationStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_api(api, merchant_admin):
    return api.as_user(merchant_admin)


@pytest.fixture
def simulator(clock):
    return quiet_simulator(clock)


@pytest.fixture
def outsider_api(api):
    approved = Merchant.objects.create(name="连云港晶品", registration_status=RegistrationStatus.APPROVED)
    return api.as_user(make_merchant_user("13900000019", approved, MemberRole.ADMIN))


def test_declared_orders_are_listed_with_their_explained_status(admin_api, batch):
    declare(admin_api, batch, rows=2)
    page = admin_api.get("/customs/orders").json()
    assert page["total"] == 2
    first = page["items"][0]
    assert first["status"]["label"] == "排队发送"
    assert first["status"]["next_step"]
    assert first["batch_name"] == batch.name
    assert first["inventory_status"]["label"] == "待申报"


def test_statuses_move_to_released_and_closed_and_the_counts_follow(admin_api, batch, simulator, clock):
    declare(admin_api, batch, rows=2)
    run_until(simulator, clock, batch, DocStatus.RELEASED)
    page = admin_api.get("/customs/orders", status="released").json()
    assert page["total"] == 2
    assert {item["status"]["label"] for item in page["items"]} == {"放行"}
    assert all(item["invt_no"] for item in page["items"])
    counts = admin_api.get("/customs/orders/status-counts").json()
    assert (counts["total"], counts["released"], counts["problem"]) == (2, 2, 0)
    run_until(simulator, clock, batch, DocStatus.CLOSED)
    counts = admin_api.get("/customs/orders/status-counts", batch_id=batch.pk).json()
    assert counts["closed"] == 2


def test_search_by_order_invt_and_waybill_number(admin_api, batch, simulator, clock):
    declare(admin_api, batch, rows=3)
    run_until(simulator, clock, batch, DocStatus.RELEASED)
    inventory = Inventory.objects.order_by("pk").first()
    assert inventory is not None
    for term in (inventory.order_no, inventory.invt_no, inventory.logistics_no):
        page = admin_api.get("/customs/orders", search=term).json()
        assert [item["order_no"] for item in page["items"]] == [inventory.order_no], term


def test_a_rejected_order_shows_as_a_problem_with_customs_reason(admin_api, batch, simulator, clock):
    declare(admin_api, batch, rows=1)
    Order.objects.update(goods_value=1)  # customs compares it with the lines' total
    Order.objects.update(status=DocStatus.DRAFT)
    from jmt.customs.models import Outbox

    Outbox.objects.filter(message__message_type="CEB303").delete()
    from jmt.customs.services.submission import orders_submit_system

    orders_submit_system(batch=batch)
    for _ in range(10):
        pipeline.run(simulator, clock, seconds=0)
    page = admin_api.get("/customs/orders", status="problem").json()
    assert page["total"] == 1
    status = page["items"][0]["status"]
    assert status["label"] == "海关退单"
    assert "不符" in status["meaning"]
    assert page["items"][0]["status_of"] == "order"


def test_the_timeline_runs_from_upload_to_closed_in_order(admin_api, batch, simulator, clock):
    declare(admin_api, batch, rows=1)
    run_until(simulator, clock, batch, DocStatus.CLOSED)
    order = Order.objects.get()
    detail = admin_api.get(f"/customs/orders/{order.pk}").json()
    titles = [event["title"] for event in detail["timeline"]]
    assert titles[0] == "上传电子订单 Excel"
    assert titles[1].startswith("申报")
    expected = [
        "发送电子订单（CEB303）",
        "电子订单：海关入库",
        "物流运单：海关入库",
        "发送出口申报清单（CEB603）",
        "出口申报清单：海关审结",
        "出口申报清单：放行",
        "出口申报清单：结关",
    ]
    positions = [titles.index(title) for title in expected]
    assert positions == sorted(positions), titles
    assert titles[-1] == "出口申报清单：结关"
    times = [datetime.fromisoformat(event["time"]) for event in detail["timeline"]]
    assert times == sorted(times)
    assert detail["lines"][0]["item_name"] == "8mm 紫水晶手链"
    assert detail["timeline"][-1]["next_step"]


def test_the_timeline_shows_each_receipt_once_even_when_delivered_twice(admin_api, batch, clock):
    from jmt.integrations.customs_gateway.simulator import Simulator

    noisy = Simulator(seed=11, step_seconds=1, clock=clock, duplicate_rate=1.0, late_rate=0.5, review_rate=0)
    declare(admin_api, batch, rows=1)
    run_until(noisy, clock, batch, DocStatus.CLOSED, limit=120)
    pipeline.run(noisy, clock, seconds=20)  # the late and repeated ones arrive too
    detail = admin_api.get(f"/customs/orders/{Order.objects.get().pk}").json()
    titles = [event["title"] for event in detail["timeline"]]
    assert titles.count("出口申报清单：放行") == 1
    assert titles.count("出口申报清单：结关") == 1


def test_another_merchants_order_is_not_found(admin_api, outsider_api, batch):
    declare(admin_api, batch, rows=1)
    order = Order.objects.get()
    assert outsider_api.get(f"/customs/orders/{order.pk}").status_code == 404
    assert outsider_api.get("/customs/orders").json()["total"] == 0


def test_a_member_may_read_statuses(api, admin_api, merchant_member, batch):
    declare(admin_api, batch, rows=1)
    member = api.as_user(merchant_member)
    assert member.get("/customs/orders").json()["total"] == 1
    assert member.get(f"/customs/orders/{Order.objects.get().pk}").status_code == 200
