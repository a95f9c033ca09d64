"""The 结汇申请 graph: 结汇中 → 已完成, or → 已驳回.

Submitting (``services.settlement_request``) freezes the amount and creates the request in 结汇中.
The two back-office moves carry their money effects, so they hold whichever way the move is made
(the 结汇管理 endpoints or the generic ``/workflow/fx_settlement/{id}/transitions``):

* 完成结汇: needs the actual rate and the CNY received already on the request (the 结汇管理 form
  saves them in the same transaction), writes the 「结汇」 entry that unfreezes and debits the
  amount, keeps the remaining USD, and sends the 人民币入账 message;
* 驳回: needs a reason, writes the 「解除冻结」 entry.
"""

from __future__ import annotations

from typing import cast

from jmt.fx import ledger
from jmt.fx.errors import FxError
from jmt.fx.models import EntryKind, Settlement
from jmt.notifications.services import merchant_recipients, notify
from jmt.workflow.graph import Graph, Move, Notice, State, TransitionContext

REQUEST = "fx:settlements:edit"
QUEUE = "operations:fx:edit"
QUEUE_VIEW = "operations:fx:view"


def _account(settlement: Settlement) -> ledger.Account:
    account = ledger.locked_account(settlement.merchant_id)
    if account is None or account.pk != settlement.account_id:
        raise FxError.no_account()
    return account


def complete(ctx: TransitionContext) -> None:
    settlement = cast(Settlement, ctx.obj)
    if settlement.actual_rate is None or settlement.cny_amount is None:
        raise FxError.completion_missing()
    account = _account(settlement)
    before = ledger.totals(account.pk)
    if before.balance < settlement.amount:
        raise FxError.balance_insufficient(amount=settlement.amount, balance=before.balance)
    row = ledger.entry(
        actor=ctx.actor,
        account=account,
        kind=EntryKind.SETTLEMENT,
        amount=-settlement.amount,
        frozen=-settlement.amount,
        before=before,
        settlement=settlement,
        note=(
            f"结汇申请 {settlement.number}：实际汇率 {settlement.actual_rate}，人民币到账 ¥{settlement.cny_amount:,.2f}"
        ),
    )
    settlement.remaining_usd = row.balance_after
    settlement.completed_at = ctx.event.created_at
    settlement.save(update_fields=["remaining_usd", "completed_at"])
    tail = settlement.bank_account[-4:]
    notify(
        recipients=merchant_recipients(settlement.merchant_id),
        merchant=settlement.merchant,
        kind="status",
        title=f"人民币入账通知：¥{settlement.cny_amount:,.2f} 已入账",
        body=(
            f"结汇申请 {settlement.number} 已完成：结汇 ${settlement.amount:,.2f}，实际汇率 {settlement.actual_rate}，"
            f"人民币 ¥{settlement.cny_amount:,.2f} 已转入{settlement.bank_name}（尾号 {tail}）。"
            f"子账户剩余未结汇 ${row.balance_after:,.2f}。"
        ),
        link=SETTLEMENT.route_for(settlement.pk),
        related=settlement,
    )


def reject(ctx: TransitionContext) -> None:
    settlement = cast(Settlement, ctx.obj)
    account = _account(settlement)
    ledger.entry(
        actor=ctx.actor,
        account=account,
        kind=EntryKind.UNFREEZE,
        frozen=-settlement.amount,
        settlement=settlement,
        note=f"结汇申请 {settlement.number} 已驳回，解除冻结",
    )
    settlement.reject_reason = ctx.event.comment
    settlement.save(update_fields=["reject_reason"])


REJECTED = Notice.merchant_status(
    title="{label}「{name}」已驳回",
    body="您的{label}「{name}」未通过，冻结的金额已解除冻结。{comment}",
)

SETTLEMENT = Graph(
    type="fx_settlement",
    label="结汇申请",
    model="fx.Settlement",
    module="fx",
    todo_item="fx:settlements",
    detail_route="/fx/settlements?id={id}",
    admin_route="/operations/fx?id={id}",
    queue_permission=QUEUE,
    name_field="number",
    states=(
        State("pending", "结汇中", order=10, hint="捷晶正在办理结汇，金额已冻结"),
        State("rejected", "已驳回", order=15, on_board=False, board_node="pending", terminal=True),
        State("completed", "已完成", order=20, terminal=True, hint="人民币已入账"),
    ),
    moves=(
        Move("pending", "completed", QUEUE, "完成结汇", effect=complete),
        Move("pending", "rejected", QUEUE, "驳回", needs_comment=True, notify=(REJECTED,), effect=reject),
    ),
)
