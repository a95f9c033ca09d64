"""The search providers: who answers a query, on which surface, in which order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from jmt.core.auth import Actor
from jmt.core.catalog import Surface
from jmt.search.text import Span, is_pinyin_query, match, normalize


@dataclass(frozen=True)
class Query:
    """What the user typed (``raw``) and its normalized form (``text``) that providers match."""

    raw: str
    limit: int = 5

    @property
    def text(self) -> str:
        return normalize(self.raw)

    @property
    def pinyin(self) -> bool:
        return is_pinyin_query(self.text)


@dataclass(frozen=True)
class Hit:
    title: str
    route: str
    subtitle: str = ""
    mobile_route: str | None = None
    spans: tuple[Span, ...] = ()
    subtitle_spans: tuple[Span, ...] = ()
    score: int = 0
    enabled: bool = True
    disabled_reason: str = ""
    icon: str = ""
    children: tuple[Hit, ...] = ()


SearchFn = Callable[..., list[Hit]]


@dataclass(frozen=True)
class Provider:
    key: str
    title: str
    surface: Surface
    search: SearchFn = field(compare=False)
    order: int = 100


_providers: dict[str, Provider] = {}


def register(provider: Provider) -> None:
    """Add (or replace, on a re-import) a provider; keys are ``<app>.<what>``."""
    _providers[provider.key] = provider


def providers(surface: Surface) -> list[Provider]:
    return sorted((p for p in _providers.values() if p.surface is surface), key=lambda p: (p.order, p.key))


def spans_of(text: str, query: Query) -> tuple[Span, ...]:
    """The characters of ``text`` to highlight for ``query`` (none when it does not match)."""
    found = match(text, query.text)
    return found.spans if found else ()


def run(*, actor: Actor, surface: Surface, query: Query) -> list[tuple[Provider, list[Hit]]]:
    """Every provider of the surface asked in turn; groups without hits are left out."""
    groups: list[tuple[Provider, list[Hit]]] = []
    if not query.text:
        return groups
    for provider in providers(surface):
        hits = provider.search(actor=actor, query=query)
        if hits:
            groups.append((provider, sorted(hits, key=lambda h: -h.score)[: query.limit]))
    return groups
