"""Test helpers: run the queued tasks as the worker would (without closing the test's connection)."""

from __future__ import annotations

from typing import Any

from django_tasks_db.models import DBTaskResult


def queued(task_path_suffix: str = "") -> list[DBTaskResult]:
    rows = DBTaskResult.objects.filter(status="READY").order_by("enqueued_at")
    return [r for r in rows if r.task_path.endswith(task_path_suffix)]


def run_ready_tasks(limit: int = 1000) -> list[Any]:
    """Run every task that is ready now (including those the tasks enqueue), oldest first."""
    results: list[Any] = []
    for _ in range(limit):
        row = DBTaskResult.objects.ready().order_by("enqueued_at").first()
        if row is None:
            return results
        row.claim("test-worker")
        value = row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
        row.set_successful(value)
        results.append(value)
    raise AssertionError("tasks keep enqueuing tasks")
