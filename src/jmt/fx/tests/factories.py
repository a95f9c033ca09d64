"""Building 收结汇 state for tests: an account with a balance, a vault document, a workbook."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from typing import Any

import xlsxwriter  # type: ignore[import-untyped]
from django.db import transaction
from django.utils import timezone

from jmt.audit.services import system_actor
from jmt.documents.models import Document
from jmt.fx import ledger
from jmt.fx.models import Account, EntryKind
from jmt.merchants.models import Merchant

HEADER = ["商户", "统一社会信用代码", "子账户号", "币种", "余额", "余额日期"]


def settle_ready(merchant: Merchant) -> Merchant:
    """The profile fields a settlement needs."""
    merchant.credit_code = merchant.credit_code or "91320722MA1XYK0001"
    merchant.ccb_sub_account = merchant.ccb_sub_account or "32050161000100000001"
    merchant.bank_account = "6217001370000012345"
    merchant.bank_name = "中国建设银行东海支行"
    merchant.legal_person = "林晶莹"
    merchant.save()
    return merchant


@transaction.atomic
def fund(merchant: Merchant, amount: str, *, day: date | None = None) -> Account:
    """Bring the merchant's account to ``amount`` USD with one 余额更新 entry."""
    account = ledger.open_account(merchant, sub_account_no=merchant.ccb_sub_account)
    current = ledger.totals(account.pk)
    ledger.entry(
        actor=system_actor(),
        account=account,
        kind=EntryKind.BALANCE_UPDATE,
        amount=Decimal(amount) - current.balance,
        balance_date=day or date(2026, 12, 1),
    )
    account.balance_date = day or date(2026, 12, 1)
    account.updated_at = timezone.now()
    account.save()
    return account


def document(merchant: Merchant, name: str = "流水.pdf") -> Document:
    return Document.objects.create(
        merchant=merchant,
        kind="other",
        original_name=name,
        content_type="application/pdf",
        size=10,
        sha256="0" * 64,
        storage_path=f"documents/test/{name}",
    )


def workbook(rows: list[list[Any]], header: list[str] | None = None) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("余额")
    sheet.write_row(0, 0, header or HEADER)
    for index, row in enumerate(rows, start=1):
        sheet.write_row(index, 0, row)
    book.close()
    return buffer.getvalue()
