"""The demo data: a year of rates up to today, a balance, one completed and one pending settlement — once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from conftest import make_merchant_user
from jmt.cockpits.facts import Window
from jmt.cockpits.indicators import fx_volatility
from jmt.fx import ledger
from jmt.fx.models import Account, RateSnapshot, Settlement
from jmt.fx.seed import seed_fx, seed_rate_history
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


def test_the_rate_history_reaches_today_so_the_last_30_days_have_rates():
    today = timezone.localdate()
    seed_rate_history()

    usd = RateSnapshot.objects.filter(currency="USD")
    latest = usd.order_by("-rate_date").first()
    assert latest is not None
    assert today - dt.timedelta(days=4) <= latest.rate_date <= today  # the last publication weekday
    assert latest.rate_date.weekday() < 5
    assert usd.filter(rate_date__gt=today - dt.timedelta(days=30)).count() >= 18
    first = usd.order_by("rate_date").first()
    assert first is not None
    assert first.rate_date <= today - dt.timedelta(days=360)
    assert all(s.fetched_at <= timezone.now() for s in usd.order_by("-rate_date")[:3])
    figure = fx_volatility(Window(today - dt.timedelta(days=29), today), None)
    assert figure.value is not None
    assert figure.value > 0


def test_the_rate_history_run_again_later_adds_only_the_new_days():
    today = timezone.localdate()
    first = seed_rate_history(today=today - dt.timedelta(days=14))
    assert seed_rate_history(today=today - dt.timedelta(days=14)) == 0
    added = seed_rate_history(today=today)
    assert 0 < added < first
    dates = list(RateSnapshot.objects.filter(currency="USD").values_list("rate_date", flat=True))
    assert len(dates) == len(set(dates))  # one snapshot per day
    assert max(dates) > today - dt.timedelta(days=5)
