"""Background jobs of the download center."""

from __future__ import annotations

from django_tasks import task


@task()
def run_download(download_id: int) -> dict[str, object]:
    """Write one export's file (enqueued by ``jmt.downloads.services.download_create``)."""
    from jmt.downloads.services import download_run

    download = download_run(download_id=download_id)
    if download is None:
        return {"download": download_id, "skipped": True}
    return {"download": download_id, "status": download.status, "rows": download.rows}


@task()
def expire_downloads() -> dict[str, object]:
    """Scheduled hourly by the worker (``jmt.system.scheduler``): files older than 7 days are deleted."""
    from jmt.downloads.services import downloads_expire

    return {"expired": downloads_expire()}


@task()
def fail_stuck_downloads() -> dict[str, object]:
    """Scheduled every 5 minutes: exports whose worker died (排队 / 生成中 too long) become 失败."""
    from jmt.downloads.services import downloads_fail_stuck

    return {"failed": downloads_fail_stuck()}
