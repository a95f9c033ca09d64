"""Reads drawn from the graphs and the timeline: progress boards, queues, the home feed and to-dos.

``activity_feed`` and ``todo_counts`` return exactly the shapes of ``FeedEntryOut`` / ``TodoOut`` of
``jmt.system.api`` so the home endpoint can hand them over as they are.
"""

from __future__ import annotations

import itertools
import statistics
from collections import defaultdict
from datetime import timedelta
from typing import Any

from django.db.models import Count, QuerySet
from django.utils import timezone

from jmt.core import catalog
from jmt.core.auth import Actor
from jmt.core.errors import NotFound
from jmt.workflow.graph import Graph, Side, catalog_item
from jmt.workflow.models import WorkflowEvent, WorkflowObject
from jmt.workflow.registry import all_graphs, get, objects_of
from jmt.workflow.scope import read_filter
from jmt.workflow.services import allowed_moves

HISTORY_WINDOW = timedelta(days=365)
HISTORY_LIMIT = 5000  # newest events read to compute expected durations
SPLIT_TODO_MODULES = frozenset({"customs"})  # to-dos per item (电子订单 / 清单总分单 / 汇总申请单), not per module


def _iso(value: Any) -> str:
    return timezone.localtime(value).isoformat()


def scoped_objects(*, actor: Actor, graph: Graph) -> QuerySet[Any]:
    return objects_of(graph).filter(read_filter(actor, graph))


def object_for(*, actor: Actor, type_: str, obj_id: int) -> tuple[Graph, WorkflowObject]:
    graph = get(type_)
    obj = scoped_objects(actor=actor, graph=graph).filter(pk=obj_id).first()
    if obj is None:
        raise NotFound()
    return graph, obj


# --- progress board ------------------------------------------------------------------------------


def expected_durations(graph: Graph) -> dict[str, int | None]:
    """Median seconds spent in each state, from the history of every object of this type; None without history."""
    events = list(
        WorkflowEvent.objects.filter(object_type=graph.type, created_at__gte=timezone.now() - HISTORY_WINDOW)
        .order_by("-created_at", "-id")
        .values_list("object_id", "to_state", "created_at", "id")[:HISTORY_LIMIT]
    )
    events.sort(key=lambda e: (e[0], e[2], e[3]))
    stays: dict[str, list[float]] = defaultdict(list)
    for before, after in itertools.pairwise(events):
        if before[0] == after[0]:
            stays[before[1]].append((after[2] - before[2]).total_seconds())
    return {
        state.key: (round(statistics.median(stays[state.key])) if stays.get(state.key) else None)
        for state in graph.states
    }


def timeline(*, graph: Graph, obj: WorkflowObject) -> list[dict[str, Any]]:
    events = (
        WorkflowEvent.objects.filter(object_type=graph.type, object_id=obj.pk)
        .select_related("actor", "impersonator")
        .order_by("-created_at", "-id")
    )
    return [
        {
            "id": e.pk,
            "from_state": e.from_state,
            "from_label": graph.label_of(e.from_state) if e.from_state else "",
            "to_state": e.to_state,
            "to_label": graph.label_of(e.to_state),
            "title": e.title,
            "comment": e.comment,
            "actor_name": e.actor.display_name if e.actor else "",
            "actor_side": Side.PLATFORM if e.actor and e.actor.is_staff else Side.MERCHANT,
            "impersonated": e.impersonator_id is not None,
            "created_at": e.created_at,
        }
        for e in events
    ]


def progress(*, actor: Actor, type_: str, obj_id: int) -> dict[str, Any]:
    """The board of one object: nodes done / current / pending, timeline, hint, the moves the actor may make."""
    graph, obj = object_for(actor=actor, type_=type_, obj_id=obj_id)
    state = graph.state(obj.state)
    here = graph.board_node_of(obj.state)
    expected = expected_durations(graph)
    nodes = []
    for node in graph.board():
        if node.order < here.order or (node.key == here.key and state.terminal):
            status = "done"
        elif node.key == here.key:
            status = "current"
        else:
            status = "pending"
        nodes.append(
            {
                "key": node.key,
                "label": node.label,
                "status": status,
                "state_label": state.label if node.key == here.key else "",
                "expected_seconds": None if node.terminal else expected.get(node.key),
            }
        )
    events = timeline(graph=graph, obj=obj)
    waiting = graph.waiting_on(obj.state)
    return {
        "type": graph.type,
        "type_label": graph.label,
        "id": obj.pk,
        "name": _name(graph, obj),
        "state": obj.state,
        "state_label": state.label,
        "terminal": state.terminal,
        "waiting_on": sorted(waiting),
        "hint": state.hint,
        "last_comment": events[0]["comment"] if events else "",
        "expected_seconds": None if state.terminal else expected.get(obj.state),
        "state_changed_at": obj.state_changed_at,
        "nodes": nodes,
        "timeline": events,
        "allowed": [
            {"to": m.target, "to_label": graph.label_of(m.target), "label": m.label, "needs_comment": m.needs_comment}
            for m in allowed_moves(graph, obj, actor)
        ],
    }


def _name(graph: Graph, obj: WorkflowObject) -> str:
    from jmt.workflow.services import display_name

    return display_name(graph, obj)


# --- back-office queues --------------------------------------------------------------------------


def queue(
    *,
    actor: Actor,
    type_: str,
    states: list[str] | None = None,
    waiting_on: Side | None = None,
    merchant_id: int | None = None,
) -> QuerySet[Any]:
    """Objects of one type in the actor's scope, oldest waiting first: the list a back-office page pages through."""
    graph = get(type_)
    objects = scoped_objects(actor=actor, graph=graph).select_related("merchant")
    if states:
        objects = objects.filter(state__in=states)
    if waiting_on is not None:
        objects = objects.filter(state__in=graph.states_waiting_on(waiting_on))
    if merchant_id is not None:
        objects = objects.filter(merchant_id=merchant_id)
    return objects.order_by("state_changed_at", "pk")


def queue_counts(*, actor: Actor, type_: str) -> list[dict[str, Any]]:
    """Per state: key, label and how many objects are in it (for the queue's filter tabs)."""
    graph = get(type_)
    counts = dict(
        scoped_objects(actor=actor, graph=graph)
        .order_by()
        .values_list("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )
    return [
        {"key": s.key, "label": s.label, "count": int(counts.get(s.key, 0))}
        for s in sorted(graph.states, key=lambda s: s.order)
    ]


# --- home (G9) -----------------------------------------------------------------------------------


def activity_feed(*, actor: Actor, limit: int = 20) -> list[dict[str, Any]]:
    """The merchant's workflow events, newest first, as ``FeedEntryOut``: each entry's route opens its detail."""
    if actor.merchant is None:
        return []
    graphs = {g.type: g for g in all_graphs()}
    events = (
        WorkflowEvent.objects.filter(merchant_id=actor.merchant.pk, object_type__in=list(graphs))
        .order_by("-created_at", "-id")
        .only("pk", "object_type", "object_id", "title", "created_at")[: max(0, limit)]
    )
    return [
        {
            "id": str(e.pk),
            "title": e.title,
            "module": graphs[e.object_type].module,
            "route": graphs[e.object_type].route_for(e.object_id),
            "created_at": _iso(e.created_at),
        }
        for e in events
    ]


def todo_counts(*, actor: Actor) -> list[dict[str, Any]]:
    """Open items whose next move is the merchant's, per catalog module, as ``TodoOut``.

    出口报关 is split per item (电子订单报送 / 清单总分单报送 / 汇总申请单报送): an entry appears for
    every registered graph's ``todo_item`` the actor may view, with a count of 0 when nothing waits.
    """
    if actor.merchant is None:
        return []
    order = {m.key: i for i, m in enumerate(catalog.MODULES)}
    entries: dict[str, dict[str, Any]] = {}
    routes: dict[str, set[str]] = defaultdict(set)
    for graph in all_graphs():
        module, item = catalog_item(graph.todo_item)
        if not actor.can(item.permission(module)):
            continue
        waiting = graph.states_waiting_on(Side.MERCHANT)
        count = objects_of(graph).filter(merchant_id=actor.merchant.pk, state__in=waiting).count()
        split = module.key in SPLIT_TODO_MODULES
        key = f"{module.key}:{item.key}" if split else module.key
        entry = entries.setdefault(
            key,
            {
                "module": module.key,
                "key": key,
                "title": item.title if split else module.title,
                "count": 0,
                "route": item.route,
                "_sort": (order[module.key], module.items.index(item) if split else 0),
            },
        )
        entry["count"] += count
        routes[key].add(item.route)
    for key, entry in entries.items():
        if len(routes[key]) > 1:
            entry["route"] = catalog_module(entry["module"]).route
    ordered = sorted(entries.values(), key=lambda e: e["_sort"])
    return [{k: v for k, v in e.items() if k != "_sort"} for e in ordered]


def catalog_module(key: str) -> catalog.Module:
    return next(m for m in catalog.MODULES if m.key == key)


# --- back-office 工作台 ----------------------------------------------------------------------------


def staff_queues(*, actor: Actor) -> list[dict[str, Any]]:
    """Per graph the actor may work (``queue_permission``), each state waiting on 捷晶 with its count."""
    entries: list[dict[str, Any]] = []
    for graph in all_graphs():
        if not graph.queue_permission or not actor.can(graph.queue_permission):
            continue
        waiting = [graph.state(key) for key in graph.states_waiting_on(Side.PLATFORM)]
        counts = dict(
            scoped_objects(actor=actor, graph=graph)
            .filter(state__in=[s.key for s in waiting])
            .order_by()
            .values_list("state")
            .annotate(n=Count("pk"))
            .values_list("state", "n")
        )
        module, page = _admin_item(graph.queue_permission)
        route = graph.admin_route.split("?", 1)[0] or page.route
        for state in sorted(waiting, key=lambda s: s.order):
            entries.append(
                {
                    "key": f"{graph.type}:{state.key}",
                    "module": module.key,
                    "title": f"{graph.label} · 待{state.label}",
                    "description": f"在「{page.title}」中办理",
                    "count": int(counts.get(state.key, 0)),
                    "route": route,
                }
            )
    return entries


def _admin_item(code: str) -> tuple[catalog.Module, catalog.Item]:
    module_key, item_key, _ = code.split(":", 2)
    module = next(m for m in catalog.ADMIN_MODULES if m.key == module_key)
    return module, next(i for i in module.items if i.key == item_key)
