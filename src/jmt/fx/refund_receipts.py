"""收结汇 answers 出口退税's question 「该批出口货款是否已收汇」 from the sub-account ledger.

A claim in USD counts as received when the merchant's 外汇子账户 took in, from the first day of the
claim's earliest export month on, at least the claim's amount: the sum of the balance rises recorded
from the bank's 子账户余额表 (余额更新 entries with a positive change, by their balance date). A claim
in another currency, or one the ledger does not cover, is left to the merchant's manual confirmation.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Min, Sum

from jmt.fx.models import EntryKind, LedgerEntry
from jmt.refunds.fx_receipt import Receipt
from jmt.refunds.models import Claim

LEDGER_CURRENCY = "USD"


def received_since(claim: Claim) -> Receipt | None:
    if claim.currency != LEDGER_CURRENCY or claim.amount <= 0:
        return None
    first_month = claim.declarations.aggregate(first=Min("export_month"))["first"]
    if first_month is None:
        return None
    received = LedgerEntry.objects.filter(
        merchant_id=claim.merchant_id,
        kind=EntryKind.BALANCE_UPDATE,
        amount__gt=0,
        balance_date__gte=first_month,
    ).aggregate(total=Sum("amount"))["total"] or Decimal("0")
    if received < claim.amount:
        return None
    return Receipt(
        True,
        f"收结汇：外汇子账户自 {first_month:%Y-%m} 起到账 USD {received:,.2f}，"
        f"不少于本次申报的 USD {claim.amount:,.2f}",
    )
