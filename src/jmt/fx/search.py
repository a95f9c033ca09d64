"""收结汇 settlement requests in the global search: by 申请编号 (「JH202612050001」).

Merchants find only their own merchant's requests (``fx.selectors.settlement_list``); back-office users
only requests of merchants within their data scope for 结汇管理 (``fx.selectors.queue``), with the
merchant's name on the hit. Substrings of at least three characters.
"""

from __future__ import annotations

from django.db.models import QuerySet

from jmt.core.auth import Actor
from jmt.core.catalog import Surface
from jmt.core.errors import ApiError
from jmt.fx import selectors
from jmt.fx.flow import QUEUE_VIEW, SETTLEMENT
from jmt.fx.models import Settlement
from jmt.search.registry import Hit, Provider, Query, register, spans_of
from jmt.search.text import SUBSTRING

MIN_LENGTH = 3


def _hits(rows: QuerySet[Settlement], query: Query, *, admin: bool) -> list[Hit]:
    text = query.text
    hits = []
    for settlement in rows.filter(number__icontains=text).order_by("-pk")[: query.limit]:
        who = f" · {settlement.merchant.display_name}" if admin else ""
        hits.append(
            Hit(
                title=settlement.number,
                subtitle=f"结汇申请 · ${settlement.amount:,.2f} · {SETTLEMENT.label_of(settlement.state)}{who}",
                route=f"/operations/fx?id={settlement.pk}" if admin else f"/fx/settlements?id={settlement.pk}",
                spans=spans_of(settlement.number, query),
                score=SUBSTRING,
            )
        )
    return hits


def merchant_settlements(*, actor: Actor, query: Query) -> list[Hit]:
    if len(query.text) < MIN_LENGTH or not actor.can(selectors.SETTLEMENTS_VIEW):
        return []
    try:
        rows = selectors.settlement_list(actor=actor)
    except ApiError:  # no merchant, or outside the actor's scope
        return []
    return _hits(rows, query, admin=False)


def admin_settlements(*, actor: Actor, query: Query) -> list[Hit]:
    if len(query.text) < MIN_LENGTH or not actor.can(QUEUE_VIEW):
        return []
    return _hits(selectors.queue(actor=actor), query, admin=True)


register(Provider("fx.settlements", "结汇申请", Surface.MERCHANT, merchant_settlements, order=45))
register(Provider("fx.settlements.admin", "结汇申请", Surface.ADMIN, admin_settlements, order=45))
