"""Customs code tables read for display and conversion: currency and country names, CNY rates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from jmt.customs.codes import table

CNY = "142"


def currency_label(code: str) -> str:
    """``502`` → ``美元``; an ISO letter code or an unknown code is shown as given."""
    name = table("currencies").by_code.get(code, "")
    return name.split(" ")[0] if name else code


def currency_letters(code: str) -> str:
    name = table("currencies").by_code.get(code, "")
    return name.split(" ")[-1] if " " in name else code


def country_name(code: str) -> str:
    return table("countries").by_code.get(code, "") or f"未知国家（{code}）"


def cny_rates(day: dt.date, codes: Iterable[str]) -> dict[str, Decimal]:
    """Customs currency code → CNY per unit: 人民币 1, others the latest 中行折算价 on or before ``day``
    (the latest known if there is none by then), for ``codes``; a currency with no snapshot is absent."""
    from jmt.fx.models import RateSnapshot

    rates = {CNY: Decimal(1)}
    names = table("currencies").by_code
    for code in set(codes) - {CNY}:
        name = names.get(code, "")
        if " " not in name:
            continue
        letters = name.split(" ")[-1]
        snaps = RateSnapshot.objects.filter(currency=letters).order_by("-rate_date", "-fetched_at")
        snap = snaps.filter(rate_date__lte=day).first() or snaps.first()
        if snap is not None:
            rates[code] = snap.middle
    return rates
