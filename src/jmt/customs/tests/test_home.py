"""出口报关 on the home page: to-dos per item (电子订单 / 清单总分单 / 汇总申请单) and the customs 业务动态."""

from __future__ import annotations

import pytest
from django.utils import timezone

from jmt.customs.models import DocStatus, Inventory, Order
from jmt.customs.tests.flows import declare, quiet_simulator, run_until

pytestmark = pytest.mark.django_db
MANIFEST = {"traf_name": "CA1234", "voyage_no": "20260320", "bill_no": "999-12345678"}


@pytest.fixture
def admin_api(api, merchant_admin):
    return api.as_user(merchant_admin)


@pytest.fixture
def simulator(clock):
    return quiet_simulator(clock)


def _todos(api):
    return {t["key"]: t for t in api.get("/home").json()["todos"]}


def test_a_released_batch_raises_the_manifest_todo_and_its_messages_fill_the_feed(admin_api, batch, simulator, clock):
    assert "customs:manifests" not in _todos(admin_api)
    declare(admin_api, batch, rows=2)
    run_until(simulator, clock, batch, DocStatus.RELEASED)

    home = admin_api.get("/home").json()
    todo = {t["key"]: t for t in home["todos"]}["customs:manifests"]
    assert (todo["title"], todo["count"], todo["route"]) == ("清单总分单报送", 1, "/customs/manifests")
    assert all(t["count"] > 0 for t in home["todos"])  # the header's count is the sum of the list
    customs_feed = [e for e in home["feed"] if e["module"] == "customs"]
    titles = [e["title"] for e in customs_feed]
    assert any("已全部放行" in t for t in titles)
    assert any("请提交批次" in t and "清单总分单" in t for t in titles)
    assert all(e["route"].startswith("/customs/") for e in customs_feed)

    assert admin_api.post("/customs/manifests", {"batch_id": batch.pk, **MANIFEST}).status_code == 201
    assert "customs:manifests" not in _todos(admin_api)


def test_orders_customs_returned_are_a_todo_that_opens_the_problem_filter(admin_api, batch, simulator, clock):
    declare(admin_api, batch, rows=2)
    first = Order.objects.order_by("pk").values_list("pk", flat=True)[0]
    Order.objects.filter(pk=first).update(status=DocStatus.REJECTED)
    todo = _todos(admin_api)["customs:orders"]
    assert (todo["title"], todo["count"]) == ("电子订单报送", 1)
    assert todo["route"] == "/customs/orders?tab=status&status=problem"


def test_last_months_closed_inventories_are_a_summary_todo(admin_api, batch, simulator, clock):
    declare(admin_api, batch, rows=2)
    run_until(simulator, clock, batch, DocStatus.CLOSED)
    this_month = timezone.localdate().strftime("%Y%m")
    Inventory.objects.filter(batch=batch).update(return_time=f"{this_month}01103000000")
    assert "customs:summaries" not in _todos(admin_api)  # this month's closings are due next month
    Inventory.objects.filter(batch=batch).update(return_time="20200115103000000")
    todo = _todos(admin_api)["customs:summaries"]
    assert (todo["title"], todo["count"], todo["route"]) == ("汇总申请单报送", 1, "/customs/summaries")


def test_a_member_without_customs_rights_and_an_unapproved_merchant_get_no_customs_todos(
    api, batch, other_merchant_user
):
    assert [t for t in api.as_user(other_merchant_user).get("/home").json()["todos"] if t["module"] == "customs"] == []
