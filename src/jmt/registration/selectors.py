"""Reads of 工商注册: the merchant's current application, pre-fill values, the back-office queue."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from jmt.core.auth import Actor
from jmt.core.errors import NotFound
from jmt.documents.models import Document, DocumentKind
from jmt.documents.selectors import document_out
from jmt.merchants.models import Merchant
from jmt.merchants.profile import editable_fields, profile_locked, profile_values, suggestions_from_document
from jmt.rbac.scope import merchant_in_scope, merchants_visible
from jmt.registration import forms
from jmt.registration.flow import QUEUE_VIEW, REGISTRATION
from jmt.registration.models import Application, ApplicationKind
from jmt.registration.services import EDITABLE_STATES, code_for
from jmt.workflow import selectors as workflow
from jmt.workflow.graph import Side
from jmt.workflow.scope import read_filter

OCR_KINDS = (
    DocumentKind.BUSINESS_LICENCE,
    DocumentKind.ID_CARD_FRONT,
    DocumentKind.ID_CARD_BACK,
    DocumentKind.BANK_PERMIT,
)


def applications(*, actor: Actor) -> QuerySet[Application]:
    return Application.objects.filter(read_filter(actor, REGISTRATION)).select_related("merchant")


def application_get(*, actor: Actor, application_id: int) -> Application:
    app = applications(actor=actor).filter(pk=application_id).first()
    if app is None:
        raise NotFound()
    return app


def current_application(*, actor: Actor) -> Application | None:
    """The merchant's open application, else its approved one, else None."""
    if actor.merchant is None:
        return None
    rows = applications(actor=actor).filter(merchant_id=actor.merchant.pk)
    return rows.exclude(state="approved").order_by("-created_at").first() or rows.order_by("-created_at").first()


def _documents(app: Application, download: str) -> list[dict[str, Any]]:
    ids = forms.document_ids(app.kind, app.data)
    by_id = {d.pk: d for d in Document.objects.filter(pk__in=ids, merchant_id=app.merchant_id)}
    out = []
    for doc_id in dict.fromkeys(ids):
        doc = by_id.get(doc_id)
        if doc is None:
            continue
        row = document_out(doc)
        row["download_url"] = download.format(id=doc.pk)
        row["ocr_fields"] = (doc.ocr_result or {}).get("fields", [])
        out.append(row)
    return out


def application_out(app: Application, *, actor: Actor, admin: bool = False) -> dict[str, Any]:
    steps = forms.steps_of(app.kind)
    progress = workflow.progress(actor=actor, type_=REGISTRATION.type, obj_id=app.pk)
    rejected = app.state == "rejected"
    return {
        "id": app.pk,
        "kind": app.kind,
        "kind_label": app.get_kind_display(),
        "title": app.title,
        "name": forms.full_name(app.kind, app.data),
        "state": app.state,
        "state_label": REGISTRATION.label_of(app.state),
        "step": app.step,
        "steps": [{"key": s.key, "title": s.title} for s in steps],
        "data": app.data,
        "editable": app.state in EDITABLE_STATES and merchant_in_scope(actor, code_for(app.kind), app.merchant_id),
        "rejection_reason": progress["last_comment"] if rejected else "",
        "created_at": app.created_at,
        "updated_at": app.updated_at,
        "submitted_at": app.submitted_at,
        "approved_at": app.approved_at,
        "documents": _documents(
            app,
            "/api/v1/admin/registration/documents/{id}/download" if admin else "/api/v1/documents/{id}/download",
        ),
        "progress": progress,
    }


def prefill(*, actor: Actor) -> dict[str, Any]:
    """Profile values, the OCR values of the newest recognised document of each kind, and per kind of
    application the step values they pre-fill (profile first, OCR values fill what is still empty)."""
    merchant = actor.merchant
    if merchant is None:
        raise NotFound()
    merchant = Merchant.objects.get(pk=merchant.pk)
    profile = profile_values(merchant)
    suggestions = []
    merged = dict(profile)
    for kind in OCR_KINDS:
        doc = (
            Document.objects.filter(merchant=merchant, kind=kind, ocr_result__isnull=False)
            .order_by("-created_at", "-id")
            .first()
        )
        if doc is None:
            continue
        values = suggestions_from_document(doc)
        suggestions.append(
            {"document_id": doc.pk, "kind": kind, "kind_label": DocumentKind(kind).label, "values": values}
        )
        for key, value in values.items():
            if merged.get(key) in (None, ""):
                merged[key] = value
    return {
        "profile": profile,
        "locked": profile_locked(merchant),
        "editable_fields": sorted(editable_fields(merchant, staff=False)),
        "suggestions": suggestions,
        "defaults": {kind: forms.defaults(kind, merged) for kind in ApplicationKind.values},
        "registration_status": merchant.registration_status,
    }


# --- back office ---------------------------------------------------------------------------------


def queue(
    *,
    actor: Actor,
    kind: str | None = None,
    state: str | None = None,
    q: str = "",
    submitted_from: date | None = None,
    submitted_to: date | None = None,
    pending: bool = False,
) -> QuerySet[Application]:
    rows = applications(actor=actor).filter(merchants_visible(actor, QUEUE_VIEW))
    if pending:
        rows = rows.filter(state__in=REGISTRATION.states_waiting_on(Side.PLATFORM))
    if kind:
        rows = rows.filter(kind=kind)
    if state:
        rows = rows.filter(state=state)
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


def queue_row(app: Application) -> dict[str, Any]:
    return {
        "id": app.pk,
        "kind": app.kind,
        "kind_label": app.get_kind_display(),
        "title": app.title,
        "merchant_id": app.merchant_id,
        "merchant_name": app.merchant.display_name,
        "credit_code": app.merchant.credit_code or str((app.data.get("licence") or {}).get("credit_code") or ""),
        "state": app.state,
        "state_label": REGISTRATION.label_of(app.state),
        "waiting_on": sorted(REGISTRATION.waiting_on(app.state)),
        "submitted_at": app.submitted_at,
        "state_changed_at": app.state_changed_at,
        "created_at": app.created_at,
    }


def admin_detail(*, actor: Actor, application_id: int) -> dict[str, Any]:
    app = queue(actor=actor).filter(pk=application_id).first()
    if app is None:
        raise NotFound()
    merchant = app.merchant
    return {
        **application_out(app, actor=actor, admin=True),
        "merchant": {
            "id": merchant.pk,
            "name": merchant.display_name,
            "registration_status": merchant.registration_status,
            "registration_status_label": merchant.get_registration_status_display(),
        },
        "profile": profile_values(merchant),
        "field_labels": {f"{s.key}.{f.name}": f.label for s in forms.steps_of(app.kind) for f in s.fields},
    }


def admin_document(*, actor: Actor, document_id: int) -> Document:
    doc = Document.objects.filter(merchants_visible(actor, QUEUE_VIEW)).filter(pk=document_id).first()
    if doc is None:
        raise NotFound()
    return doc


def queue_counts(*, actor: Actor) -> list[dict[str, Any]]:
    return workflow.queue_counts(actor=actor, type_=REGISTRATION.type)
