"""服务评价 on the home page: a 待评价 to-do counting the completed items waiting for a rating."""

from __future__ import annotations

from typing import Any

from jmt.core.auth import Actor
from jmt.ratings.selectors import pending
from jmt.system import home


def todos(actor: Actor) -> list[dict[str, Any]]:
    if actor.merchant is None:
        return []
    return [
        {
            "module": "ratings",
            "key": "ratings",
            "title": "待评价",
            "count": len(pending(actor=actor)),
            "route": "/me/ratings?tab=pending",
        }
    ]


def register() -> None:
    home.register(home.HomeSource("ratings", todos=todos))
