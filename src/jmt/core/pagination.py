"""One way to page a list: ``?page=&page_size=`` → ``{items, total, page, page_size}``.

Big tables (the operation log) page with :func:`paginate_large`: the total is counted exactly only up
to ``EXACT_COUNT_LIMIT`` rows (a ``COUNT`` over a ``LIMIT``ed subquery, cheap), and above that it is
PostgreSQL's own estimate of the table size when nothing is filtered, or an exact count cached for
``COUNT_CACHE_SECONDS`` — never a full ``COUNT(*)`` of the table on every page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import connections
from django.db.models import QuerySet

# The largest row offset a database accepts (a signed 64-bit integer); pages past it are empty.
MAX_OFFSET = 2**63 - 1
EXACT_COUNT_LIMIT = 10_000
COUNT_CACHE_SECONDS = 60


@dataclass(frozen=True)
class Page:
    items: list[Any]
    total: int
    page: int
    page_size: int

    def map(self, item: Callable[[Any], Any]) -> Page:
        """The same page with each item turned into its output shape."""
        return Page(items=[item(row) for row in self.items], total=self.total, page=self.page, page_size=self.page_size)

    def out(self) -> dict[str, Any]:
        return {"items": self.items, "total": self.total, "page": self.page, "page_size": self.page_size}


def paginate(queryset: QuerySet[Any], *, page: int, page_size: int) -> Page:
    """Rows ``(page - 1) * page_size`` onwards, at most ``page_size`` of them, and the total count."""
    start = (page - 1) * page_size
    items = list(queryset[start : start + page_size]) if start + page_size <= MAX_OFFSET else []
    return Page(items=items, total=queryset.count(), page=page, page_size=page_size)


def _table_estimate(queryset: QuerySet[Any]) -> int | None:
    """PostgreSQL's row estimate of the queryset's table (kept by autovacuum/ANALYZE), if it has one."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [queryset.model._meta.db_table]
        )
        row = cursor.fetchone()
    return int(row[0]) if row and row[0] is not None and row[0] >= 0 else None


def large_count(queryset: QuerySet[Any], *, limit: int = EXACT_COUNT_LIMIT) -> int:
    """Exact up to ``limit``; above it an estimate (unfiltered) or a cached exact count (filtered)."""
    counted = queryset.order_by()[: limit + 1].count()
    if counted <= limit:
        return counted
    unfiltered = not queryset.query.where
    if unfiltered:
        estimate = _table_estimate(queryset)
        if estimate is not None and estimate > limit:
            return estimate
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    key = "jmt:count:" + hashlib.sha256(f"{queryset.db}|{sql}|{params!r}".encode()).hexdigest()
    total = cache.get(key)
    if total is None:
        total = queryset.order_by().count()
        cache.set(key, total, COUNT_CACHE_SECONDS)
    return int(total)


def paginate_large(queryset: QuerySet[Any], *, page: int, page_size: int) -> Page:
    """:func:`paginate` for big tables: the total from :func:`large_count`."""
    start = (page - 1) * page_size
    items = list(queryset[start : start + page_size]) if start + page_size <= MAX_OFFSET else []
    return Page(items=items, total=large_count(queryset), page=page, page_size=page_size)
