"""The demo data: a year of rates, a balance, one completed and one pending settlement — once."""

from __future__ import annotations

import pytest

from conftest import make_merchant_user
from jmt.fx import ledger
from jmt.fx.models import Account, RateSnapshot, Settlement
from jmt.fx.seed import seed_fx
from jmt.merchants.models import MemberRole

pytestmark = pytest.mark.django_db


def test_seed_populates_the_module_once(ready_merchant, superadmin, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    applicant = make_merchant_user("13800000011", ready_merchant, MemberRole.ADMIN, "林晶莹")
    seed_fx(ready_merchant, applicant=applicant, officer=superadmin)
    seed_fx(ready_merchant, applicant=applicant, officer=superadmin)
    assert sorted(Settlement.objects.values_list("state", flat=True)) == ["completed", "pending"]
    totals = ledger.totals(Account.objects.get(merchant=ready_merchant).pk)
    assert (str(totals.balance), str(totals.frozen)) == ("9580.00", "1500.00")
    assert RateSnapshot.objects.filter(currency="USD").count() > 200
