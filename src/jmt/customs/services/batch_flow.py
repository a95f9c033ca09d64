"""A batch's state follows its documents: compute what they say, move the batch there on the graph.

* 草稿: nothing of the batch has been declared yet;
* 已申报: documents are on their way or at customs, no inventory released yet;
* 部分放行: some of its live inventories are 放行 (or 结关), not all;
* 已放行: every live inventory is 放行 or 结关;
* 已结关: every live inventory is 结关.

Live inventories are those customs may still release: rejected, failed and cancelled ones leave the
count (as in ``notices.batch_milestones``). The moves are made by the system actor through
``jmt.workflow.services.transition`` (timeline, audit entry, notices), never by writing ``state``.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, Q

from jmt.core.auth import Actor
from jmt.customs.flow import BATCH, DECLARE, FOLLOW, QUEUE_VIEW, following
from jmt.customs.models import Batch, BatchStatus, DocStatus, Inventory, Logistics, Order
from jmt.rbac.models import DataScope
from jmt.workflow import services as workflow
from jmt.workflow.scope import can_read, can_write

INACTIVE_INVENTORY = (DocStatus.REJECTED, DocStatus.ERROR, DocStatus.CANCELLED, DocStatus.CUSTOMS_SEND_FAILED)
RELEASED_OR_LATER = (DocStatus.RELEASED, DocStatus.CLOSED)


def flow_actor() -> Actor:
    """The system, allowed exactly the batch graph's moves on every merchant's batches (the log shows 「系统」)."""
    codes = frozenset({DECLARE, FOLLOW, QUEUE_VIEW, "customs:batches:view"})
    return Actor(
        user=None,
        merchant=None,
        role=None,
        permissions=codes,
        scopes={code: frozenset({DataScope.ALL_WRITE}) for code in codes},
    )


def state_of_documents(batch: Batch) -> str:
    """The state the batch's documents say it is in."""
    counts = (
        Inventory.objects.filter(batch=batch)
        .exclude(status__in=INACTIVE_INVENTORY)
        .aggregate(
            active=Count("pk"),
            released=Count("pk", filter=Q(status__in=RELEASED_OR_LATER)),
            closed=Count("pk", filter=Q(status=DocStatus.CLOSED)),
        )
    )
    active = counts["active"]
    if active and counts["closed"] == active:
        return BatchStatus.CLEARED
    if active and counts["released"] == active:
        return BatchStatus.RELEASED
    if counts["released"]:
        return BatchStatus.PARTLY_RELEASED
    declared = (
        Order.objects.filter(batch=batch).exclude(status=DocStatus.DRAFT).exists()
        or Logistics.objects.filter(batch=batch).exclude(status=DocStatus.DRAFT).exists()
        or Inventory.objects.filter(batch=batch).exclude(status=DocStatus.DRAFT).exists()
    )
    return BatchStatus.DECLARED if declared else BatchStatus.DRAFT


def batch_follow(batch: Batch, *, actor: Actor | None = None, comment: str = "") -> str:
    """Move one batch to the state its documents say (inside the caller's transaction). Returns the state.

    A batch still in 草稿 is declared first (草稿 → 已申报 → …), so its timeline always starts with 申报."""
    target = state_of_documents(batch)
    steps = [BatchStatus.DECLARED, target] if batch.state == BatchStatus.DRAFT else [target]
    for step in dict.fromkeys(steps):
        move = BATCH.move(batch.state, step)
        if move is None:
            continue
        # The merchant's own 申报 is recorded as theirs (when they may make it); every other move is the system's.
        mine = actor is not None and can_read(actor, BATCH, batch.merchant_id)
        mover = actor if mine and actor is not None and can_write(actor, move.permission, batch.merchant_id) else None
        token = following.set(True)
        try:
            workflow.transition(actor=mover or flow_actor(), obj=batch, to=step, comment=comment)
        finally:
            following.reset(token)
    return batch.state


def batches_follow(batch_ids: Iterable[int]) -> None:
    """``batch_follow`` for each batch, locked in id order (receipt workers may run side by side)."""
    for batch in Batch.objects.select_for_update().filter(pk__in=sorted(set(batch_ids))).order_by("pk"):
        batch_follow(batch)
