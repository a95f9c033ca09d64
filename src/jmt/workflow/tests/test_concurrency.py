"""Two people making the same move at the same moment: the row lock serialises them.

PostgreSQL: ``SELECT … FOR UPDATE`` makes the second transaction wait for the first and then read
the new state. SQLite: ``transaction_mode="IMMEDIATE"`` (settings.py) takes the database's write
lock at ``BEGIN``, so the second transaction starts only after the first committed. On both, the
second move finds the application already in 材料初审 and is refused with 409.
"""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection

from jmt.audit import services as audit_services
from jmt.core.errors import ApiError
from jmt.workflow import services
from jmt.workflow.models import WorkflowEvent
from jmt.workflow.tests.conftest import actor, make_application
from jmt.workflow.tests.demo import DemoApplication

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps the built-in roles


def test_two_concurrent_submissions_make_one_move_and_one_409(demo_graph, merchant_admin, monkeypatch):
    app = make_application(merchant_admin.current_merchant)
    slow_record = audit_services.record

    def record_slowly(**kwargs):
        time.sleep(0.3)  # hold the transaction open so the other thread arrives while it runs
        return slow_record(**kwargs)

    monkeypatch.setattr("jmt.workflow.services.record", record_slowly)
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def submit() -> None:
        try:
            start.wait()
            services.transition(actor=actor(merchant_admin), obj=DemoApplication.objects.get(pk=app.pk), to="review")
            outcomes.append("moved")
        except ApiError as exc:
            outcomes.append(f"{exc.status}:{exc.code}")
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)

        assert sorted(outcomes) == ["409:WORKFLOW_ILLEGAL_TRANSITION", "moved"]
        assert WorkflowEvent.objects.filter(object_type="demo", object_id=app.pk).count() == 1
        app.refresh_from_db()
        assert app.state == "review"
    finally:
        DemoApplication.objects.all().delete()  # the test-only table is not flushed between tests
