"""The home page's activity feed and to-do counts, from workflow events and open items (G9)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from jmt.system.api import FeedEntryOut, TodoOut
from jmt.workflow import selectors, services
from jmt.workflow.tests.conftest import actor, make_application, make_order

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_the_feed_lists_the_merchants_events_newest_first_each_opening_its_detail(
    demo_graph, merchant_admin, other_merchant_user, superadmin
):
    app = make_application(merchant_admin.current_merchant)
    with time_machine.travel(T0, tick=False) as clock:
        services.transition(actor=actor(merchant_admin), obj=app, to="review")
        clock.shift(timedelta(minutes=5))
        services.transition(actor=actor(superadmin), obj=app, to="rejected", comment="照片不清晰")
    services.transition(
        actor=actor(other_merchant_user), obj=make_application(other_merchant_user.current_merchant), to="review"
    )

    feed = selectors.activity_feed(actor=actor(merchant_admin), limit=10)

    assert [entry["title"] for entry in feed] == [
        "演示申请「东海晶莹水晶工商注册」驳回：材料初审 → 已驳回",
        "演示申请「东海晶莹水晶工商注册」提交：材料填报 → 材料初审",
    ]
    assert feed[0]["route"] == f"/registration/progress?id={app.pk}"
    assert feed[0]["module"] == "registration"
    assert feed[0]["created_at"] == "2026-03-02T09:05:00+08:00"
    for entry in feed:
        assert FeedEntryOut(**entry).model_dump() == entry  # exactly the home endpoint's shape


def test_the_feed_honours_the_limit_and_is_empty_without_a_merchant(demo_graph, merchant_admin, superadmin):
    for _ in range(3):
        services.transition(
            actor=actor(merchant_admin), obj=make_application(merchant_admin.current_merchant), to="review"
        )

    assert len(selectors.activity_feed(actor=actor(merchant_admin), limit=2)) == 2
    assert selectors.activity_feed(actor=actor(superadmin), limit=10) == []


def test_todo_counts_count_open_items_waiting_on_the_merchant_and_split_customs_per_item(
    demo_graph, merchant_admin, other_merchant_user
):
    merchant = merchant_admin.current_merchant
    make_application(merchant, state="draft")
    make_application(merchant, state="rejected")
    make_application(merchant, state="review")  # waiting on 捷晶, not a merchant to-do
    make_application(merchant, state="approved")
    make_order(merchant, state="draft")
    make_order(merchant, state="sent")
    make_application(other_merchant_user.current_merchant, state="draft")

    todos = selectors.todo_counts(actor=actor(merchant_admin))

    assert todos == [
        {
            "module": "registration",
            "key": "registration",
            "title": "工商注册",
            "count": 2,
            "route": "/registration/progress",
        },
        # 跨境物流 (logistics.flow): every move is the platform's, so nothing waits on the merchant.
        {"module": "logistics", "key": "logistics", "title": "跨境物流", "count": 0, "route": "/logistics/shipments"},
        # The five filing graphs (jmt.filings) share one entry; their items' routes differ, so it opens the module.
        {"module": "filings", "key": "filings", "title": "跨境申报", "count": 0, "route": "/filings"},
        # The batch graph (customs.flow): a draft batch waits on the merchant's 申报; none here.
        {
            "module": "customs",
            "key": "customs:batches",
            "title": "出口订单批次报送",
            "count": 0,
            "route": "/customs/batches",
        },
        {"module": "customs", "key": "customs:orders", "title": "电子订单报送", "count": 1, "route": "/customs/orders"},
        # 退税申报 (refunds.flow): a 填写申报 or 审核不通过 claim waits on the merchant; none here.
        {"module": "refunds", "key": "refunds", "title": "出口退税", "count": 0, "route": "/refunds/claims"},
        # 结汇申请 (fx.flow) never waits on the merchant: its entry stays at 0 and the home leaves it out.
        {"module": "fx", "key": "fx", "title": "收结汇", "count": 0, "route": "/fx/settlements"},
        # The product graph (showroom.flow): a 草稿 or 已退回 product waits on the merchant's 提交审核.
        {"module": "showroom", "key": "showroom", "title": "交易平台", "count": 0, "route": "/showroom/products"},
    ]
    for todo in todos:
        assert TodoOut(**todo).model_dump() == todo


def test_todo_counts_show_a_registered_type_with_nothing_waiting_as_zero(demo_graph, merchant_admin):
    todos = selectors.todo_counts(actor=actor(merchant_admin))

    assert [(t["key"], t["count"]) for t in todos] == [
        ("registration", 0),
        ("logistics", 0),
        ("filings", 0),
        ("customs:batches", 0),
        ("customs:orders", 0),
        ("refunds", 0),
        ("fx", 0),
        ("showroom", 0),
    ]


def test_todo_counts_are_empty_for_an_account_without_a_merchant(demo_graph, superadmin):
    assert selectors.todo_counts(actor=actor(superadmin)) == []


def test_the_home_endpoint_serves_the_feed_and_the_todos_of_the_workflow(api, demo_graph, merchant_admin):
    app = make_application(merchant_admin.current_merchant)
    services.transition(actor=actor(merchant_admin), obj=app, to="review")
    make_application(merchant_admin.current_merchant, state="draft")

    body = api.as_user(merchant_admin).get("/home").json()

    assert [entry["route"] for entry in body["feed"]] == [f"/registration/progress?id={app.pk}"]
    waiting = [todo for todo in selectors.todo_counts(actor=actor(merchant_admin)) if todo["count"]]
    assert body["todos"] == waiting
    assert all(todo["count"] >= 1 for todo in body["todos"])
    assert body["balance"] is None
