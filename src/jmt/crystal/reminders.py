"""Declaration requirement reminders for the goods lines of a 9610 import or batch.

A line whose HS code has a requirement (``rules.REQUIREMENTS``) raises that reminder once per
requirement; where the platform keeps the code's 申报要素, lines whose 规格型号 holds fewer 「|」-joined
values than there are elements are counted and named, so the merchant knows which rows to complete.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from jmt.crystal.rules import REQUIREMENTS, requirement_for

SHOWN_LINES = 10


@dataclass(frozen=True)
class Line:
    label: str  # 「第 3 行」, 「订单 DH001 第 1 项」
    gcode: str
    gmodel: str


def reminders(lines: Iterable[Line]) -> list[dict[str, Any]]:
    hits: dict[str, dict[str, Any]] = {}
    for line in lines:
        code = (line.gcode or "").strip()
        requirement = requirement_for(code)
        if requirement is None:
            continue
        hit = hits.setdefault(
            requirement.prefix,
            {
                "key": requirement.prefix,
                "title": requirement.title,
                "message": requirement.message,
                "elements": list(requirement.elements),
                "codes": [],
                "lines": 0,
                "incomplete": [],
                "incomplete_count": 0,
            },
        )
        hit["lines"] += 1
        if code not in hit["codes"]:
            hit["codes"].append(code)
        given = [part for part in (line.gmodel or "").split("|") if part.strip()]
        if requirement.elements and len(given) < len(requirement.elements):
            hit["incomplete_count"] += 1
            if len(hit["incomplete"]) < SHOWN_LINES:
                hit["incomplete"].append(line.label)
    order = {r.prefix: i for i, r in enumerate(REQUIREMENTS)}
    return sorted(hits.values(), key=lambda h: order[h["key"]])
