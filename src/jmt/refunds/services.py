"""Every write of 出口退税: the claim (declarations, amount, files), 收汇 confirmation, submit, the back
office's moves and offline steps. The daily status file is in ``status_file.py``."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone

from jmt.audit.services import record, snapshot
from jmt.core.auth import Actor
from jmt.core.errors import PermissionDenied
from jmt.documents.content import PDF
from jmt.documents.models import Document
from jmt.rbac.scope import merchant_in_scope
from jmt.refunds import readiness
from jmt.refunds.errors import RefundsError
from jmt.refunds.flow import APPLY, CLAIM, MANAGE
from jmt.refunds.models import Claim, ClaimDeclaration, ClaimFile, DeclarationSource, FileRole, OfflineStep
from jmt.refunds.selectors import acting_merchant, admin_claim_get, claim_get, customs_rows, simplified_key
from jmt.workflow import services as workflow

EDITABLE = ("draft", "rejected")
ENTRY_ID = re.compile(r"^\d{18}$")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
CLAIM_FIELDS = ("currency", "computed_amount", "amount", "amount_reason")


@dataclass
class ManualDeclaration:
    entry_id: str
    month: str
    amount: str
    currency: str
    goods: str = ""


@dataclass
class ClaimInput:
    picks: list[str] = field(default_factory=list)  # keys of rows of ``customs.refund_declarations``
    manual: list[ManualDeclaration] = field(default_factory=list)
    amount: str | None = None  # None: the computed amount
    amount_reason: str = ""
    files: dict[str, list[int]] = field(default_factory=dict)  # FileRole value → vault document ids


def _state(claim: Claim) -> dict[str, Any]:
    return {
        **snapshot(claim, CLAIM_FIELDS),
        "entry_ids": sorted(claim.declarations.values_list("entry_id", flat=True)),
        "files": sorted(f"{r}:{d}" for r, d in claim.files.values_list("role", "document_id")),
    }


def _decimal(value: str, name: str, label: str) -> Decimal:
    try:
        amount = Decimal(str(value).replace(",", "").strip())
    except (InvalidOperation, ValueError):
        raise RefundsError.invalid({name: f"{label}不是有效的金额"}) from None
    if not amount.is_finite() or amount < 0 or amount >= Decimal("1e15"):
        raise RefundsError.invalid({name: f"{label}须为不小于 0 的金额"})
    return amount.quantize(Decimal("0.01"))


def _declarations(actor: Actor, merchant: Any, claim: Claim | None, data: ClaimInput) -> list[ClaimDeclaration]:
    rows = {row["key"]: row for row in customs_rows(actor)}
    chosen: list[ClaimDeclaration] = []
    for key in dict.fromkeys(data.picks):
        if key.startswith(simplified_key("")):
            raise RefundsError.simplified(key)
        row = rows.get(key)
        if row is None:
            raise RefundsError.unknown_declaration(key)
        if not row["claimable"]:
            raise RefundsError.invalid({"picks": row["reason"]})
        year, month = (int(x) for x in row["month"].split("-"))
        chosen.append(
            ClaimDeclaration(
                merchant=merchant,
                source=DeclarationSource.SUMMARY,
                summary_result_id=row["summary_result_id"],
                entry_id=row["entry_id"],
                export_month=date(year, month, 1),
                amount=Decimal(row["amount"]).quantize(Decimal("0.01")),
                currency=row["currency"],
                goods=row["goods"][:500],
            )
        )
    for index, entry in enumerate(data.manual):
        entry_id = entry.entry_id.strip()
        prefix = f"manual.{index}"
        if not ENTRY_ID.match(entry_id):
            raise RefundsError.invalid({f"{prefix}.entry_id": "报关单号应为 18 位数字"})
        if entry_id in rows:
            raise RefundsError.invalid({f"{prefix}.entry_id": f"报关单 {entry_id} 是本平台的汇总结果，请在列表中勾选"})
        found = MONTH.match(entry.month.strip())
        if not found or not 1 <= int(found.group(2)) <= 12:
            raise RefundsError.invalid({f"{prefix}.month": "出口月份格式应为 YYYY-MM"})
        currency = entry.currency.strip().upper()
        if not re.match(r"^[A-Z]{3}$", currency):
            raise RefundsError.invalid({f"{prefix}.currency": "币种应为 3 位字母代码，如 USD"})
        chosen.append(
            ClaimDeclaration(
                merchant=merchant,
                source=DeclarationSource.MANUAL,
                entry_id=entry_id,
                export_month=date(int(found.group(1)), int(found.group(2)), 1),
                amount=_decimal(entry.amount, f"{prefix}.amount", "报关金额"),
                currency=currency,
                goods=entry.goods.strip()[:500],
            )
        )
    seen: set[str] = set()
    for d in chosen:
        if d.entry_id in seen:
            raise RefundsError.invalid({"manual": f"报关单 {d.entry_id} 重复"})
        seen.add(d.entry_id)
    taken = (
        ClaimDeclaration.objects.filter(merchant=merchant, entry_id__in=seen)
        .exclude(claim=claim)
        .select_related("claim")
        .first()
    )
    if taken is not None:
        raise RefundsError.declaration_taken(taken.entry_id, taken.claim.claim_no)
    if len({d.currency for d in chosen}) > 1:
        raise RefundsError.currency_mixed()
    return chosen


def _files(merchant: Any, data: ClaimInput) -> list[tuple[str, Document]]:
    wanted: list[tuple[str, int]] = []
    for role, ids in data.files.items():
        if role not in FileRole.values:
            raise RefundsError.invalid({f"files.{role}": "未知的材料类别"})
        wanted.extend((role, pk) for pk in dict.fromkeys(ids))
    docs = Document.objects.in_bulk([pk for _, pk in wanted])
    out: list[tuple[str, Document]] = []
    for role, pk in wanted:
        doc = docs.get(pk)
        if doc is None or doc.merchant_id != merchant.pk:
            raise RefundsError.invalid({f"files.{role}": "所选文件不在我的资料中"})
        if doc.content_type != PDF:
            raise RefundsError.not_pdf(doc.original_name)
        out.append((role, doc))
    return out


def _require_write(actor: Actor, merchant: Any) -> None:
    if not merchant_in_scope(actor, APPLY, merchant.pk):
        raise PermissionDenied()


def _apply(
    claim: Claim, declarations: list[ClaimDeclaration], files: list[tuple[str, Document]], data: ClaimInput
) -> None:
    computed = sum((d.amount for d in declarations), Decimal(0))
    amount = computed if data.amount in (None, "") else _decimal(str(data.amount), "amount", "退税申报金额")
    reason = data.amount_reason.strip()
    if amount != computed and not reason:
        raise RefundsError.invalid({"amount_reason": "申报金额与报关单合计不一致，请填写调整原因"})
    claim.currency = declarations[0].currency if declarations else claim.currency
    claim.computed_amount = computed
    claim.amount = amount
    claim.amount_reason = reason if amount != computed else ""
    claim.updated_at = timezone.now()
    claim.save()
    claim.declarations.all().delete()
    for d in declarations:
        d.claim = claim
    ClaimDeclaration.objects.bulk_create(declarations)
    claim.files.all().delete()
    ClaimFile.objects.bulk_create(ClaimFile(claim=claim, role=role, document=doc) for role, doc in files)


@transaction.atomic
def claim_create(*, actor: Actor, data: ClaimInput) -> Claim:
    merchant = acting_merchant(actor)
    _require_write(actor, merchant)
    declarations = _declarations(actor, merchant, None, data)
    files = _files(merchant, data)
    claim = Claim.objects.create(merchant=merchant, claim_no=uuid.uuid4().hex[:20], created_by=actor.user)
    claim.claim_no = f"TS{timezone.localdate():%Y%m}{claim.pk:05d}"
    _apply(claim, declarations, files, data)
    workflow.start(actor=actor, obj=claim)
    record(actor=actor, module="refunds", action="claim_create", obj=claim, before={}, after=_state(claim))
    return claim


@transaction.atomic
def claim_update(*, actor: Actor, claim_id: int, data: ClaimInput) -> Claim:
    merchant = acting_merchant(actor)
    _require_write(actor, merchant)
    claim = claim_get(actor=actor, claim_id=claim_id, lock=True)
    if claim.state not in EDITABLE:
        raise RefundsError.not_editable()
    before = _state(claim)
    _apply(claim, _declarations(actor, merchant, claim, data), _files(merchant, data), data)
    record(actor=actor, module="refunds", action="claim_update", obj=claim, before=before, after=_state(claim))
    return claim


@transaction.atomic
def claim_fx_confirm(*, actor: Actor, claim_id: int, note: str = "") -> Claim:
    """The merchant's manual confirmation that the export proceeds were received (until 收结汇 reports it)."""
    merchant = acting_merchant(actor)
    _require_write(actor, merchant)
    claim = claim_get(actor=actor, claim_id=claim_id, lock=True)
    if claim.state not in EDITABLE:
        raise RefundsError.not_editable()
    before = snapshot(claim, ["fx_confirmed_at", "fx_note"])
    claim.fx_confirmed_at = timezone.now()
    claim.fx_confirmed_by = actor.user
    claim.fx_source = "manual"
    claim.fx_note = note.strip()[:500]
    claim.save(update_fields=["fx_confirmed_at", "fx_confirmed_by", "fx_source", "fx_note"])
    after = snapshot(claim, ["fx_confirmed_at", "fx_note"])
    record(actor=actor, module="refunds", action="claim_fx_confirm", obj=claim, before=before, after=after)
    return claim


@transaction.atomic
def claim_submit(*, actor: Actor, claim_id: int) -> Claim:
    merchant = acting_merchant(actor)
    _require_write(actor, merchant)
    claim = claim_get(actor=actor, claim_id=claim_id, lock=True)
    if claim.state not in EDITABLE:
        raise RefundsError.not_editable()
    lacking = readiness.missing(claim)
    if lacking:
        raise RefundsError.not_ready(lacking)
    workflow.transition(actor=actor, obj=claim, to="submitted")
    claim.refresh_from_db()
    return claim


# --- the back office ---------------------------------------------------------------------------------


def record_received(*, actor: Actor, claim: Claim, amount: Decimal | None, on: date | None) -> None:
    """Keep the refund received before the move to 到账 (same transaction)."""
    if amount is None:
        raise RefundsError.amount_required()
    before = snapshot(claim, ["refund_received", "received_on"])
    claim.refund_received = amount
    claim.received_on = on or readiness.today()
    claim.save(update_fields=["refund_received", "received_on"])
    after = snapshot(claim, ["refund_received", "received_on"])
    record(actor=actor, module="refunds", action="claim_received", obj=claim, before=before, after=after)


@transaction.atomic
def claim_move(
    *,
    actor: Actor,
    claim_id: int,
    to: str,
    comment: str = "",
    refund_received: str | None = None,
    received_on: date | None = None,
) -> Claim:
    """A move of the tax bureau's side made by hand in 退税管理 (受理, 审核不通过, 审核通过, 确认到账)."""
    claim = admin_claim_get(actor=actor, claim_id=claim_id, lock=True)
    if to == "received" and CLAIM.move(claim.state, to) is not None:
        if not merchant_in_scope(actor, MANAGE, claim.merchant_id):
            raise PermissionDenied()
        amount = (
            None if refund_received in (None, "") else _decimal(str(refund_received), "refund_received", "到账金额")
        )
        record_received(actor=actor, claim=claim, amount=amount, on=received_on)
    workflow.transition(actor=actor, obj=claim, to=to, comment=comment)
    claim.refresh_from_db()
    return claim


@transaction.atomic
def offline_step_add(
    *, actor: Actor, claim_id: int, title: str, note: str = "", done_on: date | None = None
) -> OfflineStep:
    claim = admin_claim_get(actor=actor, claim_id=claim_id)
    if not merchant_in_scope(actor, MANAGE, claim.merchant_id):
        raise PermissionDenied()
    title = title.strip()
    if not title:
        raise RefundsError.invalid({"title": "请填写办理事项"})
    step = OfflineStep.objects.create(
        claim=claim, title=title[:100], note=note.strip(), done_on=done_on or readiness.today(), recorded_by=actor.user
    )
    record(
        actor=actor,
        module="refunds",
        action="offline_step_add",
        obj=claim,
        before={},
        after={"title": step.title, "note": step.note},
    )
    return step
