"""The one writer of workflow state: ``transition`` (and ``start`` for the creation event).

In one transaction: lock the object's row, check the move against the graph, the actor's
permission code and data scope, save the new state, write the timeline event and the audit entry,
run the move's effect, and raise its notifications (messages + WeChat push tasks). Concurrent moves
on one object are serialised by the row lock (PostgreSQL ``SELECT … FOR UPDATE``; on SQLite the
``IMMEDIATE`` transactions of settings.py take the write lock at ``BEGIN``), and the state is read
after the lock, so the second of two racing moves sees the first one's result.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from jmt.audit.services import record, snapshot
from jmt.core.auth import Actor
from jmt.core.errors import NotFound, PermissionDenied
from jmt.notifications.services import merchant_recipients, notify, staff_recipients
from jmt.workflow.errors import WorkflowError
from jmt.workflow.graph import Audience, Graph, Move, Notice, TransitionContext
from jmt.workflow.models import WorkflowEvent, WorkflowObject
from jmt.workflow.registry import graph_of
from jmt.workflow.scope import can_read, can_write

STATE_FIELDS = ("state", "state_changed_at")


def display_name(graph: Graph, obj: WorkflowObject) -> str:
    value = getattr(obj, graph.name_field, "") if graph.name_field else ""
    return str(value) if value else f"#{obj.pk}"


def _title(graph: Graph, obj: WorkflowObject, move: Move | None) -> str:
    name = display_name(graph, obj)
    if move is None:
        return f"{graph.label}「{name}」已创建"
    return f"{graph.label}「{name}」{move.label}：{graph.label_of(move.source)} → {graph.label_of(move.target)}"


def allowed_moves(graph: Graph, obj: WorkflowObject, actor: Actor) -> list[Move]:
    """The moves out of the object's state that the actor may make on it."""
    return [m for m in graph.moves_from(obj.state) if can_write(actor, m.permission, obj.merchant_id)]


@transaction.atomic
def start(*, actor: Actor, obj: WorkflowObject, comment: str = "") -> WorkflowEvent:
    """Record the creation of ``obj`` (already saved in its initial state) on its timeline."""
    graph = graph_of(obj)
    if not can_read(actor, graph, obj.merchant_id):
        raise NotFound()
    return WorkflowEvent.objects.create(
        object_type=graph.type,
        object_id=obj.pk,
        merchant_id=obj.merchant_id,
        from_state="",
        to_state=obj.state,
        title=_title(graph, obj, None),
        actor=actor.user,
        impersonator=actor.impersonator,
        comment=comment,
    )


@transaction.atomic
def transition(*, actor: Actor, obj: WorkflowObject, to: str, comment: str = "") -> WorkflowEvent:
    """Move ``obj`` to state ``to``. Raises 404 outside the actor's scope, 409 for a move the graph
    does not allow from the current state, 403 without the move's permission, 422 without a required
    comment."""
    model = type(obj)
    graph = graph_of(obj)
    locked: WorkflowObject | None = model._default_manager.select_for_update().filter(pk=obj.pk).first()
    if locked is None or not can_read(actor, graph, locked.merchant_id):
        raise NotFound()
    if not any(can_write(actor, m.permission, locked.merchant_id) for m in graph.moves):
        raise PermissionDenied()  # no move of this graph is the actor's to make (a read-only member, say)
    current = locked.state
    move = graph.move(current, to)
    if move is None:
        raise WorkflowError.illegal_transition(
            current=current,
            current_label=graph.label_of(current),
            target=to,
            allowed=[m.target for m in allowed_moves(graph, locked, actor)],
        )
    if not can_write(actor, move.permission, locked.merchant_id):
        raise PermissionDenied(details={"permission": move.permission})
    comment = comment.strip()
    if move.needs_comment and not comment:
        raise WorkflowError.comment_required(move.label)

    before = snapshot(locked, STATE_FIELDS)
    locked.state = to
    locked.state_changed_at = timezone.now()
    locked.save(update_fields=list(STATE_FIELDS))
    event = WorkflowEvent.objects.create(
        object_type=graph.type,
        object_id=locked.pk,
        merchant_id=locked.merchant_id,
        from_state=current,
        to_state=to,
        title=_title(graph, locked, move),
        actor=actor.user,
        impersonator=actor.impersonator,
        comment=comment,
        created_at=locked.state_changed_at,
    )
    record(
        actor=actor,
        module=graph.module,
        action=f"workflow:{current}->{to}",
        obj=locked,
        before=before,
        after={**snapshot(locked, STATE_FIELDS), "comment": comment} if comment else snapshot(locked, STATE_FIELDS),
    )
    if move.effect is not None:
        move.effect(TransitionContext(actor=actor, obj=locked, move=move, event=event))
    # NetBox's habit: after the write, still inside the transaction, the object is still the actor's to see.
    if not can_read(actor, graph, locked.merchant_id):
        raise NotFound()
    for notice in move.notify:
        _raise_notice(graph, locked, move, notice, comment)
    # The caller's instance follows the change.
    obj.state = locked.state
    obj.state_changed_at = locked.state_changed_at
    return event


def _raise_notice(graph: Graph, obj: WorkflowObject, move: Move, notice: Notice, comment: str) -> None:
    values: dict[str, Any] = {
        "label": graph.label,
        "name": display_name(graph, obj),
        "from_label": graph.label_of(move.source),
        "to_label": graph.label_of(move.target),
        "comment": f"说明：{comment}" if comment else "",
    }
    title = notice.title.format(**values).strip()
    body = notice.body.format(**values).strip()
    if notice.audience is Audience.MERCHANT:
        notify(
            recipients=merchant_recipients(obj.merchant_id),
            merchant=obj.merchant,
            kind=notice.kind,
            title=title,
            body=body,
            link=graph.route_for(obj.pk),
            related=obj,
        )
    else:
        notify(
            recipients=staff_recipients(graph.queue_permission),
            merchant=None,
            kind=notice.kind,
            title=title,
            body=body,
            link=graph.admin_route_for(obj.pk),
            related=obj,
        )
