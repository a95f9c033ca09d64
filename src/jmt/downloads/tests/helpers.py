"""Test helpers: ask for an export the way the front end does, run the worker's tasks, read the file."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.core.files.storage import default_storage

from jmt.downloads.models import Download, DownloadStatus
from jmt.notifications.tests.helpers import run_ready_tasks


def ask_export(api: Any, path: str, **params: Any) -> Any:
    """POST an export endpoint with its filters in the query string (as the list sends them)."""
    query = urlencode({key: value for key, value in params.items() if value is not None})
    return api.post(f"{path}?{query}" if query else path)


def export_file(api: Any, path: str, **params: Any) -> bytes:
    """Ask for an export, run it as the worker would, and return the finished file's bytes."""
    response = ask_export(api, path, **params)
    assert response.status_code == 202, response.content
    assert response.json()["status"] == "queued"
    run_ready_tasks()
    download = Download.objects.get(pk=response.json()["id"])
    assert download.status == DownloadStatus.DONE, download.error
    with default_storage.open(download.storage_path, "rb") as handle:
        data = handle.read()
    default_storage.delete(download.storage_path)
    return data
