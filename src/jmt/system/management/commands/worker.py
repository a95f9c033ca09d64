"""``manage.py worker``: django-tasks-db's ``db_worker`` plus a heartbeat and the periodic-task scheduler.

The heartbeat feeds /api/v1/health and the monitor. The scheduler (``jmt.system.scheduler``) ticks at
start and every ``SCHEDULER_TICK_SECONDS``: it enqueues the periodic tasks that are due, once across
all workers. ``--no-scheduler`` runs a worker that only executes tasks.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.db import close_old_connections
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from jmt.system.models import WorkerHeartbeat
from jmt.system.scheduler import enqueue_due

HEARTBEAT_SECONDS = 10
logger = logging.getLogger("jmt.system.scheduler")


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


def _tick() -> None:
    try:
        enqueue_due()
    except Exception:
        logger.exception("the scheduler tick failed; trying again at the next one")
    finally:
        close_old_connections()


def _schedule(stop: threading.Event) -> None:
    while not stop.wait(float(settings.SCHEDULER_TICK_SECONDS)):
        _tick()


class Command(DbWorkerCommand):
    help = "Run the task worker (django-tasks-db), its heartbeat, and the periodic-task scheduler."

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--no-scheduler",
            action="store_false",
            dest="scheduler",
            help="Do not enqueue periodic tasks from this worker.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        worker_id = options.get("worker_id") or get_random_string(32)
        options["worker_id"] = worker_id
        scheduler = options.pop("scheduler", True)
        stop = threading.Event()
        threads = [threading.Thread(target=_beat, args=(worker_id, stop), daemon=True, name="heartbeat")]
        if scheduler:
            _tick()  # due tasks are enqueued before the first poll (and so run in a --batch worker too)
            threads.append(threading.Thread(target=_schedule, args=(stop,), daemon=True, name="scheduler"))
        for thread in threads:
            thread.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
            WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()
