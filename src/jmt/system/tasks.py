"""System tasks."""

from __future__ import annotations

from django_tasks import task


@task()
def ping() -> str:
    """A no-op the monitor can enqueue to see the queue move end to end."""
    return "pong"
