"""The filings after declaration: 清单总分单 (C3, CEB607), 汇总申请单 (C4, CEB701), 撤销申请单 (C5, CEB605).

* 总分单: once a batch's inventories are released, the system links their waybills itself and asks
  only for what it cannot know (运输工具名称, 航班航次号, 提运单号). One WayBill per carrier.
* 汇总: the month's 结关 inventories (statistics flag B) not yet in a live 汇总, one SummaryApply per
  申报地海关; due by the 15th of the following month; the CEB792 result keeps the 报关单号.
* 撤销: from the 清单编号 the rest is filled in (guid, 电商企业代码, 报文传输的企业名称); the user gives
  the reason. A cancel waits ``CUSTOMS_CANCEL_GRACE_SECONDS`` (5 minutes) in the outbox before it goes
  to customs: in that window 「不再撤销」 takes it back. Once sent it cannot be recalled — the export
  message set has no way to withdraw a 605 — customs' answer decides.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Sum
from django.db.models.functions import Substr
from django.utils import timezone

from jmt.audit.services import record
from jmt.core.auth import Actor
from jmt.customs.codes.receipts import Explanation, explain_document
from jmt.customs.errors import CustomsError
from jmt.customs.models import (
    AppType,
    Batch,
    DocStatus,
    Inventory,
    InvtCancel,
    Outbox,
    OutboxState,
    SummaryApply,
    SummaryApplyLine,
    WayBill,
    WayBillLine,
    new_guid,
)
from jmt.customs.services.submission import _submit, schedule_dispatch, summary_submit, waybill_submit
from jmt.customs.xml.builders import build_ceb605

# Filings that no longer count (a new one may replace them).
DEAD = (DocStatus.REJECTED, DocStatus.ERROR, DocStatus.CUSTOMS_SEND_FAILED, DocStatus.WITHDRAWN)
RELEASED_OR_LATER = (DocStatus.RELEASED, DocStatus.CLOSED)
CANCELLABLE = (DocStatus.CLEARED, DocStatus.MANUAL_REVIEW, DocStatus.INSPECTION, DocStatus.RELEASED)
WITHDRAWABLE = (DocStatus.DRAFT, DocStatus.QUEUED, DocStatus.NEEDS_ATTENTION)
INACTIVE_INVENTORY = (DocStatus.REJECTED, DocStatus.ERROR, DocStatus.CANCELLED, DocStatus.CUSTOMS_SEND_FAILED)


def _grace() -> timedelta:
    return timedelta(seconds=settings.CUSTOMS_CANCEL_GRACE_SECONDS)


# --- 清单总分单 (C3) ----------------------------------------------------------------------------------


def linked_logistics_nos(batch: Batch) -> set[str]:
    """Waybill numbers already in a live 总分单 of this batch."""
    return set(
        WayBillLine.objects.filter(waybill__batch=batch)
        .exclude(waybill__status__in=DEAD)
        .values_list("logistics_no", flat=True)
    )


def manifest_candidates(batch: Batch) -> list[Inventory]:
    """Released (or closed) inventories of the batch whose waybill no live 总分单 carries yet."""
    linked = linked_logistics_nos(batch)
    released = Inventory.objects.filter(batch=batch, status__in=RELEASED_OR_LATER).order_by("pk")
    return [inv for inv in released if inv.logistics_no not in linked]


def manifest_state(batch: Batch) -> dict[str, Any]:
    inventories = Inventory.objects.filter(batch=batch).exclude(status__in=INACTIVE_INVENTORY)
    active = inventories.count()
    released = inventories.filter(status__in=RELEASED_OR_LATER).count()
    pending = manifest_candidates(batch)
    filed = WayBill.objects.filter(batch=batch).exclude(status__in=DEAD).count()
    return {
        "active": active,
        "released": released,
        "pending": pending,
        "filed": filed,
        "all_released": active > 0 and released == active,
        "ready": bool(pending),
    }


@transaction.atomic
def manifest_create(
    *, actor: Actor, batch: Batch, traf_name: str, voyage_no: str, bill_no: str, domestic_traf_no: str = ""
) -> list[WayBill]:
    """Build and submit the 总分单(s) of a batch from its released inventories, in one transaction."""
    batch = Batch.objects.select_for_update().get(pk=batch.pk)
    pending = manifest_candidates(batch)
    if not pending:
        released = Inventory.objects.filter(batch=batch, status__in=RELEASED_OR_LATER).exists()
        if released:  # everything released is already in a live 总分单: say so, not "nothing released"
            live = WayBill.objects.filter(batch=batch).exclude(status__in=DEAD).order_by("pk")
            raise CustomsError.manifest_already_filed(list(dict.fromkeys(live.values_list("bill_no", flat=True))))
        raise CustomsError.manifest_not_ready()
    by_carrier: dict[tuple[str, str], list[Inventory]] = defaultdict(list)
    for inventory in pending:
        by_carrier[(inventory.logistics_code, inventory.logistics_name)].append(inventory)
    serial = WayBill.objects.filter(batch=batch).count()
    created: list[WayBill] = []
    for (code, name), inventories in sorted(by_carrier.items()):
        sent = _sent_waybill(batch, bill_no.strip(), code)
        if sent is not None:  # the bill went to customs already: this is its 变更, not a second 新增
            created.append(_waybill_change(actor, batch, sent, inventories, traf_name, voyage_no, domestic_traf_no))
            continue
        serial += 1
        waybill = WayBill.objects.create(
            merchant=batch.merchant,
            batch=batch,
            customs_code=batch.customs_code,
            cop_no=f"WB{batch.pk:08d}{serial:04d}"[-30:],
            agent_code=batch.agent_code,
            agent_name=batch.agent_name,
            loct_no=batch.loct_no,
            traf_mode=batch.traf_mode,
            traf_name=traf_name.strip(),
            voyage_no=voyage_no.strip(),
            bill_no=bill_no.strip(),
            domestic_traf_no=domestic_traf_no.strip(),
            gross_weight=sum((inv.gross_weight for inv in inventories), Decimal(0)),
            logistics_code=code,
            logistics_name=name,
        )
        WayBillLine.objects.bulk_create(
            WayBillLine(waybill=waybill, gnum=gnum, logistics_no=inv.logistics_no, invt_no=inv.invt_no)
            for gnum, inv in enumerate(inventories, start=1)
        )
        waybill_submit(actor=actor, waybill=waybill, batch=batch)
        waybill.refresh_from_db()
        created.append(waybill)
    record(
        actor=actor,
        module="customs",
        action="manifest_create",
        obj=batch,
        before={},
        after={
            "waybills": [w.cop_no for w in created],
            "bill_no": bill_no,
            "traf_name": traf_name,
            "voyage_no": voyage_no,
            "logistics_nos": len(pending),
        },
    )
    return created


def _sent_waybill(batch: Batch, bill_no: str, logistics_code: str) -> WayBill | None:
    """The live 总分单 of this bill and carrier that has already left for customs, if any."""
    return (
        WayBill.objects.select_for_update()
        .filter(batch=batch, bill_no=bill_no, logistics_code=logistics_code)
        .exclude(status__in=(*DEAD, DocStatus.DRAFT))
        .order_by("-pk")
        .first()
    )


def _waybill_change(
    actor: Actor,
    batch: Batch,
    waybill: WayBill,
    inventories: list[Inventory],
    traf_name: str,
    voyage_no: str,
    domestic_traf_no: str,
) -> WayBill:
    """A second 总分单 for a bill already sent: the same 总分单 (same copNo) goes again as appType 2 (变更),
    carrying every waybill of the bill — the ones sent before and the newly released ones."""
    before = {"app_type": waybill.app_type, "status": waybill.status, "lines": waybill.lines.count()}
    start = max(waybill.lines.values_list("gnum", flat=True), default=0)
    WayBillLine.objects.bulk_create(
        WayBillLine(waybill=waybill, gnum=gnum, logistics_no=inv.logistics_no, invt_no=inv.invt_no)
        for gnum, inv in enumerate(inventories, start=start + 1)
    )
    waybill.app_type = AppType.CHANGE
    waybill.guid = new_guid()  # a new message of the same 总分单; customs matches it by copNo
    waybill.status = DocStatus.DRAFT
    waybill.return_status = waybill.return_time = waybill.return_info = ""
    waybill.traf_name = traf_name.strip() or waybill.traf_name
    waybill.voyage_no = voyage_no.strip() or waybill.voyage_no
    waybill.domestic_traf_no = domestic_traf_no.strip() or waybill.domestic_traf_no
    waybill.gross_weight = waybill.gross_weight + sum((inv.gross_weight for inv in inventories), Decimal(0))
    waybill.save()
    record(
        actor=actor,
        module="customs",
        action="waybill_change",
        obj=waybill,
        before=before,
        after={"app_type": waybill.app_type, "lines": waybill.lines.count(), "added": len(inventories)},
    )
    waybill_submit(actor=actor, waybill=waybill, batch=batch)
    waybill.refresh_from_db()
    return waybill


# --- 汇总申请单 (C4) ----------------------------------------------------------------------------------


def month_of(return_time: str) -> str:
    """``yyyyMM…`` → ``yyyy-MM`` (empty when the text is not such a time)."""
    head = return_time[:6]
    if len(head) < 6 or not head.isdigit() or not 1 <= int(head[4:]) <= 12:
        return ""
    return f"{head[:4]}-{head[4:]}"


def due_date_of(month: str) -> str:
    year, mon = (int(part) for part in month.split("-"))
    year, mon = (year, mon + 1) if mon < 12 else (year + 1, 1)
    return f"{year:04d}-{mon:02d}-15"


def _live_summary_lines(merchant: Any) -> Any:
    return SummaryApplyLine.objects.filter(summary__merchant=merchant).exclude(summary__status__in=DEAD)


def summarised_invt_nos(merchant: Any) -> set[str]:
    return set(_live_summary_lines(merchant).values_list("invt_no", flat=True))


def _closed_unsummarised_q(merchant: Any) -> Any:
    """结关 inventories of statistics flag B that no live 汇总 carries (one query, no rows loaded)."""
    return (
        Inventory.objects.filter(merchant=merchant, status=DocStatus.CLOSED, statistics_flag="B")
        .exclude(invt_no="")
        .exclude(invt_no__in=_live_summary_lines(merchant).values("invt_no"))
    )


def summary_candidates_for_merchant(merchant: Any) -> list[dict[str, Any]]:
    """Per month (of the 结关 receipt) and 申报地海关: how many 结关 inventories wait for a 汇总."""
    groups = (
        _closed_unsummarised_q(merchant)
        .annotate(closed_month=Substr("return_time", 1, 6))
        .values("closed_month", "customs_code")
        .annotate(inventories=Count("pk"), gross=Sum("gross_weight"))
    )
    today = timezone.localdate().isoformat()
    rows = []
    for group in groups:
        month = month_of(group["closed_month"] or "")
        if not month:
            continue
        due = due_date_of(month)
        rows.append(
            {
                "month": month,
                "customs_code": group["customs_code"],
                "inventories": group["inventories"],
                "gross_weight": group["gross"] or Decimal(0),
                "due_date": due,
                "overdue": today > due,
                "current_month": month == today[:7],
            }
        )
    rows.sort(key=lambda row: (row["month"], row["customs_code"]), reverse=True)
    return rows


@transaction.atomic
def summary_create(*, actor: Actor, merchant: Any, month: str, customs_code: str = "") -> SummaryApply:
    """One 汇总申请单 over the month's 结关 inventories not yet summarised, submitted at once."""
    # Serialise 汇总 creation per merchant: two clicks must not summarise the same inventories twice.
    type(merchant)._default_manager.select_for_update().filter(pk=merchant.pk).first()
    compact = month.replace("-", "")
    inventories = list(
        _closed_unsummarised_q(merchant).filter(return_time__startswith=compact).order_by("return_time", "pk")
    )
    if customs_code:
        inventories = [inv for inv in inventories if inv.customs_code == customs_code]
    if not inventories:
        raise CustomsError.summary_nothing(month)
    customs = customs_code or inventories[0].customs_code
    inventories = [inv for inv in inventories if inv.customs_code == customs]
    batch = Batch.objects.get(pk=inventories[-1].batch_id or 0)
    year, mon = (int(part) for part in month.split("-"))
    last_day = calendar.monthrange(year, mon)[1]
    serial = SummaryApply.objects.filter(merchant=merchant).count() + 1
    summary = SummaryApply.objects.create(
        merchant=merchant,
        customs_code=customs,
        cop_no=f"SUM{year:04d}{mon:02d}{merchant.pk:06d}{serial:04d}"[-30:],
        agent_code=batch.agent_code,
        agent_name=batch.agent_name,
        ebc_code=batch.ebc_code,
        ebc_name=batch.ebc_name,
        decl_agent_code=batch.agent_code,
        decl_agent_name=batch.agent_name,
        # The month, kept for our lists; CEB701 carries the invtNo list only (see build_ceb701).
        start_time=f"{year:04d}{mon:02d}01000000",
        end_time=f"{year:04d}{mon:02d}{last_day:02d}235959",
        loct_no=batch.loct_no,
    )
    SummaryApplyLine.objects.bulk_create(SummaryApplyLine(summary=summary, invt_no=inv.invt_no) for inv in inventories)
    summary_submit(actor=actor, summary=summary, batch=batch)
    summary.refresh_from_db()
    record(
        actor=actor,
        module="customs",
        action="summary_create",
        obj=summary,
        before={},
        after={"month": month, "customs_code": customs, "inventories": len(inventories)},
    )
    return summary


def summary_month(summary: SummaryApply) -> str:
    return month_of(summary.start_time) or month_of(timezone.localtime(summary.created_at).strftime("%Y%m"))


def summary_gross_weight(summary: SummaryApply) -> Decimal:
    invt_nos = list(summary.lines.values_list("invt_no", flat=True))
    total = Inventory.objects.filter(merchant=summary.merchant, invt_no__in=invt_nos).aggregate(s=Sum("gross_weight"))
    return total["s"] or Decimal(0)


# --- 撤销申请单 (C5) ----------------------------------------------------------------------------------


def cancel_prefill(inventory: Inventory) -> dict[str, str]:
    """What the system fills in from the 清单编号: guid, 电商企业代码, 报文传输的企业名称."""
    batch = inventory.batch
    return {
        "invt_no": inventory.invt_no,
        "inventory_guid": inventory.guid,
        "ebc_code": inventory.ebc_code,
        "ebc_name": inventory.ebc_name,
        "cop_name": batch.cop_name if batch else "",
        "customs_code": inventory.customs_code,
        "order_no": inventory.order_no,
        "logistics_no": inventory.logistics_no,
        "status": inventory.status,
        "status_label": explain_document("inventory", inventory).label,
    }


def cancel_check(inventory: Inventory) -> None:
    if inventory.status not in CANCELLABLE or not inventory.invt_no:
        raise CustomsError.cancel_not_allowed(inventory.status, explain_document("inventory", inventory).label)
    if inventory.invt_no in summarised_invt_nos(inventory.merchant):
        raise CustomsError.cancel_not_allowed(inventory.status, "已汇总")
    if inventory.cancels.exclude(status__in=DEAD).exists():
        raise CustomsError.cancel_pending()


@transaction.atomic
def cancel_create(*, actor: Actor, inventory: Inventory, reason: str) -> InvtCancel:
    inventory = Inventory.objects.select_for_update(of=("self",)).select_related("batch").get(pk=inventory.pk)
    cancel_check(inventory)
    batch = inventory.batch
    if batch is None:  # pragma: no cover - every declared inventory has its batch
        raise CustomsError.cancel_not_allowed(inventory.status, "无批次")
    serial = InvtCancel.objects.filter(inventory=inventory).count() + 1
    cancel = InvtCancel.objects.create(
        merchant=inventory.merchant,
        inventory=inventory,
        customs_code=inventory.customs_code,
        cop_no=f"CXL{inventory.pk:010d}{serial:03d}"[-30:],
        invt_no=inventory.invt_no,
        reason=reason.strip(),
        agent_code=inventory.agent_code,
        agent_name=inventory.agent_name,
        ebc_code=inventory.ebc_code,
        ebc_name=inventory.ebc_name,
    )
    _submit(InvtCancel.objects.filter(pk=cancel.pk), build_ceb605, batch=batch)
    cancel.refresh_from_db()
    # The grace window: 「不再撤销」 can still take it back until then.
    Outbox.objects.filter(message_id=cancel.message_id or 0).update(next_attempt_at=timezone.now() + _grace())
    record(
        actor=actor,
        module="customs",
        action="invt_cancel_create",
        obj=cancel,
        before={},
        after={"invt_no": cancel.invt_no, "reason": cancel.reason},
    )
    schedule_dispatch()
    return cancel


def cancel_sends_at(cancel: InvtCancel) -> Any:
    if cancel.status != DocStatus.QUEUED or cancel.message_id is None:
        return None
    row = Outbox.objects.filter(message_id=cancel.message_id, state=OutboxState.PENDING).first()
    return row.next_attempt_at if row else None


def explain_cancel(cancel: InvtCancel) -> Explanation:
    """A cancel held for its grace period says when it leaves (not "几秒内会发出")."""
    sends_at = cancel_sends_at(cancel)
    if sends_at is None:
        return explain_document("cancel", cancel)
    minutes = max(1, round(settings.CUSTOMS_CANCEL_GRACE_SECONDS / 60))
    at = timezone.localtime(sends_at).strftime("%H:%M:%S")
    return Explanation(
        "等待发出",
        f"撤销申请已生成；为留出「不再撤销」的时间，提交后约 {minutes} 分钟、于 {at} 发往海关",
        f"{at} 之前可点击「不再撤销」取回；发出后由海关审核，不能再取回",
        "processing",
    )


@transaction.atomic
def cancel_withdraw(*, actor: Actor, cancel: InvtCancel) -> InvtCancel:
    """「不再撤销」: take back a cancel that has not left for customs; refuse one already sent."""
    cancel = InvtCancel.objects.select_for_update().get(pk=cancel.pk)
    before = {"status": cancel.status}
    if cancel.status not in WITHDRAWABLE:
        raise CustomsError.cancel_not_withdrawable(explain_document("cancel", cancel).label)
    if cancel.message_id is not None:
        row = Outbox.objects.select_for_update(skip_locked=True).filter(message_id=cancel.message_id).first()
        now = timezone.now()
        if row is None and Outbox.objects.filter(message_id=cancel.message_id).exists():
            raise CustomsError.cancel_not_withdrawable("正在发送")  # a worker holds it right now
        if row is not None:
            if row.state == OutboxState.SENT or (row.lease_until and row.lease_until > now):
                raise CustomsError.cancel_not_withdrawable("正在发送")
            row.delete()  # the Message stays as the record of what was built
    cancel.status = DocStatus.WITHDRAWN
    cancel.return_info = "商户选择不再撤销"
    cancel.save(update_fields=["status", "return_info", "updated_at"])
    record(
        actor=actor,
        module="customs",
        action="invt_cancel_withdraw",
        obj=cancel,
        before=before,
        after={"status": cancel.status},
    )
    return cancel
