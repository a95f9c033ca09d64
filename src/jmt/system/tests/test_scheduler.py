import threading
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection

from jmt.system.models import PeriodicTaskState
from jmt.system.scheduler import SCHEDULE, Periodic, enqueue_due

SH = ZoneInfo("Asia/Shanghai")
HOURLY = (Periodic("test.ping", "jmt.system.tasks.ping", timedelta(hours=1)),)
NOW = datetime(2026, 9, 14, 10, tzinfo=SH)


def ready_tasks():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(status="READY")


@pytest.mark.django_db
def test_a_due_task_is_enqueued_once_and_not_again_until_its_next_run():
    assert enqueue_due(now=NOW, schedule=HOURLY) == ["test.ping"]
    assert enqueue_due(now=NOW + timedelta(minutes=30), schedule=HOURLY) == []
    assert ready_tasks().count() == 1
    assert PeriodicTaskState.objects.get(name="test.ping").next_run_at == NOW + timedelta(hours=1)


@pytest.mark.django_db
def test_a_task_still_waiting_in_the_queue_is_not_enqueued_a_second_time():
    enqueue_due(now=NOW, schedule=HOURLY)
    assert enqueue_due(now=NOW + timedelta(hours=2), schedule=HOURLY) == []  # nobody ran the first one
    ready_tasks().update(status="SUCCESSFUL")
    assert enqueue_due(now=NOW + timedelta(hours=2), schedule=HOURLY) == ["test.ping"]


def test_a_daily_entry_runs_at_its_local_time_of_day():
    daily = Periodic("x", "jmt.system.tasks.ping", timedelta(days=1), at=time(3, 0))
    assert daily.first_run(NOW) == datetime(2026, 9, 15, 3, tzinfo=SH)
    assert daily.next_after(datetime(2026, 9, 15, 2, 59, tzinfo=SH)) == datetime(2026, 9, 15, 3, tzinfo=SH)
    assert daily.next_after(datetime(2026, 9, 15, 3, 0, tzinfo=SH)) == datetime(2026, 9, 16, 3, tzinfo=SH)


def test_the_log_archive_is_scheduled_daily_at_three_in_the_morning():
    entry = next(e for e in SCHEDULE if e.name == "audit.archive_operation_logs")
    assert (entry.every, entry.at, entry.task) == (
        timedelta(days=1),
        time(3, 0),
        "jmt.audit.tasks.archive_operation_logs",
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps rows made by data migrations
def test_workers_ticking_at_the_same_moment_enqueue_a_due_task_once():
    PeriodicTaskState.objects.create(name="test.ping", next_run_at=NOW)
    start = threading.Barrier(4)
    results: list[list[str]] = []
    errors: list[BaseException] = []

    def worker():
        try:
            start.wait()
            results.append(enqueue_due(now=NOW, schedule=HOURLY))
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(len(r) for r in results) == [0, 0, 0, 1]
    assert ready_tasks().count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps rows made by data migrations
def test_the_worker_command_enqueues_due_periodic_tasks_and_runs_them(settings, tmp_path):
    from django_tasks_db.models import DBTaskResult

    settings.MEDIA_ROOT = tmp_path
    PeriodicTaskState.objects.create(name="audit.archive_operation_logs", next_run_at=NOW)
    PeriodicTaskState.objects.create(name="system.prune_runtime_rows", next_run_at=NOW)
    call_command("worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    finished = dict(DBTaskResult.objects.values_list("task_path", "status"))
    assert finished == {
        "jmt.audit.tasks.archive_operation_logs": "SUCCESSFUL",
        "jmt.system.tasks.prune_runtime_rows": "SUCCESSFUL",
        "jmt.fx.tasks.fx_rate_snapshots": "SUCCESSFUL",
        "jmt.logistics.tasks.logistics_tracking_poll": "SUCCESSFUL",  # every minute, due at once
        "jmt.cockpits.tasks.cockpit_refresh": "SUCCESSFUL",  # every 10 minutes, due at once
        "jmt.downloads.tasks.expire_downloads": "SUCCESSFUL",  # hourly, due at once
        "jmt.downloads.tasks.fail_stuck_downloads": "SUCCESSFUL",  # every 5 minutes, due at once
    }
