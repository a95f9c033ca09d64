"""C7 业务办理通知: status changes and key nodes as messages (in-site + WeChat), aggregated.

A receipt message moves up to 100 documents; a batch can hold 100,000 orders. So nothing here sends
one message per order:

* problems (海关退单, 处理异常, 发送海关失败) of orders, waybills and inventories: one message per batch
  and document kind for each receipt message, naming the first few numbers;
* milestones of a batch (every inventory 放行, every inventory 结关): one message each, once ever
  (``CustomsNotice`` keys), plus the to-do 「提交清单总分单」 when all are released;
* 总分单, 汇总 and 撤销 are single documents: one message per key change, and the 报关单号 when the
  CEB792 result arrives;
* the monthly reminder to file last month's 汇总 before the 15th (``summary_reminders``).

Everything runs inside the caller's transaction (``notify`` queues the WeChat pushes there too).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from jmt.customs.codes.receipts import KIND_LABELS, explain_document
from jmt.customs.models import Batch, CustomsNotice, DocStatus, Inventory
from jmt.merchants.models import Merchant
from jmt.notifications.services import merchant_recipients, notify

PROBLEMS = frozenset({DocStatus.REJECTED, DocStatus.ERROR, DocStatus.CUSTOMS_SEND_FAILED})
INACTIVE_INVENTORY = (DocStatus.REJECTED, DocStatus.ERROR, DocStatus.CANCELLED, DocStatus.CUSTOMS_SEND_FAILED)
RELEASED_OR_LATER = (DocStatus.RELEASED, DocStatus.CLOSED)
NAMES_IN_MESSAGE = 5
DOC_NUMBER = {"order": "order_no", "logistics": "logistics_no", "inventory": "order_no"}
SINGLE_KEY_STATES: dict[str, frozenset[str]] = {
    "waybill": frozenset({DocStatus.STORED, DocStatus.REJECTED, DocStatus.ERROR}),
    "summary": frozenset({DocStatus.STORED, DocStatus.REJECTED, DocStatus.ERROR}),
    "cancel": frozenset({DocStatus.CLEARED, DocStatus.REJECTED, DocStatus.ERROR}),
}
FILING_LINKS = {"waybill": "/customs/manifests", "summary": "/customs/summaries", "cancel": "/customs/cancels"}


def once(merchant_id: int, key: str) -> bool:
    """True the first time ``key`` is claimed for this merchant, False ever after."""
    try:
        with transaction.atomic():
            CustomsNotice.objects.create(merchant_id=merchant_id, key=key)
    except IntegrityError:
        return False
    return True


def send(merchant: Merchant, *, kind: str, title: str, body: str, link: str, related: Any = None) -> None:
    notify(
        recipients=merchant_recipients(merchant.pk),
        merchant=merchant,
        kind=kind,
        title=title,
        body=body,
        link=link,
        related=related,
    )


def receipts_applied(moved: dict[str, list[Any]]) -> None:
    """Raise the messages for the documents one receipt message has just moved."""
    _problems(moved)
    inventory_batches = {doc.batch_id for doc in moved.get("inventory", []) if doc.batch_id}
    cancelled = [doc.inventory_id for doc in moved.get("cancel", []) if doc.status == DocStatus.CLEARED]
    if cancelled:  # a cancelled inventory leaves its batch: the rest may now all be 放行 or 结关
        inventory_batches |= set(
            Inventory.objects.filter(pk__in=cancelled, batch__isnull=False).values_list("batch_id", flat=True)
        )
    if inventory_batches:
        batch_milestones(inventory_batches)
    for kind in ("waybill", "summary", "cancel"):
        for doc in moved.get(kind, []):
            if doc.status in SINGLE_KEY_STATES[kind]:
                filing_changed(kind, doc)


def _problems(moved: dict[str, list[Any]]) -> None:
    groups: dict[tuple[int, str], list[Any]] = defaultdict(list)
    for kind in ("order", "logistics", "inventory"):
        for doc in moved.get(kind, []):
            if doc.status in PROBLEMS and doc.batch_id:
                groups[(doc.batch_id, kind)].append(doc)
    if not groups:
        return
    batches = Batch.objects.select_related("merchant").in_bulk({batch_id for batch_id, _ in groups})
    for (batch_id, kind), docs in sorted(groups.items(), key=lambda item: item[0]):
        batch = batches.get(batch_id)
        if batch is None:
            continue
        label = KIND_LABELS[kind]
        lines = []
        for doc in docs[:NAMES_IN_MESSAGE]:
            explained = explain_document(kind, doc)
            lines.append(f"{getattr(doc, DOC_NUMBER[kind])}：{explained.meaning}")
        more = f"\n……等共 {len(docs)} 票" if len(docs) > NAMES_IN_MESSAGE else ""
        next_step = explain_document(kind, docs[0]).next_step
        send(
            batch.merchant,
            kind="status",
            title=f"批次「{batch.name}」有 {len(docs)} 票{label}被海关退回",
            body="\n".join(lines) + more + f"\n下一步：{next_step}",
            link=f"/customs/orders?tab=status&batch={batch.pk}&status=problem",
            related=batch,
        )


def batch_milestones(batch_ids: Iterable[int]) -> None:
    """All inventories 放行 → a status message and the 总分单 to-do; all 结关 → a status message. Once each.

    The batch row is locked first, so two workers applying the last receipts of one batch side by
    side see each other's work (the second waits, then counts the committed statuses)."""
    for batch in Batch.objects.select_for_update().filter(pk__in=sorted(set(batch_ids))).order_by("pk"):
        counts = (
            Inventory.objects.filter(batch=batch)
            .exclude(status__in=INACTIVE_INVENTORY)
            .aggregate(
                active=Count("pk"),
                released=Count("pk", filter=Q(status__in=RELEASED_OR_LATER)),
                closed=Count("pk", filter=Q(status=DocStatus.CLOSED)),
            )
        )
        active = counts["active"]
        if not active:
            continue
        merchant = Merchant.objects.get(pk=batch.merchant_id)
        if counts["released"] == active and once(batch.merchant_id, f"batch:{batch.pk}:released"):
            send(
                merchant,
                kind="status",
                title=f"批次「{batch.name}」{active} 票清单已全部放行",
                body="海关已放行这个批次的全部出口清单，货物可以装运出境。",
                link=f"/customs/orders?tab=status&batch={batch.pk}",
                related=batch,
            )
            send(
                merchant,
                kind="todo",
                title=f"请提交批次「{batch.name}」的清单总分单",
                body="系统已自动关联全部已放行的运单，只需填写运输工具名称、航班航次号和提运单号，一键提交。",
                link=f"/customs/manifests?batch={batch.pk}",
                related=batch,
            )
        if counts["closed"] == active and once(batch.merchant_id, f"batch:{batch.pk}:closed"):
            send(
                merchant,
                kind="status",
                title=f"批次「{batch.name}」{active} 票清单已全部结关",
                body="货物已离境。下月 15 日前请把本月结关的清单做汇总申报，取得报关单号用于出口退税。",
                link="/customs/summaries",
                related=batch,
            )


def filing_changed(kind: str, doc: Any) -> None:
    explained = explain_document(kind, doc)
    merchant = Merchant.objects.get(pk=doc.merchant_id)
    number = {
        "waybill": lambda: f"提运单号 {doc.bill_no}",
        "summary": lambda: f"汇总申请 {doc.sum_no or doc.cop_no}",
        "cancel": lambda: f"清单 {doc.invt_no}",
    }[kind]()
    send(
        merchant,
        kind="status",
        title=f"{KIND_LABELS[kind]}（{number}）：{explained.label}",
        body=f"{explained.meaning}\n下一步：{explained.next_step}",
        link=f"{FILING_LINKS[kind]}?id={doc.pk}",
        related=doc,
    )


def summary_result_received(summary: Any, entry_id: str) -> None:
    merchant = Merchant.objects.get(pk=summary.merchant_id)
    send(
        merchant,
        kind="status",
        title=f"汇总申请已生成报关单，报关单号 {entry_id}",
        body="海关已按汇总申请生成报关单。报关单号已保存，办理出口退税时会自动带出。",
        link=f"/customs/summaries?id={summary.pk}",
        related=summary,
    )


# --- the monthly 汇总 reminder --------------------------------------------------------------------


def previous_month(today: date) -> str:
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    return f"{year:04d}-{month:02d}"


def summary_reminders(*, now: datetime | None = None) -> int:
    """Remind every merchant with last month's 结关 inventories not yet summarised, before the 15th.

    Two reminders at most a month: the first on any day from the 1st, the last from the 12th."""
    from jmt.customs.services.filings import summary_candidates_for_merchant

    today = timezone.localdate(now or timezone.now())
    if today.day > 15:
        return 0
    month = previous_month(today)
    stage = "last" if today.day >= 12 else "first"
    merchant_ids = (
        Inventory.objects.filter(status=DocStatus.CLOSED, statistics_flag="B")
        .values_list("merchant_id", flat=True)
        .distinct()
    )
    sent = 0
    for merchant in Merchant.objects.filter(pk__in=list(merchant_ids)).order_by("pk"):
        candidates = [c for c in summary_candidates_for_merchant(merchant) if c["month"] == month]
        count = sum(c["inventories"] for c in candidates)
        if not count:
            continue
        with transaction.atomic():
            if not once(merchant.pk, f"summary-due:{month}:{stage}"):
                continue
            year, mon = month.split("-")
            due = f"{today.year}年{today.month}月15日"
            send(
                merchant,
                kind="todo",
                title=f"请在 {due} 前提交 {int(year)}年{int(mon)}月 的汇总申请",
                body=f"上月有 {count} 票已结关的出口清单还没有汇总。汇总后海关生成报关单，报关单号用于出口退税。",
                link=f"/customs/summaries?month={month}",
            )
            sent += 1
    return sent
