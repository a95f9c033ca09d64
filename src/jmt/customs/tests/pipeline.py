"""Drive the pipeline by hand in tests: dispatch, deliver receipts, move the clock."""

from __future__ import annotations

from jmt.customs.services.outbox import outbox_dispatch
from jmt.customs.services.receipts import receipt_ingest
from jmt.customs.tests.conftest import Clock
from jmt.integrations.customs_gateway.simulator import Simulator


def run(simulator: Simulator, clock: Clock, *, seconds: float, tick: float = 1.0) -> list[bytes]:
    """Dispatch and deliver for ``seconds`` of simulated time; returns the receipt messages delivered."""
    delivered: list[bytes] = []

    def deliver(xml: bytes) -> None:
        delivered.append(xml)
        receipt_ingest(xml, source="simulator")

    elapsed = 0.0
    while elapsed <= seconds:
        outbox_dispatch(gateway=simulator, now=clock())
        simulator.deliver_due(deliver=deliver, now=clock())
        clock.advance(tick)
        elapsed += tick
    return delivered
