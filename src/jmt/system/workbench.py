"""The back-office 工作台's 待处理事项: a registry every module registers its queues into.

A source is ``fn(actor) -> list[entry]``; an entry is ``{key, module, title, description, count,
route}`` (``module`` is the back-office catalog module, ``route`` the page that works the queue).
A source lists only the queues the staff member may work (by permission and data scope) and lists
them with a count of 0 when nothing waits, so the page says what each person looks after. The
workflow mechanism registers every graph's states that wait on 捷晶 (工商注册: 材料初审, 现场核验);
customs registers its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jmt.core import catalog
from jmt.core.auth import Actor

QueueSource = Callable[[Actor], list[dict[str, Any]]]

_SOURCES: dict[str, QueueSource] = {}


def register(key: str, source: QueueSource) -> None:
    _SOURCES[key] = source


def unregister(key: str) -> None:
    _SOURCES.pop(key, None)


def _position(module: str) -> int:
    keys = [m.key for m in catalog.ADMIN_MODULES]
    return keys.index(module) if module in keys else len(keys)


def queues(*, actor: Actor) -> list[dict[str, Any]]:
    """Every queue the staff member may work, in back-office menu order, the busiest first within a module."""
    if not actor.user.is_staff:
        return []
    entries: list[dict[str, Any]] = []
    for source in _SOURCES.values():
        entries.extend(source(actor))
    return sorted(entries, key=lambda e: (_position(e["module"]), -e["count"]))
