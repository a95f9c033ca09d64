"""A batch's status follows its documents on the workflow mechanism: 草稿 → 已申报 → 部分放行 / 已放行 → 已结关."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps as global_apps

from jmt.customs.models import Batch, BatchStatus, DocStatus, Inventory
from jmt.customs.services.batch_flow import batches_follow
from jmt.customs.tests.factories import make_shipment
from jmt.customs.tests.flows import declare, quiet_simulator, run_until
from jmt.workflow.models import WorkflowEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_api(api, merchant_admin):
    return api.as_user(merchant_admin)


def _states(batch: Batch) -> list[tuple[str, str]]:
    return list(
        WorkflowEvent.objects.filter(object_type="customs_batch", object_id=batch.pk)
        .order_by("pk")
        .values_list("from_state", "to_state")
    )


def test_a_declared_batch_goes_through_released_to_cleared_with_a_timeline(admin_api, batch, clock):
    simulator = quiet_simulator(clock)
    assert admin_api.get(f"/customs/batches/{batch.pk}").json()["batch"]["status_label"] == "草稿"

    declare(admin_api, batch, rows=2)
    batch.refresh_from_db()
    assert batch.state == BatchStatus.DECLARED

    run_until(simulator, clock, batch, DocStatus.RELEASED)
    batch.refresh_from_db()
    assert batch.state == BatchStatus.RELEASED
    run_until(simulator, clock, batch, DocStatus.CLOSED)
    batch.refresh_from_db()
    assert batch.state == BatchStatus.CLEARED
    assert _states(batch) == [("draft", "declared"), ("declared", "released"), ("released", "cleared")]
    body = admin_api.get(f"/customs/batches/{batch.pk}").json()["batch"]
    assert (body["status"], body["status_label"]) == ("cleared", "已结关")


def test_some_released_inventories_make_the_batch_partly_released(batch):
    shipments = [make_shipment(batch) for _ in range(3)]
    Inventory.objects.filter(pk=shipments[0][2].pk).update(status=DocStatus.RELEASED)
    Inventory.objects.filter(pk__in=[s[2].pk for s in shipments[1:]]).update(status=DocStatus.STORED)

    batches_follow([batch.pk])
    batch.refresh_from_db()
    assert (batch.state, batch.get_status_display()) == ("partly_released", "部分放行")

    # A rejected inventory leaves the count: the rest decide.
    Inventory.objects.filter(pk=shipments[1][2].pk).update(status=DocStatus.REJECTED)
    Inventory.objects.filter(pk=shipments[2][2].pk).update(status=DocStatus.CLOSED)
    batches_follow([batch.pk])
    batch.refresh_from_db()
    assert batch.state == BatchStatus.RELEASED


def test_the_system_moves_are_recorded_without_a_person_and_start_with_the_declaration(batch):
    make_shipment(batch)
    Inventory.objects.filter(batch=batch).update(status=DocStatus.CLOSED)
    batches_follow([batch.pk])
    events = list(WorkflowEvent.objects.filter(object_type="customs_batch", object_id=batch.pk).order_by("pk"))
    assert [(e.from_state, e.to_state, e.actor_id) for e in events] == [
        ("draft", "declared", None),
        ("declared", "cleared", None),
    ]
    assert events[-1].title == "报关批次「2026年3月 第1批」全部结关：已申报 → 已结关"


def test_the_batch_list_filters_on_the_new_states(admin_api, batch):
    make_shipment(batch)
    Inventory.objects.filter(batch=batch).update(status=DocStatus.RELEASED)
    batches_follow([batch.pk])
    listed = admin_api.get("/customs/batches", status="released").json()
    assert [row["batch"]["id"] for row in listed["items"]] == [batch.pk]
    assert admin_api.get("/customs/batches", status="draft").json()["items"] == []


def test_the_data_migration_sets_existing_batches_from_their_documents(batch, other_batch):
    make_shipment(batch)
    Inventory.objects.filter(batch=batch).update(status=DocStatus.CLOSED)
    Batch.objects.filter(pk=batch.pk).update(state="draft")  # as every batch was before: 草稿 forever
    migration = importlib.import_module("jmt.customs.migrations.0004_batch_state_follows_documents")

    migration.state_from_documents(global_apps, None)

    assert Batch.objects.get(pk=batch.pk).state == "cleared"
    assert Batch.objects.get(pk=other_batch.pk).state == "draft"


def test_the_state_cannot_be_moved_by_hand_through_the_workflow_endpoint(admin_api, batch):
    response = admin_api.post(f"/workflow/customs_batch/{batch.pk}/transitions", {"to": "declared"})
    assert response.status_code == 409
    assert response.json()["code"] == "CUSTOMS_BATCH_STATE_AUTOMATIC"
    batch.refresh_from_db()
    assert batch.state == BatchStatus.DRAFT
    assert not WorkflowEvent.objects.filter(object_type="customs_batch").exists()


def test_the_progress_board_of_a_batch_reads_the_graph(admin_api, batch):
    make_shipment(batch)
    Inventory.objects.filter(batch=batch).update(status=DocStatus.RELEASED)
    batches_follow([batch.pk])
    progress = admin_api.get(f"/workflow/customs_batch/{batch.pk}/progress")
    assert progress.status_code == 200, progress.content
    assert "已放行" in str(progress.json())
