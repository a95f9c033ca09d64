from datetime import timedelta

import pytest
from django.utils import timezone

from jmt.system.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db


def test_health_is_ok_when_the_database_answers_and_a_worker_beats(api):
    WorkerHeartbeat.objects.create(worker_id="w1", hostname="h", pid=1)
    response = api.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] is True
    assert body["worker"] == {"ok": True, "workers": 1, "last_seen": body["worker"]["last_seen"], "queue_depth": 0}


def test_health_is_degraded_when_no_worker_has_beaten_for_thirty_seconds(api):
    WorkerHeartbeat.objects.create(
        worker_id="w1", hostname="h", pid=1, last_seen=timezone.now() - timedelta(seconds=31)
    )
    response = api.get("/health")
    assert response.status_code == 503
    assert response.json()["status"] == "degraded"
    assert response.json()["worker"]["ok"] is False


def test_health_counts_the_tasks_waiting_in_the_queue(api):
    from jmt.system.tasks import ping

    WorkerHeartbeat.objects.create(worker_id="w1", hostname="h", pid=1)
    ping.enqueue()
    assert api.get("/health").json()["worker"]["queue_depth"] == 1
