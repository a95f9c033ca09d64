"""Writes of the download center: create an export task, run it in the worker, expire old files.

``download_create`` is what every export endpoint calls: the row and its queued task commit together.
``download_run`` runs in the task worker: it rebuilds the asker's actor, lets the kind's writer fill a
temporary file while it reports progress, stores the file through Django's storage API and raises a
站内信 (with its WeChat push). A failure leaves status 失败 with a Chinese reason, never a stack trace.
``downloads_fail_stuck`` (periodic) gives up on a task whose worker died: still 排队 or 生成中 after
``DOWNLOAD_STUCK_MINUTES``, it becomes 失败; ``download_retry`` queues a 失败 export again for its owner.
"""

from __future__ import annotations

import logging
import tempfile
import uuid
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from jmt.audit.services import record, snapshot
from jmt.core.auth import Actor
from jmt.core.catalog import Surface
from jmt.core.errors import ApiError, NotFound, PermissionDenied
from jmt.downloads import registry, selectors
from jmt.downloads.errors import DownloadError
from jmt.downloads.models import Download, DownloadStatus, DownloadSurface
from jmt.merchants.models import Membership

logger = logging.getLogger("jmt.downloads")

KEEP_DAYS = 7
AUDITED = ("kind", "file_format", "params", "status")
RETRY_AUDITED = (*AUDITED, "error", "created_at")
FAILED_UNEXPECTEDLY = "生成文件时出错，请稍后重新导出；如仍失败请联系客服"
STUCK = "超过 {minutes} 分钟仍未生成完成，后台任务可能已中断；请点击「重新生成」"


def _surface_of(kind: registry.ExportKind) -> str:
    return DownloadSurface.ADMIN if kind.surface is Surface.ADMIN else DownloadSurface.MERCHANT


@transaction.atomic
def download_create(*, actor: Actor, kind: str, params: dict[str, Any], file_format: str) -> Download:
    """Queue an export of ``kind`` with ``params`` (plain JSON values) for the acting person."""
    from jmt.downloads.tasks import run_download

    export = registry.get(kind)
    if export is None:
        raise DownloadError.kind_unknown()
    if file_format not in export.formats:
        raise DownloadError.format_unsupported()
    if not actor.can(export.permission):
        raise PermissionDenied(details={"permission": export.permission})
    if export.surface is Surface.ADMIN and not actor.user.is_staff:
        raise NotFound()
    now = timezone.now()
    download = Download.objects.create(
        owner=actor.user,
        merchant=actor.merchant if export.surface is Surface.MERCHANT else None,
        surface=_surface_of(export),
        kind=export.key,
        title=export.title,
        params=params,
        file_format=file_format,
        file_name=export.file_name(file_format, timezone.localtime(now)),
        created_at=now,
    )
    after = snapshot(download, AUDITED)
    record(actor=actor, module="downloads", action="download_create", obj=download, before={}, after=after)
    run_download.enqueue(download.pk)
    return download


def _actor_for(download: Download) -> Actor:
    """The asker as they are now (roles may have changed since they asked)."""
    from jmt.accounts.selectors import build_actor

    user = download.owner
    if not user.is_active:
        raise DownloadError.owner_inactive()
    if download.merchant_id is None:
        return build_actor(user, membership=None, membership_known=True)
    memberships = Membership.objects.filter(user=user, merchant_id=download.merchant_id)
    membership = memberships.select_related("merchant").first()
    if membership is None:
        raise DownloadError.owner_left()
    return build_actor(user, membership=membership, membership_known=True)


def _save(download: Download, **fields: Any) -> None:
    for name, value in fields.items():
        setattr(download, name, value)
    Download.objects.filter(pk=download.pk).update(**fields)


def _settle(download: Download, **fields: Any) -> bool:
    """``_save`` the end of a run, unless the row is no longer 生成中 (given up on as stuck meanwhile)."""
    if not Download.objects.filter(pk=download.pk, status=DownloadStatus.RUNNING).update(**fields):
        return False
    for name, value in fields.items():
        setattr(download, name, value)
    return True


def download_run(*, download_id: int) -> Download | None:
    """Run a queued export (the worker's task). Returns the row, or None when it was not queued."""
    with transaction.atomic():
        download = Download.objects.select_for_update().select_related("owner").filter(pk=download_id).first()
        if download is None or download.status != DownloadStatus.QUEUED:
            return None
        _save(download, status=DownloadStatus.RUNNING, started_at=timezone.now(), progress=0)
    try:
        rows, stored, size = _write(download)
    except ApiError as problem:
        _fail(download, problem.message)
        return download
    except Exception:
        logger.exception("export %s (%s) failed", download.pk, download.kind)
        _fail(download, FAILED_UNEXPECTEDLY)
        return download
    now = timezone.now()
    with transaction.atomic():
        settled = _settle(
            download,
            status=DownloadStatus.DONE,
            progress=100,
            rows=rows,
            storage_path=stored,
            size=size,
            finished_at=now,
            expires_at=now + timedelta(days=KEEP_DAYS),
        )
        if not settled:  # already 失败 (stuck) and maybe queued again: this late file is not kept
            default_storage.delete(stored)
            return download
        _tell(download, f"「{download.title}」已生成，可在下载中心下载", f"共 {rows} 行，文件保留 {KEEP_DAYS} 天。")
    return download


def _write(download: Download) -> tuple[int, str, int]:
    """Fill a temporary file with the kind's writer, then store it: (rows, storage path, size)."""
    export = registry.get(download.kind)
    if export is None:
        raise DownloadError.kind_unknown()
    actor = _actor_for(download)
    if not actor.can(export.permission):
        raise DownloadError.permission_lost()
    with tempfile.TemporaryFile(dir=getattr(settings, "EXPORT_TMP_DIR", None)) as handle:
        job = registry.ExportJob(
            actor=actor,
            params=dict(download.params),
            file_format=download.file_format,
            target=handle,
            report=registry.Throttle(lambda percent: _save(download, progress=percent)),
        )
        rows = export.write(job)
        handle.seek(0)
        name = f"downloads/{download.owner_id}/{uuid.uuid4().hex}.{download.file_format}"
        stored = default_storage.save(name, File(handle))
    return rows, stored, default_storage.size(stored)


def _fail(download: Download, reason: str) -> None:
    with transaction.atomic():
        if _settle(download, status=DownloadStatus.FAILED, error=reason[:300], finished_at=timezone.now()):
            _tell(download, f"「{download.title}」生成失败", reason)


def _tell(download: Download, title: str, body: str) -> None:
    from jmt.notifications.models import MessageKind
    from jmt.notifications.services import notify

    notify(
        recipients=[download.owner],
        merchant=download.merchant,
        kind=MessageKind.STATUS,
        title=title,
        body=body,
        link="/downloads",
        related=download,
    )


def downloads_expire(*, now: Any = None) -> int:
    """Files past their 7 days: the file deleted, the row kept as 已过期. Returns how many expired."""
    moment = now or timezone.now()
    due = list(Download.objects.filter(status=DownloadStatus.DONE, expires_at__lte=moment).order_by("pk")[:1000])
    for download in due:
        if download.storage_path:
            default_storage.delete(download.storage_path)
        _save(download, status=DownloadStatus.EXPIRED, storage_path="", size=0)
    return len(due)


def downloads_fail_stuck(*, now: Any = None) -> int:
    """Exports 排队 or 生成中 for longer than ``DOWNLOAD_STUCK_MINUTES`` (their worker died): 失败 with the
    Chinese reason and a message to the owner, who may 重新生成. Returns how many were given up on."""
    moment = now or timezone.now()
    minutes = settings.DOWNLOAD_STUCK_MINUTES
    cutoff = moment - timedelta(minutes=minutes)
    waiting = Q(status=DownloadStatus.QUEUED, created_at__lte=cutoff)
    running = Q(status=DownloadStatus.RUNNING, started_at__lte=cutoff)
    stuck = list(Download.objects.filter(waiting | running).select_related("owner", "merchant").order_by("pk")[:1000])
    reason = STUCK.format(minutes=minutes)
    failed = 0
    for download in stuck:
        with transaction.atomic():
            given_up = Download.objects.filter(pk=download.pk, status=download.status).update(
                status=DownloadStatus.FAILED, error=reason, finished_at=moment
            )
            if given_up:  # not finished by its worker in the meantime
                download.status, download.error = DownloadStatus.FAILED, reason
                _tell(download, f"「{download.title}」生成失败", reason)
                failed += 1
    return failed


@transaction.atomic
def download_retry(*, actor: Actor, surface: str, download_id: int) -> Download:
    """重新生成: the owner's 失败 export queued again, same kind, filters and format (anyone else: 404)."""
    from jmt.downloads.tasks import run_download

    found = selectors.download_get(actor=actor, surface=surface, download_id=download_id)
    download = Download.objects.select_for_update().get(pk=found.pk)
    if download.status != DownloadStatus.FAILED:
        raise DownloadError.not_failed()
    export = registry.get(download.kind)
    if export is None:
        raise DownloadError.kind_unknown()
    if not actor.can(export.permission):
        raise PermissionDenied(details={"permission": export.permission})
    before = snapshot(download, RETRY_AUDITED)
    now = timezone.now()
    _save(
        download,
        status=DownloadStatus.QUEUED,
        progress=0,
        rows=0,
        error="",
        created_at=now,
        started_at=None,
        finished_at=None,
        file_name=export.file_name(download.file_format, timezone.localtime(now)),
    )
    after = snapshot(download, RETRY_AUDITED)
    record(actor=actor, module="downloads", action="download_retry", obj=download, before=before, after=after)
    run_download.enqueue(download.pk)
    return download
