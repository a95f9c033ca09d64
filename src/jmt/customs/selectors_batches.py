"""Reads for batches (C1) and the progress boards (C1 overview, CA): counts of documents by status.

Statuses are grouped the way people follow them:

* 待发送 ``pending``: ours, nothing from customs yet (draft, queued, sent);
* 审批中 ``in_progress``: customs is working on it (1, 2, 3, 300, 500);
* 已通过 ``approved``: orders and waybills 海关入库 (120) or already known to customs; inventories
  审结 (399), 放行 (800) or 结关 (899);
* 需处理 ``attention``: 退单 (100), errors, a failed send;
* inventories also count ``released`` (800 or 899), ``closed`` (899) and ``cancelled``.

The approval progress of a batch is approved ÷ all of its orders, waybills and inventories.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from jmt.core.errors import NotFound
from jmt.customs.models import Batch, BatchStatus, DocStatus, Inventory, Logistics, Order, WayBill
from jmt.customs.selectors import acting_merchant

PENDING = frozenset({DocStatus.DRAFT, DocStatus.QUEUED, DocStatus.SENT})
IN_PROGRESS = frozenset(
    {DocStatus.STAGED, DocStatus.DECLARING, DocStatus.SENT_TO_CUSTOMS, DocStatus.MANUAL_REVIEW, DocStatus.INSPECTION}
)
ATTENTION = frozenset({DocStatus.NEEDS_ATTENTION, DocStatus.REJECTED, DocStatus.ERROR, DocStatus.CUSTOMS_SEND_FAILED})
APPROVED_SIMPLE = frozenset({DocStatus.STORED, DocStatus.EXISTS})
APPROVED_INVENTORY = frozenset({DocStatus.CLEARED, DocStatus.RELEASED, DocStatus.CLOSED, DocStatus.EXISTS})
STATUS_LABELS = dict(DocStatus.choices)


def batches_for(*, actor: Any) -> QuerySet[Batch]:
    return Batch.objects.filter(merchant=acting_merchant(actor))


def batch_list(*, actor: Any, status: str = "", keyword: str = "", statistics_flag: str = "") -> QuerySet[Batch]:
    """The merchant's batches, newest first, each annotated with ``has_orders`` (for :func:`is_locked`)."""
    rows = batches_for(actor=actor).annotate(has_orders=Exists(Order.objects.filter(batch_id=OuterRef("pk"))))
    if status:
        rows = rows.filter(state=status)
    if statistics_flag:
        rows = rows.filter(statistics_flag=statistics_flag)
    if keyword:
        rows = rows.filter(Q(name__icontains=keyword) | Q(bill_no__icontains=keyword) | Q(voyage_no__icontains=keyword))
    return rows.order_by("-created_at", "-pk")


def is_locked(batch: Batch) -> bool:
    """``services.batches.batch_locked`` without a query when the row carries ``has_orders``."""
    if batch.status != BatchStatus.DRAFT:
        return True
    has_orders = getattr(batch, "has_orders", None)
    if has_orders is None:
        return Order.objects.filter(batch=batch).exists()
    return bool(has_orders)


def merchant_totals(*, actor: Any, batches: int) -> dict[str, Any]:
    """:func:`overview_totals` over all of the merchant's batches, counted in the database (4 queries)."""
    merchant = acting_merchant(actor)

    def counts(model: Any) -> dict[str, int]:
        return status_counts(model.objects.filter(merchant=merchant, batch__isnull=False), "merchant_id").get(
            merchant.pk, {}
        )

    o = group(counts(Order))
    lg = group(counts(Logistics))
    inv = group(counts(Inventory), inventory=True)
    wb = group(counts(WayBill))
    board = {
        "orders": o,
        "logistics": lg,
        "inventories": inv,
        "waybills": wb,
        "released": inv["released"],
        "closed": inv["closed"],
        "needs_attention": o["attention"] + lg["attention"] + inv["attention"] + wb["attention"],
    }
    return {**overview_totals([board]), "batches": batches}


def batch_get(*, actor: Any, batch_id: int) -> Batch:
    found = batches_for(actor=actor).filter(pk=batch_id).first()
    if found is None:
        raise NotFound()
    return found


def status_counts(queryset: QuerySet[Any], key: str, field: str = "status") -> dict[Any, dict[str, int]]:
    """``{key value: {status: count}}`` in one query (``field``: the status column, ``state`` for batches)."""
    counts: dict[Any, dict[str, int]] = defaultdict(dict)
    for row in queryset.values(key, field).annotate(n=Count("pk")).order_by():
        counts[row[key]][row[field]] = row["n"]
    return counts


def group(counts: dict[str, int], *, inventory: bool = False) -> dict[str, Any]:
    approved_set = APPROVED_INVENTORY if inventory else APPROVED_SIMPLE
    total = sum(counts.values())
    out: dict[str, Any] = {
        "total": total,
        "pending": sum(n for s, n in counts.items() if s in PENDING),
        "in_progress": sum(n for s, n in counts.items() if s in IN_PROGRESS),
        "approved": sum(n for s, n in counts.items() if s in approved_set),
        "attention": sum(n for s, n in counts.items() if s in ATTENTION),
        "by_status": [
            {"status": status, "label": STATUS_LABELS.get(status, status), "count": count}
            for status, count in sorted(counts.items(), key=lambda item: -item[1])
        ],
    }
    if inventory:
        out["released"] = counts.get(DocStatus.RELEASED, 0) + counts.get(DocStatus.CLOSED, 0)
        out["closed"] = counts.get(DocStatus.CLOSED, 0)
        out["cancelled"] = counts.get(DocStatus.CANCELLED, 0)
    return out


def progress(*groups: dict[str, Any]) -> int:
    total = sum(g["total"] for g in groups)
    return round(100 * sum(g["approved"] for g in groups) / total) if total else 0


def batch_boards(batches: Iterable[Batch]) -> list[dict[str, Any]]:
    """The progress of each batch: its orders, waybills (运单), inventories and 总分单 by status."""
    batches = list(batches)
    ids = [batch.pk for batch in batches]
    orders = status_counts(Order.objects.filter(batch_id__in=ids), "batch_id")
    logistics = status_counts(Logistics.objects.filter(batch_id__in=ids), "batch_id")
    inventories = status_counts(Inventory.objects.filter(batch_id__in=ids), "batch_id")
    waybills = status_counts(WayBill.objects.filter(batch_id__in=ids), "batch_id")
    boards = []
    for batch in batches:
        o = group(orders.get(batch.pk, {}))
        lg = group(logistics.get(batch.pk, {}))
        inv = group(inventories.get(batch.pk, {}), inventory=True)
        wb = group(waybills.get(batch.pk, {}))
        boards.append(
            {
                "batch": batch,
                "orders": o,
                "logistics": lg,
                "inventories": inv,
                "waybills": wb,
                "progress": progress(o, lg, inv),
                "released": inv["released"],
                "closed": inv["closed"],
                "needs_attention": o["attention"] + lg["attention"] + inv["attention"] + wb["attention"],
            }
        )
    return boards


def overview_totals(boards: list[dict[str, Any]]) -> dict[str, Any]:
    def total(part: str, key: str) -> int:
        return sum(board[part][key] for board in boards)

    documents = sum(board[p]["total"] for board in boards for p in ("orders", "logistics", "inventories"))
    approved = sum(board[p]["approved"] for board in boards for p in ("orders", "logistics", "inventories"))
    return {
        "batches": len(boards),
        "orders": total("orders", "total"),
        "orders_approved": total("orders", "approved"),
        "inventories": total("inventories", "total"),
        "inventories_approved": total("inventories", "approved"),
        "released": sum(board["released"] for board in boards),
        "closed": sum(board["closed"] for board in boards),
        "needs_attention": sum(board["needs_attention"] for board in boards),
        "progress": round(100 * approved / documents) if documents else 0,
    }
