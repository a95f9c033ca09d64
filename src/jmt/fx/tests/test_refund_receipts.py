"""出口退税's 收汇 line reads the 外汇子账户 ledger: receipts since the export month that cover the claim."""

from __future__ import annotations

from datetime import date

import pytest

from jmt.accounts.selectors import build_actor
from jmt.fx.tests.factories import fund, settle_ready
from jmt.refunds import fx_receipt, services
from jmt.refunds.tests.factories import summarised

pytestmark = pytest.mark.django_db


def _claim(merchant_admin):
    entry = summarised(merchant_admin.current_merchant, month="2026-03")
    return services.claim_create(actor=build_actor(merchant_admin), data=services.ClaimInput(picks=[entry]))


def test_receipts_since_the_export_month_covering_the_amount_mark_the_claim_received(merchant_admin):
    claim = _claim(merchant_admin)
    settle_ready(merchant_admin.current_merchant)
    fund(merchant_admin.current_merchant, str(claim.amount + 50), day=date(2026, 4, 2))
    receipt = fx_receipt.status(claim)
    assert receipt.ok is True
    assert receipt.message.startswith("收结汇：外汇子账户自 2026-03 起到账 USD ")
    assert f"本次申报的 USD {claim.amount:,.2f}" in receipt.message


def test_receipts_short_of_the_amount_leave_the_manual_confirmation_to_the_merchant(merchant_admin):
    claim = _claim(merchant_admin)
    settle_ready(merchant_admin.current_merchant)
    fund(merchant_admin.current_merchant, str(claim.amount - 1), day=date(2026, 4, 2))
    receipt = fx_receipt.status(claim)
    assert receipt.ok is False
    assert receipt.fix_label == "确认已收汇"


def test_money_that_arrived_before_the_export_month_does_not_count(merchant_admin):
    claim = _claim(merchant_admin)
    settle_ready(merchant_admin.current_merchant)
    fund(merchant_admin.current_merchant, str(claim.amount * 3), day=date(2026, 2, 27))
    assert fx_receipt.status(claim).ok is False
