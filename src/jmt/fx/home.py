"""收结汇 on the home page (G9): the balance card, and 余额更新 in the 业务动态 feed.

Settlement moves reach the feed through the workflow graph; balance updates are ledger entries, so
this source adds them.
"""

from __future__ import annotations

from typing import Any

from jmt.core.auth import Actor
from jmt.fx.models import EntryKind, LedgerEntry
from jmt.fx.selectors import SETTLEMENTS_VIEW, home_balance
from jmt.rbac.scope import merchant_in_scope
from jmt.system import home


def balance_feed(actor: Actor, limit: int) -> list[dict[str, Any]]:
    if actor.merchant is None or not merchant_in_scope(actor, SETTLEMENTS_VIEW, actor.merchant.pk):
        return []
    rows = LedgerEntry.objects.filter(merchant_id=actor.merchant.pk, kind=EntryKind.BALANCE_UPDATE).order_by("-id")[
        :limit
    ]
    return [
        {
            "id": f"fx-entry-{row.pk}",
            "title": f"子账户余额更新为 ${row.balance_after:,.2f}",
            "module": "fx",
            "route": "/fx/settlements?tab=ledger",
            "created_at": row.created_at.isoformat(),
        }
        for row in rows
    ]


def register() -> None:
    home.register(home.HomeSource("fx", feed=balance_feed, balance=home_balance))
