"""A test-only application type, declared exactly as a later module declares its own: a model on the
``WorkflowObject`` mixin and a graph. The tables are created for the test session only (no migration)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import pytest
from django.db import connection, models

from jmt.merchants.models import RegistrationStatus
from jmt.workflow import registry
from jmt.workflow.graph import Graph, Move, Notice, State, TransitionContext
from jmt.workflow.models import WorkflowObject

SUBMIT = "registration:apply:edit"
REVIEW = "merchants:onboarding:edit"


class DemoApplication(WorkflowObject):
    # No database constraint: the test database is flushed without knowing this table.
    merchant = models.ForeignKey(
        "merchants.Merchant", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    title = models.CharField(max_length=64, default="")
    objects: ClassVar[models.Manager[DemoApplication]] = models.Manager()

    class Meta:
        app_label = "workflow"
        managed = False
        db_table = "workflow_test_demo_application"


class DemoOrder(WorkflowObject):
    merchant = models.ForeignKey(
        "merchants.Merchant", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    objects: ClassVar[models.Manager[DemoOrder]] = models.Manager()

    class Meta:
        app_label = "workflow"
        managed = False
        db_table = "workflow_test_demo_order"


def approve_merchant(ctx: TransitionContext) -> None:
    merchant = ctx.obj.merchant
    merchant.registration_status = RegistrationStatus.APPROVED
    merchant.save(update_fields=["registration_status"])


DEMO = Graph(
    type="demo",
    label="演示申请",
    model="workflow.DemoApplication",
    module="registration",
    todo_item="registration:progress",
    detail_route="/registration/progress?id={id}",
    admin_route="/merchants/onboarding?id={id}",
    queue_permission=REVIEW,
    name_field="title",
    states=(
        State("draft", "材料填报", order=10, hint="请填写并提交材料"),
        State("rejected", "已驳回", order=15, on_board=False, board_node="draft", hint="请按驳回原因修改后重新提交"),
        State("review", "材料初审", order=20, hint="捷晶正在审核您的材料"),
        State("onsite", "现场核验", order=30, hint="请按约定时间到场核验"),
        State("approved", "核准通过", order=40, terminal=True),
    ),
    moves=(
        Move("draft", "review", SUBMIT, "提交", notify=(Notice.staff_todo("{label}「{name}」待初审"),)),
        Move("rejected", "review", SUBMIT, "重新提交", notify=(Notice.staff_todo("{label}「{name}」待初审"),)),
        Move("review", "rejected", REVIEW, "驳回", needs_comment=True, notify=(Notice.merchant_status(),)),
        Move("review", "onsite", REVIEW, "通过初审", notify=(Notice.merchant_status(),)),
        Move("onsite", "approved", REVIEW, "核准", notify=(Notice.merchant_status(),), effect=approve_merchant),
    ),
)

DEMO_ORDERS = Graph(
    type="demo_orders",
    label="演示电子订单",
    model="workflow.DemoOrder",
    module="customs",
    todo_item="customs:orders",
    detail_route="/customs/orders?id={id}",
    states=(
        State("draft", "待报送", order=10, hint="请核对后报送"),
        State("sent", "已报送", order=20, terminal=True),
    ),
    moves=(Move("draft", "sent", "customs:orders:edit", "报送", notify=(Notice.merchant_status(),)),),
)


@pytest.fixture(scope="session")
def demo_tables(django_db_setup: Any, django_db_blocker: Any) -> None:
    with django_db_blocker.unblock():
        existing = set(connection.introspection.table_names())
        with connection.schema_editor() as editor:
            for model in (DemoApplication, DemoOrder):
                if model._meta.db_table not in existing:  # imported by more than one conftest
                    editor.create_model(model)


@pytest.fixture
def demo_graph(demo_tables: None) -> Iterator[Graph]:
    registry.register(DEMO)
    registry.register(DEMO_ORDERS)
    yield DEMO
    registry.unregister(DEMO.type)
    registry.unregister(DEMO_ORDERS.type)
