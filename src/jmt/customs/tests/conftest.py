from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from jmt.customs.models import Batch
from jmt.customs.tests.factories import make_batch
from jmt.merchants.models import Merchant

SHARED_CUSTOMS = Path(settings.BASE_DIR).parent / "shared" / "domain" / "customs"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded workbooks are kept under MEDIA_ROOT: a fresh one per test."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def batch(crystal_merchant: Merchant) -> Batch:
    return make_batch(crystal_merchant)


class Clock:
    """A clock the simulator and the dispatcher read: tests move time instead of waiting for it."""

    def __init__(self) -> None:
        # A minute ahead, so rows written by the test (stamped with the real time) are already due.
        self.now = timezone.now().replace(microsecond=0) + timedelta(seconds=60)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> datetime:
        self.now += timedelta(seconds=seconds)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def other_batch(other_merchant_user) -> Batch:
    from jmt.merchants.models import Membership

    merchant = Membership.objects.get(user=other_merchant_user).merchant
    return make_batch(merchant, ebc_code="3207960Z99", ebc_name="连云港某水晶店")


@pytest.fixture
def actor_for():
    from jmt.core.auth import Actor

    def build(merchant: Merchant) -> Actor:
        return Actor(user=None, merchant=merchant, role="admin", permissions=frozenset())

    return build
