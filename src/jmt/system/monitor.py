"""What the monitor page shows: the application, the database, the task queue, requests, the server."""

from __future__ import annotations

import os
import platform
import socket
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import django
import psutil
from django.conf import settings
from django.db import connection
from django.utils import timezone

from jmt.system.metrics import request_summary
from jmt.system.models import WorkerHeartbeat
from jmt.system.scheduler import schedule_status

WORKER_STALE_AFTER = timedelta(seconds=30)
_cpu_lock = threading.Lock()
_cpu_sample: dict[str, Any] = {"at": 0.0}


def app_version() -> str:
    return os.environ.get("JMT_RELEASE") or str(getattr(settings, "APP_VERSION", "2.0.0"))


def application() -> dict[str, Any]:
    process = psutil.Process()
    started = datetime.fromtimestamp(process.create_time(), tz=UTC)
    return {
        "version": app_version(),
        "started_at": started,
        "uptime_seconds": int(time.time() - process.create_time()),
        "hostname": socket.gethostname(),
        "pid": os.getpid(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "debug": bool(settings.DEBUG),
    }


def _sqlite_size() -> int:
    name = Path(str(connection.settings_dict["NAME"]))
    return sum(p.stat().st_size for p in (name, Path(f"{name}-wal")) if p.exists())


def database() -> dict[str, Any]:
    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SELECT pg_database_size(current_database()), current_setting('server_version')")
                size, version = cursor.fetchone()
            else:
                cursor.execute("SELECT sqlite_version()")
                (version,) = cursor.fetchone()
                size = _sqlite_size()
    except Exception:  # the monitor reports the failure, it does not raise
        return {"ok": False, "vendor": connection.vendor, "version": "", "size_bytes": None, "latency_ms": None}
    return {
        "ok": True,
        "vendor": connection.vendor,
        "version": str(version),
        "size_bytes": int(size),
        "latency_ms": round((time.perf_counter() - started) * 1000, 2),
    }


def tasks(*, now: datetime) -> dict[str, Any]:
    from django_tasks_db.models import DBTaskResult

    counts = {"READY": 0, "RUNNING": 0, "FAILED": 0, "SUCCESSFUL": 0}
    for status in counts:
        counts[status] = DBTaskResult.objects.filter(status=status).count()
    failed = DBTaskResult.objects.filter(status="FAILED").order_by("-finished_at")[:10]
    heartbeats = list(WorkerHeartbeat.objects.order_by("hostname", "pid"))
    fresh_after = now - WORKER_STALE_AFTER
    return {
        "queue_depth": counts["READY"],
        "running": counts["RUNNING"],
        "failed": counts["FAILED"],
        "failed_last_day": DBTaskResult.objects.filter(
            status="FAILED", finished_at__gte=now - timedelta(days=1)
        ).count(),
        "succeeded": counts["SUCCESSFUL"],
        "recent_failures": [
            {
                "id": str(r.id),
                "task": r.task_path.rsplit(".", 1)[-1],
                "task_path": r.task_path,
                "finished_at": r.finished_at,
                "error": r.exception_class_path.rsplit(".", 1)[-1],
            }
            for r in failed
        ],
        "workers_online": sum(1 for h in heartbeats if h.last_seen >= fresh_after),
        "workers": [
            {
                "worker_id": h.worker_id,
                "hostname": h.hostname,
                "pid": h.pid,
                "started_at": h.started_at,
                "last_seen": h.last_seen,
                "online": h.last_seen >= fresh_after,
            }
            for h in heartbeats
        ],
        "schedule": schedule_status(),
    }


def _cpu_percent() -> float:
    """System CPU use since the previous reading in this process (a 0.2 s sample if none is recent)."""
    with _cpu_lock:
        recent = time.monotonic() - float(_cpu_sample["at"]) < 60
        value = psutil.cpu_percent(interval=None if recent else 0.2)
        _cpu_sample["at"] = time.monotonic()
    return float(value)


def server() -> dict[str, Any]:
    memory = psutil.virtual_memory()
    disk_path = Path(settings.VAR_DIR)
    disk = psutil.disk_usage(str(disk_path))
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {
        "cpu_percent": round(_cpu_percent(), 1),
        "cpu_count": psutil.cpu_count() or 1,
        "load_average": [round(x, 2) for x in load],
        "memory_total": memory.total,
        "memory_used": memory.total - memory.available,
        "memory_percent": round(memory.percent, 1),
        "process_rss": psutil.Process().memory_info().rss,
        "disk_path": str(disk_path),
        "disk_total": disk.total,
        "disk_used": disk.used,
        "disk_percent": round(disk.percent, 1),
    }


def snapshot() -> dict[str, Any]:
    now = timezone.now()
    return {
        "generated_at": now,
        "app": application(),
        "database": database(),
        "tasks": tasks(now=now),
        "requests": request_summary(now=now),
        "server": server(),
    }
