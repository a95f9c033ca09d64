"""One way to page a list: ``?page=&page_size=`` → ``{items, total, page, page_size}``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

# The largest row offset a database accepts (a signed 64-bit integer); pages past it are empty.
MAX_OFFSET = 2**63 - 1


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
