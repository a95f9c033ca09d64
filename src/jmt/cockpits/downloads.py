"""Export kinds of 数据驾驶舱 (registered with the download center at start-up)."""

from __future__ import annotations

import datetime as dt

from jmt.cockpits import selectors
from jmt.cockpits.report import ReportFilters, write_report
from jmt.cockpits.selectors import OVERVIEW_EXPORT, OVERVIEW_VIEW
from jmt.core.auth import Actor
from jmt.core.catalog import Surface
from jmt.downloads.models import Download
from jmt.downloads.registry import ExportJob, ExportKind, register
from jmt.downloads.services import download_create

REPORT = "cockpits.report"


def _day(value: object) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None


def report_create(
    *, actor: Actor, start: dt.date | None, end: dt.date | None, merchant_id: int | None, country: str, hs: str
) -> Download:
    """Queue the custom report: a bad period or a merchant outside the asker's scope is refused now, not in
    the worker; the filters go to :func:`write_cockpit_report` as the params it reads."""
    window = selectors.window_of(start, end)
    selectors.merchant_ids_of(actor, OVERVIEW_VIEW, merchant_id)
    params = {
        "start": window.start.isoformat(),
        "end": window.end.isoformat(),
        "merchant_id": merchant_id,
        "country": country,
        "hs": hs,
    }
    return download_create(actor=actor, kind=REPORT, params=params, file_format="xlsx")


def write_cockpit_report(job: ExportJob) -> int:
    """综合数据的自定义报表: the filters the endpoint checked, applied again in the worker within the asker's scope."""
    params = job.params
    merchant_id = params.get("merchant_id")
    window = selectors.window_of(_day(params.get("start")), _day(params.get("end")))
    merchant_ids = selectors.merchant_ids_of(job.actor, OVERVIEW_VIEW, merchant_id)
    job.progress(0, 1)
    rows = write_report(
        job.target,
        filters=ReportFilters(
            window=window, country=params.get("country") or "", hs=params.get("hs") or "", merchant_id=merchant_id
        ),
        merchant_ids=merchant_ids,
    )
    job.progress(1, 1)
    return rows


register(
    ExportKind(
        key=REPORT,
        title="综合数据报表",
        permission=OVERVIEW_EXPORT,
        surface=Surface.ADMIN,
        write=write_cockpit_report,
        formats=("xlsx",),
    )
)
