"""收结汇 journeys in Chromium, PC 1440 and H5 390, with the back office: balances uploaded → the
merchant sees the balance and the 入账 message → sets an alert → a settlement above the available
amount is refused, one within it freezes → the back office completes it → the merchant sees the
「结汇」 entry."""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
import xlsxwriter  # type: ignore[import-untyped]
from PIL import Image
from playwright.sync_api import expect

from e2e.conftest import MOBILE, PC, shoot
from e2e.test_message_journeys import asgi_url, sign_in
from jmt.accounts.models import User
from jmt.fx import rates
from jmt.fx.models import LedgerEntry, Settlement
from jmt.fx.tests.factories import fund, settle_ready
from jmt.integrations.fx.port import Quote

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
__all__ = ["asgi_url"]

CREDIT_CODE = "91320722MA1XYK0001"


def _png(name: str) -> dict[str, Any]:
    out = io.BytesIO()
    Image.new("RGB", (320, 200), "white").save(out, format="PNG")
    return {"name": name, "mimeType": "image/png", "buffer": out.getvalue()}


def _workbook(balance: float) -> dict[str, Any]:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("余额")
    sheet.write_row(0, 0, ["商户", "统一社会信用代码", "子账户号", "币种", "余额", "余额日期"])
    sheet.write_row(1, 0, ["东海晶莹水晶", CREDIT_CODE, "", "USD", balance, "2026-12-01"])
    book.close()
    return {"name": "子账户余额.xlsx", "mimeType": "application/octet-stream", "buffer": buffer.getvalue()}


def _rates() -> None:
    """Two days of USD quotes as the Bank of China board gives them."""
    for day, buy in ((date(2026, 12, 3), "7.0812"), (date(2026, 12, 4), "7.0852")):
        value = Decimal(buy)
        rates.store(
            [Quote(currency="USD", middle=value + Decimal("0.0136"), spot_buy=value, rate_date=day, source="boc")]
        )


def test_balances_alert_settlement_and_completion_on_pc_and_the_back_office(
    asgi_url: str, new_context: Any, merchant_admin: User, superadmin: User
):
    assert merchant_admin.current_merchant is not None
    merchant = settle_ready(merchant_admin.current_merchant)
    _rates()

    # The back office uploads the balance workbook, looks at the preview, confirms.
    admin = new_context(viewport=PC).new_page()
    sign_in(admin, asgi_url, superadmin, prefix="admin.")
    admin.goto(f"{asgi_url}/admin/operations/fx?tab=balances")
    admin.get_by_test_id("admin-fx-upload").locator("input[type=file]").set_input_files(_workbook(5000))
    preview = admin.get_by_test_id("admin-fx-preview")
    expect(preview.get_by_text("东海晶莹水晶")).to_be_visible()
    expect(preview.get_by_text("变动 +$5,000.00")).to_be_visible()
    shoot(admin, "fx-admin-balance-preview")
    admin.get_by_test_id("admin-fx-apply").click()
    expect(preview.get_by_text(re.compile("已于 .* 导入"))).to_be_visible()

    # The merchant sees the balance on the home page and the 入账 message.
    page = new_context(viewport=PC).new_page()
    sign_in(page, asgi_url, merchant_admin)
    page.goto(f"{asgi_url}/")
    expect(page.get_by_text("5,000.00").first).to_be_visible()
    page.goto(f"{asgi_url}/messages")
    expect(page.get_by_text("银行账户入账通知：子账户余额 $5,000.00").first).to_be_visible()

    # The rate board, then an alert above the current rate.
    page.goto(f"{asgi_url}/fx/rates")
    board = page.get_by_test_id("fx-board")
    expect(board.get_by_text("7.0852")).to_be_visible()
    page.get_by_test_id("alert-threshold").fill("7.2000")
    page.get_by_test_id("alert-create").click()
    expect(page.get_by_test_id("fx-alerts").get_by_text("美元 高于 7.2000")).to_be_visible()
    shoot(page, "fx-pc-rates")

    # A settlement above the available amount is refused with the figures, one within it freezes.
    page.goto(f"{asgi_url}/fx/settlements/new")
    expect(page.get_by_test_id("fx-rate")).to_have_value("7.0852")
    page.locator("input[type=file]").first.set_input_files(_png("亚马逊流水.png"))
    expect(page.get_by_text("亚马逊流水.png").first).to_be_visible()
    page.get_by_test_id("fx-amount").fill("6000")
    page.get_by_test_id("fx-submit").click()
    expect(page.get_by_test_id("fx-refusal")).to_contain_text("结汇金额 $6,000.00 超过可用余额 $5,000.00")
    page.get_by_test_id("fx-amount").fill("1200")
    page.get_by_test_id("fx-submit").click()
    expect(page.get_by_test_id("fx-frozen")).to_have_text("结汇中金额：$1,200.00")
    expect(page.get_by_test_id("fx-settlement-detail")).to_contain_text("结汇中")
    shoot(page, "fx-pc-settlement-pending")
    settlement = Settlement.objects.get(merchant=merchant)

    # The back office completes it with the actual rate and the CNY received.
    admin.goto(f"{asgi_url}/admin/operations/fx?id={settlement.pk}")
    detail = admin.get_by_test_id("admin-fx-detail")
    expect(detail).to_contain_text("$1,200.00")
    admin.get_by_test_id("admin-fx-actual-rate").fill("7.0810")
    admin.get_by_test_id("admin-fx-cny").fill("8497.20")
    shoot(admin, "fx-admin-complete")
    admin.get_by_test_id("admin-fx-complete").click()
    expect(detail).to_contain_text("已完成")

    # The merchant sees the 结汇 entry, the balance debited, nothing frozen.
    page.goto(f"{asgi_url}/fx/settlements?tab=ledger")
    ledger = page.get_by_test_id("fx-ledger")
    expect(ledger.get_by_text("结汇", exact=True)).to_be_visible()
    expect(ledger.get_by_text("-$1,200.00").first).to_be_visible()
    expect(page.get_by_test_id("fx-balance")).to_contain_text("$3,800.00")
    expect(page.get_by_test_id("fx-frozen")).to_have_count(0)
    expect(page.get_by_test_id("fx-new")).to_be_enabled()
    shoot(page, "fx-pc-ledger")
    assert LedgerEntry.objects.filter(merchant=merchant).count() == 3


def test_a_merchant_on_the_phone_sees_the_balance_and_settles_within_the_available_amount(
    asgi_url: str, new_context: Any, merchant_admin: User
):
    assert merchant_admin.current_merchant is not None
    merchant = settle_ready(merchant_admin.current_merchant)
    fund(merchant, "2500.00")
    _rates()
    page = new_context(viewport=MOBILE, is_mobile=True, has_touch=True).new_page()
    sign_in(page, asgi_url, merchant_admin)

    page.goto(f"{asgi_url}/m/")
    expect(page.get_by_text("2,500.00").first).to_be_visible()
    page.goto(f"{asgi_url}/m/fx/rates")
    expect(page.get_by_test_id("m-fx-board").get_by_text("现汇买入 7.0852")).to_be_visible()
    shoot(page, "fx-h5-rates")

    page.goto(f"{asgi_url}/m/fx/settlements/new")
    expect(page.get_by_test_id("m-fx-rate").locator("input")).to_have_value("7.0852")
    page.locator("input[type=file]").first.set_input_files(_png("速卖通流水.png"))
    expect(page.get_by_text("速卖通流水.png").first).to_be_visible()
    page.get_by_test_id("m-fx-amount").locator("input").fill("3000")
    page.get_by_test_id("m-fx-submit").click()
    expect(page.get_by_test_id("m-fx-refusal")).to_contain_text("超过可用余额 $2,500.00")
    page.get_by_test_id("m-fx-amount").locator("input").fill("800")
    page.get_by_test_id("m-fx-submit").click()
    expect(page.get_by_test_id("m-fx-balance")).to_contain_text("结汇中金额：$800.00")
    expect(page.get_by_test_id("m-fx-detail")).to_contain_text("结汇中")
    shoot(page, "fx-h5-settlement-pending")
    assert Settlement.objects.get(merchant=merchant).state == "pending"
