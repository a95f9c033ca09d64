"""综合数据 (A3): live figures, order destinations, hot products, logistics timeliness per carrier.

Period figures are summed from the fact sources (:mod:`jmt.cockpits.facts`); the in-flight counts are
live counts on indexed status columns.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import Count
from django.utils import timezone

from jmt.cockpits import facts
from jmt.cockpits.facts import ZONE, MerchantIds, Window
from jmt.cockpits.money import country_name, currency_label

# What crystal sellers declare (../shared/DOMAIN.md's HS facts); other codes show the goods name declared.
HS_NAMES = {
    "7103100000": "未加工水晶（原石、锯开）",
    "7103992000": "经加工的水晶（散珠、刻面）",
    "7103999000": "其他经加工的半宝石",
    "7103993000": "经加工的碧玺",
    "7116200000": "水晶制品（手串、吊坠、摆件）",
    "7018100000": "玻璃仿水晶珠",
    "7113119000": "镶嵌水晶的银首饰",
    "7117190000": "仿首饰",
    "7013990000": "玻璃工艺品",
}

DECLARATIONS_IN_FLIGHT = (
    "queued",
    "sent",
    "staged",
    "declaring",
    "sent_to_customs",
    "stored",
    "manual_review",
    "cleared",
    "inspection",
)
REFUNDS_IN_FLIGHT = ("submitted", "reviewing", "refunding")
SHIPMENTS_IN_TRANSIT = ("picked_up", "in_transit", "exception", "customs", "delivering")
TOP = 10


def today() -> dt.date:
    return timezone.localtime(timezone.now(), ZONE).date()


def _scoped(qs: Any, merchant_ids: MerchantIds, field: str = "merchant_id") -> Any:
    return qs if merchant_ids is None else qs.filter(**{f"{field}__in": sorted(merchant_ids)})


def live(merchant_ids: MerchantIds, window: Window) -> dict[str, Any]:
    from jmt.customs.models import Inventory
    from jmt.logistics.models import Shipment
    from jmt.merchants.models import Merchant, RegistrationStatus
    from jmt.refunds.models import Claim

    day = today()
    counts = dict(
        _scoped(Merchant.objects.all(), merchant_ids, "pk")
        .values_list("registration_status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    statuses = [{"status": s.value, "label": s.label, "count": counts.get(s.value, 0)} for s in RegistrationStatus]
    settled = facts.totals("settlements", window, merchant_ids).get("completed", facts.Sums())
    return {
        "merchants_by_status": statuses,
        "merchants_total": sum(row["count"] for row in statuses),
        "orders_today": facts.total("orders", Window(day, day), merchant_ids).n,
        "orders_month": facts.total("orders", Window(day.replace(day=1), day), merchant_ids).n,
        "orders_period": facts.total("orders", window, merchant_ids).n,
        "declarations_in_flight": _scoped(
            Inventory.objects.filter(status__in=DECLARATIONS_IN_FLIGHT), merchant_ids
        ).count(),
        "refunds_in_flight": _scoped(Claim.objects.filter(state__in=REFUNDS_IN_FLIGHT), merchant_ids).count(),
        "usd_settled": float(settled.a),
        "settlements_completed": settled.n,
        "shipments_period": facts.total("shipments", window, merchant_ids).n,
        "shipments_in_transit": _scoped(Shipment.objects.filter(state__in=SHIPMENTS_IN_TRANSIT), merchant_ids).count(),
    }


def destinations(merchant_ids: MerchantIds, window: Window) -> list[dict[str, Any]]:
    sums = facts.totals("destinations", window, merchant_ids)
    rows = [{"code": code, "name": country_name(code), "orders": s.n} for code, s in sums.items() if s.n]
    return sorted(rows, key=lambda row: (-row["orders"], row["code"]))


def hs_name(hs: str) -> str:
    return HS_NAMES.get(hs, "") or f"HS {hs}"


def hot_products(merchant_ids: MerchantIds, window: Window) -> dict[str, list[dict[str, Any]]]:
    """Top HS codes by declared quantity (all currencies) and by declared value (per currency)."""
    sums = facts.totals("products", window, merchant_ids)
    quantity: dict[str, Decimal] = defaultdict(Decimal)
    lines: dict[str, int] = defaultdict(int)
    by_value: list[dict[str, Any]] = []
    for dim, s in sums.items():
        hs, _, currency = dim.partition("|")
        quantity[hs] += s.a
        lines[hs] += s.n
        by_value.append(
            {"hs": hs, "name": hs_name(hs), "currency": currency_label(currency), "value": float(s.b), "lines": s.n}
        )
    by_quantity: list[dict[str, Any]] = [
        {"hs": hs, "name": hs_name(hs), "quantity": float(qty), "lines": lines[hs]} for hs, qty in quantity.items()
    ]
    by_quantity.sort(key=lambda row: (-row["quantity"], row["hs"]))
    by_value.sort(key=lambda row: (-row["value"], row["hs"]))
    return {"by_quantity": by_quantity[:TOP], "by_value": by_value[:TOP]}


def carriers(merchant_ids: MerchantIds, window: Window) -> list[dict[str, Any]]:
    from jmt.logistics.models import Carrier

    sums = facts.totals("deliveries", window, merchant_ids)
    names = dict(Carrier.objects.filter(pk__in=[int(k) for k in sums if k.isdigit()]).values_list("pk", "name"))
    rows = [
        {
            "carrier": names.get(int(key), f"渠道 {key}") if key.isdigit() else key,
            "delivered": s.n,
            "measured": int(s.b),
            "on_time": int(s.a),
            "on_time_rate": round(float(s.a / s.b) * 100, 1) if s.b else None,
            "average_days": round(float(s.c / s.n), 1) if s.n else None,
        }
        for key, s in sums.items()
    ]
    return sorted(rows, key=lambda row: (-row["delivered"], row["carrier"]))


def orders_by_day(merchant_ids: MerchantIds, window: Window) -> list[dict[str, Any]]:
    """Orders per day of the window (for the trend line): aggregates, or live when limited to merchants."""
    from jmt.cockpits.models import Fact

    per_day: dict[dt.date, int] = defaultdict(int)
    if merchant_ids is None:
        for day, n in Fact.objects.filter(source="orders", day__gte=window.start, day__lte=window.end).values_list(
            "day", "n"
        ):
            per_day[day] += n
    elif merchant_ids:
        for day, _, n, *_ in facts.live_rows("orders", window, merchant_ids):
            if window.start <= day <= window.end:
                per_day[day] += n
    return [
        {
            "day": (window.start + dt.timedelta(days=i)).isoformat(),
            "orders": per_day.get(window.start + dt.timedelta(days=i), 0),
        }
        for i in range(window.days)
    ]


def overview(merchant_ids: MerchantIds, window: Window) -> dict[str, Any]:
    return {
        "figures": live(merchant_ids, window),
        "destinations": destinations(merchant_ids, window),
        "products": hot_products(merchant_ids, window),
        "carriers": carriers(merchant_ids, window),
        "orders_by_day": orders_by_day(merchant_ids, window),
    }
