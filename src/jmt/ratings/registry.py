"""The rateable kinds: every module whose completed items the merchant may rate registers one here.

A kind tells the ratings app everything it needs about an item it does not own: its Chinese name,
which items the acting user may see, whose merchant an item is, whether (and since when) it is
completed, the code that lets one rate it, and its title and links. A module registers its kind in
its ``AppConfig.ready``; a new kind needs no new table and no new endpoint.

Kinds whose items move through a workflow graph (all five today) are built by :func:`workflow_kind`:
seeing an item is reading it through its graph (``jmt.workflow.scope``), rating it needs the ``edit``
code of the graph's merchant item (``rate_code`` overrides it where that item is read-only, e.g.
工商注册's 注册进度看板 → ``registration:apply:edit``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Model, Q, QuerySet

from jmt.core.auth import Actor
from jmt.workflow import registry as workflow_registry
from jmt.workflow.graph import Graph
from jmt.workflow.scope import read_filter


@dataclass(frozen=True)
class RateableKind:
    key: str  # stored on the rating, and the URL key: /ratings/subjects/{kind}/{object_id}
    label: str  # 跨境物流
    noun: str  # 运单: how the prompt names one item (「该运单尚未完成」)
    objects: Callable[[], QuerySet[Any]]  # every item of the kind
    visible: Callable[[Actor], Q]  # the items the actor may see (a filter on ``objects()``)
    completed: Q  # the completed items (a filter on ``objects()``)
    completed_since: Callable[[datetime], Q]  # completed items completed at or after a time
    completed_at: Callable[[Any], datetime]
    state_label: Callable[[Any], str]  # where an item is now (「运输中」)
    rate_code: Callable[[Any], str]  # the permission code that lets one rate the item
    rate_codes: Callable[[], tuple[str, ...]]  # every code ``rate_code`` may answer
    title: Callable[[Any], str]
    route: Callable[[Any], str]  # the item's merchant page
    admin_route: Callable[[Any], str]  # the item's back-office page

    def merchant_id(self, obj: Any) -> int:
        return int(obj.merchant_id)

    def is_completed(self, obj: Model) -> bool:
        return self.objects().filter(self.completed, pk=obj.pk).exists()


_KINDS: dict[str, RateableKind] = {}


def register(kind: RateableKind) -> RateableKind:
    _KINDS[kind.key] = kind
    return kind


def unregister(key: str) -> None:
    """Tests only."""
    _KINDS.pop(key, None)


def get(key: str) -> RateableKind | None:
    return _KINDS.get(key)


def kinds() -> list[RateableKind]:
    return list(_KINDS.values())


def label_of(key: str) -> str:
    kind = _KINDS.get(key)
    return kind.label if kind else key


def workflow_kind(
    *, key: str, label: str, noun: str, model: str, completed_state: str, rate_code: str = ""
) -> RateableKind:
    """A kind whose items are the objects of the workflow graphs of ``model`` (several graphs may share
    one model, e.g. the five filings), completed in ``completed_state``."""

    def graphs() -> list[Graph]:
        return [g for g in workflow_registry.all_graphs() if g.model == model]

    def objects() -> QuerySet[Any]:
        return workflow_registry.model_of(graphs()[0])._default_manager.all()

    def visible(actor: Actor) -> Q:
        filters = [read_filter(actor, g) & Q(**dict(g.model_filter)) for g in graphs()]
        return reduce(or_, filters) if filters else Q(pk__in=[])

    def code_of_graph(graph: Graph) -> str:
        return rate_code or f"{graph.todo_item}:edit"

    def title(obj: Any) -> str:
        graph = workflow_registry.graph_of(obj)
        name = str(getattr(obj, graph.name_field, "") or "") if graph.name_field else ""
        return f"{graph.label}「{name or f'#{obj.pk}'}」"

    return RateableKind(
        key=key,
        label=label,
        noun=noun,
        objects=objects,
        visible=visible,
        completed=Q(state=completed_state),
        completed_since=lambda since: Q(state=completed_state, state_changed_at__gte=since),
        completed_at=lambda obj: obj.state_changed_at,
        state_label=lambda obj: workflow_registry.graph_of(obj).label_of(obj.state),
        rate_code=lambda obj: code_of_graph(workflow_registry.graph_of(obj)),
        rate_codes=lambda: tuple(dict.fromkeys(code_of_graph(g) for g in graphs())),
        title=title,
        route=lambda obj: workflow_registry.graph_of(obj).route_for(obj.pk),
        admin_route=lambda obj: workflow_registry.graph_of(obj).admin_route_for(obj.pk),
    )
