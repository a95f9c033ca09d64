"""Demo downloads (idempotent): a finished customs export and one whose 7 days are over."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from jmt.accounts.models import User
from jmt.accounts.selectors import build_actor
from jmt.customs.downloads import ORDERS
from jmt.downloads.models import Download, DownloadStatus
from jmt.downloads.services import KEEP_DAYS, download_create, download_run
from jmt.merchants.models import Membership, Merchant


def seed_downloads(merchant: Merchant, user: User) -> None:
    if Download.objects.filter(owner=user, merchant=merchant).exists():
        return
    membership = Membership.objects.select_related("merchant").get(user=user, merchant=merchant)
    actor = build_actor(user, membership=membership, membership_known=True)
    params = {"status": "", "search": "", "batch_id": None}
    old = timezone.now() - timedelta(days=KEEP_DAYS + 2)
    Download.objects.create(
        owner=user,
        merchant=merchant,
        surface="merchant",
        kind=ORDERS,
        title="报关订单与清单",
        params=params,
        file_format="xlsx",
        file_name=f"报关订单与清单-{timezone.localtime(old):%Y%m%d-%H%M%S}.xlsx",
        status=DownloadStatus.EXPIRED,
        progress=100,
        rows=12,
        created_at=old,
        started_at=old,
        finished_at=old,
        expires_at=old + timedelta(days=KEEP_DAYS),
    )
    fresh = download_create(actor=actor, kind=ORDERS, params=params, file_format="xlsx")
    download_run(download_id=fresh.pk)  # written now, so the demo has a file to download at once
