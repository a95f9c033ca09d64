"""Export kinds of 报关 (registered with the download center at start-up)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from jmt.core.auth import Actor
from jmt.core.catalog import Surface
from jmt.customs import selectors
from jmt.customs.codes.receipts import explain_document
from jmt.downloads import tables
from jmt.downloads.models import Download
from jmt.downloads.registry import ExportJob, ExportKind, register
from jmt.downloads.services import download_create

ORDERS = "customs.orders"
VIEW = "customs:orders:view"
HEADER = ("订单编号", "清单编号", "运单号", "批次", "货值", "币种", "状态", "状态说明", "下一步", "申报时间")
WIDTHS = (22, 22, 20, 16, 12, 8, 14, 40, 30, 18)


def order_cells(order: Any) -> list[str]:
    inventory = selectors.inventory_of(order)
    kind, doc = selectors.order_overall(order)
    status = explain_document(kind, doc)
    return [
        order.order_no,
        inventory.invt_no if inventory else "",
        inventory.logistics_no if inventory else "",
        order.batch.name if order.batch else "",
        str(order.goods_value),
        order.currency,
        status.label,
        status.meaning,
        status.next_step,
        timezone.localtime(order.created_at).strftime("%Y-%m-%d %H:%M"),
    ]


def orders_export_create(*, actor: Actor, params: dict[str, Any], file_format: str) -> Download:
    """Queue an export of 已申报订单 with the list's filters (``batch_id``, ``status``, ``search``); refused now
    when 出口报关 is closed to the actor, not later in the worker."""
    selectors.acting_merchant(actor)
    return download_create(actor=actor, kind=ORDERS, params=params, file_format=file_format)


def write_orders(job: ExportJob) -> int:
    """``params``: the list filters (``batch_id``, ``status``, ``search``) of 已申报订单."""
    rows = selectors.orders(
        actor=job.actor,
        batch_id=job.params.get("batch_id"),
        status=str(job.params.get("status") or ""),
        search=str(job.params.get("search") or ""),
    )
    cells = job.track((order_cells(order) for order in rows.iterator(chunk_size=500)), rows.count())
    if job.file_format == "csv":
        return tables.write_csv(job.target, header=HEADER, rows=cells)
    return tables.write_xlsx(job.target, sheet_name="报关清单", header=HEADER, rows=cells, widths=WIDTHS)


register(
    ExportKind(
        key=ORDERS,
        title="报关订单与清单",
        permission=VIEW,
        surface=Surface.MERCHANT,
        write=write_orders,
        formats=("xlsx", "csv"),
    )
)
