"""Every read of 收结汇, scoped by the acting user: the account and its ledger, settlements, the rate
board and trend, alerts, and the back office's queue and balance workbooks."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet

from jmt.core.auth import Actor
from jmt.core.errors import NotFound
from jmt.documents.models import Document
from jmt.fx import ledger, rates
from jmt.fx.flow import QUEUE_VIEW, SETTLEMENT
from jmt.fx.models import (
    Account,
    BalanceImport,
    EntryKind,
    LedgerEntry,
    RateAlert,
    RateSnapshot,
    RateSource,
    Settlement,
)
from jmt.merchants.models import Merchant
from jmt.rbac.scope import merchant_in_scope, merchants_visible
from jmt.workflow.scope import read_filter

SETTLEMENTS_VIEW = "fx:settlements:view"
RATES_VIEW = "fx:rates:view"
TREND_DAYS = {"7d": 7, "30d": 30, "1y": 365}


def money(amount: Decimal | None, currency: str = "USD") -> dict[str, str] | None:
    if amount is None:
        return None
    return {"amount": f"{amount:.2f}", "currency": currency}


def _own_merchant_id(actor: Actor, code: str) -> int:
    if actor.merchant is None or not merchant_in_scope(actor, code, actor.merchant.pk):
        raise NotFound()
    return int(actor.merchant.pk)


# --- the account ---


def account_summary_for(merchant_id: int) -> dict[str, Any] | None:
    account = Account.objects.filter(merchant_id=merchant_id).first()
    if account is None:
        return None
    totals = ledger.totals(account.pk)
    return {
        "sub_account_no": account.sub_account_no,
        "balance": money(totals.balance),
        "frozen": money(totals.frozen),
        "available": money(totals.available),
        "balance_date": account.balance_date,
        "updated_at": account.updated_at,
    }


def account_summary(*, actor: Actor) -> dict[str, Any] | None:
    return account_summary_for(_own_merchant_id(actor, SETTLEMENTS_VIEW))


def home_balance(actor: Actor) -> dict[str, Any] | None:
    """The home page's balance: USD, its update time, and 结汇中金额 while requests are pending."""
    if actor.merchant is None or not merchant_in_scope(actor, SETTLEMENTS_VIEW, actor.merchant.pk):
        return None
    summary = account_summary_for(actor.merchant.pk)
    if summary is None or summary["updated_at"] is None:
        return None
    return {
        "amount": summary["balance"]["amount"],
        "currency": "USD",
        "updated_at": summary["updated_at"].isoformat(),
        "frozen": summary["frozen"]["amount"] if Decimal(summary["frozen"]["amount"]) else None,
    }


def ledger_entries(*, actor: Actor, kind: str | None = None) -> QuerySet[LedgerEntry]:
    rows = LedgerEntry.objects.filter(merchant_id=_own_merchant_id(actor, SETTLEMENTS_VIEW))
    if kind:
        rows = rows.filter(kind=kind)
    return rows.select_related("settlement").order_by("-id")


def entry_out(entry: LedgerEntry) -> dict[str, Any]:
    return {
        "id": entry.pk,
        "kind": entry.kind,
        "kind_label": EntryKind(entry.kind).label,
        "amount": money(entry.amount),
        "frozen": money(entry.frozen),
        "balance_after": money(entry.balance_after),
        "frozen_after": money(entry.frozen_after),
        "balance_date": entry.balance_date,
        "note": entry.note,
        "settlement_id": entry.settlement_id,
        "settlement_number": entry.settlement.number if entry.settlement else None,
        "created_at": entry.created_at,
    }


# --- settlements ---


def settlements(*, actor: Actor) -> QuerySet[Settlement]:
    return Settlement.objects.filter(read_filter(actor, SETTLEMENT)).select_related("merchant")


def settlement_list(*, actor: Actor, state: str | None = None) -> QuerySet[Settlement]:
    rows = settlements(actor=actor).filter(merchant_id=_own_merchant_id(actor, SETTLEMENTS_VIEW))
    if state:
        rows = rows.filter(state=state)
    return rows.order_by("-created_at", "-id")


def settlement_get(*, actor: Actor, settlement_id: int) -> Settlement:
    found = (
        settlements(actor=actor)
        .filter(pk=settlement_id)
        .select_related("statement_document", "shipping_document")
        .first()
    )
    if found is None:
        raise NotFound()
    return found


def _doc(document: Document | None) -> dict[str, Any] | None:
    if document is None:
        return None
    return {"id": document.pk, "name": document.original_name, "content_type": document.content_type}


def settlement_out(s: Settlement) -> dict[str, Any]:
    return {
        "id": s.pk,
        "number": s.number,
        "state": s.state,
        "state_label": SETTLEMENT.label_of(s.state),
        "merchant_name": s.merchant.display_name,
        "amount": money(s.amount),
        "settle_date": s.settle_date,
        "rate": f"{s.rate:.4f}",
        "reference_rate": f"{s.reference_rate:.4f}" if s.reference_rate is not None else None,
        "reference_label": s.reference_label,
        "statement_document": _doc(s.statement_document) if s.statement_document_id else None,
        "shipping_document": _doc(s.shipping_document) if s.shipping_document_id else None,
        "remark": s.remark,
        "sub_account_no": s.sub_account_no,
        "bank_account": s.bank_account,
        "bank_name": s.bank_name,
        "legal_person": s.legal_person,
        "actual_rate": f"{s.actual_rate:.4f}" if s.actual_rate is not None else None,
        "cny_amount": money(s.cny_amount, "CNY"),
        "remaining_usd": money(s.remaining_usd),
        "reject_reason": s.reject_reason,
        "created_at": s.created_at,
        "completed_at": s.completed_at,
    }


def request_context(*, actor: Actor) -> dict[str, Any]:
    """What the 快速结汇 form shows before anything is typed."""
    merchant = Merchant.objects.get(pk=_own_merchant_id(actor, SETTLEMENTS_VIEW))
    reference = rates.settlement_reference()
    summary = account_summary_for(merchant.pk)
    return {
        "account": summary,
        "reference_rate": f"{reference.rate:.4f}" if reference else None,
        "reference_label": reference.label if reference else "",
        "profile": {
            "sub_account_no": (summary or {}).get("sub_account_no") or merchant.ccb_sub_account,
            "bank_account": merchant.bank_account,
            "bank_name": merchant.bank_name,
            "legal_person": merchant.legal_person,
        },
    }


# --- the rate board ---


def _quote(value: Decimal | None) -> str | None:
    return f"{value:.4f}" if value is not None else None


def board(*, actor: Actor) -> list[dict[str, Any]]:
    rows = []
    for currency in rates.board_currencies():
        latest = rates.latest_snapshot(currency)
        row: dict[str, Any] = {
            "currency": currency,
            "name": rates.CURRENCY_NAMES.get(currency, currency),
            "latest": None,
        }
        if latest is not None:
            previous = (
                RateSnapshot.objects.filter(currency=currency, rate_date__lt=latest.rate_date)
                .order_by("-rate_date", "-fetched_at", "-id")
                .first()
            )
            window = RateSnapshot.objects.filter(
                currency=currency, rate_date__gt=latest.rate_date - timedelta(days=30), rate_date__lte=latest.rate_date
            ).values_list("middle", flat=True)
            values = list(window)
            change = latest.middle - previous.middle if previous is not None else None
            row["latest"] = {
                "spot_buy": _quote(latest.spot_buy),
                "cash_buy": _quote(latest.cash_buy),
                "spot_sell": _quote(latest.spot_sell),
                "middle": _quote(latest.middle),
                "source": latest.source,
                "source_label": RateSource(latest.source).label,
                "rate_date": latest.rate_date,
                "published_at": latest.published_at,
                "fetched_at": latest.fetched_at,
                "previous_close": _quote(previous.middle) if previous else None,
                "change": _quote(change),
                "change_percent": f"{(change / previous.middle * 100):.2f}"
                if change is not None and previous
                else None,
                "high_30d": _quote(max(values)) if values else None,
                "low_30d": _quote(min(values)) if values else None,
            }
        rows.append(row)
    return rows


def trend(*, actor: Actor, currency: str, range_key: str) -> dict[str, Any]:
    """One point per published day (the day's last snapshot), up to the latest snapshot's day."""
    latest = rates.latest_snapshot(currency)
    points: dict[str, str] = {}
    if latest is not None:
        start = latest.rate_date - timedelta(days=TREND_DAYS[range_key])
        for day, middle in (
            RateSnapshot.objects.filter(currency=currency, rate_date__gt=start, rate_date__lte=latest.rate_date)
            .order_by("rate_date", "fetched_at", "id")
            .values_list("rate_date", "middle")
        ):
            points[day.isoformat()] = f"{middle:.4f}"
    return {
        "currency": currency,
        "range": range_key,
        "points": [{"date": day, "value": value} for day, value in points.items()],
    }


def alerts(*, actor: Actor) -> QuerySet[RateAlert]:
    return RateAlert.objects.filter(merchant_id=_own_merchant_id(actor, RATES_VIEW)).order_by("-created_at", "-id")


def alert_out(alert: RateAlert) -> dict[str, Any]:
    return {
        "id": alert.pk,
        "currency": alert.currency,
        "currency_name": rates.CURRENCY_NAMES.get(alert.currency, alert.currency),
        "direction": alert.direction,
        "direction_label": alert.get_direction_display(),
        "threshold": f"{alert.threshold:.4f}",
        "active": alert.active,
        "armed": alert.armed,
        "last_fired_at": alert.last_fired_at,
        "last_fired_rate": _quote(alert.last_fired_rate),
        "created_at": alert.created_at,
    }


# --- the back office ---


def queue(*, actor: Actor, state: str | None = None, q: str | None = None) -> QuerySet[Settlement]:
    rows = Settlement.objects.filter(merchants_visible(actor, QUEUE_VIEW)).select_related("merchant")
    if state:
        rows = rows.filter(state=state)
    if q:
        rows = rows.filter(Q(number__icontains=q) | Q(merchant__name__icontains=q))
    return rows.order_by("-created_at", "-id")


def admin_settlement(*, actor: Actor, settlement_id: int) -> dict[str, Any]:
    found = (
        queue(actor=actor).filter(pk=settlement_id).select_related("statement_document", "shipping_document").first()
    )
    if found is None:
        raise NotFound()
    out = settlement_out(found)
    out["account"] = account_summary_for(found.merchant_id)
    return out


def queue_counts(*, actor: Actor) -> dict[str, int]:
    rows = Settlement.objects.filter(merchants_visible(actor, QUEUE_VIEW))
    return {state.key: rows.filter(state=state.key).count() for state in SETTLEMENT.states}


def imports(*, actor: Actor) -> QuerySet[BalanceImport]:
    return BalanceImport.objects.select_related("uploaded_by").order_by("-created_at", "-id")


def import_get(*, actor: Actor, import_id: int) -> BalanceImport:
    found = imports(actor=actor).filter(pk=import_id).first()
    if found is None:
        raise NotFound()
    return found


def import_out(upload: BalanceImport, *, with_rows: bool = False, status: str | None = None) -> dict[str, Any]:
    from jmt.fx.imports import already_applied

    earlier = already_applied(upload) if upload.status != "applied" else None
    out: dict[str, Any] = {
        "id": upload.pk,
        "file_name": upload.file_name,
        "status": upload.status,
        "status_label": upload.get_status_display(),
        "total_rows": upload.total_rows,
        "valid_rows": upload.valid_rows,
        "error_rows": upload.total_rows - upload.valid_rows,
        "changed_rows": upload.changed_rows,
        "uploaded_by": (upload.uploaded_by.name or upload.uploaded_by.username) if upload.uploaded_by else "",
        "created_at": upload.created_at,
        "applied_at": upload.applied_at,
        "already_applied_at": earlier.applied_at if earlier else None,
    }
    if with_rows:
        rows = upload.rows
        if status:
            rows = [r for r in rows if r["status"] == status]
        out["rows"] = rows
    return out
