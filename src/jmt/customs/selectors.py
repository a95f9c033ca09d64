"""Every read of customs data, always scoped to the acting merchant."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from jmt.core.auth import Actor
from jmt.core.errors import NotFound
from jmt.customs.codes.receipts import KIND_LABELS, explain
from jmt.customs.errors import CustomsError
from jmt.customs.models import (
    PRE_RECEIPT_STATUSES,
    Batch,
    DocStatus,
    ImportRow,
    Inventory,
    InventoryLine,
    InvtCancel,
    Order,
    OrderImport,
    Outbox,
    Receipt,
    SummaryApply,
    SummaryResult,
    WayBill,
)


def acting_merchant(actor: Actor) -> Any:
    merchant = actor.merchant
    if merchant is None:
        raise CustomsError.merchant_required()
    if not merchant.registration_approved:
        raise CustomsError.module_closed()
    return merchant


def order_imports(*, actor: Actor) -> QuerySet[OrderImport]:
    return OrderImport.objects.filter(merchant=acting_merchant(actor))


def order_import_get(*, actor: Actor, import_id: int) -> OrderImport:
    found = order_imports(actor=actor).filter(pk=import_id).first()
    if found is None:
        raise NotFound()
    return found


def batch_get(*, actor: Actor, batch_id: int) -> Batch:
    found = Batch.objects.filter(merchant=acting_merchant(actor), pk=batch_id).first()
    if found is None:
        raise NotFound()
    return found


def import_rows(
    *, order_import: OrderImport, errors_only: bool = False, include_deleted: bool = True
) -> QuerySet[ImportRow]:
    """The rows in sheet order; ``errors_only`` keeps the rows with errors (and, unless
    ``include_deleted`` is false, the rows deleted in the preview, so they can be restored)."""
    rows = ImportRow.objects.filter(order_import=order_import).order_by("row_no")
    if not include_deleted:
        rows = rows.filter(is_deleted=False)
    if errors_only:
        rows = rows.filter(Q(is_valid=False) | Q(is_deleted=True)) if include_deleted else rows.filter(is_valid=False)
    return rows


def import_error_rows(*, order_import: OrderImport) -> Iterator[tuple[int, dict[str, Any], list[dict[str, str]]]]:
    for row in import_rows(order_import=order_import, include_deleted=False).iterator(chunk_size=2000):
        yield row.row_no, row.data, row.errors


# --- declared orders and their timeline -------------------------------------------------------------

PROBLEM_STATUSES = (DocStatus.REJECTED, DocStatus.ERROR, DocStatus.CUSTOMS_SEND_FAILED, DocStatus.NEEDS_ATTENTION)
CLEARED_STATUSES = (DocStatus.CLEARED, DocStatus.MANUAL_REVIEW, DocStatus.INSPECTION)
SHANGHAI = ZoneInfo("Asia/Shanghai")


def _problem_q() -> Q:
    return (
        Q(status__in=PROBLEM_STATUSES)
        | Q(inventory__status__in=PROBLEM_STATUSES)
        | Q(inventory__logistics__status__in=PROBLEM_STATUSES)
    )


STATUS_FILTERS: dict[str, Callable[[], Q]] = {
    "problem": _problem_q,
    "cleared": lambda: Q(inventory__status__in=CLEARED_STATUSES) & ~_problem_q(),
    "released": lambda: Q(inventory__status=DocStatus.RELEASED),
    "closed": lambda: Q(inventory__status=DocStatus.CLOSED),
    "cancelled": lambda: Q(inventory__status=DocStatus.CANCELLED),
    "in_progress": lambda: (
        ~_problem_q()
        & ~Q(inventory__status__in=(*CLEARED_STATUSES, DocStatus.RELEASED, DocStatus.CLOSED, DocStatus.CANCELLED))
    ),
}


def orders(*, actor: Actor, batch_id: int | None = None, status: str = "", search: str = "") -> QuerySet[Order]:
    rows = Order.objects.filter(merchant=acting_merchant(actor)).select_related(
        "batch", "inventory", "inventory__logistics"
    )
    if batch_id:
        rows = rows.filter(batch_id=batch_id)
    if status in STATUS_FILTERS:
        rows = rows.filter(STATUS_FILTERS[status]())
    term = search.strip()
    if term:
        rows = rows.filter(
            Q(order_no__icontains=term)
            | Q(inventory__invt_no__icontains=term)
            | Q(inventory__logistics_no__icontains=term)
        )
    return rows.order_by("-pk")


def order_counts(*, actor: Actor, batch_id: int | None = None) -> dict[str, int]:
    rows = orders(actor=actor, batch_id=batch_id)
    aggregates = {name: Count("pk", filter=make()) for name, make in STATUS_FILTERS.items()}
    counts = rows.aggregate(total=Count("pk"), **aggregates)
    return {name: int(value or 0) for name, value in counts.items()}


def order_get(*, actor: Actor, order_id: int) -> Order:
    found = orders(actor=actor).filter(pk=order_id).first()
    if found is None:
        raise NotFound()
    return found


def inventory_of(order: Order) -> Inventory | None:
    try:
        return order.inventory
    except Inventory.DoesNotExist:
        return None


def order_overall(order: Order) -> tuple[str, Any]:
    """The one status to show for an order: a problem first, then the inventory once it moved, else the order."""
    inventory = inventory_of(order)
    candidates: list[tuple[str, Any]] = [("order", order)]
    if inventory is not None:
        candidates += [("logistics", inventory.logistics), ("inventory", inventory)]
    for kind, doc in candidates:
        if doc.status in PROBLEM_STATUSES:
            return kind, doc
    if inventory is not None and inventory.status not in PRE_RECEIPT_STATUSES:
        return "inventory", inventory
    return "order", order


def parse_return_time(value: str) -> datetime | None:
    digits = "".join(ch for ch in value if ch.isdigit())
    if len(digits) < 14:
        return None
    try:
        moment = datetime.strptime(digits[:14], "%Y%m%d%H%M%S").replace(tzinfo=SHANGHAI)
    except ValueError:
        return None
    millis = int(digits[14:17] or 0) if digits[14:17].isdigit() else 0
    return moment.replace(microsecond=millis * 1000)


MESSAGE_TITLES = {
    "CEB303": "发送电子订单（CEB303）",
    "CEB505": "发送物流运单（CEB505）",
    "CEB603": "发送出口申报清单（CEB603）",
    "CEB605": "发送撤销申请单（CEB605）",
    "CEB607": "发送清单总分单（CEB607）",
    "CEB701": "发送汇总申请单（CEB701）",
}


def order_timeline(order: Order) -> list[dict[str, Any]]:
    """One timeline from upload to 结关, built from the records that exist, oldest first."""
    events: list[dict[str, Any]] = []

    def add(moment: datetime | None, title: str, description: str = "", tone: str = "default", **extra: Any) -> None:
        if moment is not None:
            events.append({"time": moment, "title": title, "description": description, "tone": tone, **extra})

    row = (
        ImportRow.objects.filter(
            order_import__merchant_id=order.merchant_id, order_no=order.order_no, ebp_code=order.ebp_code
        )
        .select_related("order_import")
        .order_by("-order_import__status", "-order_import_id", "row_no")
        .first()
    )
    if row is not None:
        add(
            row.order_import.created_at,
            "上传电子订单 Excel",
            f"文件「{row.order_import.file_name}」第 {row.row_no} 行，校验通过",
            "default",
            stage="upload",
        )
    add(order.created_at, "申报：生成电子订单、物流运单和申报清单", f"订单编号 {order.order_no}", "processing")
    inventory = inventory_of(order)
    documents: list[tuple[str, Any]] = [("order", order)]
    if inventory is not None:
        documents += [("logistics", inventory.logistics), ("inventory", inventory)]
        cancels = list(inventory.cancels.all())
        documents += [("cancel", cancel) for cancel in cancels]
        waybills = list(
            WayBill.objects.filter(merchant_id=order.merchant_id, lines__logistics_no=inventory.logistics_no).distinct()
        )
        documents += [("waybill", waybill) for waybill in waybills]
        if inventory.invt_no:
            summaries = list(
                SummaryApply.objects.filter(merchant_id=order.merchant_id, lines__invt_no=inventory.invt_no).distinct()
            )
            documents += [("summary", summary) for summary in summaries]
    message_ids = {doc.message_id for _, doc in documents if doc.message_id}
    sent = {row.message_id: row for row in Outbox.objects.filter(message_id__in=message_ids).select_related("message")}
    seen_messages: set[int] = set()
    for kind, doc in documents:
        if doc.message_id and doc.message_id not in seen_messages:
            seen_messages.add(doc.message_id)
            outbox = sent.get(doc.message_id)
            message_type = outbox.message.message_type if outbox else ""
            if outbox is not None and outbox.sent_at:
                add(outbox.sent_at, MESSAGE_TITLES.get(message_type, "发送报文"), "已交给点点通", "processing")
        if kind == "cancel":
            add(doc.created_at, "提交撤销申请", f"撤销原因：{doc.reason}", "warning")
        if kind == "waybill":
            add(
                doc.created_at,
                "提交清单总分单",
                f"提运单号 {doc.bill_no}，{doc.traf_name} {doc.voyage_no}",
                "processing",
            )
        if kind == "summary":
            add(doc.created_at, "提交汇总申请单", f"企业编号 {doc.cop_no}", "processing")
    filters = Q(order=order)
    if inventory is not None:
        filters |= Q(logistics_id=inventory.logistics_id) | Q(inventory=inventory)
        for kind, doc in documents:
            if kind in ("cancel", "waybill", "summary"):
                filters |= Q(**{kind: doc})
    seen: set[tuple[str, str, str, str]] = set()
    for receipt in Receipt.objects.filter(filters).order_by("return_time", "pk"):
        kind = next(
            k
            for k in ("order", "logistics", "inventory", "cancel", "waybill", "summary")
            if getattr(receipt, f"{k}_id")
        )
        key = (kind, str(getattr(receipt, f"{kind}_id")), receipt.return_status, receipt.return_time)
        if key in seen:
            continue
        seen.add(key)
        explained = explain(kind, receipt.return_status, receipt.return_info)
        add(
            parse_return_time(receipt.return_time) or receipt.created_at,
            f"{KIND_LABELS[kind]}：{explained.label}",
            explained.meaning,
            explained.tone,
            code=receipt.return_status,
            next_step=explained.next_step,
        )
    for kind, doc in documents:
        if kind == "summary":
            for result in SummaryResult.objects.filter(summary=doc).order_by("pk"):
                add(
                    parse_return_time(result.op_date) or result.created_at,
                    "海关生成报关单",
                    f"报关单号 {result.entry_id}（用于出口退税）" if result.entry_id else "海关已处理汇总申请",
                    "success",
                )
    events.sort(key=lambda event: event["time"])
    return events


# --- filings: 总分单, 汇总, 撤销 -------------------------------------------------------------------------


def batches(*, actor: Actor) -> QuerySet[Batch]:
    return Batch.objects.filter(merchant=acting_merchant(actor)).order_by("-pk")


def batches_with_inventories(*, actor: Actor) -> QuerySet[Batch]:
    """The merchant's batches that hold inventories, newest first (one query, not one per batch)."""
    return batches(actor=actor).filter(Exists(Inventory.objects.filter(batch_id=OuterRef("pk"))))


def waybills(*, actor: Actor) -> QuerySet[WayBill]:
    return WayBill.objects.filter(merchant=acting_merchant(actor)).select_related("batch").order_by("-pk")


def waybill_get(*, actor: Actor, waybill_id: int) -> WayBill:
    found = waybills(actor=actor).filter(pk=waybill_id).first()
    if found is None:
        raise NotFound()
    return found


def summaries(*, actor: Actor) -> QuerySet[SummaryApply]:
    return SummaryApply.objects.filter(merchant=acting_merchant(actor)).order_by("-pk")


def summary_get(*, actor: Actor, summary_apply_id: int) -> SummaryApply:
    found = summaries(actor=actor).filter(pk=summary_apply_id).first()
    if found is None:
        raise NotFound()
    return found


def cancels(*, actor: Actor, invt_no: str = "") -> QuerySet[InvtCancel]:
    rows = InvtCancel.objects.filter(merchant=acting_merchant(actor)).select_related("inventory", "inventory__batch")
    if invt_no.strip():
        rows = rows.filter(invt_no__icontains=invt_no.strip())
    return rows.order_by("-pk")


def cancel_get(*, actor: Actor, invtcancel_id: int) -> InvtCancel:
    found = cancels(actor=actor).filter(pk=invtcancel_id).first()
    if found is None:
        raise NotFound()
    return found


def inventory_by_invt_no(*, actor: Actor, invt_no: str) -> Inventory | None:
    return (
        Inventory.objects.filter(merchant=acting_merchant(actor), invt_no=invt_no.strip())
        .exclude(invt_no="")
        .select_related("batch")
        .first()
    )


def receipts_of(kind: str, doc: Any) -> list[Receipt]:
    return list(Receipt.objects.filter(**{kind: doc}).order_by("return_time", "pk"))


# --- published for 出口退税 (jmt.refunds) ----------------------------------------------------------------

CURRENCY_ISO = {
    "142": "CNY",
    "502": "USD",
    "300": "EUR",
    "303": "GBP",
    "116": "JPY",
    "501": "CAD",
    "601": "AUD",
    "110": "HKD",
}


def _month_of(summary: SummaryApply | None, inventories: list[Inventory]) -> str:
    if summary is not None and len(summary.start_time) >= 6:
        return f"{summary.start_time[:4]}-{summary.start_time[4:6]}"
    dates = [inv.ie_date for inv in inventories]
    return min(dates).strftime("%Y-%m") if dates else ""


def refund_declarations(*, actor: Actor) -> list[dict[str, Any]]:
    """The merchant's exports as the tax refund sees them, newest first.

    One row per 汇总结果 (CEB792) that carries a 报关单号 (statisticsFlag B: claimable), with the month,
    the amount and currency of its inventories' lines and their goods; then one row per month of 结关
    inventories declared 简化申报 (statisticsFlag A), which no refund can claim.
    """
    merchant = acting_merchant(actor)
    rows: list[dict[str, Any]] = []
    results = (
        SummaryResult.objects.filter(summary__merchant=merchant)
        .exclude(entry_id="")
        .select_related("summary")
        .order_by("-pk")
    )
    for result in results:
        invt_nos = [line.get("invtNo", "") for line in result.lines if line.get("invtNo")]
        if not invt_nos and result.summary is not None:
            invt_nos = list(result.summary.lines.values_list("invt_no", flat=True))
        inventories = list(Inventory.objects.filter(merchant=merchant, invt_no__in=invt_nos).prefetch_related("lines"))
        lines = [line for inv in inventories for line in inv.lines.all()]
        currencies = sorted({CURRENCY_ISO.get(line.currency, line.currency) for line in lines})
        goods = sorted({line.gname for line in lines})
        rows.append(
            {
                "entry_id": result.entry_id,
                "summary_result_id": result.pk,
                "month": _month_of(result.summary, inventories),
                "amount": sum((line.total_price for line in lines), Decimal(0)),
                "currency": currencies[0] if len(currencies) == 1 else ("/".join(currencies) or "USD"),
                "goods": "、".join(goods[:5]),
                "inventories": len(inventories),
                "statistics_flag": "B",
                "claimable": len(currencies) <= 1,
                "reason": "" if len(currencies) <= 1 else "报关单商品币种不一致，请联系捷晶处理",
            }
        )
    simplified = (
        Inventory.objects.filter(merchant=merchant, statistics_flag="A", status=DocStatus.CLOSED)
        .prefetch_related("lines")
        .order_by("-ie_date")
    )
    months: dict[str, dict[str, Any]] = {}
    for inv in simplified:
        month = inv.ie_date.strftime("%Y-%m")
        row = months.setdefault(
            month,
            {
                "entry_id": "",
                "summary_result_id": None,
                "month": month,
                "amount": Decimal(0),
                "currency": "",
                "goods": set(),
                "inventories": 0,
                "statistics_flag": "A",
                "claimable": False,
                "reason": "简化申报（统计标志 A）的清单不生成报关单，按 9610 规定不能办理出口退税",
            },
        )
        row["inventories"] += 1
        for line in inv.lines.all():
            row["amount"] += line.total_price
            row["currency"] = row["currency"] or CURRENCY_ISO.get(line.currency, line.currency)
            row["goods"].add(line.gname)
    for row in months.values():
        row["goods"] = "、".join(sorted(row["goods"])[:5])
        rows.append(row)
    return rows


def batch_goods_lines(*, batch: Batch) -> list[tuple[str, int, str, str]]:
    """The goods of a batch's declarations, published for other modules (水晶行业专项 reminders):
    ``(order_no, gnum, gcode, gmodel)`` per inventory line, in order."""
    return list(
        InventoryLine.objects.filter(inventory__batch=batch)
        .order_by("inventory__order_no", "gnum")
        .values_list("inventory__order_no", "gnum", "gcode", "gmodel")
    )
