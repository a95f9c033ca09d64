"""``manage.py worker``: django-tasks-db's ``db_worker`` plus a heartbeat and the periodic-task scheduler.

The heartbeat feeds /api/v1/health and the monitor. The scheduler (``jmt.system.scheduler``) ticks at
start and every ``SCHEDULER_TICK_SECONDS``: it enqueues the periodic tasks that are due, once across
all workers. ``--no-scheduler`` runs a worker that only executes tasks.

Database errors do not end the worker: when PostgreSQL restarts, a connection is killed or the pool
runs dry, the polling loop (and the heartbeat and the scheduler) drop their connection, wait with an
exponential backoff (0.5 s doubling up to 30 s, with jitter) and carry on.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import socket
import threading
import time
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError
from django.db import DatabaseError, close_old_connections, connections
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker

from jmt.system.models import WorkerHeartbeat
from jmt.system.scheduler import enqueue_due

HEARTBEAT_SECONDS = 10
BACKOFF_FIRST_SECONDS = 0.5
BACKOFF_MAX_SECONDS = 30.0
logger = logging.getLogger("jmt.system.scheduler")


def backoff_delay(failures: int) -> float:
    """Seconds to wait after ``failures`` database errors in a row: 0.5, 1, 2, … up to 30, ±25 % jitter."""
    delay = min(BACKOFF_MAX_SECONDS, BACKOFF_FIRST_SECONDS * (2 ** max(0, failures - 1)))
    return delay * random.uniform(0.75, 1.25)  # noqa: S311 - jitter, not a secret


def drop_connections() -> None:
    """Close this thread's connections whatever state they are in (a broken one is not reused)."""
    for conn in connections.all(initialized_only=True):
        with contextlib.suppress(Exception):  # closing a dead connection may itself fail; it is dropped anyway
            conn.close()


class ResilientWorker(Worker):
    """django-tasks-db's worker loop, restarted after a database error instead of dying with it."""

    sleep = staticmethod(time.sleep)

    def run(self) -> None:
        failures = 0
        while True:
            try:
                super().run()
                return  # --batch or --max-tasks: the loop ended on its own
            except DatabaseError as exc:
                failures += 1
                drop_connections()
                delay = backoff_delay(failures)
                logger.warning("database error in the worker loop (%s); retrying in %.1f s", exc, delay)
                self.startup_delay = False
                if not self.running:
                    return
                self.sleep(delay)


def _beat(worker_id: str, stop: threading.Event) -> None:
    failures = 0
    while not stop.is_set():
        try:
            WorkerHeartbeat.objects.update_or_create(
                worker_id=worker_id,
                defaults={"hostname": socket.gethostname()[:128], "pid": os.getpid(), "last_seen": timezone.now()},
            )
            failures = 0
        except Exception:  # a missed beat only makes the health check report degraded
            failures += 1
            drop_connections()
        finally:
            close_old_connections()
        stop.wait(min(HEARTBEAT_SECONDS, backoff_delay(failures)) if failures else HEARTBEAT_SECONDS)


def _tick() -> None:
    try:
        enqueue_due()
    except Exception:
        logger.exception("the scheduler tick failed; trying again at the next one")
        drop_connections()
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
            self._run_worker(**options)
        finally:
            stop.set()
            try:
                WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()
            except DatabaseError:
                logger.warning("could not remove the heartbeat of worker %s (it expires on its own)", worker_id)

    def _run_worker(
        self,
        *,
        verbosity: int = 1,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        **_: Any,
    ) -> None:
        """``db_worker``'s handle, with :class:`ResilientWorker` (``--reload`` is not offered here)."""
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ResilientWorker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
        )
        worker.configure_signals()
        worker.run()
