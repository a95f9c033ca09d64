"""The 报关批次 graph: 草稿 → 已申报 → 部分放行 / 已放行 → 已结关, driven by the batch's documents.

Nobody presses these buttons: the batch's state follows its documents (``customs.services.batch_flow``
computes the state the documents say and moves the batch there with the system actor). The first
move (申报) happens when the merchant submits the batch or declares an import into it; the others when
receipts move its inventories. A batch goes back (e.g. 已放行 → 部分放行) when new orders are declared
into it; 已结关 is final.

The moves after 申报 carry the back-office code of 报关流程可视化, so a declared batch waits on customs
and 捷晶, not on the merchant (it is no item of the merchant's to-do list).
"""

from __future__ import annotations

from contextvars import ContextVar
from itertools import permutations

from jmt.customs.errors import CustomsError
from jmt.customs.models import BatchStatus
from jmt.workflow.graph import Graph, Move, Notice, State, TransitionContext

DECLARE = "customs:batches:edit"
FOLLOW = "operations:customs:edit"
QUEUE_VIEW = "operations:customs:view"

MOVE_LABELS = {
    BatchStatus.DECLARED: "申报",
    BatchStatus.PARTLY_RELEASED: "部分放行",
    BatchStatus.RELEASED: "全部放行",
    BatchStatus.CLEARED: "全部结关",
}
# 全部放行 and 全部结关 already raise their own messages (``notices.batch_milestones``).
PARTLY = Notice.merchant_status(body="批次「{name}」已有清单被海关放行，其余清单仍在海关处理中。")

STATES = (
    State(BatchStatus.DRAFT, "草稿", order=10, hint="导入订单后提交申报"),
    State(BatchStatus.DECLARED, "已申报", order=20, hint="单证已发往海关，等待海关放行"),
    State(BatchStatus.PARTLY_RELEASED, "部分放行", order=30, hint="部分清单已放行，其余仍在海关处理中"),
    State(BatchStatus.RELEASED, "已放行", order=40, hint="全部清单已放行，请提交清单总分单"),
    State(BatchStatus.CLEARED, "已结关", order=50, terminal=True, hint="货物已离境，下月 15 日前做汇总申报"),
)


# Set while ``customs.services.batch_flow`` moves a batch: the only writer these moves accept.
following: ContextVar[bool] = ContextVar("customs_batch_following", default=False)


def only_by_the_documents(ctx: TransitionContext) -> None:
    """Refuse a move asked for by hand (``POST /workflow/customs_batch/{id}/transitions``): the state
    follows the documents, so a batch never says 已申报 / 已放行 when its documents do not (the
    transition's transaction rolls back)."""
    if not following.get():
        raise CustomsError.batch_state_automatic()


def _moves() -> tuple[Move, ...]:
    moves = [
        Move(
            BatchStatus.DRAFT,
            BatchStatus.DECLARED,
            DECLARE,
            MOVE_LABELS[BatchStatus.DECLARED],
            effect=only_by_the_documents,
        )
    ]
    following = [s for s in BatchStatus if s not in (BatchStatus.DRAFT,)]
    for source, target in permutations(following, 2):
        if source == BatchStatus.CLEARED:
            continue
        notify = (PARTLY,) if target == BatchStatus.PARTLY_RELEASED and source == BatchStatus.DECLARED else ()
        label = MOVE_LABELS[target] if target != BatchStatus.DECLARED else "追加申报"
        moves.append(Move(source, target, FOLLOW, label, notify=notify, effect=only_by_the_documents))
    return tuple(moves)


BATCH = Graph(
    type="customs_batch",
    label="报关批次",
    model="customs.Batch",
    module="customs",
    todo_item="customs:batches",
    detail_route="/customs/batches?id={id}",
    admin_route="/operations/customs?batch={id}",
    queue_permission=QUEUE_VIEW,
    name_field="name",
    states=STATES,
    moves=_moves(),
)
