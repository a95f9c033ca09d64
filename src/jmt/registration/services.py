"""Every write of 工商注册: create an application, save a wizard step, submit, confirm OCR values.

State moves go through ``jmt.workflow.services.transition`` (the one writer of state); the back
office moves applications with the generic ``/workflow/registration/{id}/transitions`` endpoint.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from jmt.audit.services import record, snapshot
from jmt.core.auth import Actor
from jmt.core.errors import NotFound, PermissionDenied
from jmt.documents.models import Document
from jmt.documents.selectors import EDIT as DOCUMENTS_EDIT
from jmt.documents.selectors import document_get
from jmt.merchants.models import Merchant
from jmt.merchants.profile import DOCUMENT_FIELD_OF_KIND, OCR_TO_PROFILE, merchant_type_from, profile_update
from jmt.rbac.scope import merchant_in_scope
from jmt.registration import forms
from jmt.registration.errors import RegistrationError
from jmt.registration.flow import APPLY, REGISTRATION, SUPPLEMENT
from jmt.registration.models import Application, ApplicationKind
from jmt.workflow import services as workflow
from jmt.workflow.scope import can_read

EDITABLE_STATES = frozenset({"draft", "rejected"})
AUDIT_FIELDS = ("kind", "title", "state", "step", "data")


def code_for(kind: str) -> str:
    """R1 (新办) is written with 工商注册办理's code, R2 with 已注册企业信息补充's."""
    return SUPPLEMENT if kind == ApplicationKind.EXISTING else APPLY


def open_application(merchant: Merchant) -> Application | None:
    return Application.objects.filter(merchant=merchant).exclude(state="approved").order_by("-created_at").first()


def _locked(actor: Actor, application_id: int) -> Application:
    """The application, locked; 404 outside the actor's read scope, 403 without its write code."""
    app = Application.objects.select_for_update().filter(pk=application_id).first()
    if app is None or not can_read(actor, REGISTRATION, app.merchant_id):
        raise NotFound()
    if not merchant_in_scope(actor, code_for(app.kind), app.merchant_id):
        raise PermissionDenied(details={"permission": code_for(app.kind)})
    return app


def _editable(app: Application) -> None:
    if app.state not in EDITABLE_STATES:
        raise RegistrationError.not_editable(REGISTRATION.label_of(app.state))


@transaction.atomic
def application_create(*, actor: Actor, kind: str) -> Application:
    merchant = actor.merchant
    code = code_for(kind)
    if merchant is None or not merchant_in_scope(actor, code, merchant.pk):
        raise PermissionDenied(details={"permission": code})
    merchant = Merchant.objects.select_for_update().get(pk=merchant.pk)  # one open application at a time
    if merchant.registration_approved:
        raise RegistrationError.already_approved()
    existing = open_application(merchant)
    if existing is not None:
        raise RegistrationError.open_exists(existing.pk)
    app = Application.objects.create(
        merchant=merchant,
        kind=kind,
        state=REGISTRATION.initial,
        title=merchant.name or ApplicationKind(kind).label,
        created_by=actor.user,
    )
    workflow.start(actor=actor, obj=app)
    record(actor=actor, module="registration", action="create", obj=app, before={}, after=snapshot(app, AUDIT_FIELDS))
    return app


@transaction.atomic
def application_save_step(*, actor: Actor, application_id: int, step: str, values: dict[str, Any]) -> Application:
    """Save one wizard step as a draft: only this step's values, checked leniently (formats only)."""
    app = _locked(actor, application_id)
    _editable(app)
    index = forms.step_index(app.kind, step)
    if index is None:
        raise RegistrationError.step_unknown(step)
    spec = forms.steps_of(app.kind)[index]
    cleaned, errors = forms.clean_step(kind=app.kind, step=spec, values=values, merchant=app.merchant, strict=False)
    if errors:
        raise RegistrationError.invalid(errors)
    before = snapshot(app, AUDIT_FIELDS)
    app.data = {**app.data, step: cleaned}
    app.step = max(app.step, min(index + 1, len(forms.steps_of(app.kind))))
    app.title = forms.full_name(app.kind, app.data) or app.merchant.name or ApplicationKind(app.kind).label
    app.updated_at = timezone.now()
    app.save(update_fields=["data", "step", "title", "updated_at"])
    record(
        actor=actor,
        module="registration",
        action="save_step",
        obj=app,
        before=before,
        after=snapshot(app, AUDIT_FIELDS),
    )
    return app


def validate_all(app: Application) -> None:
    """Every step in full: ``REGISTRATION_INCOMPLETE`` with per-field messages and the first step to fix."""
    errors: dict[str, str] = {}
    first: int | None = None
    for index, spec in enumerate(forms.steps_of(app.kind)):
        _, step_errors = forms.clean_step(
            kind=app.kind, step=spec, values=app.data.get(spec.key) or {}, merchant=app.merchant, strict=True
        )
        if step_errors and first is None:
            first = index
        errors.update(step_errors)
    if errors:
        raise RegistrationError.incomplete(errors, first or 0)


@transaction.atomic
def application_submit(*, actor: Actor, application_id: int) -> Application:
    """提交 (or 重新提交 after 驳回): full check, then 材料填报 → 材料初审."""
    app = _locked(actor, application_id)
    _editable(app)
    validate_all(app)
    workflow.transition(actor=actor, obj=app, to="review")
    app.refresh_from_db()
    return app


@transaction.atomic
def ocr_confirm(*, actor: Actor, document_id: int, values: dict[str, Any]) -> Merchant:
    """Write the (possibly corrected) values read off one of the merchant's documents into its profile,
    with the document itself as the profile's evidence for them."""
    document: Document = document_get(actor=actor, document_id=document_id, code=DOCUMENTS_EDIT)
    offered = set(OCR_TO_PROFILE.get(document.kind, {}).values())
    if "company_type" in offered:
        offered.add("merchant_type")
    unknown = sorted(set(values) - offered)
    if unknown:
        raise RegistrationError.invalid({f: "该文件不提供此项信息" for f in unknown})
    changes = {k: v for k, v in values.items() if v not in (None, "")}
    if "company_type" in changes and "merchant_type" not in changes:
        changes["merchant_type"] = merchant_type_from(str(changes["company_type"]))
    doc_field = DOCUMENT_FIELD_OF_KIND.get(document.kind)
    if doc_field:
        changes[doc_field] = document.pk
    return profile_update(actor=actor, merchant=document.merchant, changes=changes, staff=False)
