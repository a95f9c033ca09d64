"""Exports of 200,000 logs run in the task worker: memory stays flat while the whole file is produced.

The figures print with ``-s``: ``pytest -s src/jmt/audit/tests/test_export_memory.py``. The CSV is
measured with tracemalloc (every Python allocation); the workbook with the process's resident memory
sampled every 20 ms (tracemalloc slows XlsxWriter five-fold).
"""

import threading
import time
import tracemalloc
from collections.abc import Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import psutil
import pytest
from django.core.files.storage import default_storage

from jmt.accounts.models import User
from jmt.audit.models import OperationLog
from jmt.audit.tests.bulk import bulk_insert_logs
from jmt.downloads.models import Download, DownloadStatus
from jmt.downloads.tests.helpers import ask_export
from jmt.notifications.tests.helpers import run_ready_tasks

pytestmark = pytest.mark.django_db

PATH = "/admin/audit/operation-logs/export"
ROWS = 200_000
MB = 1024 * 1024


@pytest.fixture(scope="module")
def many_logs(django_db_setup, django_db_blocker) -> Iterator[int]:
    """200,000 logs, inserted once for the module (committed) and removed after it."""
    with django_db_blocker.unblock():
        actor = User.objects.create_user(username="13800000001", phone="13800000001", name="林晶莹")
        started = time.perf_counter()
        bulk_insert_logs(
            ROWS,
            actor_id=actor.pk,
            start=datetime(2026, 1, 1, tzinfo=ZoneInfo("Asia/Shanghai")),
            step=timedelta(seconds=7),
        )
        print(f"\n  inserted {ROWS:,} logs in {time.perf_counter() - started:.1f} s")
        yield ROWS
        OperationLog.objects.all().delete()
        actor.delete()


class PeakRss:
    """The highest resident memory of this process while the block runs, above what it was at the start."""

    def __init__(self) -> None:
        self.process = psutil.Process()
        self.stop = threading.Event()
        self.baseline = self.peak = 0

    def _sample(self) -> None:
        while not self.stop.wait(0.02):
            self.peak = max(self.peak, self.process.memory_info().rss)

    def __enter__(self) -> "PeakRss":
        self.baseline = self.peak = self.process.memory_info().rss
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()

    @property
    def growth(self) -> int:
        return self.peak - self.baseline


def _finished(response) -> Download:
    assert response.status_code == 202  # the request only queues the export
    return Download.objects.get(pk=response.json()["id"])


def _stored_blocks(download: Download) -> Iterator[bytes]:
    with default_storage.open(download.storage_path, "rb") as handle:
        while block := handle.read(1024 * 1024):
            yield block
    default_storage.delete(download.storage_path)


def test_a_csv_export_of_200000_rows_peaks_under_32_mb_of_python_memory(admin_api, many_logs):
    download = _finished(ask_export(admin_api, PATH, format="csv"))
    tracemalloc.start()
    started = time.perf_counter()
    try:
        run_ready_tasks()  # what the worker does: the file is written here
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    download.refresh_from_db()
    assert download.status == DownloadStatus.DONE
    received = lines = 0
    for block in _stored_blocks(download):
        received += len(block)
        lines += block.count(b"\n")
    print(
        f"  CSV: {received / MB:.1f} MB in {time.perf_counter() - started:.1f} s, tracemalloc peak {peak / MB:.1f} MB"
    )
    assert lines == 1 + many_logs  # every row went out
    assert download.rows == many_logs
    assert peak < 32 * MB


def test_an_excel_export_of_200000_rows_grows_the_process_by_under_64_mb(admin_api, many_logs):
    download = _finished(ask_export(admin_api, PATH, format="xlsx"))
    started = time.perf_counter()
    with PeakRss() as rss:
        run_ready_tasks()  # the workbook is built here, in the worker, not in a request
    download.refresh_from_db()
    assert download.status == DownloadStatus.DONE
    received = sum(len(block) for block in _stored_blocks(download))
    print(
        f"  xlsx: {received / MB:.1f} MB in {time.perf_counter() - started:.1f} s, "
        f"resident memory grew {rss.growth / MB:.1f} MB at its peak"
    )
    assert received == download.size > 5 * MB
    assert download.rows == many_logs
    assert rss.growth < 64 * MB
