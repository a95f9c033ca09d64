"""Rate snapshots: fetched from the configured source, stored with their source and fetch time, and
checked against the merchants' alerts as they land.

An alert compares the **reference** rate of a snapshot (现汇买入价 where the source gives one — what
a bank pays for the merchant's dollars — else the middle rate). It fires when that rate is past its
threshold while armed, and is disarmed until a later snapshot is back on the near side: once per crossing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import cast

from django.db import transaction
from django.utils import timezone

from jmt.fx.models import RateAlert, RateSnapshot, RateSource
from jmt.integrations.fx.factory import get_rates_source
from jmt.integrations.fx.port import Quote
from jmt.notifications.services import notify
from jmt.system.opening_hours import is_open
from jmt.system.parameters import FX_CURRENCIES, FxParams, OpeningHoursParams
from jmt.system.selectors import parameter

CURRENCY_NAMES = FX_CURRENCIES
RATE_PLACES = Decimal("0.0001")


def board_currencies() -> list[str]:
    """The currencies of the board (系统参数 · 汇率参数)."""
    return list(cast(FxParams, parameter("fx")).currencies)


def latest_snapshot(currency: str) -> RateSnapshot | None:
    return RateSnapshot.objects.filter(currency=currency).order_by("-fetched_at", "-id").first()


@dataclass(frozen=True)
class Reference:
    rate: Decimal  # CNY per USD, 4 decimals
    label: str  # where it comes from, shown beside the field


def settlement_reference() -> Reference | None:
    """The rate a settlement request is pre-filled with: the latest USD 现汇买入价 (else the middle rate)."""
    snap = latest_snapshot("USD")
    if snap is None:
        return None
    when = (
        timezone.localtime(snap.published_at).strftime("%Y-%m-%d %H:%M")
        if snap.published_at
        else f"{snap.rate_date:%Y-%m-%d}"
    )
    kind = "中国银行现汇买入价" if snap.spot_buy is not None else f"{RateSource(snap.source).label}"
    return Reference(rate=snap.reference.quantize(RATE_PLACES), label=f"{kind}（{when}）")


def _alert_message(alert: RateAlert, snap: RateSnapshot) -> tuple[str, str, str]:
    name = CURRENCY_NAMES.get(alert.currency, alert.currency)
    rate = snap.reference.quantize(RATE_PLACES)
    verb = "高于" if alert.direction == "above" else "低于"
    title = f"汇率提醒：{name}汇率 {rate} 已{verb} {alert.threshold}"
    body = (
        f"{name}（{alert.currency}/CNY）最新{'现汇买入价' if snap.spot_buy is not None else '参考汇率'} {rate}，"
        f"已{verb}您设置的 {alert.threshold}。点击可按此汇率发起结汇申请。"
    )
    link = f"/fx/settlements/new?rate={rate}" if alert.currency == "USD" else f"/fx/rates?currency={alert.currency}"
    return title, body, link


def evaluate_alerts(snapshots: Iterable[RateSnapshot]) -> int:
    """Fire the alerts these snapshots cross; re-arm those they are back across. Returns how many fired."""
    fired = 0
    for snap in snapshots:
        rate = snap.reference
        for alert in (
            RateAlert.objects.select_for_update()
            .filter(currency=snap.currency, active=True)
            .select_related("merchant", "created_by")
        ):
            crossed = alert.crossed(rate)
            if crossed and alert.armed:
                alert.armed = False
                alert.last_fired_at = snap.fetched_at
                alert.last_fired_rate = rate
                alert.save(update_fields=["armed", "last_fired_at", "last_fired_rate"])
                title, body, link = _alert_message(alert, snap)
                notify(
                    recipients=[alert.created_by],
                    merchant=alert.merchant,
                    kind="status",
                    title=title,
                    body=body,
                    link=link,
                    related=alert,
                )
                fired += 1
            elif not crossed and not alert.armed:
                alert.armed = True
                alert.save(update_fields=["armed"])
    return fired


@transaction.atomic
def store(quotes: Iterable[Quote], *, fetched_at: datetime | None = None) -> list[RateSnapshot]:
    """Store one snapshot per quote, then check the alerts against them."""
    moment = fetched_at or timezone.now()
    rows = [
        RateSnapshot.objects.create(
            currency=q.currency,
            source=q.source,
            spot_buy=q.spot_buy,
            cash_buy=q.cash_buy,
            spot_sell=q.spot_sell,
            middle=q.middle,
            rate_date=q.rate_date,
            published_at=q.published_at,
            fetched_at=moment,
        )
        for q in quotes
    ]
    evaluate_alerts(rows)
    return rows


def fetch_and_store(*, during_opening_hours_only: bool = True) -> list[RateSnapshot]:
    """What the scheduled task runs every 10 minutes: nothing outside opening hours."""
    if during_opening_hours_only and not is_open(cast(OpeningHoursParams, parameter("opening_hours")), timezone.now()):
        return []
    quotes = get_rates_source().latest(board_currencies())
    return store(quotes)
