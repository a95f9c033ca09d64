"""Moving old operation logs out of the table into compressed monthly archive files.

A calendar month (Asia/Shanghai) is archived once all of it is older than the configured age, so a
log stays in the table at least ``archive_after_days`` days and at most a month longer, and each
month becomes one file: ``operation-logs-2026-01.jsonl.gz`` (JSON lines, one log per line, gzip).
A row that turns up later in a month already archived (a clock set wrong, an import) goes into a
further part, ``operation-logs-2026-01-part2.jsonl.gz``.

The files go through Django's storage API under ``audit-archives/`` — the local disk under
MEDIA_ROOT (so the nightly backup's uploads tar holds them) or the S3-compatible bucket every app
machine reaches (``JMT_STORAGE=s3``, docs/scaling.md).

Per month, one transaction: the rows are read in id order (locked on PostgreSQL), packed into a
temporary file, deleted, the file is stored and the :class:`AuditArchive` row is created — if
anything fails the rows stay and the stored file is removed, so a log is always in exactly one
place. Running it again finds nothing older than the boundary and does nothing.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from jmt.audit.export import actor_text, impersonator_text
from jmt.audit.models import AuditArchive, OperationLog
from jmt.audit.selectors import EXPORT_CHUNK_SIZE, EXPORT_VALUES
from jmt.audit.services import diff, record_event, system_actor

logger = logging.getLogger("jmt.audit")

DELETE_BATCH = 1000
STORAGE_FOLDER = "audit-archives"


@dataclass(frozen=True)
class ArchivedMonth:
    month: date
    file_name: str
    row_count: int


def month_start(moment: datetime) -> datetime:
    """The first instant of ``moment``'s month in the local time zone."""
    local = timezone.localtime(moment)
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def next_month(start: datetime) -> datetime:
    year, month = (start.year + 1, 1) if start.month == 12 else (start.year, start.month + 1)
    return start.replace(year=year, month=month)


def archive_boundary(*, now: datetime, after_days: int) -> datetime:
    """Rows before this instant are archived: the start of the month that holds ``now - after_days``."""
    return month_start(now - timedelta(days=after_days))


def archive_line(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "created_at": timezone.localtime(row["created_at"]).isoformat(),
        "actor_id": row["actor_id"],
        "actor": actor_text(row),
        "impersonator_id": row["impersonator_id"],
        "impersonator": impersonator_text(row),
        "merchant_id": row["merchant_id"],
        "module": row["module"],
        "action": row["action"],
        "object_type": row["object_type"],
        "object_id": row["object_id"],
        "object_repr": row["object_repr"],
        "changes": row["changes"],
        "ip": row["ip"],
        "user_agent": row["user_agent"],
    }


def _rows(start: datetime, end: datetime) -> Iterator[dict[str, Any]]:
    queryset = (
        OperationLog.objects.filter(created_at__gte=start, created_at__lt=end)
        .select_for_update(of=("self",))
        .order_by("id")
        .values(*EXPORT_VALUES)
    )
    return queryset.iterator(chunk_size=EXPORT_CHUNK_SIZE)


def _file_name(month: date, part: int) -> str:
    stem = f"operation-logs-{month:%Y-%m}"
    return f"{stem}.jsonl.gz" if part == 1 else f"{stem}-part{part}.jsonl.gz"


def _archive_month(start: datetime, end: datetime) -> ArchivedMonth | None:
    month = start.date()
    stored: str | None = None
    try:
        with transaction.atomic(), tempfile.TemporaryFile(dir=getattr(settings, "EXPORT_TMP_DIR", None)) as handle:
            ids: list[int] = []
            first: datetime | None = None
            last: datetime | None = None
            with gzip.GzipFile(fileobj=handle, mode="wb", mtime=0) as packed:
                for row in _rows(start, end):
                    line = json.dumps(archive_line(row), ensure_ascii=False, cls=DjangoJSONEncoder)
                    packed.write(line.encode() + b"\n")
                    ids.append(row["id"])
                    first = row["created_at"] if first is None else min(first, row["created_at"])
                    last = row["created_at"] if last is None else max(last, row["created_at"])
            if not ids or first is None or last is None:
                return None
            deleted = 0
            for offset in range(0, len(ids), DELETE_BATCH):
                deleted += OperationLog.objects.filter(pk__in=ids[offset : offset + DELETE_BATCH]).delete()[0]
            if deleted != len(ids):  # another archiver got there first: leave everything as it was
                raise RuntimeError(f"archived {len(ids)} rows of {month:%Y-%m} but deleted {deleted}")
            taken = AuditArchive.objects.filter(month=month).order_by("-part").values_list("part", flat=True).first()
            part = (taken or 0) + 1
            file_name = _file_name(month, part)
            size = handle.tell()
            handle.seek(0)
            sha256 = hashlib.file_digest(handle, "sha256").hexdigest()
            handle.seek(0)
            stored = default_storage.save(f"{STORAGE_FOLDER}/{file_name}", File(handle, name=file_name))
            archive = AuditArchive.objects.create(
                month=month,
                part=part,
                file_name=file_name,
                storage_path=stored,
                row_count=len(ids),
                first_created_at=first,
                last_created_at=last,
                sha256=sha256,
                size_bytes=size,
            )
            record_event(
                actor=system_actor(),
                module="audit",
                action="archive",
                object_type="audit.AuditArchive",
                object_id=str(archive.pk),
                object_repr=archive.file_name,
                changes=diff(
                    {},
                    {
                        "month": f"{month:%Y-%m}",
                        "file_name": archive.file_name,
                        "row_count": archive.row_count,
                        "sha256": archive.sha256,
                    },
                ),
            )
    except BaseException:
        if stored is not None:
            default_storage.delete(stored)  # no row, no file
        raise
    logger.info("archived %d operation logs of %s into %s", len(ids), f"{month:%Y-%m}", stored)
    return ArchivedMonth(month=month, file_name=file_name, row_count=len(ids))


def operation_logs_archive(*, after_days: int, now: datetime | None = None) -> list[ArchivedMonth]:
    """Archive every whole month older than ``after_days``, oldest first. Idempotent."""
    if after_days < 1:
        raise ValueError("after_days must be at least 1")
    boundary = archive_boundary(now=now or timezone.now(), after_days=after_days)
    done: list[ArchivedMonth] = []
    while True:
        oldest = (
            OperationLog.objects.filter(created_at__lt=boundary)
            .order_by("created_at")
            .values_list("created_at", flat=True)
            .first()
        )
        if oldest is None:
            return done
        start = month_start(oldest)
        result = _archive_month(start, min(next_month(start), boundary))
        if result is None:  # rows vanished under us (another archiver): look again
            continue
        done.append(result)
