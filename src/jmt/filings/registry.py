"""The one registry of filing types, read by the API, the pages, the queue, the guide and the templates."""

from __future__ import annotations

from jmt.filings.errors import FilingError
from jmt.filings.spec import FilingType
from jmt.workflow import registry as workflow_registry

_types: dict[str, FilingType] = {}


def register(ft: FilingType) -> FilingType:
    existing = _types.get(ft.key)
    if existing is not None and existing != ft:
        raise ValueError(f"filing type {ft.key!r} is registered twice")
    _types[ft.key] = ft
    workflow_registry.register(ft.graph)
    return ft


def unregister(key: str) -> None:
    """Tests only: forget a type (and its graph) registered for the test."""
    ft = _types.pop(key, None)
    if ft is not None:
        workflow_registry.unregister(ft.graph_type)


def get(key: str) -> FilingType:
    ft = _types.get(key)
    if ft is None:
        raise FilingError.unknown_type(key)
    return ft


def all_types() -> list[FilingType]:
    return sorted(_types.values(), key=lambda t: (t.order, t.key))
