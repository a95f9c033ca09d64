"""Offline rates: the ECB reference rates bundled with the ``currencyconverter`` package, cross-computed
to CNY (X/CNY = (CNY per EUR) / (X per EUR)).

The bundled history ends on its last published day (2026-10-30 in the version we pin). A day without
a published rate — a weekend, a TARGET holiday, any day after the last one — is answered with the
most recent earlier published rate **and that rate's own date**; the package's interpolating
fallbacks are not used, so no rate is ever invented.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta
from decimal import Decimal

from currency_converter import CurrencyConverter, RateNotFoundError  # type: ignore[import-untyped]

from jmt.integrations.fx.port import Quote, RatesUnavailable

SOURCE = "ecb"
PLACES = Decimal("0.000001")
MAX_GAP_DAYS = 10  # the longest run of days without an ECB rate (Christmas to after New Year is 4–5)


@functools.cache
def converter() -> CurrencyConverter:
    return CurrencyConverter(decimal=True)


def last_day(currency: str) -> date:
    """The last day the bundled data holds a rate for both ``currency`` and CNY."""
    bounds = converter().bounds
    if currency not in bounds or "CNY" not in bounds:
        raise RatesUnavailable(f"{currency} is not in the bundled ECB data")
    last = min(bounds[currency].last_date, bounds["CNY"].last_date)
    return last if isinstance(last, date) else date.fromisoformat(str(last))


def rate_on(currency: str, day: date) -> tuple[Decimal, date]:
    """(CNY per unit of ``currency``, the date of that rate) for ``day``: the rate published on that
    day, else the last one published before it."""
    if currency == "CNY":
        return Decimal(1), day
    current = min(day, last_day(currency))
    for _ in range(MAX_GAP_DAYS + 1):
        try:
            value = converter().convert(Decimal(1), currency, "CNY", date=current)
        except RateNotFoundError:
            current -= timedelta(days=1)
            continue
        return Decimal(value).quantize(PLACES), current
    raise RatesUnavailable(f"no ECB rate for {currency} within {MAX_GAP_DAYS} days before {day}")


class EcbOfflineSource:
    name = SOURCE

    def __init__(self, today: date | None = None) -> None:
        self.today = today

    def latest(self, currencies: list[str]) -> list[Quote]:
        day = self.today or date.today()
        quotes = []
        for currency in currencies:
            try:
                value, published = rate_on(currency, day)
            except RatesUnavailable:
                continue
            quotes.append(Quote(currency=currency, middle=value, rate_date=published, source=SOURCE))
        return quotes
