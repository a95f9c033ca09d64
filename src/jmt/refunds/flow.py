"""The 出口退税 graph: 申报 → 审核 → 退库 → 到账, with 审核不通过 (reason, fix and resubmit).

``draft`` is the claim being filled in (shown on the 申报 node). Every move raises a 站内信 to the
merchant's people, and ``notifications.notify`` queues the WeChat template push with it, so each node
reaches the merchant both ways (T3). The back office (退税管理) makes the tax bureau's moves, by hand or
through the daily status file (``services.status_file_confirm``), which walks the same moves.
"""

from __future__ import annotations

from typing import cast

from jmt.refunds.models import Claim
from jmt.workflow.graph import Graph, Move, Notice, State, TransitionContext

APPLY = "refunds:claims:edit"
VIEW = "refunds:claims:view"
PROGRESS_VIEW = "refunds:progress:view"
MANAGE = "operations:refunds:edit"
MANAGE_VIEW = "operations:refunds:view"


def submitted(ctx: TransitionContext) -> None:
    claim = cast(Claim, ctx.obj)
    claim.submitted_at = ctx.event.created_at
    claim.reject_reason = ""
    claim.save(update_fields=["submitted_at", "reject_reason"])


def rejected(ctx: TransitionContext) -> None:
    claim = cast(Claim, ctx.obj)
    claim.reject_reason = ctx.event.comment
    claim.save(update_fields=["reject_reason"])


TO_QUEUE = Notice.staff_todo("{label}「{name}」待受理", "商户已提交出口退税申报，请核对材料后向税务机关申报。")
STATUS = Notice.merchant_status(
    title="{label}「{name}」进入「{to_label}」", body="您的{label}「{name}」已进入「{to_label}」环节。{comment}"
)
DECLARED = Notice.merchant_status(
    title="{label}「{name}」已申报", body="您的{label}「{name}」已提交，捷晶将向税务机关申报。"
)
REJECTED = Notice.merchant_status(
    title="{label}「{name}」审核不通过",
    body="税务机关审核未通过您的{label}「{name}」。{comment}。请按原因修改材料后重新提交。",
)
RECEIVED = Notice.merchant_status(
    title="{label}「{name}」退税已到账", body="您的{label}「{name}」退税款已到账。{comment}"
)

CLAIM = Graph(
    type="refund",
    label="出口退税申报",
    model="refunds.Claim",
    module="refunds",
    todo_item="refunds:claims",
    detail_route="/refunds/progress?id={id}",
    admin_route="/operations/refunds?id={id}",
    queue_permission=MANAGE,
    name_field="claim_no",
    states=(
        State(
            "draft", "填写申报", order=5, on_board=False, board_node="submitted", hint="请选择报关单、上传材料后提交"
        ),
        State("submitted", "申报", order=10, hint="已提交，捷晶正在核对材料并向税务机关申报"),
        State("reviewing", "审核", order=20, hint="税务机关正在审核，通常 5–10 个工作日"),
        State(
            "rejected", "审核不通过", order=25, on_board=False, board_node="reviewing", hint="请按原因修改后重新提交"
        ),
        State("refunding", "退库", order=30, hint="审核已通过，国库正在办理退库"),
        State("received", "到账", order=40, terminal=True, hint="退税款已到账"),
    ),
    moves=(
        Move("draft", "submitted", APPLY, "提交申报", notify=(DECLARED, TO_QUEUE), effect=submitted),
        Move("rejected", "submitted", APPLY, "重新提交", notify=(DECLARED, TO_QUEUE), effect=submitted),
        Move("submitted", "reviewing", MANAGE, "税务受理", notify=(STATUS,)),
        Move("submitted", "rejected", MANAGE, "审核不通过", needs_comment=True, notify=(REJECTED,), effect=rejected),
        Move("reviewing", "rejected", MANAGE, "审核不通过", needs_comment=True, notify=(REJECTED,), effect=rejected),
        Move("reviewing", "refunding", MANAGE, "审核通过", notify=(STATUS,)),
        Move("refunding", "received", MANAGE, "确认到账", notify=(RECEIVED,)),
    ),
)

# The way forward from each state, for the daily file: the states a claim passes to reach the next node.
FORWARD = ("submitted", "reviewing", "refunding", "received")
