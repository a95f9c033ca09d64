"""出口报关 records in the global search: 订单编号, 清单编号, 运单号 (物流运单编号) and 报关单号 / 汇总申请编号.

Merchants find only their own merchant's records (read through ``customs.selectors``; nothing while the
module is closed to them); back-office users only records of merchants within their data scope for
报关流程可视化. Substring matching of at least three characters: on PostgreSQL the order, inventory and
waybill numbers are served by the trigram indexes of migration 0006.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from jmt.core.auth import Actor
from jmt.core.catalog import Surface
from jmt.core.errors import ApiError
from jmt.customs import selectors
from jmt.customs.models import Inventory, Order, SummaryApply
from jmt.customs.selectors_admin import CUSTOMS_VIEW
from jmt.rbac.scope import merchants_visible
from jmt.search.registry import Hit, Provider, Query, register
from jmt.search.text import SUBSTRING, Span

MIN_LENGTH = 3
ORDERS_VIEW = "customs:orders:view"
SUMMARIES_VIEW = "customs:summaries:view"


@dataclass(frozen=True)
class Sources:
    orders: QuerySet[Order]
    inventories: QuerySet[Inventory]
    summaries: QuerySet[SummaryApply]
    admin: bool


def _spans(value: str, text: str) -> tuple[Span, ...]:
    at = value.lower().find(text)
    return ((at, at + len(text)),) if at >= 0 else ()


def _routes(sources: Sources, order_id: int, number: str) -> tuple[str, str]:
    if sources.admin:
        return "/operations/customs", "/operations/customs"
    return f"/customs/orders?tab=status&q={number}", f"/customs/orders/{order_id}"


def _who(sources: Sources, merchant_name: str) -> str:
    return f" · {merchant_name}" if sources.admin else ""


def _records(sources: Sources, query: Query) -> list[Hit]:
    text, limit = query.text, query.limit
    hits: list[Hit] = []
    for order in sources.orders.filter(order_no__icontains=text).select_related("merchant").order_by()[:limit]:
        route, mobile = _routes(sources, order.pk, order.order_no)
        hits.append(
            Hit(
                title=order.order_no,
                subtitle=f"电子订单 · {order.get_status_display()}{_who(sources, order.merchant.display_name)}",
                route=route,
                mobile_route=mobile,
                spans=_spans(order.order_no, text),
                score=SUBSTRING,
            )
        )
    matched = sources.inventories.filter(Q(invt_no__icontains=text) | Q(logistics_no__icontains=text))
    for inventory in matched.select_related("merchant").order_by()[:limit]:
        by_invt = text in inventory.invt_no.lower()
        number = inventory.invt_no if by_invt else inventory.logistics_no
        route, mobile = _routes(sources, inventory.order_id, number)
        label = "清单编号" if by_invt else "运单号"
        hits.append(
            Hit(
                title=number,
                subtitle=f"{label} · 订单 {inventory.order_no}{_who(sources, inventory.merchant.display_name)}",
                route=route,
                mobile_route=mobile,
                spans=_spans(number, text),
                score=SUBSTRING,
            )
        )
    summaries = sources.summaries.filter(Q(entry_id__icontains=text) | Q(sum_no__icontains=text))
    for summary in summaries.select_related("merchant").order_by()[:limit]:
        by_entry = text in summary.entry_id.lower()
        number = summary.entry_id if by_entry else summary.sum_no
        route = "/operations/customs" if sources.admin else f"/customs/summaries?id={summary.pk}"
        hits.append(
            Hit(
                title=number,
                subtitle=f"{'报关单号' if by_entry else '汇总申请编号'} · 汇总申请单"
                f"{_who(sources, summary.merchant.display_name)}",
                route=route,
                spans=_spans(number, text),
                score=SUBSTRING,
            )
        )
    return hits


def merchant_records(*, actor: Actor, query: Query) -> list[Hit]:
    if len(query.text) < MIN_LENGTH or not actor.can(ORDERS_VIEW):
        return []
    try:
        merchant = selectors.acting_merchant(actor)
    except ApiError:  # no merchant, or 出口报关 not open to it yet
        return []
    summaries = selectors.summaries(actor=actor) if actor.can(SUMMARIES_VIEW) else SummaryApply.objects.none()
    sources = Sources(
        orders=selectors.orders(actor=actor),
        inventories=Inventory.objects.filter(merchant=merchant),
        summaries=summaries,
        admin=False,
    )
    return _records(sources, query)


def admin_records(*, actor: Actor, query: Query) -> list[Hit]:
    if len(query.text) < MIN_LENGTH or not actor.can(CUSTOMS_VIEW):
        return []
    scope = merchants_visible(actor, CUSTOMS_VIEW)
    sources = Sources(
        orders=Order.objects.filter(scope),
        inventories=Inventory.objects.filter(scope),
        summaries=SummaryApply.objects.filter(scope),
        admin=True,
    )
    return _records(sources, query)


register(Provider("customs.records", "出口报关单据", Surface.MERCHANT, merchant_records, order=20))
register(Provider("customs.records.admin", "出口报关单据", Surface.ADMIN, admin_records, order=20))
