"""出口报关 on the home page (G9): its to-dos per item and its 业务动态, registered into ``jmt.system.home``.

To-dos are read from the documents' state, so they disappear once done:

* 电子订单报送 — orders customs returned or that could not be sent (the 「需处理」 filter of the orders page);
* 清单总分单报送 — batches with released inventories whose waybill no live 总分单 carries yet;
* 汇总申请单报送 — months (and 申报地海关) with 结关 inventories not yet summarised, the current month excepted.

业务动态 are the customs messages (C7) the person received: status changes and key nodes, each
opening the page its message links to.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef
from django.utils import timezone

from jmt.core import catalog
from jmt.core.auth import Actor
from jmt.customs.models import Inventory, Order, WayBillLine
from jmt.customs.selectors import STATUS_FILTERS
from jmt.customs.services.filings import DEAD, RELEASED_OR_LATER, summary_candidates_for_merchant
from jmt.notifications.models import Message, MessageKind
from jmt.system import home

MODULE = next(m for m in catalog.MODULES if m.key == "customs")
ITEM_ROUTES = {
    "orders": "/customs/orders?tab=status&status=problem",
    "manifests": "/customs/manifests",
    "summaries": "/customs/summaries",
}


def _item(key: str) -> catalog.Item:
    return next(i for i in MODULE.items if i.key == key)


def problem_orders(merchant_id: int) -> int:
    return Order.objects.filter(merchant_id=merchant_id).filter(STATUS_FILTERS["problem"]()).distinct().count()


def batches_awaiting_manifest(merchant_id: int) -> int:
    linked = WayBillLine.objects.filter(
        waybill__batch_id=OuterRef("batch_id"), logistics_no=OuterRef("logistics_no")
    ).exclude(waybill__status__in=DEAD)
    return (
        Inventory.objects.filter(merchant_id=merchant_id, batch__isnull=False, status__in=RELEASED_OR_LATER)
        .exclude(Exists(linked))
        .values("batch_id")
        .distinct()
        .count()
    )


def summaries_due(merchant: Any) -> int:
    return sum(1 for row in summary_candidates_for_merchant(merchant) if not row["current_month"])


def todos(actor: Actor) -> list[dict[str, Any]]:
    merchant = actor.merchant
    if merchant is None or not merchant.registration_approved:
        return []
    counters = {
        "orders": lambda: problem_orders(merchant.pk),
        "manifests": lambda: batches_awaiting_manifest(merchant.pk),
        "summaries": lambda: summaries_due(merchant),
    }
    entries = []
    for key, count in counters.items():
        item = _item(key)
        if not item.built or not actor.can(item.permission(MODULE)):
            continue
        entries.append(
            {
                "module": MODULE.key,
                "key": f"{MODULE.key}:{item.key}",
                "title": item.title,
                "count": count(),
                "route": ITEM_ROUTES[key],
            }
        )
    return entries


def feed(actor: Actor, limit: int) -> list[dict[str, Any]]:
    if actor.merchant is None or not actor.can(_item("batches").permission(MODULE)):
        return []
    messages = (
        Message.objects.filter(
            recipient_id=actor.user.pk,
            merchant_id=actor.merchant.pk,
            kind__in=(MessageKind.STATUS, MessageKind.TODO),
            link__startswith=f"{MODULE.route}/",
        )
        .order_by("-created_at", "-id")
        .only("pk", "title", "link", "created_at")[: max(0, limit)]
    )
    return [
        {
            "id": f"customs-{m.pk}",
            "title": m.title,
            "module": MODULE.key,
            "route": m.link,
            "created_at": timezone.localtime(m.created_at).isoformat(),
        }
        for m in messages
    ]


def register() -> None:
    home.register(home.HomeSource(MODULE.key, feed=feed, todos=todos))
