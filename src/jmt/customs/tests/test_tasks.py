"""The django-tasks jobs keep the pipeline moving in ``make run``: dispatch, then simulated receipts."""

from __future__ import annotations

import time

import pytest
from django_tasks_db.models import DBTaskResult

from jmt.customs.models import DocStatus, Order, Outbox, OutboxState
from jmt.customs.services.submission import batch_submit
from jmt.customs.tasks import customs_outbox_dispatch, customs_simulator_deliver
from jmt.customs.tests.factories import make_order

pytestmark = pytest.mark.django_db


def test_submitting_enqueues_dispatch_in_the_same_transaction(batch, actor_for, settings):
    settings.CUSTOMS_GATEWAY_BACKEND = "simulator"
    settings.CUSTOMS_SIMULATOR_STEP_SECONDS = 0.01  # receipts 10 ms apart
    make_order(batch)
    before = DBTaskResult.objects.count()
    batch_submit(actor=actor_for(batch.merchant), batch=batch)
    assert DBTaskResult.objects.count() == before + 1
    assert customs_outbox_dispatch.call()["sent"] == 1
    assert Outbox.objects.get().state == OutboxState.SENT
    assert DBTaskResult.objects.filter(task_path__endswith="customs_simulator_deliver").exists()
    time.sleep(0.2)
    customs_simulator_deliver.call()
    assert Order.objects.get().status == DocStatus.STORED
