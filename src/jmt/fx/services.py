"""Every merchant and back-office write of 收结汇 except the balance workbook (``imports``) and the
rate snapshots (``rates``): settlement requests and their completion or rejection, rate alerts."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from jmt.audit.services import record, snapshot
from jmt.core.auth import Actor
from jmt.core.errors import NotFound, PermissionDenied
from jmt.documents.selectors import document_get
from jmt.fx import ledger, rates
from jmt.fx.errors import FxError
from jmt.fx.flow import QUEUE, REQUEST, SETTLEMENT
from jmt.fx.models import AlertDirection, EntryKind, RateAlert, Settlement
from jmt.merchants.models import Merchant
from jmt.notifications.services import notify, staff_recipients
from jmt.rbac.scope import merchant_in_scope
from jmt.workflow import services as workflow
from jmt.workflow.scope import can_read

ALERTS = "fx:rates:edit"
CENT = Decimal("0.01")
RATE_PLACES = Decimal("0.0001")
MAX_AMOUNT = Decimal("100000000")  # $100 million: more is a typing slip, not a request
MIN_RATE = Decimal("0.0001")
MAX_RATE = Decimal("1000")
SETTLEMENT_AUDIT = (
    "number",
    "state",
    "amount",
    "settle_date",
    "rate",
    "statement_document",
    "shipping_document",
    "remark",
    "actual_rate",
    "cny_amount",
    "remaining_usd",
)
ALERT_AUDIT = ("currency", "direction", "threshold", "active", "armed")


def _merchant_for(actor: Actor, code: str) -> Merchant:
    merchant = actor.merchant
    if merchant is None or not merchant_in_scope(actor, code, merchant.pk):
        raise PermissionDenied(details={"permission": code})
    return merchant


def _places(value: Decimal, places: int) -> bool:
    exponent = value.as_tuple().exponent
    return isinstance(exponent, int) and -exponent <= places


def _check_amount(amount: Decimal, errors: dict[str, str]) -> None:
    if not amount.is_finite() or amount <= 0:
        errors["amount"] = "请输入大于 0 的结汇金额"
    elif not _places(amount.normalize(), 2):
        errors["amount"] = "结汇金额最多保留 2 位小数"
    elif amount > MAX_AMOUNT:
        errors["amount"] = "结汇金额过大，请核对"


def check_rate(rate: Decimal, field: str, errors: dict[str, str]) -> None:
    if not rate.is_finite() or rate < MIN_RATE or rate > MAX_RATE:
        errors[field] = "请输入有效的汇率（人民币 / 1 单位外币）"
    elif not _places(rate.normalize(), 4):
        errors[field] = "汇率最多保留 4 位小数"


def _profile_fields(merchant: Merchant) -> dict[str, str]:
    missing = {}
    if not merchant.bank_account:
        missing["bank_account"] = "请先在「我的 · 商户资料」中填写结汇银行卡号"
    if not merchant.bank_name:
        missing["bank_name"] = "请先在「我的 · 商户资料」中填写结汇银行卡号的开户行"
    return missing


def _document(actor: Actor, document_id: int | None, field: str, errors: dict[str, str], *, required: bool) -> Any:
    if document_id is None:
        if required:
            errors[field] = "请上传或选择文件"
        return None
    try:
        return document_get(actor=actor, document_id=document_id)
    except NotFound:
        errors[field] = "请选择本商户「我的资料」中的文件"
        return None


@transaction.atomic
def settlement_request(
    *,
    actor: Actor,
    amount: Decimal,
    settle_date: date,
    rate: Decimal,
    statement_document_id: int | None,
    shipping_document_id: int | None = None,
    remark: str = "",
) -> Settlement:
    """快速结汇: check, lock the account, refuse more than the available amount, freeze it."""
    merchant = _merchant_for(actor, REQUEST)
    errors: dict[str, str] = {}
    _check_amount(amount, errors)
    check_rate(rate, "rate", errors)
    if settle_date < timezone.localdate():
        errors["settle_date"] = "结汇日期不能早于今天"
    statement = _document(actor, statement_document_id, "statement_document_id", errors, required=True)
    shipping = _document(actor, shipping_document_id, "shipping_document_id", errors, required=False)
    if len(remark) > 500:
        errors["remark"] = "备注最多 500 字"
    if errors:
        raise FxError.invalid(errors)
    merchant = Merchant.objects.get(pk=merchant.pk)
    missing = _profile_fields(merchant)
    if missing:
        raise FxError.profile_incomplete(missing)

    account = ledger.locked_account(merchant.pk)  # serialises every freeze of this merchant
    if account is None:
        raise FxError.no_account()
    current = ledger.totals(account.pk)
    if amount > current.available:
        raise FxError.exceeds_available(
            amount=amount, balance=current.balance, frozen=current.frozen, available=current.available
        )
    reference = rates.settlement_reference()
    settlement = Settlement.objects.create(
        merchant=merchant,
        number=uuid.uuid4().hex[:20],
        account=account,
        state=SETTLEMENT.initial,
        amount=amount,
        settle_date=settle_date,
        rate=rate,
        reference_rate=reference.rate if reference else None,
        reference_label=reference.label if reference else "",
        statement_document=statement,
        shipping_document=shipping,
        remark=remark.strip(),
        sub_account_no=account.sub_account_no or merchant.ccb_sub_account,
        bank_account=merchant.bank_account,
        bank_name=merchant.bank_name,
        legal_person=merchant.legal_person,
        created_by=actor.user,
    )
    settlement.number = f"JH{timezone.localdate():%Y%m%d}{settlement.pk:05d}"
    settlement.save(update_fields=["number"])
    workflow.start(actor=actor, obj=settlement)
    record(
        actor=actor,
        module="fx",
        action="settlement_request",
        obj=settlement,
        before={},
        after=snapshot(settlement, SETTLEMENT_AUDIT),
    )
    ledger.entry(
        actor=actor,
        account=account,
        kind=EntryKind.FREEZE,
        frozen=amount,
        before=current,
        settlement=settlement,
        note=f"结汇申请 {settlement.number} 冻结",
    )
    notify(
        recipients=staff_recipients(QUEUE),
        merchant=None,
        kind="todo",
        title=f"结汇申请 {settlement.number} 待办理：${amount:,.2f}",
        body=f"{merchant.display_name} 申请结汇 ${amount:,.2f}，指定汇率 {rate}，结汇日期 {settle_date:%Y-%m-%d}。",
        link=SETTLEMENT.admin_route_for(settlement.pk),
        related=settlement,
    )
    return settlement


def _locked_settlement(actor: Actor, settlement_id: int) -> Settlement:
    settlement = Settlement.objects.select_for_update().filter(pk=settlement_id).first()
    if settlement is None or not can_read(actor, SETTLEMENT, settlement.merchant_id):
        raise NotFound()
    if not merchant_in_scope(actor, QUEUE, settlement.merchant_id):
        raise PermissionDenied(details={"permission": QUEUE})
    if settlement.state != "pending":
        raise FxError.not_pending(SETTLEMENT.label_of(settlement.state))
    return settlement


@transaction.atomic
def settlement_complete(*, actor: Actor, settlement_id: int, actual_rate: Decimal, cny_amount: Decimal) -> Settlement:
    """完成结汇: the actual rate and CNY received saved, then the move (its effect debits the ledger)."""
    settlement = _locked_settlement(actor, settlement_id)
    errors: dict[str, str] = {}
    check_rate(actual_rate, "actual_rate", errors)
    if not cny_amount.is_finite() or cny_amount <= 0:
        errors["cny_amount"] = "请输入大于 0 的到账金额"
    elif not _places(cny_amount.normalize(), 2):
        errors["cny_amount"] = "到账金额最多保留 2 位小数"
    if errors:
        raise FxError.invalid(errors)
    before = snapshot(settlement, SETTLEMENT_AUDIT)
    settlement.actual_rate = actual_rate
    settlement.cny_amount = cny_amount
    settlement.save(update_fields=["actual_rate", "cny_amount"])
    workflow.transition(actor=actor, obj=settlement, to="completed")
    settlement.refresh_from_db()
    record(
        actor=actor,
        module="fx",
        action="settlement_complete",
        obj=settlement,
        before=before,
        after=snapshot(settlement, SETTLEMENT_AUDIT),
    )
    return settlement


@transaction.atomic
def settlement_reject(*, actor: Actor, settlement_id: int, reason: str) -> Settlement:
    settlement = _locked_settlement(actor, settlement_id)
    workflow.transition(actor=actor, obj=settlement, to="rejected", comment=reason)
    settlement.refresh_from_db()
    return settlement


# --- alerts ---


@transaction.atomic
def alert_create(*, actor: Actor, currency: str, direction: str, threshold: Decimal) -> RateAlert:
    merchant = _merchant_for(actor, ALERTS)
    if currency not in rates.board_currencies():
        raise FxError.currency_unsupported(currency)
    errors: dict[str, str] = {}
    check_rate(threshold, "threshold", errors)
    if errors:
        raise FxError.invalid(errors)
    alert = RateAlert(
        merchant=merchant,
        created_by=actor.user,
        currency=currency,
        direction=AlertDirection(direction),
        threshold=threshold,
    )
    latest = rates.latest_snapshot(currency)
    # Armed only if the rate is on the near side now: it fires on a crossing, not on being set past it.
    alert.armed = latest is None or not alert.crossed(latest.reference)
    alert.save()
    record(actor=actor, module="fx", action="alert_create", obj=alert, before={}, after=snapshot(alert, ALERT_AUDIT))
    return alert


def _own_alert(actor: Actor, alert_id: int) -> RateAlert:
    alert = RateAlert.objects.select_for_update().filter(pk=alert_id).first()
    if alert is None or actor.merchant is None or alert.merchant_id != actor.merchant.pk:
        raise NotFound()
    _merchant_for(actor, ALERTS)
    return alert


@transaction.atomic
def alert_set_active(*, actor: Actor, alert_id: int, active: bool) -> RateAlert:
    """暂停 / 恢复. Resuming re-arms against the latest rate, like a new alert."""
    alert = _own_alert(actor, alert_id)
    before = snapshot(alert, ALERT_AUDIT)
    alert.active = active
    if active:
        latest = rates.latest_snapshot(alert.currency)
        alert.armed = latest is None or not alert.crossed(latest.reference)
    alert.save(update_fields=["active", "armed"])
    record(
        actor=actor,
        module="fx",
        action="alert_pause" if not active else "alert_resume",
        obj=alert,
        before=before,
        after=snapshot(alert, ALERT_AUDIT),
    )
    return alert


@transaction.atomic
def alert_delete(*, actor: Actor, alert_id: int) -> None:
    alert = _own_alert(actor, alert_id)
    record(actor=actor, module="fx", action="alert_delete", obj=alert, before=snapshot(alert, ALERT_AUDIT), after={})
    alert.delete()
