"""Reads of the download center: each person sees only their own downloads, on the surface they asked on."""

from __future__ import annotations

from django.db.models import QuerySet

from jmt.core.auth import Actor
from jmt.core.errors import NotFound
from jmt.downloads.errors import DownloadError
from jmt.downloads.models import Download, DownloadStatus, DownloadSurface


def downloads_visible(*, actor: Actor, surface: str) -> QuerySet[Download]:
    """A merchant user's downloads within their current merchant; a staff member's back-office ones. The back
    office's download center does not exist for a merchant account (404, as for every back-office code)."""
    rows = Download.objects.filter(owner=actor.user, surface=surface)
    if surface == DownloadSurface.ADMIN:
        if not actor.user.is_staff:
            raise NotFound()
        return rows
    if actor.merchant is None:
        return Download.objects.none()
    return rows.filter(merchant=actor.merchant)


def download_list(*, actor: Actor, surface: str, status: str = "") -> QuerySet[Download]:
    rows = downloads_visible(actor=actor, surface=surface)
    if status:
        rows = rows.filter(status=status)
    return rows.order_by("-created_at", "-pk")


def download_get(*, actor: Actor, surface: str, download_id: int) -> Download:
    download = downloads_visible(actor=actor, surface=surface).filter(pk=download_id).first()
    if download is None:
        raise NotFound()
    return download


def ensure_ready(download: Download) -> Download:
    """The file can be fetched now, or the Chinese reason it cannot."""
    if download.status == DownloadStatus.EXPIRED:
        raise DownloadError.expired()
    if download.status == DownloadStatus.FAILED:
        raise DownloadError.failed()
    if download.status != DownloadStatus.DONE:
        raise DownloadError.not_ready()
    return download


def download_by_link(*, download_id: int, user_id: int) -> Download:
    """The download a signed link names, if it is still its owner's and the owner is still active."""
    download = (
        Download.objects.select_related("owner").filter(pk=download_id, owner_id=user_id, owner__is_active=True).first()
    )
    if download is None:
        raise DownloadError.link_invalid()
    return ensure_ready(download)


def running_count(*, actor: Actor, surface: str) -> int:
    statuses = (DownloadStatus.QUEUED, DownloadStatus.RUNNING)
    return downloads_visible(actor=actor, surface=surface).filter(status__in=statuses).count()
