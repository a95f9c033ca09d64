"""The export kinds: each app registers what it can export, the download center runs them.

An app adds a kind in its own ``downloads.py`` (imported by :class:`jmt.downloads.apps.DownloadsConfig`
at start-up through ``autodiscover_modules("downloads")``)::

    from jmt.downloads.registry import ExportJob, ExportKind, register

    def write_cockpit(job: ExportJob) -> int:
        rows = my_selectors.rows(actor=job.actor, **job.params)       # job.params: what the endpoint passed
        ...write job.target (a binary file) in job.file_format...     # report job.progress(done, total)
        return row_count

    register(ExportKind(
        key="reports.cockpit",             # stable, stored on each Download
        title="综合数据驾驶舱",             # shown in the download center and the file name
        permission="dashboards:overview:view",  # checked when the task is created and again when it runs
        surface=Surface.ADMIN,             # who asks for it: merchant users or staff
        write=write_cockpit,
        formats=("xlsx",),
    ))

and its endpoint creates the task with ``jmt.downloads.services.download_create(actor=, kind=, params=,
file_format=)``, returning ``jmt.downloads.schemas.DownloadOut`` with status 202.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any, TypeVar

from jmt.core.auth import Actor
from jmt.core.catalog import Surface

T = TypeVar("T")
PROGRESS_EVERY = 1000  # rows between two progress reports of :meth:`ExportJob.track`

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


@dataclass
class ExportJob:
    """What a writer receives: the actor (rebuilt in the worker), the filters, the file to write, a progress hook."""

    actor: Actor
    params: dict[str, Any]
    file_format: str
    target: IO[bytes]
    report: Callable[[int, int | None], None]
    done: int = 0  # rows passed through :meth:`track` so far

    def progress(self, done: int, total: int | None) -> None:
        """``done`` of ``total`` rows (``total`` None: unknown). Saved at most every second or so."""
        self.report(done, total)

    def track(self, rows: Iterable[T], total: int | None) -> Iterator[T]:
        """Yield ``rows`` unchanged, reporting progress every ``PROGRESS_EVERY`` rows (constant memory)."""
        for row in rows:
            yield row
            self.done += 1
            if self.done % PROGRESS_EVERY == 0:
                self.progress(self.done, total)
        self.progress(self.done, total)


Writer = Callable[[ExportJob], int]


@dataclass(frozen=True)
class ExportKind:
    key: str
    title: str
    permission: str
    surface: Surface
    write: Writer
    formats: tuple[str, ...] = ("xlsx",)

    def file_name(self, file_format: str, moment: Any) -> str:
        return f"{self.title}-{moment:%Y%m%d-%H%M%S}.{file_format}"


_KINDS: dict[str, ExportKind] = {}


def register(kind: ExportKind) -> ExportKind:
    """Add (or, on a reload, replace) a kind; every format must be one the download center can serve."""
    unknown = set(kind.formats) - set(CONTENT_TYPES)
    if unknown:
        raise ValueError(f"export kind {kind.key}: unsupported formats {sorted(unknown)}")
    _KINDS[kind.key] = kind
    return kind


def get(key: str) -> ExportKind | None:
    return _KINDS.get(key)


def kinds() -> list[ExportKind]:
    return sorted(_KINDS.values(), key=lambda k: k.key)


class Throttle:
    """Call ``save(percent)`` when the percentage moved and at least ``seconds`` passed (or it reached 100)."""

    def __init__(self, save: Callable[[int], None], seconds: float = 1.0) -> None:
        self.save = save
        self.seconds = seconds
        self.last_percent = -1
        self.last_at = 0.0

    def __call__(self, done: int, total: int | None) -> None:
        # 100 only once the file is stored; an unknown total creeps up by one per save.
        percent = min(99, done * 100 // total) if total else min(95, self.last_percent + 1)
        now = time.monotonic()
        if percent != self.last_percent and now - self.last_at >= self.seconds:
            self.last_percent, self.last_at = percent, now
            self.save(percent)
