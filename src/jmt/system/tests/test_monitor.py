from datetime import timedelta

import pytest
from django.utils import timezone

from jmt.system.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db


def test_the_monitor_reports_every_section(admin_api):
    body = admin_api.get("/admin/system/monitor").json()
    assert set(body) == {"generated_at", "app", "database", "tasks", "requests", "server"}
    assert body["app"]["version"]
    assert body["app"]["uptime_seconds"] >= 0
    assert body["database"]["ok"] is True
    assert body["database"]["size_bytes"] > 0
    assert 0 <= body["server"]["cpu_percent"] <= 100
    assert body["server"]["memory_total"] > body["server"]["memory_used"] > 0
    assert body["server"]["disk_total"] > 0
    assert len(body["requests"]["series"]) == 15


def test_the_monitor_counts_the_queue_the_failures_and_the_workers_online(admin_api):
    from django_tasks_db.models import DBTaskResult

    from jmt.system.tasks import ping

    ping.enqueue()
    ping.enqueue()
    failed = ping.enqueue()
    DBTaskResult.objects.filter(pk=failed.id).update(
        status="FAILED", finished_at=timezone.now(), exception_class_path="builtins.ValueError", traceback="boom"
    )
    WorkerHeartbeat.objects.create(worker_id="w1", hostname="app-1", pid=11)
    WorkerHeartbeat.objects.create(
        worker_id="w2", hostname="app-2", pid=12, last_seen=timezone.now() - timedelta(minutes=5)
    )

    tasks = admin_api.get("/admin/system/monitor").json()["tasks"]
    assert (tasks["queue_depth"], tasks["failed"], tasks["failed_last_day"]) == (2, 1, 1)
    assert tasks["recent_failures"][0]["task"] == "ping"
    assert tasks["recent_failures"][0]["error"] == "ValueError"
    assert tasks["workers_online"] == 1
    assert [w["online"] for w in tasks["workers"]] == [True, False]
    assert {s["name"] for s in tasks["schedule"]} >= {"audit.archive_operation_logs"}


def test_a_staff_account_without_the_monitor_permission_is_refused(api, staff_without_permissions):
    response = api.as_user(staff_without_permissions).get("/admin/system/monitor")
    assert response.status_code == 403
    assert response.json()["code"] == "PERMISSION_DENIED"
