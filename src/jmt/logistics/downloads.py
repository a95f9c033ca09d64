"""Export kinds of 跨境物流 (registered with the download center at start-up)."""

from __future__ import annotations

from jmt.core.catalog import Surface
from jmt.downloads import tables
from jmt.downloads.registry import ExportJob, ExportKind, register
from jmt.logistics import selectors
from jmt.logistics.flow import QUEUE_VIEW
from jmt.logistics.schemas import ExportQuery

SHIPMENTS = "logistics.shipments"
WIDTHS = (18, 20, 16, 10, 16, 10, 22, 12, 12, 10, 10, 18)


def write_shipments(job: ExportJob) -> int:
    """``params``: the back-office list filters (``ExportQuery``) as the endpoint validated them."""
    f = ExportQuery.model_validate(job.params)
    rows = selectors.filtered(
        selectors.shipments(actor=job.actor),
        q_=f.q,
        state=f.state,
        carrier_id=f.carrier_id,
        handled=f.handled,
        country=f.country,
        created_from=f.created_from,
        created_to=f.created_to,
    )
    tracked = job.track(selectors.export_rows(rows), rows.count())
    if job.file_format == "csv":
        return tables.write_csv(job.target, header=selectors.EXPORT_HEADER, rows=tracked)
    return tables.write_xlsx(
        job.target, sheet_name="物流订单", header=selectors.EXPORT_HEADER, rows=tracked, widths=WIDTHS
    )


register(
    ExportKind(
        key=SHIPMENTS,
        title="物流订单",
        permission=QUEUE_VIEW,
        surface=Surface.ADMIN,
        write=write_shipments,
        formats=("xlsx", "csv"),
    )
)
