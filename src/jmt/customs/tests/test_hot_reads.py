"""The busy reads stay bounded: the number of queries does not grow with merchants, batches or orders,
and every list is paged."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jmt.customs.models import BatchStatus, DocStatus
from jmt.customs.tests.factories import make_batch, make_order, make_shipment
from jmt.merchants.models import Merchant, RegistrationStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_metrics_flush(settings: Any) -> None:
    """The request-metrics flush (every few seconds, after a response) would add a query at random."""
    settings.REQUEST_METRICS_FLUSH_SECONDS = 0


@pytest.fixture
def root(api: Any, superadmin: Any) -> Any:
    return api.as_user(superadmin)


@pytest.fixture
def merchant_api(api: Any, merchant_admin: Any) -> Any:
    return api.as_user(merchant_admin)


def _queries(call: Any) -> int:
    call()  # warm up: the built-in role row, caches
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured)


def _merchants(count: int, start: int = 0) -> None:
    for index in range(start, start + count):
        merchant = Merchant.objects.create(name=f"水晶商户{index:03d}", registration_status=RegistrationStatus.APPROVED)
        batch = make_batch(merchant)
        make_order(batch)
        make_order(batch, status=DocStatus.REJECTED)


def test_the_back_office_board_is_paged_and_its_queries_do_not_grow_with_merchants(root: Any) -> None:
    _merchants(3)
    few = _queries(lambda: root.get("/admin/customs/overview", page_size=2))
    _merchants(9, start=3)
    many = _queries(lambda: root.get("/admin/customs/overview", page_size=2))
    assert many == few <= 20
    body = root.get("/admin/customs/overview", page=2, page_size=5).json()
    assert (body["total"], body["page"], body["page_size"]) == (12, 2, 5)
    assert [row["merchant_name"] for row in body["merchants"]] == [f"水晶商户{i:03d}" for i in range(5, 10)]
    assert body["totals"]["merchants"] == 12  # the totals cover every merchant, not only the page
    assert body["totals"]["orders"] == 24
    assert body["totals"]["needs_attention"] == 12
    attention = root.get("/admin/customs/overview", status="attention", page_size=100).json()
    assert attention["total"] == 12
    assert root.get("/admin/customs/overview", status="approved").json()["total"] == 0
    assert root.get("/admin/customs/overview", page_size=101).status_code == 422


def test_the_batch_list_and_overview_do_not_query_per_batch(merchant_api: Any, crystal_merchant: Any) -> None:
    def add(count: int) -> None:
        for index in range(count):
            batch = make_batch(crystal_merchant, name=f"第{index}批")
            if index % 2:
                make_shipment(batch)

    add(2)
    few = (
        _queries(lambda: merchant_api.get("/customs/batches")),
        _queries(lambda: merchant_api.get("/customs/batches/overview")),
    )
    add(8)
    many = (
        _queries(lambda: merchant_api.get("/customs/batches")),
        _queries(lambda: merchant_api.get("/customs/batches/overview")),
    )
    assert many == few
    body = merchant_api.get("/customs/batches/overview", page_size=4).json()
    assert (len(body["batches"]), body["total"], body["page_size"]) == (4, 10, 4)
    assert body["totals"]["batches"] == 10
    assert body["totals"]["orders"] == 5
    locked = {
        row["batch"]["name"]: row["batch"]["locked"]
        for row in merchant_api.get("/customs/batches", page_size=100).json()["items"]
    }
    assert locked["第1批"] is True
    assert locked["第0批"] is False


def test_a_submitted_batch_is_locked_in_the_list(merchant_api: Any, crystal_merchant: Any) -> None:
    make_batch(crystal_merchant, name="已提交批次", state=BatchStatus.DECLARED)
    items = merchant_api.get("/customs/batches").json()["items"]
    assert [row["batch"]["locked"] for row in items] == [True]


def test_the_order_list_search_and_status_counts_are_bounded(merchant_api: Any, crystal_merchant: Any) -> None:
    batch = make_batch(crystal_merchant)
    make_order(batch, order_no="DH-SEARCH-0001")
    few = (
        _queries(lambda: merchant_api.get("/customs/orders", search="search-00")),
        _queries(lambda: merchant_api.get("/customs/orders/status-counts")),
    )
    for index in range(10):
        make_shipment(batch)
        make_order(batch, order_no=f"DH-SEARCH-1{index:03d}")
    many = (
        _queries(lambda: merchant_api.get("/customs/orders", search="search-00")),
        _queries(lambda: merchant_api.get("/customs/orders/status-counts")),
    )
    assert many == few
    assert many[1] <= 2  # authentication, then one aggregate
    found = merchant_api.get("/customs/orders", search="search-1").json()
    assert found["total"] == 10
    assert len(found["items"]) == 10
    assert merchant_api.get("/customs/orders", page_size=101).status_code == 422


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm indexes exist on PostgreSQL only")
def test_substring_search_is_served_by_trigram_indexes_on_postgresql() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE %s", ["customs_%_trgm"])
        found = dict(cursor.fetchall())
        assert set(found) == {
            "customs_order_no_trgm",
            "customs_inventory_invt_no_trgm",
            "customs_inventory_logistics_no_trgm",
        }
        assert all("gin_trgm_ops" in definition and "upper" in definition for definition in found.values())
        cursor.execute("SET enable_seqscan = off")
        from jmt.customs.models import Order

        sql, params = Order.objects.filter(order_no__icontains="SEARCH").values("pk").query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")
    assert "customs_order_no_trgm" in plan
