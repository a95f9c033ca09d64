"""Keeping :class:`NameKey` rows in step with the names they spell, and matching them.

Self-healing rather than hooked into every write: :func:`refresh` finds the rows of a kind whose key
is missing or was computed from another name (one anti-join) and recomputes those. Providers call it
before matching, at most every ``REFRESH_SECONDS`` per process; the bench calls it outright (``force``).
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q, QuerySet

from jmt.search.models import NameKey
from jmt.search.text import SKIPPING_MIN, initials_pattern, pinyin_keys

REFRESH_SECONDS = 30.0
_refreshed_at: dict[str, float] = {}


def sync(kind: str, rows: Iterable[tuple[int, str]]) -> int:
    """Write the keys of ``(object_id, name)`` rows; returns how many were written."""
    keys = []
    for object_id, name in rows:
        full, initials = pinyin_keys(name)
        keys.append(NameKey(kind=kind, object_id=object_id, text=name[:255], full=full[:1024], initials=initials[:255]))
    NameKey.objects.bulk_create(
        keys,
        batch_size=2000,
        update_conflicts=True,
        unique_fields=["kind", "object_id"],
        update_fields=["text", "full", "initials"],
    )
    return len(keys)


def refresh(kind: str, rows: QuerySet, field: str = "name", *, force: bool = False) -> int:
    """Recompute the keys of ``rows`` that are missing or stale (throttled unless ``force``)."""
    now = time.monotonic()
    if not force and now - _refreshed_at.get(kind, -REFRESH_SECONDS) < REFRESH_SECONDS:
        return 0
    _refreshed_at[kind] = now
    current = NameKey.objects.filter(kind=kind, object_id=OuterRef("pk"), text=OuterRef(field))
    stale = rows.exclude(**{field: ""}).exclude(Exists(current)).values_list("pk", field)
    return sync(kind, stale.iterator(chunk_size=2000))


def matching(kind: str, text: str) -> QuerySet[NameKey]:
    """Keys whose full pinyin or initials contain ``text`` (lower-case Latin letters), or whose
    initials spell it in order when it is long enough (「dhsj」 → 东海晶莹水晶)."""
    condition = Q(full__contains=text) | Q(initials__contains=text)
    if len(text) >= SKIPPING_MIN:
        condition |= Q(initials__regex=initials_pattern(text))
    return NameKey.objects.filter(condition, kind=kind)


def fresh(kind: str, text: str, name_field: str = "name") -> Exists:
    """An ``Exists`` for the outer row (``pk`` and ``name_field``) having a current key that matches."""
    return Exists(matching(kind, text).filter(object_id=OuterRef("pk"), text=OuterRef(name_field)))
