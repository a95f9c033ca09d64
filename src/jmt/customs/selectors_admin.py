"""Back-office reads (C6 configurations, CA board, message viewer), scoped by the staff member's data scope
(``jmt.rbac.scope.merchants_visible``): merchants outside it do not exist (404)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
from lxml import etree

from jmt.core.auth import Actor
from jmt.core.errors import NotFound
from jmt.customs import selectors_batches as sel
from jmt.customs.models import (
    Batch,
    BatchStatus,
    CheckStatus,
    Direction,
    GatewayConfig,
    Inventory,
    Logistics,
    Message,
    Order,
    Receipt,
    SummaryApply,
    WayBill,
)
from jmt.customs.services.submission import MESSAGE_MODELS
from jmt.customs.xml.schema import safe_parser
from jmt.merchants.models import Merchant
from jmt.rbac.scope import merchant_scope, merchants_visible

GATEWAY_VIEW = "operations:gateway:view"
GATEWAY_EDIT = "operations:gateway:edit"
CUSTOMS_VIEW = "operations:customs:view"

MESSAGE_TYPE_LABELS = {
    "CEB303": "电子订单",
    "CEB304": "电子订单回执",
    "CEB403": "收款单",
    "CEB404": "收款单回执",
    "CEB505": "物流运单",
    "CEB506": "物流运单回执",
    "CEB507": "运抵单",
    "CEB508": "运抵单回执",
    "CEB509": "离境单",
    "CEB510": "离境单回执",
    "CEB603": "出口申报清单",
    "CEB604": "申报清单回执",
    "CEB605": "撤销申请单",
    "CEB606": "撤销申请单回执",
    "CEB607": "清单总分单",
    "CEB608": "总分单回执",
    "CEB701": "汇总申请单",
    "CEB702": "汇总申请单回执",
    "CEB792": "汇总结果单",
    "CEB900": "报文格式校验失败回执",
    "UNKNOWN": "无法识别的报文",
}
RETURN_STATUS_LABELS = {
    "1": "电子口岸已暂存",
    "2": "电子口岸申报中",
    "3": "发送海关成功",
    "4": "发送海关失败",
    "100": "海关退单",
    "120": "海关入库",
    "300": "人工审核",
    "399": "海关审结",
    "500": "查验",
    "800": "放行",
    "899": "结关",
    "792": "汇总结果",
}
RECEIPT_LINKS = ("order", "logistics", "inventory", "waybill", "summary", "cancel")


def return_status_label(code: str) -> str:
    if code in RETURN_STATUS_LABELS:
        return RETURN_STATUS_LABELS[code]
    if code.startswith("-"):
        return "处理异常"
    return code


# --- merchants in scope ---------------------------------------------------------------------------


def merchants_for(actor: Actor, code: str) -> QuerySet[Merchant]:
    return Merchant.objects.filter(merchants_visible(actor, code, field="pk"))


def merchant_get(actor: Actor, code: str, merchant_id: int) -> Merchant:
    merchant = merchants_for(actor, code).filter(pk=merchant_id).first()
    if merchant is None:
        raise NotFound()
    return merchant


def gateway_merchants(actor: Actor, *, keyword: str = "", check_status: str = "") -> QuerySet[Merchant]:
    rows = merchants_for(actor, GATEWAY_VIEW).select_related("customs_gateway_config")
    if keyword:
        rows = rows.filter(Q(name__icontains=keyword) | Q(credit_code__icontains=keyword))
    if check_status == "missing":
        rows = rows.filter(customs_gateway_config__isnull=True)
    elif check_status:
        rows = rows.filter(customs_gateway_config__check_status=check_status)
    return rows.order_by("-registration_status", "name", "pk")


def config_for(merchant: Merchant) -> GatewayConfig | None:
    config: GatewayConfig | None = getattr(merchant, "customs_gateway_config", None)  # select_related or a query
    return config


# --- CA board -------------------------------------------------------------------------------------


def _dated(queryset: QuerySet[Any], date_from: date | None, date_to: date | None) -> QuerySet[Any]:
    if date_from:
        queryset = queryset.filter(created_at__date__gte=date_from)
    if date_to:
        queryset = queryset.filter(created_at__date__lte=date_to)
    return queryset


def _batch_group(counts: dict[str, int]) -> dict[str, Any]:
    labels = dict(BatchStatus.choices)
    return {
        "total": sum(counts.values()),
        "pending": counts.get(BatchStatus.DRAFT, 0),
        "in_progress": counts.get(BatchStatus.DECLARED, 0) + counts.get(BatchStatus.PARTLY_RELEASED, 0),
        "approved": counts.get(BatchStatus.RELEASED, 0) + counts.get(BatchStatus.CLEARED, 0),
        "attention": 0,
        "by_status": [{"status": k, "label": labels.get(k, k), "count": n} for k, n in counts.items()],
    }


STATUS_SETS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    # category → (statuses of orders, logistics, waybills and 汇总; statuses of inventories)
    "pending": (sel.PENDING, sel.PENDING),
    "in_progress": (sel.IN_PROGRESS, sel.IN_PROGRESS),
    "approved": (sel.APPROVED_SIMPLE, sel.APPROVED_INVENTORY),
    "attention": (sel.ATTENTION, sel.ATTENTION),
}
DOCUMENT_MODELS = (Order, Logistics, Inventory, WayBill, SummaryApply)


def _board_merchants(
    actor: Actor,
    *,
    merchant_id: int | None,
    date_from: date | None,
    date_to: date | None,
    status: str,
    keyword: str,
) -> QuerySet[Merchant]:
    """The merchants the board shows: in scope, with customs activity (or a 点点通 configuration), and with
    documents of the ``status`` category if one is asked — all decided in the database."""
    merchants = merchants_for(actor, CUSTOMS_VIEW)
    if merchant_id is not None:
        merchants = merchants.filter(pk=merchant_id)
    if keyword:
        merchants = merchants.filter(name__icontains=keyword)

    def dated(model: Any) -> Exists:
        return Exists(_dated(model.objects.filter(merchant_id=OuterRef("pk")), date_from, date_to))

    configured = Exists(GatewayConfig.objects.filter(merchant_id=OuterRef("pk")))
    active = dated(Batch) | dated(Order) | dated(SummaryApply) | configured
    merchants = merchants.filter(active)
    if status in STATUS_SETS:
        simple, inventory = STATUS_SETS[status]
        having = Q()
        for model in DOCUMENT_MODELS:
            statuses = inventory if model is Inventory else simple
            of_status = model.objects.filter(merchant_id=OuterRef("pk"), status__in=statuses)
            documents = _dated(of_status, date_from, date_to)
            having |= Q(Exists(documents))
        merchants = merchants.filter(having)
    return merchants.order_by("name", "pk")


def merchant_boards(
    actor: Actor,
    *,
    merchant_id: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    status: str = "",
    keyword: str = "",
    page: int = 1,
    page_size: int = 50,
) -> dict[str, Any]:
    """One page of merchants in scope: batches, orders, waybills, inventories, 总分单 and 汇总 by status.

    The page is chosen and counted in the database; the status counts are grouped there for the page's
    merchants only, and the totals over every merchant on the board — a bounded number of queries
    whatever the number of merchants or documents.
    """
    merchants = _board_merchants(
        actor, merchant_id=merchant_id, date_from=date_from, date_to=date_to, status=status, keyword=keyword
    )
    start = (page - 1) * page_size
    rows = list(merchants[start : start + page_size])
    total = merchants.count()
    ids = [merchant.pk for merchant in rows]

    def counts(model: Any, field: str = "status") -> dict[Any, dict[str, int]]:
        queryset = _dated(model.objects.filter(merchant_id__in=ids), date_from, date_to)
        return sel.status_counts(queryset, "merchant_id", field)

    batches = counts(Batch, "state")
    orders = counts(Order)
    logistics = counts(Logistics)
    inventories = counts(Inventory)
    waybills = counts(WayBill)
    summaries = counts(SummaryApply)
    configs = {c.merchant_id: c for c in GatewayConfig.objects.filter(merchant_id__in=ids)}
    last = dict(
        Batch.objects.filter(merchant_id__in=ids)
        .values("merchant_id")
        .annotate(at=Max("updated_at"))
        .values_list("merchant_id", "at")
    )
    boards = []
    for merchant in rows:
        config = configs.get(merchant.pk)
        o = sel.group(orders.get(merchant.pk, {}))
        lg = sel.group(logistics.get(merchant.pk, {}))
        inv = sel.group(inventories.get(merchant.pk, {}), inventory=True)
        wb = sel.group(waybills.get(merchant.pk, {}))
        sm = sel.group(summaries.get(merchant.pk, {}))
        parts = (o, lg, inv, wb, sm)
        boards.append(
            {
                "merchant_id": merchant.pk,
                "merchant_name": merchant.display_name,
                "gateway_status": config.check_status if config else "missing",
                "gateway_status_label": config.get_check_status_display() if config else "未配置",
                "batches": _batch_group(batches.get(merchant.pk, {})),
                "orders": o,
                "logistics": lg,
                "inventories": inv,
                "waybills": wb,
                "summaries": sm,
                "progress": sel.progress(o, lg, inv),
                "needs_attention": sum(part["attention"] for part in parts),
                "last_activity": last.get(merchant.pk),
            }
        )
    return {
        "merchants": boards,
        "totals": board_totals(merchants, total=total, date_from=date_from, date_to=date_to),
        "total": total,
        "page": page,
        "page_size": page_size,
    }


def _status_totals(queryset: QuerySet[Any]) -> dict[str, int]:
    return {row["status"]: row["n"] for row in queryset.values("status").annotate(n=Count("pk")).order_by()}


def board_totals(
    merchants: QuerySet[Merchant], *, total: int, date_from: date | None, date_to: date | None
) -> dict[str, int]:
    """The board's totals over all of its merchants (not only the page), grouped in the database."""
    on_board = merchants.order_by().values("pk")

    def grouped(model: Any, *, inventory: bool = False) -> dict[str, Any]:
        rows = _dated(model.objects.filter(merchant_id__in=on_board), date_from, date_to)
        return sel.group(_status_totals(rows), inventory=inventory)

    batch_count = _dated(Batch.objects.filter(merchant_id__in=on_board), date_from, date_to).count()
    orders = grouped(Order)
    logistics = grouped(Logistics)
    inventories = grouped(Inventory, inventory=True)
    waybills = grouped(WayBill)
    summaries = grouped(SummaryApply)
    failing = merchants.filter(
        Q(customs_gateway_config__isnull=True) | Q(customs_gateway_config__check_status=CheckStatus.FAILED)
    ).count()
    return {
        "merchants": total,
        "batches": batch_count,
        "orders": orders["total"],
        "inventories": inventories["total"],
        "released": inventories["released"],
        "waybills": waybills["total"],
        "summaries": summaries["total"],
        "needs_attention": sum(g["attention"] for g in (orders, logistics, inventories, waybills, summaries)),
        "gateway_failing": failing,
    }


# --- messages ---------------------------------------------------------------------------------------


def _receipt_merchant_q(merchant_ids: list[int]) -> Q:
    q = Q()
    for link in RECEIPT_LINKS:
        q |= Q(**{f"{link}__merchant_id__in": merchant_ids})
    return q


def _messages_of(merchant_ids: list[int]) -> Q:
    """Sent messages carry their merchant; received ones are theirs through the documents they answer."""
    incoming = Receipt.objects.filter(_receipt_merchant_q(merchant_ids)).values("received_in_id")
    return Q(merchant_id__in=merchant_ids) | Q(direction=Direction.IN, pk__in=incoming)


def messages_visible(actor: Actor) -> QuerySet[Message]:
    scope = merchant_scope(actor, CUSTOMS_VIEW)
    if scope.everything:
        return Message.objects.all()
    return Message.objects.filter(_messages_of(sorted(scope.merchant_ids)))


def message_list(
    actor: Actor,
    *,
    merchant_id: int | None = None,
    batch_id: int | None = None,
    message_type: str = "",
    direction: str = "",
    q: str = "",
) -> QuerySet[Message]:
    rows = messages_visible(actor)
    if merchant_id is not None:
        rows = rows.filter(_messages_of([merchant_id]))
    if batch_id is not None:
        rows = rows.filter(batch_id=batch_id)
    if message_type:
        rows = rows.filter(message_type=message_type.upper())
    if direction:
        rows = rows.filter(direction=direction)
    q = q.strip()
    if q:
        carried = Q()
        for model, field in (
            (Inventory, "invt_no"),
            (Inventory, "cop_no"),
            (Order, "order_no"),
            (Logistics, "logistics_no"),
        ):
            carried |= Q(pk__in=model.objects.filter(**{field: q}).values("message_id"))
        answered = Receipt.objects.filter(
            Q(guid=q) | Q(keys__invtNo=q) | Q(keys__orderNo=q) | Q(keys__logisticsNo=q) | Q(keys__copNo=q)
        ).values("received_in_id")
        rows = rows.filter(Q(guid__iexact=q) | carried | Q(pk__in=answered))
    return rows.select_related("merchant", "batch", "outbox").order_by("-created_at", "-pk")


def message_get(actor: Actor, message_id: int) -> Message:
    found = messages_visible(actor).select_related("merchant", "batch").filter(pk=message_id).first()
    if found is None:
        raise NotFound()
    return found


def incoming_merchants(messages: list[Message]) -> dict[int, tuple[int | None, str]]:
    """message id → (merchant id, name) for received messages, through the documents they answer."""
    ids = [m.pk for m in messages if m.merchant_id is None]
    found: dict[int, tuple[int | None, str]] = {}
    if not ids:
        return found
    receipts = Receipt.objects.filter(received_in_id__in=ids).select_related(
        *(f"{link}__merchant" for link in RECEIPT_LINKS)
    )
    for receipt in receipts:
        if receipt.received_in_id in found:
            continue
        for link in RECEIPT_LINKS:
            document = getattr(receipt, link)
            if document is not None:
                found[receipt.received_in_id] = (document.merchant_id, document.merchant.display_name)
                break
    return found


def pretty_xml(xml: str) -> str:
    """The stored XML indented for reading (the stored text itself is never changed)."""
    try:
        root = etree.fromstring(xml.encode("utf-8"), parser=safe_parser())
    except (etree.XMLSyntaxError, ValueError):
        return xml
    for element in root.iter():
        if element.text is not None and not element.text.strip() and len(element):
            element.text = None
        if element.tail is not None and not element.tail.strip():
            element.tail = None
    return etree.tostring(root, pretty_print=True, encoding="unicode")


def message_documents(message: Message) -> list[dict[str, str]]:
    model = MESSAGE_MODELS.get(message.message_type)
    if model is None or message.direction != Direction.OUT:
        return []
    rows = []
    document: Any
    for document in model._default_manager.filter(message=message).order_by("pk")[:100]:
        number = (
            getattr(document, "invt_no", "")
            or getattr(document, "order_no", "")
            or getattr(document, "logistics_no", "")
            or getattr(document, "bill_no", "")
            or getattr(document, "cop_no", "")
        )
        rows.append(
            {
                "guid": document.guid,
                "number": str(number),
                "status": document.status,
                "status_label": document.get_status_display(),
            }
        )
    return rows


def message_receipts(message: Message) -> QuerySet[Receipt]:
    if message.direction == Direction.IN:
        return Receipt.objects.filter(received_in=message).order_by("pk")
    model = MESSAGE_MODELS.get(message.message_type)
    guids: list[str] = []
    if model is not None:
        guids = list(model._default_manager.filter(message=message).values_list("guid", flat=True)[:1000])
    return Receipt.objects.filter(Q(guid__in=guids) | Q(guid=message.guid)).order_by("return_time", "pk")
