"""The endpoint bodies both surfaces share (``api.py`` for merchants, ``api_admin.py`` for staff)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from jmt.core.pagination import paginate
from jmt.core.permissions import actor_of
from jmt.downloads import links, selectors, services
from jmt.downloads import schemas as s


def list_page(request: HttpRequest, query: s.DownloadListQuery, surface: str) -> dict[str, Any]:
    actor = actor_of(request)
    rows = selectors.download_list(actor=actor, surface=surface, status=query.status)
    page = paginate(rows, page=query.page, page_size=query.page_size).map(s.download_out).out()
    return {**page, "running": selectors.running_count(actor=actor, surface=surface)}


def one(request: HttpRequest, download_id: int, surface: str) -> dict[str, Any]:
    return s.download_out(selectors.download_get(actor=actor_of(request), surface=surface, download_id=download_id))


def link(request: HttpRequest, download_id: int, surface: str) -> dict[str, Any]:
    actor = actor_of(request)
    download = selectors.ensure_ready(selectors.download_get(actor=actor, surface=surface, download_id=download_id))
    made = links.link_for(download_id=download.pk, user_id=actor.user.pk)
    return {"url": made.url, "expires_at": made.expires_at, "file_name": download.file_name}


def retry(request: HttpRequest, download_id: int, surface: str) -> dict[str, Any]:
    download = services.download_retry(actor=actor_of(request), surface=surface, download_id=download_id)
    return s.download_out(download)
