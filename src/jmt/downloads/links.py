"""Short-lived signed download links: a finished file fetched without a bearer header.

The mini-program's ``wx.downloadFile`` (and a plain browser tab) cannot send ``Authorization``; the
link carries a signature over (download, owner) instead, valid for ``LINK_SECONDS`` and only for the
person it was made for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core import signing
from django.utils import timezone

from jmt.downloads.errors import DownloadError

LINK_SECONDS = 5 * 60
SALT = "jmt.downloads.link"
FILE_PATH = "/api/v1/downloads/file/"


@dataclass(frozen=True)
class Link:
    url: str
    expires_at: datetime


def link_for(*, download_id: int, user_id: int) -> Link:
    token = signing.TimestampSigner(salt=SALT).sign_object({"d": download_id, "u": user_id}, compress=False)
    return Link(url=FILE_PATH + token, expires_at=timezone.now() + timedelta(seconds=LINK_SECONDS))


def read_link(token: str) -> tuple[int, int]:
    """(download id, user id) of a link that is genuine and not older than ``LINK_SECONDS``."""
    try:
        value = signing.TimestampSigner(salt=SALT).unsign_object(token, max_age=LINK_SECONDS)
    except signing.SignatureExpired:
        raise DownloadError.link_expired() from None
    except signing.BadSignature:
        raise DownloadError.link_invalid() from None
    try:
        return int(value["d"]), int(value["u"])
    except (TypeError, KeyError, ValueError):
        raise DownloadError.link_invalid() from None
