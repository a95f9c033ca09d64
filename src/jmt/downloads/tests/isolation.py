"""How the isolation walk builds this app's objects (see ``jmt.rbac.tests.walk``): a download belongs to
one person on one surface — a merchant user's within their merchant, a staff member's in the back office."""

from typing import Any

from jmt.accounts.models import User
from jmt.downloads.models import Download, DownloadStatus, DownloadSurface


def _download(owner_user: Any, merchant: Any, surface: str) -> int:
    row = Download.objects.create(
        owner=owner_user,
        merchant=merchant,
        surface=surface,
        kind="customs.orders",
        title="报关订单与清单",
        file_format="xlsx",
        file_name="报关订单与清单.xlsx",
        status=DownloadStatus.QUEUED,
    )
    return row.pk


def _merchant_download(owner: Any) -> dict[str, Any]:
    return {"download_id": _download(owner.user, owner.merchant, DownloadSurface.MERCHANT)}


def _staff_download(owner: Any) -> dict[str, Any]:
    """The back office's control request is made by the super admin: the download is theirs."""
    staff = User.objects.filter(is_superadmin=True).order_by("pk").first()
    return {"download_id": _download(staff, None, DownloadSurface.ADMIN)}


PATH_FACTORIES = {
    "/api/v1/downloads/{download_id}": _merchant_download,
    "/api/v1/admin/downloads/{download_id}": _staff_download,
}
