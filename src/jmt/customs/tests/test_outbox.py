"""The outbox: a crashed worker loses nothing and sends nothing twice; failures retry, then wait."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.conf import settings

from jmt.customs.models import DocStatus, Order, OrderLine, Outbox, OutboxState
from jmt.customs.services import outbox as outbox_service
from jmt.customs.services.outbox import outbox_dispatch, outbox_retry
from jmt.customs.services.submission import orders_submit_system
from jmt.customs.tests import pipeline
from jmt.integrations.customs_gateway.models import SimulatedDocument, SimulatedMessage
from jmt.integrations.customs_gateway.port import GatewayError, OutboundMessage, SubmitResult
from jmt.integrations.customs_gateway.simulator import Simulator

pytestmark = pytest.mark.django_db


def _orders(batch, count: int) -> None:
    orders = Order.objects.bulk_create(
        Order(
            merchant=batch.merchant,
            batch=batch,
            order_no=f"BULK{n:06d}",
            ebp_code=batch.ebp_code,
            ebp_name=batch.ebp_name,
            ebc_code=batch.ebc_code,
            ebc_name=batch.ebc_name,
            goods_value=Decimal("10"),
            currency="502",
        )
        for n in range(count)
    )
    OrderLine.objects.bulk_create(
        OrderLine(
            order=order,
            gnum=1,
            item_no="SKU",
            item_name="水晶球",
            unit="007",
            currency="502",
            qty=Decimal(1),
            price=Decimal(10),
            total_price=Decimal(10),
        )
        for order in orders
    )


class CrashAfterSend(Exception):
    """The worker dies between the gateway's answer and the commit that records it."""


def test_a_worker_killed_mid_batch_then_restarted_sends_every_order_exactly_once(batch, clock, monkeypatch):
    _orders(batch, 600)
    orders_submit_system(batch=batch)
    assert Outbox.objects.count() == 6
    simulator = Simulator(seed=3, step_seconds=1, clock=clock)
    real_mark_sent = outbox_service.mark_sent
    calls = {"n": 0}

    def crash_on_third(row, result, *, now):
        calls["n"] += 1
        if calls["n"] == 3:
            raise CrashAfterSend
        real_mark_sent(row, result, now=now)

    monkeypatch.setattr(outbox_service, "mark_sent", crash_on_third)
    with pytest.raises(CrashAfterSend):
        outbox_dispatch(gateway=simulator, now=clock(), batch_size=20, worker_id="worker-1")
    monkeypatch.setattr(outbox_service, "mark_sent", real_mark_sent)

    # The gateway has 3 messages; ours records 2. The other 4 rows stay leased to the dead worker.
    assert SimulatedMessage.objects.count() == 3
    assert Outbox.objects.filter(state=OutboxState.SENT).count() == 2
    # A restarted worker leaves them alone while the lease lasts: nothing is sent twice meanwhile.
    report = outbox_dispatch(gateway=simulator, now=clock.advance(5), worker_id="worker-2")
    assert report.claimed == 0
    # Once the lease has run out it takes them over; the message already sent is answered as a duplicate.
    report = outbox_dispatch(
        gateway=simulator, now=clock.advance(settings.CUSTOMS_OUTBOX_LEASE_SECONDS), worker_id="worker-2"
    )
    assert (report.claimed, report.sent, report.duplicates) == (4, 4, 1)
    assert Outbox.objects.filter(state=OutboxState.SENT).count() == 6
    # Customs saw every message guid once (one of them offered twice) and every order exactly once.
    assert SimulatedMessage.objects.count() == 6
    assert sorted(SimulatedMessage.objects.values_list("times_received", flat=True)) == [1, 1, 1, 1, 1, 2]
    assert SimulatedDocument.objects.filter(kind="order").count() == 600
    pipeline.run(simulator, clock, seconds=10)
    assert set(Order.objects.values_list("status", flat=True)) == {DocStatus.STORED}  # no -301010 anywhere


class FlakyGateway:
    name = "flaky"

    def __init__(self, *, failures: int, permanent: bool = False) -> None:
        self.failures = failures
        self.permanent = permanent
        self.calls: list[str] = []

    def submit(self, message: OutboundMessage) -> SubmitResult:
        self.calls.append(message.guid)
        if len(self.calls) <= self.failures:
            raise GatewayError("HTTP 503", permanent=self.permanent, status=503)
        return SubmitResult()

    def check(self):  # the pipeline never checks credentials; calling it here would be a bug
        raise AssertionError("outbox_dispatch must not call check()")


def test_a_transient_failure_is_retried_with_growing_backoff(batch, clock):
    _orders(batch, 1)
    orders_submit_system(batch=batch)
    gateway = FlakyGateway(failures=2)
    report = outbox_dispatch(gateway=gateway, now=clock())
    row = Outbox.objects.get()
    assert (report.retried, row.state, row.attempts) == (1, OutboxState.PENDING, 1)
    assert row.next_attempt_at == clock() + timedelta(seconds=30)
    assert outbox_dispatch(gateway=gateway, now=clock.advance(29)).claimed == 0  # not before its time
    outbox_dispatch(gateway=gateway, now=clock.advance(1))
    row.refresh_from_db()
    assert row.next_attempt_at == clock() + timedelta(seconds=60)
    outbox_dispatch(gateway=gateway, now=clock.advance(60))
    row.refresh_from_db()
    assert (row.state, row.attempts) == (OutboxState.SENT, 3)
    assert gateway.calls == [row.message.guid] * 3  # always the same guid
    assert Order.objects.get().status == DocStatus.SENT


def test_too_many_failures_end_in_needs_attention_until_someone_retries(batch, clock, settings, actor_for):
    settings.CUSTOMS_OUTBOX_MAX_ATTEMPTS = 3
    _orders(batch, 1)
    orders_submit_system(batch=batch)
    gateway = FlakyGateway(failures=99)
    for _ in range(5):
        outbox_dispatch(gateway=gateway, now=clock.advance(3600))
    row = Outbox.objects.get()
    assert (row.state, row.attempts, len(gateway.calls)) == (OutboxState.NEEDS_ATTENTION, 3, 3)
    assert "503" in row.last_error
    order = Order.objects.get()
    assert order.status == DocStatus.NEEDS_ATTENTION
    assert "503" in order.return_info
    outbox_retry(actor=actor_for(batch.merchant), outbox=row)
    gateway.failures = 0
    gateway.calls.clear()
    outbox_dispatch(gateway=gateway, now=clock.advance(1))
    row.refresh_from_db()
    assert row.state == OutboxState.SENT
    assert Order.objects.get().status == DocStatus.SENT


def test_a_permanent_refusal_needs_attention_at_once(batch, clock):
    _orders(batch, 1)
    orders_submit_system(batch=batch)
    outbox_dispatch(gateway=FlakyGateway(failures=1, permanent=True), now=clock())
    row = Outbox.objects.get()
    assert (row.state, row.attempts) == (OutboxState.NEEDS_ATTENTION, 1)


def test_submitting_twice_queues_each_order_once(batch):
    _orders(batch, 150)
    first = orders_submit_system(batch=batch)
    second = orders_submit_system(batch=batch)
    assert (first.messages, first.documents) == (2, 150)
    assert (second.messages, second.documents) == (0, 0)
    assert Outbox.objects.count() == 2
