"""The rate board (F1): latest quotes, change since the previous close, 30-day range, trend; the snapshot task."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from jmt.fx import rates
from jmt.fx.models import RateSnapshot
from jmt.fx.tasks import fx_rate_snapshots

pytestmark = pytest.mark.django_db


def _snap(day: date, middle: str, currency: str = "USD") -> None:
    RateSnapshot.objects.create(currency=currency, source="ecb", middle=Decimal(middle), rate_date=day)


def test_the_board_shows_latest_change_and_30_day_range(merchant_api):
    _snap(date(2026, 9, 15), "7.3000")  # outside the 30 days
    _snap(date(2026, 10, 20), "6.6000")
    _snap(date(2026, 10, 29), "6.7000")
    _snap(date(2026, 10, 30), "6.6529")
    board = merchant_api.get("/fx/rates").json()
    assert [row["currency"] for row in board] == ["USD", "EUR", "GBP", "JPY", "HKD", "AUD"]
    usd = board[0]["latest"]
    assert usd["middle"] == "6.6529"
    assert usd["previous_close"] == "6.7000"
    assert usd["change"] == "-0.0471"
    assert usd["change_percent"] == "-0.70"
    assert (usd["high_30d"], usd["low_30d"]) == ("6.7000", "6.6000")
    assert usd["source_label"] == "欧洲央行参考汇率（离线数据）"
    assert usd["rate_date"] == "2026-10-30"
    assert board[1]["latest"] is None


def test_the_trend_has_one_point_per_published_day(merchant_api):
    for offset in range(10):
        _snap(date(2026, 10, 30) - timedelta(days=offset), f"6.{6500 + offset}")
    _snap(date(2026, 10, 30), "6.6600")  # a later snapshot of the same day wins
    trend = merchant_api.get("/fx/rates/trend", currency="USD", range="7d").json()
    assert len(trend["points"]) == 7
    assert trend["points"][-1] == {"date": "2026-10-30", "value": "6.6600"}


def test_the_snapshot_task_stores_every_board_currency_with_its_source_and_fetch_time(settings, monkeypatch):
    monkeypatch.setattr(rates, "is_open", lambda hours, now: True)
    assert fx_rate_snapshots.call() == 6
    usd = RateSnapshot.objects.get(currency="USD")
    assert usd.source == "ecb"
    assert usd.rate_date == date(2026, 10, 30)
    assert usd.middle == Decimal("6.652882")
    assert abs((timezone.now() - usd.fetched_at).total_seconds()) < 60


def test_the_snapshot_task_does_nothing_outside_opening_hours(monkeypatch):
    monkeypatch.setattr(rates, "is_open", lambda hours, now: False)
    assert fx_rate_snapshots.call() == 0
    assert not RateSnapshot.objects.exists()


def test_a_balance_update_reaches_the_home_feed(merchant_api, ready_merchant):
    from jmt.fx.tests.factories import fund

    fund(ready_merchant, "1234.50")
    feed = merchant_api.get("/home").json()["feed"]
    assert {"title": "子账户余额更新为 $1,234.50", "route": "/fx/settlements?tab=ledger"}.items() <= feed[0].items()
