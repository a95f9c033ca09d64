"""Background jobs of the operation log."""

from __future__ import annotations

from django_tasks import task


@task()
def archive_operation_logs() -> dict[str, object]:
    """Scheduled daily by the worker (``jmt.system.scheduler``): archive the months past the configured age."""
    from jmt.audit.archive import operation_logs_archive
    from jmt.system.parameters import archive_after_days

    days = archive_after_days()
    done = operation_logs_archive(after_days=days)
    return {
        "after_days": days,
        "archived": [{"month": f"{m.month:%Y-%m}", "file": m.file_name, "rows": m.row_count} for m in done],
    }
