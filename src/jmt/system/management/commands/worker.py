"""``manage.py worker``: django-tasks-db's ``db_worker`` plus a heartbeat the health check reads."""

from __future__ import annotations

import os
import socket
import threading
from typing import Any

from django.db import close_old_connections
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from jmt.system.models import WorkerHeartbeat

HEARTBEAT_SECONDS = 10


def _beat(worker_id: str, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            WorkerHeartbeat.objects.update_or_create(
                worker_id=worker_id,
                defaults={"hostname": socket.gethostname()[:128], "pid": os.getpid(), "last_seen": timezone.now()},
            )
        except Exception:  # noqa: S110 - a missed beat only makes the health check report degraded
            pass
        finally:
            close_old_connections()
        stop.wait(HEARTBEAT_SECONDS)


class Command(DbWorkerCommand):
    help = "Run the task worker (django-tasks-db) and keep its heartbeat for /api/v1/health."

    def handle(self, *args: Any, **options: Any) -> None:
        worker_id = options.get("worker_id") or get_random_string(32)
        options["worker_id"] = worker_id
        stop = threading.Event()
        thread = threading.Thread(target=_beat, args=(worker_id, stop), daemon=True, name="heartbeat")
        thread.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
            WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()
