"""Every write of 跨境申报, generic over the filing type.

Merchant: ``filing_create`` (pre-filled), ``filing_save`` (draft, formats only), ``filing_submit``
(full check, then the graph's 提交). Back office: ``filing_request_changes`` (a comment per field,
shown on the merchant's fields), ``filing_approve`` (records the resulting numbers, 办结), and
``filing_move`` for the comment-only moves (受理并递交, 驳回). State moves go through
``jmt.workflow.services.transition``, which writes the timeline, the audit entry and the messages
(站内信 + WeChat push) of every status change.
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from jmt.audit.services import record, snapshot
from jmt.core.auth import Actor
from jmt.core.errors import NotFound, PermissionDenied
from jmt.filings import forms, registry
from jmt.filings.errors import FilingError
from jmt.filings.models import Filing
from jmt.filings.spec import COMPLETED, EDITABLE_STATES, HANDLING, RETURNED, REVIEW, REVIEWING, FilingType
from jmt.merchants.models import Merchant
from jmt.rbac.scope import merchant_in_scope
from jmt.workflow import services as workflow
from jmt.workflow.scope import can_read

AUDIT_FIELDS = ("filing_type", "title", "state", "data", "change_requests", "results")


def _locked(actor: Actor, filing_id: int, code: str | None = None) -> tuple[FilingType, Filing]:
    """The filing, locked; 404 outside the actor's read scope, 403 without ``code`` (default: the type's edit code)."""
    filing = Filing.objects.select_for_update().filter(pk=filing_id).first()
    if filing is None:
        raise NotFound()
    ft = registry.get(filing.filing_type)
    if not can_read(actor, ft.graph, filing.merchant_id):
        raise NotFound()
    needed = code or ft.edit_code
    if not merchant_in_scope(actor, needed, filing.merchant_id):
        raise PermissionDenied(details={"permission": needed})
    return ft, filing


@transaction.atomic
def filing_create(*, actor: Actor, type_key: str) -> Filing:
    """Start a filing of this type, every field pre-filled from the profile, the vault and earlier filings."""
    ft = registry.get(type_key)
    merchant = actor.merchant
    if merchant is None or not merchant_in_scope(actor, ft.edit_code, merchant.pk):
        raise PermissionDenied(details={"permission": ft.edit_code})
    merchant = Merchant.objects.select_for_update().get(pk=merchant.pk)
    existing = Filing.objects.filter(merchant=merchant, filing_type=ft.key).first()
    if existing is not None:
        raise FilingError.exists(existing.pk)
    try:
        with transaction.atomic():
            filing = Filing.objects.create(
                merchant=merchant,
                filing_type=ft.key,
                state=ft.graph.initial,
                title=merchant.name or ft.label,
                data=forms.prefill(ft, merchant),
                created_by=actor.user,
            )
    except IntegrityError:  # pragma: no cover - the merchant row lock serialises creation
        raise FilingError.exists(Filing.objects.get(merchant=merchant, filing_type=ft.key).pk) from None
    workflow.start(actor=actor, obj=filing)
    record(
        actor=actor,
        module="filings",
        action="filing_create",
        obj=filing,
        before={},
        after=snapshot(filing, AUDIT_FIELDS),
    )
    return filing


@transaction.atomic
def filing_save(*, actor: Actor, filing_id: int, values: dict[str, Any]) -> Filing:
    """Save the draft: the values given replace the stored ones; only formats are checked."""
    ft, filing = _locked(actor, filing_id)
    if filing.state not in EDITABLE_STATES:
        raise FilingError.not_editable(ft.graph.label_of(filing.state))
    merged = {**filing.data, **values}
    cleaned, errors = forms.clean(ft, merged, filing.merchant, strict=False)
    if errors:
        raise FilingError.invalid(errors)
    before = snapshot(filing, AUDIT_FIELDS)
    filing.data = cleaned
    filing.title = str(cleaned.get("name") or filing.merchant.name or ft.label)[:200]
    filing.updated_at = timezone.now()
    filing.save(update_fields=["data", "title", "updated_at"])
    record(
        actor=actor,
        module="filings",
        action="filing_save",
        obj=filing,
        before=before,
        after=snapshot(filing, AUDIT_FIELDS),
    )
    return filing


@transaction.atomic
def filing_submit(*, actor: Actor, filing_id: int) -> Filing:
    """提交 (or 重新提交 after 退回修改): every field checked, then 填写材料 / 待修改 → 捷晶审核."""
    ft, filing = _locked(actor, filing_id)
    if filing.state not in EDITABLE_STATES:
        raise FilingError.not_editable(ft.graph.label_of(filing.state))
    _, errors = forms.clean(ft, filing.data, filing.merchant, strict=True)
    if errors:
        raise FilingError.incomplete(errors)
    workflow.transition(actor=actor, obj=filing, to=REVIEWING)
    filing.refresh_from_db()
    return filing


@transaction.atomic
def filing_request_changes(*, actor: Actor, filing_id: int, fields: dict[str, str], comment: str = "") -> Filing:
    """退回修改 with a comment per field; the merchant sees each on its field."""
    ft, filing = _locked(actor, filing_id, REVIEW)
    if filing.state not in (REVIEWING, HANDLING):
        raise FilingError.wrong_state(ft.graph.label_of(filing.state), "退回修改")
    notes = {name: str(text).strip() for name, text in fields.items() if str(text).strip()}
    unknown = {name: "没有这个填写项" for name in notes if ft.field(name) is None}
    if unknown:
        raise FilingError.invalid(unknown)
    if not notes:
        raise FilingError.changes_empty()
    before = snapshot(filing, AUDIT_FIELDS)
    filing.change_requests = notes
    filing.save(update_fields=["change_requests"])
    record(
        actor=actor,
        module="filings",
        action="filing_request_changes",
        obj=filing,
        before=before,
        after=snapshot(filing, AUDIT_FIELDS),
    )
    summary = "；".join(f"{ft.field(name).label}：{text}" for name, text in notes.items())  # type: ignore[union-attr]
    workflow.transition(
        actor=actor, obj=filing, to=RETURNED, comment=f"{comment.strip()}（{summary}）" if comment.strip() else summary
    )
    filing.refresh_from_db()
    return filing


@transaction.atomic
def filing_approve(*, actor: Actor, filing_id: int, results: dict[str, Any]) -> Filing:
    """办结: record the numbers the authority gave (海关注册编码, 电子口岸卡号, DXP ID, 加签证书序列号…);
    the graph's effect writes them into the 点点通 configuration."""
    ft, filing = _locked(actor, filing_id, REVIEW)
    if filing.state != HANDLING:
        raise FilingError.wrong_state(ft.graph.label_of(filing.state), "办结（请先受理并递交）")
    cleaned, errors = forms.clean_results(ft, results)
    if errors:
        raise FilingError.results_invalid(errors)
    before = snapshot(filing, AUDIT_FIELDS)
    filing.results = cleaned
    filing.save(update_fields=["results"])
    record(
        actor=actor,
        module="filings",
        action="filing_record_results",
        obj=filing,
        before=before,
        after=snapshot(filing, AUDIT_FIELDS),
    )
    labels = "，".join(f"{r.label} {cleaned[r.name]}" for r in ft.results if cleaned.get(r.name))
    workflow.transition(actor=actor, obj=filing, to=COMPLETED, comment=labels)
    filing.refresh_from_db()
    return filing
