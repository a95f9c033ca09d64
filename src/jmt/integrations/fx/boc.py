"""The Bank of China foreign-exchange board (中国银行外汇牌价, ``https://www.boc.cn/sourcedb/whpj/``).

The page is an HTML table, one row per currency named in Chinese, with 现汇买入价 / 现钞买入价 /
现汇卖出价 / 现钞卖出价 / 中行折算价 quoted **per 100 units** and the publication time (either one
发布时间 column holding ``2026.12.04 10:30:00``, or 发布日期 and 发布时间 apart). Columns are found by
their header, not their position. Rates are returned per one unit, to 6 decimals.
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

from jmt.core import http
from jmt.integrations.fx.port import Quote, RatesUnavailable

SOURCE = "boc"
DEFAULT_URL = "https://www.boc.cn/sourcedb/whpj/"
PER = Decimal(100)
PLACES = Decimal("0.000001")
BEIJING = ZoneInfo("Asia/Shanghai")

NAMES: dict[str, str] = {
    "美元": "USD",
    "欧元": "EUR",
    "英镑": "GBP",
    "日元": "JPY",
    "港币": "HKD",
    "澳大利亚元": "AUD",
    "加拿大元": "CAD",
    "新加坡元": "SGD",
    "瑞士法郎": "CHF",
    "新西兰元": "NZD",
    "韩国元": "KRW",
    "泰国铢": "THB",
}
COLUMNS = {
    "现汇买入价": "spot_buy",
    "现钞买入价": "cash_buy",
    "现汇卖出价": "spot_sell",
    "中行折算价": "middle",
    "发布日期": "date",
    "发布时间": "time",
}


class _Tables(HTMLParser):
    """Every table row of the page as a list of cell texts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _rate(text: str) -> Decimal | None:
    if not text.strip():
        return None
    try:
        return (Decimal(text.strip()) / PER).quantize(PLACES)
    except InvalidOperation:
        return None


def _published(date_text: str, time_text: str) -> datetime | None:
    joined = f"{date_text} {time_text}".strip()
    match = re.search(r"(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})\D+(\d{1,2}):(\d{2})(?::(\d{2}))?", joined)
    if match is None:
        return None
    y, m, d, hh, mm, ss = match.groups()
    return datetime(int(y), int(m), int(d), int(hh), int(mm), int(ss or 0), tzinfo=BEIJING)


def parse_board(html: str) -> list[Quote]:
    """Every currency row of the board that names a known currency and has a 中行折算价."""
    parser = _Tables()
    parser.feed(html)
    header: dict[str, int] | None = None
    quotes: list[Quote] = []
    for cells in parser.rows:
        if "货币名称" in cells:
            header = {COLUMNS[c]: i for i, c in enumerate(cells) if c in COLUMNS}
            continue
        if header is None or not cells or cells[0] not in NAMES:
            continue

        columns: dict[str, int] = header

        def cell(key: str, row: list[str] = cells, columns: dict[str, int] = columns) -> str:
            index = columns.get(key)
            return row[index] if index is not None and index < len(row) else ""

        middle = _rate(cell("middle"))
        published = _published(cell("date"), cell("time"))
        if middle is None or published is None:
            continue
        quotes.append(
            Quote(
                currency=NAMES[cells[0]],
                middle=middle,
                rate_date=published.date(),
                source=SOURCE,
                spot_buy=_rate(cell("spot_buy")),
                cash_buy=_rate(cell("cash_buy")),
                spot_sell=_rate(cell("spot_sell")),
                published_at=published,
            )
        )
    return quotes


class BocBoardSource:
    name = SOURCE

    def __init__(self, url: str = DEFAULT_URL) -> None:
        self.url = url

    def latest(self, currencies: list[str]) -> list[Quote]:
        try:
            response = http.request("GET", self.url, headers={"User-Agent": "Mozilla/5.0 (JingMaoTong rates)"})
        except http.TransportError as exc:
            raise RatesUnavailable(str(exc)) from exc
        if response.status_code != 200:
            raise RatesUnavailable(f"中国银行外汇牌价页面返回 HTTP {response.status_code}")
        response.encoding = response.encoding or "utf-8"
        quotes = parse_board(response.text)
        if not quotes:
            raise RatesUnavailable("中国银行外汇牌价页面中没有可识别的汇率表")
        wanted = set(currencies)
        # The board lists each currency once; keep the first row should it ever repeat one.
        seen: dict[str, Quote] = {}
        for quote in quotes:
            if quote.currency in wanted and quote.currency not in seen:
                seen[quote.currency] = quote
        return [seen[c] for c in currencies if c in seen]
