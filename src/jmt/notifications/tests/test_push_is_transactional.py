"""Pushes are queued in the same transaction as the change: none lost, none sent for a rolled-back change.

django-tasks-db's ``enqueue`` is ``DBTaskResult.objects.create(...)`` on the default connection, so
inside ``transaction.atomic`` the task row is part of the transaction. These tests check that on a
real commit / rollback (``transaction=True``), looking from a second connection.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction
from django_tasks_db.models import DBTaskResult

from jmt.integrations.wechat import fake
from jmt.notifications.models import Message, PushAttempt, WechatFollower
from jmt.notifications.tests.helpers import run_ready_tasks
from jmt.workflow import services
from jmt.workflow.tests.conftest import actor, make_application
from jmt.workflow.tests.demo import DemoApplication

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps the built-in roles


@pytest.fixture
def following_admin(merchant_admin, settings):
    settings.WECHAT_TEMPLATE_IDS = {"status": "tpl-status", "todo": "tpl-todo", "announcement": "tpl-notice"}
    merchant_admin.wechat_unionid = "union-lin"
    merchant_admin.save()
    WechatFollower.objects.create(unionid="union-lin", openid="svc-openid-lin")
    yield merchant_admin
    DemoApplication.objects.all().delete()  # the test-only table is not flushed between tests


def rows_seen_from_another_connection() -> int:
    seen: list[int] = []

    def look() -> None:
        try:
            seen.append(DBTaskResult.objects.count())
        finally:
            connection.close()

    thread = threading.Thread(target=look)
    thread.start()
    thread.join(timeout=30)
    return seen[0]


def test_the_push_task_row_commits_with_the_move_and_not_before(demo_graph, following_admin, superadmin):
    app = make_application(following_admin.current_merchant, state="review")

    with transaction.atomic():
        services.transition(actor=actor(superadmin), obj=app, to="onsite")
        assert DBTaskResult.objects.count() == 1  # written through this transaction's connection …
        assert rows_seen_from_another_connection() == 0  # … and invisible to others until it commits

    assert rows_seen_from_another_connection() == 1
    run_ready_tasks()
    assert [m.touser for m in fake.sent] == ["svc-openid-lin"]
    assert PushAttempt.objects.get().status == "sent"


def test_a_rolled_back_move_leaves_no_message_and_no_push(demo_graph, following_admin, superadmin):
    app = make_application(following_admin.current_merchant, state="review")

    def change_that_fails_later() -> None:
        with transaction.atomic():
            services.transition(actor=actor(superadmin), obj=app, to="onsite")
            raise RuntimeError("a later step of the same change failed")

    with pytest.raises(RuntimeError):
        change_that_fails_later()

    app.refresh_from_db()
    assert app.state == "review"
    assert not Message.objects.exists()
    assert not DBTaskResult.objects.exists()
    run_ready_tasks()
    assert fake.sent == []
