"""Shared steps for the filing tests and the browser journey: upload, declare, run customs to a status."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from jmt.customs.models import Batch, DocStatus, Inventory
from jmt.customs.tests import pipeline
from jmt.customs.tests.conftest import Clock
from jmt.customs.tests.workbooks import good_row, workbook
from jmt.integrations.customs_gateway.simulator import Simulator

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def quiet_simulator(clock: Clock) -> Simulator:
    """No 人工审核, no duplicates or late receipts: 2, 120, 399, 800, 899 one second apart."""
    return Simulator(seed=5, step_seconds=1, clock=clock, review_rate=0, duplicate_rate=0, late_rate=0, jitter=0)


def upload(api: Any, content: bytes) -> dict[str, Any]:
    data = {"file": SimpleUploadedFile("orders.xlsx", content, content_type=XLSX)}
    response = api.client.post("/api/v1/customs/orders/imports", data, headers={"Authorization": f"Bearer {api.token}"})
    assert response.status_code == 201, response.content
    return response.json()


def declare(api: Any, batch: Batch, rows: int = 2) -> dict[str, Any]:
    report = upload(api, workbook([good_row(n) for n in range(1, rows + 1)]))
    response = api.post(f"/customs/orders/imports/{report['id']}/declare", {"batch_id": batch.pk})
    assert response.status_code == 200, response.content
    return report


def run_until(simulator: Simulator, clock: Clock, batch: Batch, status: str, *, limit: int = 60) -> None:
    """Dispatch and deliver, a second at a time, until every inventory of the batch reached ``status``."""
    for _ in range(limit):
        pipeline.run(simulator, clock, seconds=0)
        statuses = set(Inventory.objects.filter(batch=batch).values_list("status", flat=True))
        if statuses == {status}:
            return
    raise AssertionError(f"inventories stuck at {statuses}")


def released_or_later() -> tuple[str, ...]:
    return (DocStatus.RELEASED, DocStatus.CLOSED)
