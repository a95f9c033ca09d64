"""System tasks."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from jmt.system.models import WorkerHeartbeat


@task()
def ping() -> str:
    """A no-op the monitor can enqueue to see the queue move end to end."""
    return "pong"


@task()
def prune_runtime_rows() -> dict[str, int]:
    """Hourly: request metrics older than a day, heartbeats of workers gone for a day."""
    from jmt.system.metrics import request_metrics_prune

    metrics = request_metrics_prune(older_than=timedelta(days=1))
    heartbeats = WorkerHeartbeat.objects.filter(last_seen__lt=timezone.now() - timedelta(days=1)).delete()[0]
    return {"request_metrics": metrics, "heartbeats": heartbeats}
