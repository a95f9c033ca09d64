"""The submission pipeline against the simulator: outbox → gateway → receipts → statuses."""

from __future__ import annotations

import pytest
from lxml import etree

from jmt.customs.models import DocStatus, Inventory, Logistics, Message, Order, Outbox, OutboxState, Receipt
from jmt.customs.services.submission import batch_submit, orders_submit_system
from jmt.customs.tests import pipeline
from jmt.customs.tests.factories import make_order, make_shipment
from jmt.integrations.customs_gateway.models import SimulatedMessage
from jmt.integrations.customs_gateway.simulator import Simulator

pytestmark = pytest.mark.django_db


@pytest.fixture
def simulator(clock):
    return Simulator(seed=7, step_seconds=1, clock=clock)


def test_a_batch_goes_from_submission_to_clearance(batch, actor_for, simulator, clock):
    shipments = [make_shipment(batch) for _ in range(3)]
    report = batch_submit(actor=actor_for(batch.merchant), batch=batch)
    assert report.messages == 2  # one CEB303, one CEB505; inventories wait for 120
    assert set(Order.objects.values_list("status", flat=True)) == {DocStatus.QUEUED}
    assert set(Inventory.objects.values_list("status", flat=True)) == {DocStatus.DRAFT}

    pipeline.run(simulator, clock, seconds=40)

    for order, logistics, inventory in shipments:
        order.refresh_from_db()
        logistics.refresh_from_db()
        inventory.refresh_from_db()
        assert (order.status, order.return_status) == (DocStatus.STORED, "120")
        assert logistics.status == DocStatus.STORED
        assert (inventory.status, inventory.return_status) == (DocStatus.CLOSED, "899")
        assert inventory.invt_no.startswith("2305")
        assert len(inventory.invt_no) == 18
        assert len(inventory.pre_no) == 18
    kinds = set(Message.objects.filter(direction="out").values_list("message_type", flat=True))
    assert kinds == {"CEB303", "CEB505", "CEB603"}
    assert {"CEB304", "CEB506", "CEB604"} <= set(
        Message.objects.filter(direction="in").values_list("message_type", flat=True)
    )
    # Every message sent and received is kept verbatim.
    sent = Message.objects.get(direction="out", message_type="CEB303")
    assert etree.fromstring(sent.xml.encode()).get("guid") == sent.guid
    assert not Outbox.objects.exclude(state=OutboxState.SENT).exists()  # inventories go as they become ready


def test_receipts_arrive_late_twice_and_out_of_order_yet_statuses_only_move_forward(batch, clock):
    simulator = Simulator(seed=11, step_seconds=1, clock=clock, duplicate_rate=0.5, late_rate=0.3, jitter=1.5)
    orders = [make_order(batch) for _ in range(30)]
    orders_submit_system(batch=batch)
    seen: dict[str, list[str]] = {}
    history: dict[int, list[str]] = {order.pk: [] for order in orders}

    def record_statuses() -> None:
        for pk, status in Order.objects.values_list("pk", "status"):
            if not history[pk] or history[pk][-1] != status:
                history[pk].append(status)

    for _ in range(30):
        delivered = pipeline.run(simulator, clock, seconds=0)
        for xml in delivered:
            root = etree.fromstring(xml)
            for item in root:
                guid = item.findtext("{*}guid") or ""
                seen.setdefault(guid, []).append(f"{item.findtext('{*}returnTime')}:{item.findtext('{*}returnStatus')}")
        record_statuses()

    arrivals = [times for times in seen.values()]
    assert any(times != sorted(times) for times in arrivals), "the simulator never delivered out of order"
    assert any(len(times) != len(set(times)) for times in arrivals), "the simulator never delivered twice"
    rank: dict[str, int] = {
        DocStatus.QUEUED: 0,
        DocStatus.SENT: 1,
        DocStatus.DECLARING: 2,
        DocStatus.SENT_TO_CUSTOMS: 3,
        DocStatus.STORED: 4,
    }
    for statuses in history.values():
        assert [rank[s] for s in statuses] == sorted(rank[s] for s in statuses), statuses
        assert statuses[-1] == DocStatus.STORED
    # Duplicates were stored once each: one Receipt row per distinct (entity, status, time).
    assert Receipt.objects.filter(message_type="CEB304").count() == 30 * 3


def test_bad_data_is_rejected_with_the_reason(batch, simulator, clock):
    order = make_order(batch)
    Order.objects.filter(pk=order.pk).update(goods_value=999)
    orders_submit_system(batch=batch)
    pipeline.run(simulator, clock, seconds=10)
    order.refresh_from_db()
    assert (order.status, order.return_status) == (DocStatus.REJECTED, "100")
    assert "不符" in order.return_info


def test_a_number_customs_already_has_counts_as_declared(batch, other_batch, simulator, clock):
    make_order(batch, order_no="DH-SAME-001")
    orders_submit_system(batch=batch)
    pipeline.run(simulator, clock, seconds=10)
    twin = make_order(other_batch, order_no="DH-SAME-001")  # another merchant on the same platform
    orders_submit_system(batch=other_batch)
    pipeline.run(simulator, clock, seconds=10)
    twin.refresh_from_db()
    assert (twin.status, twin.return_status) == (DocStatus.EXISTS, "-301010")


def test_a_waybill_number_customs_already_has_is_504015(batch, other_batch, simulator, clock):
    from jmt.customs.services.submission import _submit, build_ceb505
    from jmt.customs.tests.factories import make_logistics

    make_logistics(batch, logistics_no="SF1234567890")
    _submit(Logistics.objects.filter(batch=batch), build_ceb505, batch=batch)
    pipeline.run(simulator, clock, seconds=10)
    Logistics.objects.filter(batch=batch).update(logistics_no="SF-OLD")  # free the number in our own table
    twin = make_logistics(other_batch, logistics_no="SF1234567890")
    _submit(Logistics.objects.filter(pk=twin.pk), build_ceb505, batch=other_batch)
    pipeline.run(simulator, clock, seconds=10)
    twin.refresh_from_db()
    assert (twin.status, twin.return_status) == (DocStatus.EXISTS, "-504015")


def test_a_message_the_gateway_already_has_is_not_accepted_twice(batch, simulator, clock):
    make_order(batch)
    orders_submit_system(batch=batch)
    message = Message.objects.get(direction="out")
    from jmt.integrations.customs_gateway.port import OutboundMessage

    outbound = OutboundMessage(message.message_type, message.guid, message.xml.encode())
    assert simulator.submit(outbound).duplicate is False
    assert simulator.submit(outbound).duplicate is True
    assert SimulatedMessage.objects.get(guid=message.guid).times_received == 2
