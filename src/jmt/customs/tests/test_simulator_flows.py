"""The simulator's other flows: 撤销 (605/606), 总分单 (607/608), 汇总 (701/702 + 792), CEB900."""

from __future__ import annotations

import pytest

from jmt.customs.models import DocStatus, Inventory, InvtCancel, Message, Order, SummaryApply, SummaryResult, WayBill
from jmt.customs.services.submission import (
    batch_submit,
    invt_cancel_submit,
    orders_submit_system,
    summary_submit,
    waybill_submit,
)
from jmt.customs.tests import pipeline
from jmt.customs.tests.factories import make_order, make_shipment, make_summary, make_waybill
from jmt.integrations.customs_gateway.simulator import Simulator
from jmt.notifications.models import Message as NotificationMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def simulator(clock):
    # No 人工审核 draw, so the timeline is 2, 120, 399, 800, 899 one second apart.
    return Simulator(seed=5, step_seconds=1, clock=clock, review_rate=0, duplicate_rate=0, late_rate=0, jitter=0)


def _until(simulator, clock, inventory: Inventory, status: str, limit: int = 40) -> Inventory:
    for _ in range(limit):
        pipeline.run(simulator, clock, seconds=0)
        inventory.refresh_from_db()
        if inventory.status == status:
            return inventory
    raise AssertionError(f"inventory stuck at {inventory.status}")


def test_a_cleared_inventory_can_be_cancelled_and_stays_cancelled(batch, simulator, clock, actor_for):
    _, _, inventory = make_shipment(batch)
    batch_submit(actor=actor_for(batch.merchant), batch=batch)
    inventory = _until(simulator, clock, inventory, DocStatus.CLEARED)
    cancel = invt_cancel_submit(actor=actor_for(batch.merchant), inventory=inventory, reason="买家取消", cop_no="CXL-1")
    pipeline.run(simulator, clock, seconds=15)
    cancel.refresh_from_db()
    inventory.refresh_from_db()
    assert (cancel.status, cancel.return_status) == (DocStatus.CLEARED, "399")
    assert inventory.status == DocStatus.CANCELLED
    second = invt_cancel_submit(actor=actor_for(batch.merchant), inventory=inventory, reason="再次撤销", cop_no="CXL-2")
    pipeline.run(simulator, clock, seconds=5)
    second.refresh_from_db()
    assert (second.status, second.return_status) == (DocStatus.ERROR, "-623009")


def test_a_closed_inventory_cannot_be_cancelled(batch, simulator, clock, actor_for):
    _, _, inventory = make_shipment(batch)
    batch_submit(actor=actor_for(batch.merchant), batch=batch)
    inventory = _until(simulator, clock, inventory, DocStatus.CLOSED)
    cancel = invt_cancel_submit(actor=actor_for(batch.merchant), inventory=inventory, reason="太晚了", cop_no="CXL-3")
    pipeline.run(simulator, clock, seconds=5)
    cancel.refresh_from_db()
    assert (cancel.status, cancel.return_status) == (DocStatus.ERROR, "-623005")
    assert InvtCancel.objects.count() == 1


def test_waybill_group_and_summary_run_to_the_entry_id(batch, simulator, clock, actor_for):
    shipments = [make_shipment(batch) for _ in range(2)]
    actor = actor_for(batch.merchant)
    batch_submit(actor=actor, batch=batch)
    for _, _, inventory in shipments:
        _until(simulator, clock, inventory, DocStatus.CLOSED)
    waybill = make_waybill(batch, [logistics.logistics_no for _, logistics, _ in shipments])
    assert waybill_submit(actor=actor, waybill=waybill, batch=batch) == 1
    invt_nos = list(Inventory.objects.values_list("invt_no", flat=True))
    summary = make_summary(batch, invt_nos)
    assert summary_submit(actor=actor, summary=summary, batch=batch) == 1
    pipeline.run(simulator, clock, seconds=10)
    waybill.refresh_from_db()
    summary.refresh_from_db()
    assert waybill.status == DocStatus.STORED
    assert summary.status == DocStatus.STORED
    assert len(summary.sum_no) == 18
    assert len(summary.entry_id) == 18  # 报关单号, for the tax refund
    result = SummaryResult.objects.get(summary=summary)
    assert result.entry_id == summary.entry_id
    assert {line["invtNo"] for line in result.lines} == set(invt_nos)
    assert Message.objects.filter(direction="in", message_type="CEB792").exists()


def test_a_waybill_group_over_unreleased_waybills_is_refused(batch, simulator, clock, actor_for):
    _, logistics, _ = make_shipment(batch)
    waybill = make_waybill(batch, [logistics.logistics_no])
    waybill_submit(actor=actor_for(batch.merchant), waybill=waybill, batch=batch)
    pipeline.run(simulator, clock, seconds=5)
    waybill.refresh_from_db()
    assert waybill.status == DocStatus.REJECTED
    assert "未放行" in waybill.return_info
    assert WayBill.objects.count() == 1
    assert SummaryApply.objects.count() == 0


def test_a_message_that_fails_the_format_check_gets_a_ceb900_and_the_merchant_is_told(
    batch, simulator, clock, merchant_admin
):
    order = make_order(batch)
    orders_submit_system(batch=batch)
    message = Message.objects.get(direction="out")
    Message.objects.filter(pk=message.pk).update(
        xml=message.xml.replace("<ceb:currency>502</ceb:currency>", "<ceb:currency>X</ceb:currency>", 1)
    )
    pipeline.run(simulator, clock, seconds=5)
    order.refresh_from_db()
    assert order.status == DocStatus.ERROR
    assert "报文格式校验失败" in order.return_info
    assert Message.objects.filter(direction="in", message_type="CEB900").exists()
    assert Order.objects.count() == 1
    told = NotificationMessage.objects.get(recipient=merchant_admin, merchant=batch.merchant)
    assert "电子订单" in told.title
    assert "报文格式校验失败" in told.body
    assert told.link.startswith("/customs/orders")
