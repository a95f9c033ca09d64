"""The demo's customs pace (``make run``): a 撤销 held for its grace period still reaches customs before
结关, so the demo shows a cancel that succeeds (issue 11 item 7)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from jmt.customs.models import DocStatus, Inventory, InvtCancel
from jmt.customs.services.outbox import outbox_dispatch
from jmt.customs.tests import pipeline
from jmt.customs.tests.flows import declare, run_until
from jmt.integrations.customs_gateway import factory
from jmt.integrations.customs_gateway.simulator import Simulator

pytestmark = pytest.mark.django_db
DEMO_GRACE = 30  # Makefile: run: JMT_CUSTOMS_CANCEL_GRACE_SECONDS ?= 30
DEMO_CLOSE_AFTER = 180  # Makefile: run: JMT_CUSTOMS_SIMULATOR_CLOSE_AFTER_SECONDS ?= 180
DEMO_STEP = 2  # settings: JMT_CUSTOMS_SIMULATOR_STEP_SECONDS default


@pytest.fixture
def admin_api(api, merchant_admin):
    return api.as_user(merchant_admin)


def _simulator(clock, close_after):
    return Simulator(
        seed=5,
        step_seconds=DEMO_STEP,
        clock=clock,
        review_rate=0,
        duplicate_rate=0,
        late_rate=0,
        jitter=0,
        close_after_seconds=close_after,
    )


def _cancel_after_release(admin_api, batch, clock, simulator, settings):
    settings.CUSTOMS_CANCEL_GRACE_SECONDS = DEMO_GRACE
    declare(admin_api, batch, rows=1)
    run_until(simulator, clock, batch, DocStatus.RELEASED, limit=120)
    inventory = Inventory.objects.get()
    response = admin_api.post("/customs/cancels", {"invt_no": inventory.invt_no, "reason": "买家取消订单，货物未出境"})
    assert response.status_code == 201, response.content
    cancel = InvtCancel.objects.get()
    sends_at = cancel.created_at + timedelta(seconds=DEMO_GRACE)
    # Held for the grace period: nothing leaves before it ends.
    assert outbox_dispatch(gateway=simulator, now=sends_at - timedelta(seconds=5)).claimed == 0
    # The grace period passes for customs too (the test clock runs ahead of the real one).
    clock.now = max(clock.now, sends_at) + timedelta(seconds=DEMO_GRACE + 1)
    pipeline.run(simulator, clock, seconds=60, tick=DEMO_STEP)
    cancel.refresh_from_db()
    inventory.refresh_from_db()
    return cancel, inventory


def test_at_the_demo_pace_a_cancel_filed_after_release_succeeds(admin_api, batch, clock, settings):
    cancel, inventory = _cancel_after_release(admin_api, batch, clock, _simulator(clock, DEMO_CLOSE_AFTER), settings)
    assert (cancel.status, inventory.status) == (DocStatus.CLEARED, DocStatus.CANCELLED)
    item = admin_api.get("/customs/cancels").json()["items"][0]
    assert item["status"]["label"] == "撤销成功"


def test_without_the_hold_the_inventory_is_closed_before_the_cancel_arrives(admin_api, batch, clock, settings):
    """Why the demo pace exists: released then 结关 one step later, every cancel comes too late."""
    cancel, inventory = _cancel_after_release(admin_api, batch, clock, _simulator(clock, None), settings)
    assert cancel.status != DocStatus.CLEARED
    assert inventory.status == DocStatus.CLOSED


def test_the_running_simulator_takes_its_pace_from_the_environment(settings, monkeypatch):
    monkeypatch.setenv(factory.CLOSE_AFTER_ENV, "180")
    settings.CUSTOMS_GATEWAY_BACKEND = "simulator"
    simulator = factory.get_gateway()
    assert isinstance(simulator, Simulator)
    assert simulator.close_hold == timedelta(seconds=180) - simulator.step
    monkeypatch.delenv(factory.CLOSE_AFTER_ENV)
    assert factory.get_gateway().close_hold == timedelta(0)  # type: ignore[attr-defined]
