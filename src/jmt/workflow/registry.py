"""The one registry of workflow graphs: ``register(graph)`` where the module declares it, read by everything."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db import models

from jmt.workflow.errors import WorkflowError
from jmt.workflow.graph import Graph

_graphs: dict[str, Graph] = {}


def register(graph: Graph) -> Graph:
    existing = _graphs.get(graph.type)
    if existing is not None and existing != graph:
        raise ValueError(f"workflow type {graph.type!r} is registered twice")
    _graphs[graph.type] = graph
    return graph


def unregister(type_: str) -> None:
    """Tests only: forget a graph registered for the test."""
    _graphs.pop(type_, None)


def get(type_: str) -> Graph:
    graph = _graphs.get(type_)
    if graph is None:
        raise WorkflowError.unknown_type(type_)
    return graph


def all_graphs() -> list[Graph]:
    return list(_graphs.values())


def model_of(graph: Graph) -> type[models.Model]:
    return apps.get_model(graph.model)


def objects_of(graph: Graph) -> models.QuerySet[Any]:
    """Every object of the graph: its model's rows, narrowed by ``model_filter`` when graphs share a model."""
    return model_of(graph)._default_manager.filter(**dict(graph.model_filter))


def graph_of(obj: models.Model) -> Graph:
    """The graph of one object: the one registered for its model whose ``model_filter`` it matches."""
    label = obj._meta.label
    for graph in _graphs.values():
        if graph.model == label and graph.matches(obj):
            return graph
    raise LookupError(f"no workflow graph is registered for {label} #{obj.pk}")
