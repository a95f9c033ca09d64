"""Reads of 跨境申报, generic over the filing type: the types' configuration, one merchant's filings,
the guided path (D1) and the back-office queue (DA). Every read starts from the actor's scope."""

from __future__ import annotations

from datetime import date, datetime, time
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from jmt.core.auth import Actor
from jmt.core.errors import NotFound, PermissionDenied
from jmt.documents.models import Document
from jmt.documents.selectors import document_out
from jmt.filings import forms, registry
from jmt.filings.models import Filing
from jmt.filings.spec import COMPLETED, EDITABLE_STATES, QUEUE_VIEW, FilingType
from jmt.merchants.models import Merchant
from jmt.merchants.profile import profile_values
from jmt.rbac.scope import merchant_in_scope, merchants_visible
from jmt.workflow import selectors as workflow
from jmt.workflow.graph import Side
from jmt.workflow.scope import read_filter


def type_out(ft: FilingType) -> dict[str, Any]:
    """The type's whole configuration: what the generic pages render."""
    return {
        "key": ft.key,
        "feature": ft.feature,
        "label": ft.label,
        "order": ft.order,
        "purpose": ft.purpose,
        "why_export": ft.why_export,
        "authority": ft.authority,
        "duration": ft.duration,
        "steps": list(ft.steps),
        "requires": list(ft.requires),
        "optional": ft.optional,
        "optional_note": ft.optional_note,
        "route": ft.route,
        "workflow_type": ft.graph_type,
        "sections": [
            {
                "title": section.title,
                "fields": [
                    {
                        "name": f.name,
                        "label": f.label,
                        "type": f.type,
                        "required": f.required,
                        "choices": list(f.choices),
                        "document_kind": f.document_kind,
                        "max_length": f.max_length,
                        "help": f.help,
                    }
                    for f in section.fields
                ],
            }
            for section in ft.sections
        ],
        "results": [
            {"name": r.name, "label": r.label, "required": r.required, "pattern_help": r.pattern_help}
            for r in ft.results
        ],
        "templates": [{"key": t.key, "title": t.title, "format": t.format} for t in ft.templates],
        "board": [{"key": s.key, "label": s.label} for s in ft.graph.board()],
    }


def types() -> list[dict[str, Any]]:
    return [type_out(ft) for ft in registry.all_types()]


def filings(*, actor: Actor) -> QuerySet[Filing]:
    parts = [Q(filing_type=ft.key) & read_filter(actor, ft.graph) for ft in registry.all_types()]
    if not parts:
        return Filing.objects.none()
    return Filing.objects.filter(reduce(or_, parts)).select_related("merchant")


def filing_get(*, actor: Actor, filing_id: int) -> Filing:
    filing = filings(actor=actor).filter(pk=filing_id).first()
    if filing is None:
        raise NotFound()
    return filing


def _documents(ft: FilingType, filing: Filing, download: str) -> list[dict[str, Any]]:
    ids = list(dict.fromkeys(forms.document_ids(ft, filing.data) + forms.document_ids(ft, filing.submitted_data)))
    by_id = {d.pk: d for d in Document.objects.filter(pk__in=ids, merchant_id=filing.merchant_id)}
    out = []
    for doc_id in ids:
        doc = by_id.get(doc_id)
        if doc is not None:
            row = document_out(doc)
            row["download_url"] = download.format(id=doc.pk)
            out.append(row)
    return out


def filing_out(filing: Filing, *, actor: Actor, admin: bool = False) -> dict[str, Any]:
    ft = registry.get(filing.filing_type)
    graph = ft.graph
    progress = workflow.progress(actor=actor, type_=graph.type, obj_id=filing.pk)
    return {
        "id": filing.pk,
        "type": ft.key,
        "type_label": ft.label,
        "workflow_type": graph.type,
        "title": filing.title,
        "merchant_id": filing.merchant_id,
        "state": filing.state,
        "state_label": graph.label_of(filing.state),
        "data": filing.data,
        "submitted_data": filing.submitted_data,
        "change_requests": filing.change_requests,
        "results": [
            {"name": r.name, "label": r.label, "value": str(filing.results.get(r.name) or "")}
            for r in ft.results
            if filing.results.get(r.name)
        ],
        "editable": filing.state in EDITABLE_STATES and merchant_in_scope(actor, ft.edit_code, filing.merchant_id),
        "origins": forms.origins(ft, filing.merchant),
        "created_at": filing.created_at,
        "updated_at": filing.updated_at,
        "submitted_at": filing.submitted_at,
        "completed_at": filing.completed_at,
        "documents": _documents(
            ft, filing, "/api/v1/admin/filings/documents/{id}/download" if admin else "/api/v1/documents/{id}/download"
        ),
        "progress": progress,
    }


def type_page(*, actor: Actor, type_key: str) -> dict[str, Any]:
    """One type's page: its configuration, the merchant's filing of it (or null) and the pre-filled values."""
    ft = registry.get(type_key)
    merchant = actor.merchant
    if merchant is None:
        raise NotFound()
    if not merchant_in_scope(actor, ft.view_code, merchant.pk):
        raise PermissionDenied(details={"permission": ft.view_code})
    merchant = Merchant.objects.get(pk=merchant.pk)
    filing = filings(actor=actor).filter(merchant=merchant, filing_type=ft.key).first()
    return {
        "type": type_out(ft),
        "filing": filing_out(filing, actor=actor) if filing else None,
        "prefill": forms.prefill(ft, merchant),
        "origins": forms.origins(ft, merchant),
        "can_edit": merchant_in_scope(actor, ft.edit_code, merchant.pk),
    }


# --- the guided path (D1) -----------------------------------------------------------------------

STATUS_LABELS = {
    "done": "已办结",
    "action": "待您处理",
    "waiting": "办理中",
    "todo": "待办理",
    "blocked": "需先办理前置业务",
}


def guide(*, actor: Actor) -> dict[str, Any]:
    """The filings as one path: done ones marked, pending ones prompted, the next one recommended."""
    merchant = actor.merchant
    if merchant is None:
        raise NotFound()
    rows = {f.filing_type: f for f in filings(actor=actor).filter(merchant_id=merchant.pk)}
    kinds = registry.all_types()
    done = {key for key, f in rows.items() if f.state == COMPLETED}
    steps: list[dict[str, Any]] = []
    for ft in kinds:
        filing = rows.get(ft.key)
        missing = [r for r in ft.requires if r not in done]
        if filing is not None and filing.state == COMPLETED:
            status = "done"
        elif filing is not None and Side.MERCHANT in ft.graph.waiting_on(filing.state):
            status = "action"
        elif filing is not None:
            status = "waiting"
        else:
            status = "blocked" if missing else "todo"
        steps.append(
            {
                "key": ft.key,
                "feature": ft.feature,
                "label": ft.label,
                "route": ft.route,
                "status": status,
                "status_label": STATUS_LABELS[status],
                "state_label": ft.graph.label_of(filing.state) if filing else "未开始",
                "filing_id": filing.pk if filing else None,
                "purpose": ft.purpose,
                "why_export": ft.why_export,
                "duration": ft.duration,
                "optional": ft.optional,
                "optional_note": ft.optional_note,
                "requires": [{"key": r, "label": registry.get(r).label, "done": r in done} for r in ft.requires],
                "results": [
                    {"name": r.name, "label": r.label, "value": str(filing.results.get(r.name) or "")}
                    for r in ft.results
                    if filing is not None and filing.results.get(r.name)
                ],
                "recommended": False,
            }
        )
    recommended = _recommend(steps)
    if recommended is not None:
        recommended["recommended"] = True
    return {
        "steps": steps,
        "done": sum(1 for s in steps if s["status"] == "done"),
        "total": len(steps),
        "next": recommended["key"] if recommended else None,
        "next_reason": _reason(recommended) if recommended else "全部申报已办结，可以开始 9610 出口申报。",
    }


def merchant_overview(merchant_id: int) -> list[dict[str, Any]]:
    """Each filing type on the guided path and where the merchant's filing of it stands, for what the
    platform itself tells the merchant (the assistant's hints): the merchant's own rows only."""
    rows = {f.filing_type: f for f in Filing.objects.filter(merchant_id=merchant_id)}
    out = []
    for ft in registry.all_types():
        filing = rows.get(ft.key)
        out.append(
            {
                "key": ft.key,
                "label": ft.label,
                "route": ft.route,
                "optional": ft.optional,
                "started": filing is not None,
                "done": filing is not None and filing.state == COMPLETED,
                "state_label": ft.graph.label_of(filing.state) if filing else "未开始",
            }
        )
    return out


def _recommend(steps: list[dict[str, Any]]) -> dict[str, Any] | None:
    """What to do next: something waiting on the merchant first, then the first open required step
    whose prerequisites are done, then an optional one."""
    for status in ("action",):
        hit = next((s for s in steps if s["status"] == status), None)
        if hit:
            return hit
    for optional in (False, True):
        hit = next((s for s in steps if s["status"] == "todo" and s["optional"] is optional), None)
        if hit:
            return hit
    return None


def _reason(step: dict[str, Any]) -> str:
    if step["status"] == "action":
        return f"「{step['label']}」在等您处理（{step['state_label']}）。{step['why_export']}"
    return f"建议下一步办理「{step['label']}」：{step['why_export']}"


# --- back office (DA) ---------------------------------------------------------------------------


def queue(
    *,
    actor: Actor,
    type_key: str | None = None,
    state: str | None = None,
    q: str = "",
    merchant_id: int | None = None,
    submitted_from: date | None = None,
    submitted_to: date | None = None,
    pending: bool = False,
) -> QuerySet[Filing]:
    rows = filings(actor=actor).filter(merchants_visible(actor, QUEUE_VIEW))
    if type_key:
        rows = rows.filter(filing_type=registry.get(type_key).key)
    if pending:
        rows = rows.filter(
            reduce(
                or_,
                [
                    Q(filing_type=ft.key, state__in=ft.graph.states_waiting_on(Side.PLATFORM))
                    for ft in registry.all_types()
                ],
            )
        )
    if state:
        rows = rows.filter(state=state)
    if merchant_id:
        rows = rows.filter(merchant_id=merchant_id)
    if q.strip():
        term = q.strip()
        rows = rows.filter(
            Q(title__icontains=term) | Q(merchant__name__icontains=term) | Q(merchant__credit_code__icontains=term)
        )
    tz = timezone.get_current_timezone()
    if submitted_from:
        rows = rows.filter(submitted_at__gte=datetime.combine(submitted_from, time.min, tzinfo=tz))
    if submitted_to:
        rows = rows.filter(submitted_at__lte=datetime.combine(submitted_to, time.max, tzinfo=tz))
    return rows.order_by("-submitted_at", "-created_at", "-pk")


def queue_row(filing: Filing) -> dict[str, Any]:
    ft = registry.get(filing.filing_type)
    return {
        "id": filing.pk,
        "type": ft.key,
        "type_label": ft.label,
        "workflow_type": ft.graph.type,
        "title": filing.title,
        "merchant_id": filing.merchant_id,
        "merchant_name": filing.merchant.display_name,
        "state": filing.state,
        "state_label": ft.graph.label_of(filing.state),
        "waiting_on": sorted(ft.graph.waiting_on(filing.state)),
        "submitted_at": filing.submitted_at,
        "state_changed_at": filing.state_changed_at,
    }


def admin_detail(*, actor: Actor, filing_id: int) -> dict[str, Any]:
    filing = queue(actor=actor).filter(pk=filing_id).first()
    if filing is None:
        raise NotFound()
    ft = registry.get(filing.filing_type)
    return {
        **filing_out(filing, actor=actor, admin=True),
        "type_config": type_out(ft),
        "merchant_name": filing.merchant.display_name,
        "profile": profile_values(filing.merchant),
    }


def admin_document(*, actor: Actor, document_id: int) -> Document:
    doc = Document.objects.filter(merchants_visible(actor, QUEUE_VIEW)).filter(pk=document_id).first()
    if doc is None:
        raise NotFound()
    return doc


def state_options() -> list[dict[str, str]]:
    """The states a filing can be in (the same keys in every filing graph), for the queue's filter."""
    seen: dict[str, str] = {}
    for ft in registry.all_types():
        for s in sorted(ft.graph.states, key=lambda s: s.order):
            seen.setdefault(s.key, s.label)
    return [{"key": k, "label": v} for k, v in seen.items()]
