"""How the isolation and member walks build 收结汇 objects (see ``jmt.rbac.tests.walk``)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from jmt.fx.models import Account, RateAlert, Settlement
from jmt.fx.tests.factories import document


def _settlement(owner: Any) -> dict[str, Any]:
    account, _ = Account.objects.get_or_create(merchant=owner.merchant)
    doc = document(owner.merchant)
    settlement = Settlement.objects.create(
        merchant=owner.merchant,
        number=f"JHTEST{owner.merchant.pk:06d}{Settlement.objects.count():04d}",
        account=account,
        state="pending",
        amount=Decimal("100.00"),
        settle_date=date(2026, 12, 5),
        rate=Decimal("7.1000"),
        statement_document=doc,
        bank_account="6217001370000012345",
        bank_name="中国建设银行东海支行",
    )
    return {"settlement_id": settlement.pk, "document_id": doc.pk}


def _alert(owner: Any) -> dict[str, Any]:
    alert = RateAlert.objects.create(
        merchant=owner.merchant, created_by=owner.user, currency="USD", direction="above", threshold=Decimal("7.2")
    )
    return {"alert_id": alert.pk}


FACTORIES = {"settlement_id": _settlement, "alert_id": _alert}
