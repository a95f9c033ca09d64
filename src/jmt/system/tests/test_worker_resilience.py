"""The task worker outlives database errors: a connection killed under its loop, PostgreSQL restarting."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.db import OperationalError, connection
from django_tasks_db.models import DBTaskResultQuerySet

from jmt.system.management.commands import worker as worker_command
from jmt.system.tasks import ping


def _kill_connection_of_this_thread() -> None:
    """PostgreSQL: the server ends the backend (as on a restart); SQLite: the handle is closed underneath."""
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        import psycopg

        pid = connection.connection.info.backend_pid
        params = connection.get_connection_params()
        params.pop("cursor_factory", None)
        params.pop("context", None)
        with psycopg.connect(**params, autocommit=True) as killer:
            killer.execute("SELECT pg_terminate_backend(%s)", [pid])
    else:
        connection.connection.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_keeps_running_tasks_after_its_database_connection_is_killed(monkeypatch: Any) -> None:
    original = DBTaskResultQuerySet.get_locked
    kills = {"left": 2}

    def get_locked_after_a_kill(self: Any) -> Any:
        if kills["left"]:
            kills["left"] -= 1
            _kill_connection_of_this_thread()
        return original(self)

    waits: list[float] = []
    monkeypatch.setattr(DBTaskResultQuerySet, "get_locked", get_locked_after_a_kill)
    monkeypatch.setattr(worker_command.ResilientWorker, "sleep", staticmethod(waits.append))
    result = ping.enqueue()

    call_command("worker", "--batch", "--no-startup-delay", "--no-scheduler", verbosity=0)

    result.refresh()
    assert result.status == "SUCCESSFUL"
    assert kills["left"] == 0
    assert len(waits) == 2  # one backoff per killed connection
    assert waits[1] > waits[0] * 0.9  # the wait grows (0.5 s, then 1 s, each with jitter)


def test_the_backoff_doubles_up_to_thirty_seconds() -> None:
    delays = [worker_command.backoff_delay(n) for n in range(1, 12)]
    assert 0.375 <= delays[0] <= 0.625
    assert all(d <= 30 * 1.25 for d in delays)
    assert delays[-1] >= 30 * 0.75


def test_the_heartbeat_survives_database_errors(monkeypatch: Any) -> None:
    import threading

    calls = {"n": 0}
    stop = threading.Event()

    def failing_update_or_create(**_: Any) -> None:
        calls["n"] += 1
        if calls["n"] >= 3:
            stop.set()
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(worker_command.WorkerHeartbeat.objects, "update_or_create", failing_update_or_create)
    monkeypatch.setattr(worker_command, "backoff_delay", lambda failures: 0.0)
    worker_command._beat("w-1", stop)  # returns once stopped: the errors did not end the loop
    assert calls["n"] == 3
