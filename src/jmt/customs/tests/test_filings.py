"""总分单 (C3), 汇总 (C4), 撤销 (C5) and the C7 notices, through the API and the simulated customs."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from conftest import make_merchant_user
from jmt.audit.models import OperationLog
from jmt.customs.models import (
    DocStatus,
    Inventory,
    InvtCancel,
    Message,
    Outbox,
    SummaryApply,
    SummaryApplyLine,
    WayBill,
    WayBillLine,
)
from jmt.customs.services.notices import summary_reminders
from jmt.customs.tests import pipeline
from jmt.customs.tests.flows import declare, quiet_simulator, run_until
from jmt.customs.xml.schema import validation_errors
from jmt.merchants.models import MemberRole, Merchant, RegistrationStatus
from jmt.notifications.models import Message as Notice

pytestmark = pytest.mark.django_db
MANIFEST = {"traf_name": "CA1234", "voyage_no": "20260320", "bill_no": "999-12345678"}


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


def _xml_valid(message_type: str) -> None:
    from lxml import etree

    for message in Message.objects.filter(direction="out", message_type=message_type):
        assert validation_errors(etree.fromstring(message.xml.encode())) == []


# --- 总分单 ---------------------------------------------------------------------------------------------


def test_the_manifest_is_not_ready_before_release(admin_api, batch, simulator, clock):
    declare(admin_api, batch, rows=2)
    run_until(simulator, clock, batch, DocStatus.CLEARED)
    state = admin_api.get("/customs/manifests").json()["batches"][0]
    assert (state["ready"], state["released_inventories"], state["active_inventories"]) == (False, 0, 2)
    refused = admin_api.post("/customs/manifests", {"batch_id": batch.pk, **MANIFEST})
    assert refused.status_code == 409
    assert refused.json()["code"] == "CUSTOMS_MANIFEST_NOT_READY"


def test_the_manifest_links_the_released_waybills_and_customs_stores_it(admin_api, batch, simulator, clock):
    declare(admin_api, batch, rows=3)
    run_until(simulator, clock, batch, DocStatus.RELEASED)
    inventories = list(Inventory.objects.filter(batch=batch).order_by("pk"))
    state = admin_api.get("/customs/manifests").json()["batches"][0]
    assert state["ready"]
    assert state["all_released"]
    assert sorted(state["pending_logistics_nos"]) == sorted(i.logistics_no for i in inventories)
    response = admin_api.post("/customs/manifests", {"batch_id": batch.pk, **MANIFEST})
    assert response.status_code == 201, response.content
    (created,) = response.json()
    assert created["waybill_count"] == 3
    assert created["status"]["label"] == "排队发送"
    waybill = WayBill.objects.get()
    assert {(line.logistics_no, line.invt_no) for line in waybill.lines.all()} == {
        (i.logistics_no, i.invt_no) for i in inventories
    }
    assert (waybill.traf_name, waybill.voyage_no, waybill.bill_no) == ("CA1234", "20260320", "999-12345678")
    _xml_valid("CEB607")
    assert OperationLog.objects.filter(action="manifest_create").exists()
    pipeline.run(simulator, clock, seconds=6)
    detail = admin_api.get(f"/customs/manifests/{waybill.pk}").json()
    assert detail["status"]["label"] == "海关入库"
    assert [r["explained"]["label"] for r in detail["receipts"]][-1] == "海关入库"
    again = admin_api.post("/customs/manifests", {"batch_id": batch.pk, **MANIFEST})
    assert again.status_code == 409  # every released waybill is linked already — and the answer says so
    assert again.json()["code"] == "CUSTOMS_MANIFEST_ALREADY_FILED"
    assert again.json()["details"] == {"bill_nos": ["999-12345678"]}
    assert "已在提运单号 999-12345678 的清单总分单中" in again.json()["message"]


def test_only_released_inventories_go_into_the_manifest(admin_api, batch, simulator, clock):
    declare(admin_api, batch, rows=2)
    run_until(simulator, clock, batch, DocStatus.RELEASED)
    held = Inventory.objects.filter(batch=batch).order_by("pk").last()
    assert held is not None
    Inventory.objects.filter(pk=held.pk).update(status=DocStatus.INSPECTION)
    response = admin_api.post("/customs/manifests", {"batch_id": batch.pk, **MANIFEST})
    assert response.status_code == 201
    assert list(WayBillLine.objects.values_list("logistics_no", flat=True)) != [held.logistics_no]
    assert WayBillLine.objects.count() == 1


def test_another_merchants_batch_and_manifest_are_not_found(admin_api, outsider_api, batch):
    waybill = WayBill.objects.create(
        merchant=batch.merchant, batch=batch, customs_code="2305", cop_no="W1", agent_code="A", agent_name="A",
        traf_mode="5", traf_name="T", voyage_no="V", bill_no="B", gross_weight=1, logistics_code="L",
        logistics_name="L",
    )  # fmt: skip
    assert outsider_api.get(f"/customs/manifests/{waybill.pk}").status_code == 404
    refused = outsider_api.post("/customs/manifests", {"batch_id": batch.pk, **MANIFEST})
    assert refused.status_code == 404


# --- 汇总 ------------------------------------------------------------------------------------------------


def test_the_summary_is_built_from_closed_inventories_only_and_keeps_the_entry_id(admin_api, batch, simulator, clock):
    declare(admin_api, batch, rows=3)
    run_until(simulator, clock, batch, DocStatus.CLOSED)
    still_released = Inventory.objects.filter(batch=batch).order_by("pk").last()
    assert still_released is not None
    Inventory.objects.filter(pk=still_released.pk).update(status=DocStatus.RELEASED)
    listing = admin_api.get("/customs/summaries").json()
    (candidate,) = listing["candidates"]
    assert candidate["inventories"] == 2
    month = candidate["month"]
    year, mon = (int(x) for x in month.split("-"))
    assert candidate["due_date"] == (f"{year}-{mon + 1:02d}-15" if mon < 12 else f"{year + 1}-01-15")
    response = admin_api.post("/customs/summaries", {"month": month})
    assert response.status_code == 201, response.content
    summary = SummaryApply.objects.get()
    assert still_released.invt_no not in set(summary.lines.values_list("invt_no", flat=True))
    assert summary.lines.count() == 2
    _xml_valid("CEB701")
    pipeline.run(simulator, clock, seconds=8)
    detail = admin_api.get(f"/customs/summaries/{summary.pk}").json()
    assert len(detail["entry_id"]) == 18
    assert detail["status"]["label"] == "已生成报关单"
    assert detail["results"][0]["entry_id"] == detail["entry_id"]
    assert {r["explained"]["label"] for r in detail["receipts"]} >= {"海关入库"}
    assert admin_api.get("/customs/summaries").json()["candidates"] == []  # nothing left to summarise
    again = admin_api.post("/customs/summaries", {"month": month})
    assert again.status_code == 409
    assert again.json()["code"] == "CUSTOMS_SUMMARY_NOTHING"
    titles = list(Notice.objects.values_list("title", flat=True))
    assert any(detail["entry_id"] in title for title in titles)


def test_a_simplified_declaration_is_never_summarised(admin_api, batch, simulator, clock):
    declare(admin_api, batch, rows=1)
    run_until(simulator, clock, batch, DocStatus.CLOSED)
    Inventory.objects.update(statistics_flag="A")
    assert admin_api.get("/customs/summaries").json()["candidates"] == []


def test_another_merchants_summary_is_not_found(admin_api, outsider_api, batch):
    from jmt.customs.tests.factories import make_summary

    summary = make_summary(batch, ["230520260E000000001"])
    assert outsider_api.get(f"/customs/summaries/{summary.pk}").status_code == 404
    assert admin_api.get(f"/customs/summaries/{summary.pk}").status_code == 200


# --- 撤销 -------------------------------------------------------------------------------------------------


def test_the_cancel_form_is_prefilled_from_the_invt_no(admin_api, batch, simulator, clock):
    declare(admin_api, batch, rows=1)
    run_until(simulator, clock, batch, DocStatus.RELEASED)
    inventory = Inventory.objects.get()
    prefill = admin_api.get("/customs/cancels/prefill", invt_no=inventory.invt_no).json()
    assert prefill["inventory_guid"] == inventory.guid
    assert prefill["ebc_code"] == batch.ebc_code
    assert prefill["cop_name"] == batch.cop_name
    assert prefill["cancellable"] is True
    unknown = admin_api.get("/customs/cancels/prefill", invt_no="230520269E999999999")
    assert unknown.status_code == 422
    assert unknown.json()["code"] == "CUSTOMS_INVT_NO_UNKNOWN"


def test_a_cancel_waits_its_grace_period_then_customs_cancels_the_inventory(admin_api, batch, clock, settings):
    from jmt.integrations.customs_gateway.simulator import Simulator

    settings.CUSTOMS_CANCEL_GRACE_SECONDS = 20
    slow = Simulator(seed=5, step_seconds=60, clock=clock, review_rate=0, duplicate_rate=0, late_rate=0, jitter=0)
    declare(admin_api, batch, rows=1)
    for _ in range(40):
        pipeline.run(slow, clock, seconds=0, tick=20)
        if Inventory.objects.get().status == DocStatus.CLEARED:
            break
    inventory = Inventory.objects.get()
    assert inventory.status == DocStatus.CLEARED
    response = admin_api.post("/customs/cancels", {"invt_no": inventory.invt_no, "reason": "买家取消订单，货物未出境"})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["withdrawable"] is True
    assert body["sends_at"]
    # Held for its grace period: says when it leaves, not "几秒内会发出".
    assert body["status"]["label"] == "等待发出"
    assert "约 1 分钟" in body["status"]["meaning"] or "分钟" in body["status"]["meaning"]
    assert "几秒" not in body["status"]["next_step"]
    assert "不再撤销" in body["status"]["next_step"]
    _xml_valid("CEB605")
    pending = admin_api.post("/customs/cancels", {"invt_no": inventory.invt_no, "reason": "再来一次"})
    assert pending.json()["code"] == "CUSTOMS_CANCEL_PENDING"
    from jmt.customs.services.outbox import outbox_dispatch

    assert outbox_dispatch(gateway=slow, now=timezone.now() + timedelta(seconds=15)).claimed == 0
    assert InvtCancel.objects.get().status == DocStatus.QUEUED  # not sent within the grace period
    clock.now = max(clock.now, timezone.now() + timedelta(seconds=21))
    pipeline.run(slow, clock, seconds=200, tick=20)
    cancel = InvtCancel.objects.get()
    inventory.refresh_from_db()
    assert (cancel.status, inventory.status) == (DocStatus.CLEARED, DocStatus.CANCELLED)
    listing = admin_api.get("/customs/cancels", invt_no=inventory.invt_no[-6:]).json()
    assert listing["total"] == 1
    item = listing["items"][0]
    assert (item["status"]["label"], item["progress"], item["withdrawable"]) == ("撤销成功", 100, False)
    assert admin_api.get("/customs/orders", status="cancelled").json()["total"] == 1
    refused = admin_api.post(f"/customs/cancels/{cancel.pk}/withdraw")
    assert refused.status_code == 409
    assert refused.json()["code"] == "CUSTOMS_CANCEL_NOT_WITHDRAWABLE"


def test_withdrawing_a_queued_cancel_keeps_the_inventory_and_nothing_is_sent(admin_api, batch, simulator, clock):
    declare(admin_api, batch, rows=1)
    run_until(simulator, clock, batch, DocStatus.RELEASED)
    inventory = Inventory.objects.get()
    cancel_id = admin_api.post("/customs/cancels", {"invt_no": inventory.invt_no, "reason": "误操作"}).json()["id"]
    response = admin_api.post(f"/customs/cancels/{cancel_id}/withdraw")
    assert response.status_code == 200, response.content
    assert response.json()["status"]["label"] == "已不再撤销"
    assert not Outbox.objects.filter(message__message_type="CEB605").exists()
    clock.advance(600)
    pipeline.run(simulator, clock, seconds=5)
    inventory.refresh_from_db()
    assert inventory.status in (DocStatus.RELEASED, DocStatus.CLOSED)
    assert OperationLog.objects.filter(action="invt_cancel_withdraw").exists()
    # Withdrawn, a new cancel may be filed.
    again = admin_api.post("/customs/cancels", {"invt_no": inventory.invt_no, "reason": "买家取消"})
    assert again.status_code in (201, 409)
    if inventory.status == DocStatus.CLOSED:
        assert again.json()["code"] == "CUSTOMS_CANCEL_NOT_ALLOWED"


def test_a_closed_or_not_yet_cleared_inventory_cannot_be_cancelled(admin_api, batch, simulator, clock):
    declare(admin_api, batch, rows=1)
    run_until(simulator, clock, batch, DocStatus.CLOSED)
    inventory = Inventory.objects.get()
    refused = admin_api.post("/customs/cancels", {"invt_no": inventory.invt_no, "reason": "太晚了"})
    assert refused.status_code == 409
    assert refused.json()["code"] == "CUSTOMS_CANCEL_NOT_ALLOWED"
    assert "结关" in refused.json()["message"]


def test_cancels_of_another_merchant_are_not_found_and_a_member_cannot_cancel(
    api, admin_api, outsider_api, merchant_member, batch, simulator, clock
):
    declare(admin_api, batch, rows=1)
    run_until(simulator, clock, batch, DocStatus.RELEASED)
    inventory = Inventory.objects.get()
    member = api.as_user(merchant_member)
    assert member.post("/customs/cancels", {"invt_no": inventory.invt_no, "reason": "成员"}).status_code == 403
    cancel_id = admin_api.post("/customs/cancels", {"invt_no": inventory.invt_no, "reason": "买家取消"}).json()["id"]
    assert outsider_api.get(f"/customs/cancels/{cancel_id}").status_code == 404
    assert outsider_api.post(f"/customs/cancels/{cancel_id}/withdraw").status_code == 404
    assert outsider_api.get("/customs/cancels/prefill", invt_no=inventory.invt_no).status_code == 422
    assert member.post(f"/customs/cancels/{cancel_id}/withdraw").status_code == 403


# --- C7 notices ---------------------------------------------------------------------------------------


def test_notices_are_one_per_batch_and_node_not_one_per_order(admin_api, merchant_admin, batch, simulator, clock):
    declare(admin_api, batch, rows=5)
    run_until(simulator, clock, batch, DocStatus.CLOSED)
    pipeline.run(simulator, clock, seconds=5)
    mine = Notice.objects.filter(recipient=merchant_admin, merchant=batch.merchant)
    titles = list(mine.values_list("title", flat=True))
    assert titles.count(f"批次「{batch.name}」5 票清单已全部放行") == 1
    assert titles.count(f"批次「{batch.name}」5 票清单已全部结关") == 1
    todo = mine.get(kind="todo")
    assert todo.title == f"请提交批次「{batch.name}」的清单总分单"
    assert todo.link == f"/customs/manifests?batch={batch.pk}"
    assert mine.count() == 3  # 5 orders, 5 waybills, 5 inventories, every step: three messages in all


def test_rejections_are_aggregated_per_batch_and_receipt_message(admin_api, merchant_admin, batch, simulator, clock):
    from jmt.customs.models import Logistics

    declare(admin_api, batch, rows=3)
    Outbox.objects.filter(message__message_type="CEB505").delete()
    Logistics.objects.update(status=DocStatus.DRAFT, gross_weight=0)
    from jmt.customs.services.submission import _submit
    from jmt.customs.xml.builders import build_ceb505

    _submit(Logistics.objects.filter(batch=batch), build_ceb505, batch=batch)
    pipeline.run(simulator, clock, seconds=8)
    problems = Notice.objects.filter(recipient=merchant_admin, title__contains="物流运单被海关退回")
    assert problems.count() == 1
    notice = problems.get()
    assert notice.title == f"批次「{batch.name}」有 3 票物流运单被海关退回"
    assert "毛重必须大于0" in notice.body
    assert notice.kind == "status"


def test_the_monthly_summary_reminder_goes_out_before_the_15th_once_per_stage(merchant_admin, batch):
    from jmt.customs.tests.factories import make_shipment

    _, _, inventory = make_shipment(batch)
    Inventory.objects.filter(pk=inventory.pk).update(
        status=DocStatus.CLOSED, invt_no="230520260E000000011", return_time="20260320101010000"
    )
    on_the_3rd = timezone.make_aware(datetime(2026, 4, 3, 9, 0))
    assert summary_reminders(now=on_the_3rd) == 1
    assert summary_reminders(now=on_the_3rd + timedelta(days=1)) == 0
    assert summary_reminders(now=on_the_3rd + timedelta(days=10)) == 1  # the last call, on the 13th
    assert summary_reminders(now=on_the_3rd + timedelta(days=13)) == 0  # after the 15th: too late to remind
    todo = Notice.objects.filter(recipient=merchant_admin, kind="todo").first()
    assert todo is not None
    assert "2026年4月15日" in todo.title
    assert "2026年3月" in todo.title
    SummaryApplyLine.objects.create(
        summary=SummaryApply.objects.create(
            merchant=batch.merchant, customs_code="2305", cop_no="S1", agent_code="A", agent_name="A",
            ebc_code="E", ebc_name="E", decl_agent_code="A", decl_agent_name="A",
        ),
        invt_no="230520260E000000011",
    )  # fmt: skip
    assert summary_reminders(now=timezone.make_aware(datetime(2026, 4, 14, 9, 0))) == 0


def test_a_cancel_that_leaves_only_closed_inventories_completes_the_batch(merchant_admin, batch):
    from jmt.customs.services import notices
    from jmt.customs.tests.factories import make_cancel, make_shipment

    shipments = [make_shipment(batch) for _ in range(3)]
    Inventory.objects.filter(pk__in=[s[2].pk for s in shipments[:2]]).update(status=DocStatus.CLOSED)
    cancelled = shipments[2][2]
    Inventory.objects.filter(pk=cancelled.pk).update(status=DocStatus.CANCELLED)
    cancel = make_cancel(cancelled, status=DocStatus.CLEARED)
    notices.receipts_applied({"cancel": [cancel]})
    titles = list(Notice.objects.filter(recipient=merchant_admin).values_list("title", flat=True))
    assert f"批次「{batch.name}」2 票清单已全部结关" in titles
    assert any(title.startswith("撤销申请单（清单") for title in titles)
    notices.receipts_applied({"cancel": [cancel]})  # the same again: no second milestone message
    assert Notice.objects.filter(recipient=merchant_admin, title__contains="全部结关").count() == 1
