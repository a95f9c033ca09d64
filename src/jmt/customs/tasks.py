"""Background jobs of customs: dispatching the outbox and, with the simulator, delivering receipts.

Each job re-enqueues itself for the next due moment (a retry's backoff, the next simulated receipt),
so ``manage.py worker`` alone keeps the pipeline moving in ``make run``.
"""

from __future__ import annotations

from typing import Any

from django_tasks import task

from jmt.customs.services.gateway import GatewayResolver
from jmt.customs.services.outbox import outbox_dispatch
from jmt.customs.services.receipts import receipt_ingest
from jmt.integrations.customs_gateway.factory import get_gateway
from jmt.integrations.customs_gateway.simulator import Simulator


@task()
def customs_outbox_dispatch() -> dict[str, Any]:
    gateway = get_gateway()
    report = outbox_dispatch(gateway=gateway, resolve=GatewayResolver(gateway))
    if report.next_attempt_at is not None:
        customs_outbox_dispatch.using(run_after=report.next_attempt_at).enqueue()
    if isinstance(gateway, Simulator) and report.sent:
        due = gateway.next_due_at()
        if due is not None:
            customs_simulator_deliver.using(run_after=due).enqueue()
    return {"claimed": report.claimed, "sent": report.sent, "retried": report.retried}


@task()
def customs_simulator_deliver() -> int:
    simulator = Simulator()
    try:
        return simulator.deliver_due(deliver=lambda xml: receipt_ingest(xml, source="simulator"))
    finally:  # even after a failed delivery, come back for what is still due
        due = simulator.next_due_at()
        if due is not None:
            customs_simulator_deliver.using(run_after=due).enqueue()


@task()
def customs_summary_reminders() -> int:
    """Daily: remind merchants to file last month's 汇总 before the 15th (twice at most a month)."""
    from jmt.customs.services.notices import summary_reminders

    return summary_reminders()
