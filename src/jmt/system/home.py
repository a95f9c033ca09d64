"""The home page's 业务动态 and 待办事项: a registry every module registers its sources into.

A module registers, in its ``AppConfig.ready``::

    home.register(home.HomeSource("customs", feed=customs_feed, todos=customs_todos))

``feed(actor, limit)`` returns up to ``limit`` entries shaped like ``FeedEntryOut`` (newest first);
``todos(actor)`` returns entries shaped like ``TodoOut`` (``module`` and ``key`` — ``module`` or
``module:item`` — name a catalog entry). The home merges them: the feed newest first, the to-dos in
catalog order and only those with something waiting, so the header's count is the sum of the list.
The workflow mechanism registers the sources of every declared graph (工商注册 today).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jmt.core import catalog
from jmt.core.auth import Actor

FeedSource = Callable[[Actor, int], list[dict[str, Any]]]
TodoSource = Callable[[Actor], list[dict[str, Any]]]
BalanceSource = Callable[[Actor], dict[str, Any] | None]


@dataclass(frozen=True)
class HomeSource:
    key: str
    feed: FeedSource | None = None
    todos: TodoSource | None = None
    balance: BalanceSource | None = None  # the account balance card (收结汇 registers it)


_SOURCES: dict[str, HomeSource] = {}


def register(source: HomeSource) -> HomeSource:
    _SOURCES[source.key] = source
    return source


def unregister(key: str) -> None:
    _SOURCES.pop(key, None)


def sources() -> list[HomeSource]:
    return list(_SOURCES.values())


def feed(*, actor: Actor, limit: int) -> list[dict[str, Any]]:
    """Every source's entries, newest first, at most ``limit``."""
    if actor.merchant is None or limit <= 0:
        return []
    entries: list[dict[str, Any]] = []
    for source in sources():
        if source.feed is not None:
            entries.extend(source.feed(actor, limit))
    entries.sort(key=lambda e: e["created_at"], reverse=True)
    return entries[:limit]


def _catalog_position(key: str) -> tuple[int, int]:
    module_key, _, item_key = key.partition(":")
    for m_index, module in enumerate(catalog.MODULES):
        if module.key == module_key:
            for i_index, item in enumerate(module.items):
                if item.key == item_key:
                    return m_index, i_index
            return m_index, -1
    return len(catalog.MODULES), 0


def todos(*, actor: Actor) -> list[dict[str, Any]]:
    """Every source's to-dos with at least one item waiting, merged per key, in catalog order."""
    if actor.merchant is None:
        return []
    merged: dict[str, dict[str, Any]] = {}
    for source in sources():
        if source.todos is None:
            continue
        for entry in source.todos(actor):
            if entry["count"] <= 0:
                continue
            if entry["key"] in merged:
                merged[entry["key"]]["count"] += entry["count"]
            else:
                merged[entry["key"]] = dict(entry)
    return sorted(merged.values(), key=lambda e: _catalog_position(e["key"]))


def balance(*, actor: Actor) -> dict[str, Any] | None:
    """The first registered balance (shaped like ``BalanceOut``), or None when there is none to show."""
    if actor.merchant is None:
        return None
    for source in sources():
        if source.balance is not None:
            found = source.balance(actor)
            if found is not None:
                return found
    return None
