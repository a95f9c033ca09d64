"""Runtime facts the monitor and the health check read."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class WorkerHeartbeat(models.Model):
    """Each running task worker refreshes its row every few seconds."""

    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=128)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField(default=timezone.now)
    last_seen = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"{self.hostname}:{self.pid}"


class SystemParameter(models.Model):
    """The saved value of one group of system parameters (``jmt.system.parameters.GROUPS``)."""

    group = models.CharField("参数组", max_length=32, primary_key=True)
    value = models.JSONField("取值", default=dict)
    updated_at = models.DateTimeField("修改时间", default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "系统参数"

    def __str__(self) -> str:
        from jmt.system.parameters import GROUPS_BY_KEY

        spec = GROUPS_BY_KEY.get(self.group)
        return f"系统参数 · {spec.title if spec else self.group}"


class PeriodicTaskState(models.Model):
    """When each periodic task (``jmt.system.scheduler.SCHEDULE``) runs next.

    Workers lock the row (``select_for_update``) before enqueueing, so however many workers tick,
    a due task is enqueued once.
    """

    name = models.CharField(max_length=64, unique=True)
    next_run_at = models.DateTimeField()
    last_enqueued_at = models.DateTimeField(null=True, blank=True)
    last_task_id = models.CharField(max_length=64, blank=True)

    def __str__(self) -> str:
        return self.name


class RequestMetric(models.Model):
    """Request counts and a latency histogram of one process over part of one minute.

    Each web process aggregates in memory and inserts a row every few seconds; the monitor sums the
    rows of the last minutes across processes (nothing shared in memory between processes).
    """

    minute = models.DateTimeField(db_index=True)
    process = models.CharField(max_length=96)
    count = models.PositiveIntegerField()
    errors = models.PositiveIntegerField(default=0)
    total_ms = models.FloatField()
    max_ms = models.FloatField()
    histogram = models.JSONField(default=list)  # counts per jmt.system.metrics.BOUNDS_MS bucket, + overflow

    def __str__(self) -> str:
        return f"{self.minute:%H:%M} {self.process} ×{self.count}"
