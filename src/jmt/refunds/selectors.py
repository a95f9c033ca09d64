"""Every read of 出口退税, scoped by the acting user: the merchant's own claims, or the back office's scope."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet

from jmt.core.auth import Actor
from jmt.core.errors import NotFound
from jmt.customs import selectors as customs
from jmt.documents.selectors import document_out
from jmt.rbac.scope import merchants_visible
from jmt.refunds import readiness
from jmt.refunds.errors import RefundsError
from jmt.refunds.flow import CLAIM, MANAGE_VIEW, VIEW
from jmt.refunds.models import Claim, ClaimDeclaration, FileRole


def simplified_key(month: str) -> str:
    return f"A-{month}"


def customs_rows(actor: Actor) -> list[dict[str, Any]]:
    """The merchant's customs declarations as the claim form offers them, each with its ``key``."""
    rows = customs.refund_declarations(actor=actor)
    for row in rows:
        row["key"] = row["entry_id"] or simplified_key(row["month"])
    return rows


def declaration_options(*, actor: Actor, claim_id: int | None = None) -> list[dict[str, Any]]:
    merchant = acting_merchant(actor)
    taken = taken_entries(merchant.pk, exclude_claim=claim_id)
    out = []
    for row in customs_rows(actor):
        deadline = None
        if row["month"]:
            year, month = (int(x) for x in row["month"].split("-"))
            due = readiness.deadline_for(date(year, month, 1))
            days = (due - readiness.today()).days
            deadline = {"date": due, "days_left": days, "overdue": days < 0}
        out.append(
            {
                **row,
                "amount": _money(Decimal(row["amount"]), row["currency"] or "USD"),
                "taken_by": taken.get(row["entry_id"], "") if row["entry_id"] else "",
                "deadline": deadline,
            }
        )
    return out


def acting_merchant(actor: Actor) -> Any:
    merchant = actor.merchant
    if merchant is None:
        raise RefundsError.merchant_required()
    if not merchant.registration_approved:
        raise RefundsError.module_closed()
    return merchant


def claims(*, actor: Actor, state: str = "") -> QuerySet[Claim]:
    rows = Claim.objects.filter(merchants_visible(actor, VIEW), merchant=acting_merchant(actor))
    if state:
        rows = rows.filter(state=state)
    return rows.order_by("-created_at", "-pk")


def claim_get(*, actor: Actor, claim_id: int, lock: bool = False) -> Claim:
    rows = claims(actor=actor)
    if lock:
        rows = rows.select_for_update()
    found = rows.filter(pk=claim_id).first()
    if found is None:
        raise NotFound()
    return found


def admin_claims(
    *,
    actor: Actor,
    merchant_id: int | None = None,
    state: str = "",
    q: str = "",
    month_from: date | None = None,
    month_to: date | None = None,
    amount_min: Decimal | None = None,
    amount_max: Decimal | None = None,
) -> QuerySet[Claim]:
    rows = Claim.objects.filter(merchants_visible(actor, MANAGE_VIEW)).select_related("merchant")
    if merchant_id:
        rows = rows.filter(merchant_id=merchant_id)
    if state:
        rows = rows.filter(state=state)
    if q.strip():
        text = q.strip()
        rows = rows.filter(
            Q(claim_no__icontains=text) | Q(merchant__name__icontains=text) | Q(declarations__entry_id__icontains=text)
        ).distinct()
    if month_from:
        rows = rows.filter(declarations__export_month__gte=month_from.replace(day=1)).distinct()
    if month_to:
        rows = rows.filter(declarations__export_month__lte=month_to).distinct()
    if amount_min is not None:
        rows = rows.filter(amount__gte=amount_min)
    if amount_max is not None:
        rows = rows.filter(amount__lte=amount_max)
    return rows.order_by("-submitted_at", "-pk")


def admin_claim_get(*, actor: Actor, claim_id: int, lock: bool = False) -> Claim:
    rows = Claim.objects.filter(merchants_visible(actor, MANAGE_VIEW))
    if lock:
        rows = rows.select_for_update()
    found = rows.filter(pk=claim_id).first()
    if found is None:
        raise NotFound()
    return found


def admin_state_counts(*, actor: Actor) -> list[dict[str, Any]]:
    rows = Claim.objects.filter(merchants_visible(actor, MANAGE_VIEW))
    return [
        {"state": s.key, "label": s.label, "count": rows.filter(state=s.key).count()}
        for s in sorted(CLAIM.states, key=lambda s: s.order)
    ]


def _money(amount: Decimal | None, currency: str) -> dict[str, str] | None:
    if amount is None:
        return None
    return {"amount": f"{amount:.2f}", "currency": currency}


def deadline_of(claim: Claim) -> dict[str, Any] | None:
    months = [d.export_month for d in claim.declarations.all()]
    if not months:
        return None
    due = readiness.deadline_for(min(months))
    days = (due - readiness.today()).days
    return {"date": due, "days_left": days, "overdue": days < 0}


def claim_row(claim: Claim) -> dict[str, Any]:
    declarations = list(claim.declarations.all())
    return {
        "id": claim.pk,
        "claim_no": claim.claim_no,
        "merchant_id": claim.merchant_id,
        "merchant_name": claim.merchant.name,
        "state": claim.state,
        "state_label": CLAIM.label_of(claim.state),
        "node": CLAIM.board_node_of(claim.state).label,
        "amount": _money(claim.amount, claim.currency),
        "refund_received": _money(claim.refund_received, "CNY"),
        "entry_ids": [d.entry_id for d in declarations],
        "months": sorted({d.export_month.strftime("%Y-%m") for d in declarations}),
        "deadline": deadline_of(claim),
        "reject_reason": claim.reject_reason,
        "submitted_at": claim.submitted_at,
        "created_at": claim.created_at,
        "state_changed_at": claim.state_changed_at,
    }


def _file(f: Any, download: str) -> dict[str, Any]:
    out = document_out(f.document)
    return {
        "role": f.role,
        "role_label": FileRole(f.role).label,
        "document": {**out, "download_url": download.format(id=f.document_id)},
    }


def claim_out(claim: Claim, *, admin: bool = False) -> dict[str, Any]:
    download = "/api/v1/admin/refunds/documents/{id}/download" if admin else "/api/v1/documents/{id}/download"
    lines = readiness.as_dicts(claim)
    return {
        **claim_row(claim),
        "computed_amount": _money(claim.computed_amount, claim.currency),
        "amount_reason": claim.amount_reason,
        "editable": claim.state in ("draft", "rejected"),
        "declarations": [
            {
                "entry_id": d.entry_id,
                "source": d.source,
                "source_label": d.get_source_display(),
                "month": d.export_month.strftime("%Y-%m"),
                "amount": _money(d.amount, d.currency),
                "goods": d.goods,
            }
            for d in claim.declarations.order_by("export_month", "entry_id")
        ],
        "files": [
            _file(f, download) for f in claim.files.select_related("document__uploaded_by").order_by("role", "pk")
        ],
        "fx_confirmed_at": claim.fx_confirmed_at,
        "fx_note": claim.fx_note,
        "received_on": claim.received_on,
        "readiness": lines,
        "ready": all(line["ok"] for line in lines),
        "offline_steps": [
            {
                "id": s.pk,
                "title": s.title,
                "note": s.note,
                "done_on": s.done_on,
                "recorded_by": s.recorded_by.display_name if s.recorded_by else "",
                "created_at": s.created_at,
            }
            for s in claim.offline_steps.select_related("recorded_by").order_by("-done_on", "-pk")
        ],
    }


def taken_entries(merchant_id: int, exclude_claim: int | None = None) -> dict[str, str]:
    rows = ClaimDeclaration.objects.filter(merchant_id=merchant_id).select_related("claim")
    if exclude_claim:
        rows = rows.exclude(claim_id=exclude_claim)
    return {d.entry_id: d.claim.claim_no for d in rows}


def admin_document(*, actor: Actor, document_id: int) -> Any:
    """A document attached to a claim the actor may see in 退税管理 (preview and zip)."""
    from jmt.documents.models import Document

    claim_ids = Claim.objects.filter(merchants_visible(actor, MANAGE_VIEW)).values("pk")
    found = Document.objects.filter(pk=document_id, refund_claim_files__claim__in=claim_ids).first()
    if found is None:
        raise NotFound()
    return found
