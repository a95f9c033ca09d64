"""The two rate sources: the Bank of China board driven over HTTP against a local fake page, and the
bundled ECB data cross-computed to CNY."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from jmt.integrations.fx.boc import BocBoardSource, parse_board
from jmt.integrations.fx.ecb import EcbOfflineSource, last_day, rate_on
from jmt.integrations.fx.port import RatesUnavailable
from jmt.integrations.testing import FakeHttpServer, Recorded, Reply

BOARD = (Path(__file__).with_name("board.html")).read_bytes()


def _page(status: int, body: bytes):
    def app(request: Recorded) -> Reply:
        return status, body

    return app


@pytest.fixture(autouse=True)
def _loopback_allowed(settings):
    settings.HTTP_ALLOW_PRIVATE_HOSTS = True


def test_boc_board_is_read_per_one_unit_from_its_per_100_quotes():
    with FakeHttpServer(_page(200, BOARD)) as server:
        quotes = BocBoardSource(url=server.url + "sourcedb/whpj/").latest(["USD", "JPY", "EUR"])
    usd, jpy, eur = quotes
    assert (usd.currency, usd.spot_buy, usd.cash_buy, usd.spot_sell, usd.middle) == (
        "USD",
        Decimal("7.085200"),
        Decimal("7.027600"),
        Decimal("7.115100"),
        Decimal("7.098800"),
    )
    assert jpy.spot_buy == Decimal("0.046723")
    assert eur.middle == Decimal("8.296000")
    assert usd.source == "boc"
    assert usd.rate_date == date(2026, 12, 4)
    assert usd.published_at is not None
    assert usd.published_at.isoformat() == "2026-12-04T10:30:00+08:00"
    assert server.calls("/sourcedb/whpj/")[0].method == "GET"


def test_boc_board_with_one_combined_publication_column_is_read():
    html = (
        "<table><tr><th>货币名称</th><th>现汇买入价</th><th>现钞买入价</th><th>现汇卖出价</th>"
        "<th>现钞卖出价</th><th>中行折算价</th><th>发布时间</th></tr>"
        "<tr><td>港币</td><td>91.02</td><td>90.30</td><td>91.39</td><td>91.39</td><td>91.17</td>"
        "<td>2026.12.04 09:15:32</td></tr></table>"
    )
    (quote,) = parse_board(html)
    assert quote.currency == "HKD"
    assert quote.middle == Decimal("0.911700")
    assert quote.published_at is not None
    assert quote.published_at.minute == 15


def test_boc_board_leaves_out_currencies_it_does_not_quote():
    with FakeHttpServer(_page(200, BOARD)) as server:
        quotes = BocBoardSource(url=server.url).latest(["USD", "CHF"])
    assert [q.currency for q in quotes] == ["USD"]


def test_boc_page_without_a_rate_table_is_unavailable():
    maintenance = _page(200, "<html><body>系统维护中</body></html>".encode())
    with FakeHttpServer(maintenance) as server, pytest.raises(RatesUnavailable):
        BocBoardSource(url=server.url).latest(["USD"])


def test_boc_page_answering_an_error_is_unavailable():
    with FakeHttpServer(_page(404, b"not found")) as server, pytest.raises(RatesUnavailable):
        BocBoardSource(url=server.url).latest(["USD"])


def test_ecb_usd_to_cny_on_2026_10_30_is_cross_computed():
    assert rate_on("USD", date(2026, 10, 30)) == (Decimal("6.652882"), date(2026, 10, 30))


def test_the_bundled_ecb_data_ends_on_2026_10_30():
    assert last_day("USD") == date(2026, 10, 30)


def test_a_weekend_is_answered_with_fridays_rate_and_date():
    friday = rate_on("USD", date(2026, 10, 23))
    assert rate_on("USD", date(2026, 10, 25)) == friday
    assert friday[1] == date(2026, 10, 23)


def test_a_day_after_the_last_published_one_gets_the_last_rate_and_its_date():
    quotes = EcbOfflineSource(today=date(2026, 12, 5)).latest(["USD", "EUR"])
    assert [(q.currency, q.rate_date, q.source) for q in quotes] == [
        ("USD", date(2026, 10, 30), "ecb"),
        ("EUR", date(2026, 10, 30), "ecb"),
    ]
    assert quotes[0].middle == Decimal("6.652882")
    assert quotes[0].spot_buy is None  # the ECB publishes one reference rate, no bid or ask


def test_ecb_leaves_out_a_currency_it_does_not_have():
    assert EcbOfflineSource(today=date(2026, 10, 30)).latest(["XYZ"]) == []
