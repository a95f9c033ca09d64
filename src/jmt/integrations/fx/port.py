"""The FX-rate port: the latest quote of a currency against CNY, as the source published it.

Quotes are CNY per **one** unit of the foreign currency (the Bank of China board quotes per 100
units; its adapter divides). ``Decimal`` throughout, never ``float``. A quote carries the day (and,
where the source says, the moment) it was published, so a caller never presents an old rate as new.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Protocol


class RatesUnavailable(Exception):
    """The source could not answer (transport error, page changed, currency not quoted)."""


@dataclass(frozen=True)
class Quote:
    currency: str  # ISO 4217, e.g. "USD"
    middle: Decimal  # 中行折算价, or the reference (cross) rate of a source without bid/ask
    rate_date: date  # the day the source published this rate
    source: str  # "boc" | "ecb"
    spot_buy: Decimal | None = None  # 现汇买入价
    cash_buy: Decimal | None = None  # 现钞买入价
    spot_sell: Decimal | None = None  # 现汇卖出价
    published_at: datetime | None = None  # the source's own publication time, when it gives one


class RatesSource(Protocol):
    name: str

    def latest(self, currencies: list[str]) -> list[Quote]:
        """The latest quote of each currency (those the source does not quote are left out)."""
        ...
