"""跨境物流 shipments in the global search: by 运单编号 (the platform's, 「JL26120500012」) or by the carrier's
运单号 (承运商运单号) once the back office has entered it.

Merchants find only their own merchant's shipments (``logistics.selectors.shipments``, the workflow
read filter); back-office users only shipments of merchants within their data scope for 物流管理,
with the merchant's name on the hit. Substrings of at least three characters.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from jmt.core.auth import Actor
from jmt.core.catalog import Surface
from jmt.logistics import selectors
from jmt.logistics.flow import QUEUE_VIEW, SHIP_VIEW, SHIPMENT
from jmt.logistics.models import Shipment
from jmt.rbac.scope import merchants_visible
from jmt.search.registry import Hit, Provider, Query, register, spans_of
from jmt.search.text import SUBSTRING

MIN_LENGTH = 3


def _hits(rows: QuerySet[Shipment], query: Query, *, admin: bool) -> list[Hit]:
    text = query.text
    matching = rows.filter(Q(number__icontains=text) | Q(tracking_no__icontains=text)).order_by("-pk")
    hits = []
    for shipment in matching[: query.limit]:
        by_number = text in shipment.number.lower()
        title = shipment.number if by_number else shipment.tracking_no
        label = "运单编号" if by_number else f"{shipment.carrier.name}运单号 · 运单 {shipment.number}"
        who = f" · {shipment.merchant.display_name}" if admin else ""
        hits.append(
            Hit(
                title=title,
                subtitle=f"{label} · {SHIPMENT.label_of(shipment.state)}{who}",
                route=f"/operations/logistics?q={shipment.number}" if admin else f"/logistics/shipments/{shipment.pk}",
                spans=spans_of(title, query),
                score=SUBSTRING,
            )
        )
    return hits


def merchant_shipments(*, actor: Actor, query: Query) -> list[Hit]:
    if len(query.text) < MIN_LENGTH or actor.merchant is None or not actor.can(SHIP_VIEW):
        return []
    rows = selectors.shipments(actor=actor).filter(merchant_id=actor.merchant.pk)
    return _hits(rows, query, admin=False)


def admin_shipments(*, actor: Actor, query: Query) -> list[Hit]:
    if len(query.text) < MIN_LENGTH or not actor.can(QUEUE_VIEW):
        return []
    return _hits(selectors.shipments(actor=actor).filter(merchants_visible(actor, QUEUE_VIEW)), query, admin=True)


register(Provider("logistics.shipments", "物流运单", Surface.MERCHANT, merchant_shipments, order=50))
register(Provider("logistics.shipments.admin", "物流运单", Surface.ADMIN, admin_shipments, order=50))
