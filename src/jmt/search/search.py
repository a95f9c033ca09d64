"""The service catalog as a search provider, on both surfaces.

A module hit (its title, description or keywords match) lists all its items; an item hit shows
itself under its module. Closed modules and items still show, marked with why (「即将上线」, the
gate), so the user learns where a service is.
"""

from __future__ import annotations

from typing import Any

from jmt.accounts.selectors import admin_catalog_for, catalog_for
from jmt.core import catalog
from jmt.core.auth import Actor
from jmt.core.catalog import Surface
from jmt.search.registry import Hit, Provider, Query, register
from jmt.search.text import SUBSTRING, match

KEYWORDS = {m.key: m.keywords for m in catalog.all_modules()}


def _item_hit(item: dict[str, Any], query: Query, *, spans: bool) -> Hit:
    found = match(item["title"], query.text) if spans else None
    return Hit(
        title=item["title"],
        subtitle=item.get("description") or "",
        route=item["route"],
        spans=found.spans if found else (),
        score=found.score if found else 0,
        enabled=bool(item["enabled"]),
        disabled_reason=item.get("disabled_reason") or "",
    )


def _module_hits(modules: list[dict[str, Any]], query: Query) -> list[Hit]:
    hits: list[Hit] = []
    for module in modules:
        title = match(module["title"], query.text)
        keyword = next((k for k in KEYWORDS.get(module["key"], ()) if query.text in k.lower()), None)
        if title is not None or keyword is not None:
            children = tuple(_item_hit(item, query, spans=True) for item in module["items"])
            score = title.score if title else SUBSTRING
            hits.append(_module_hit(module, children, spans=title.spans if title else (), score=score + 5))
            continue
        matched = tuple(hit for hit in (_item_hit(item, query, spans=True) for item in module["items"]) if hit.spans)
        if matched:
            hits.append(_module_hit(module, matched, spans=(), score=max(h.score for h in matched)))
    return hits


def _module_hit(module: dict[str, Any], children: tuple[Hit, ...], *, spans: Any, score: int) -> Hit:
    return Hit(
        title=module["title"],
        subtitle=module.get("description") or "",
        route=module["route"],
        spans=spans,
        score=score,
        enabled=bool(module["enabled"]),
        disabled_reason=module.get("disabled_reason") or "",
        icon=module.get("icon") or "",
        children=children,
    )


def merchant_catalog(*, actor: Actor, query: Query) -> list[Hit]:
    return _module_hits(catalog_for(actor), query)


def admin_catalog(*, actor: Actor, query: Query) -> list[Hit]:
    return _module_hits(admin_catalog_for(actor), query)


register(Provider("catalog.merchant", "服务与功能", Surface.MERCHANT, merchant_catalog, order=0))
register(Provider("catalog.admin", "功能菜单", Surface.ADMIN, admin_catalog, order=0))
