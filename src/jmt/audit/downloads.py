"""Export kinds of the operation log (registered with the download center at start-up)."""

from __future__ import annotations

from jmt.audit import export, selectors
from jmt.audit.schemas import LogExportQuery
from jmt.core.catalog import Surface
from jmt.downloads import tables
from jmt.downloads.registry import ExportJob, ExportKind, register

OPERATION_LOGS = "audit.operation_logs"
EXPORT_PERMISSION = "system:logs:export"


def write_operation_logs(job: ExportJob) -> int:
    """``params``: the list filters the endpoint validated (``query``); the export's own entry (``before_id``)."""
    filters = LogExportQuery.model_validate(job.params["query"]).export_filters()
    before_id = job.params.get("before_id")
    total = selectors.operation_log_export_count(actor=job.actor, filters=filters, before_id=before_id)
    rows = job.track(selectors.operation_log_export_rows(actor=job.actor, filters=filters, before_id=before_id), total)
    if job.file_format == "csv":
        return tables.write_csv(job.target, header=export.HEADER, rows=(export.cells(row) for row in rows))
    return export.write_xlsx(rows, job.target)


register(
    ExportKind(
        key=OPERATION_LOGS,
        title="操作日志",
        permission=EXPORT_PERMISSION,
        surface=Surface.ADMIN,
        write=write_operation_logs,
        formats=("xlsx", "csv"),
    )
)
