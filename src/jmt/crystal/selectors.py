"""Reads of 水晶行业专项: the hints as shown, and the requirement reminders of a 9610 import or batch.

The import and the batch are fetched through customs' own selectors, so they are scoped to the
acting merchant exactly as the customs pages are (another merchant's id → 404).
"""

from __future__ import annotations

from typing import Any

from jmt.core.auth import Actor
from jmt.crystal.hints import FIELDS, HINTS, PLACES
from jmt.crystal.models import CrystalHint
from jmt.crystal.reminders import Line, reminders
from jmt.customs import selectors as customs


def hints_all() -> list[dict[str, Any]]:
    """Every hint with its current copy (edited, else default) and where it appears."""
    saved = {row.key: row for row in CrystalHint.objects.select_related("updated_by")}
    out = []
    for spec in HINTS:
        row = saved.get(spec.key)
        out.append(
            {
                "key": spec.key,
                "title": row.title if row else spec.title,
                "body": row.body if row else spec.body,
                "enabled": row.enabled if row else True,
                "edited": row is not None,
                "default_title": spec.title,
                "default_body": spec.body,
                "placements": [
                    {"place": place, "field": fld, "label": f"{PLACES[place]} · {FIELDS[(place, fld)]}"}
                    for place, fld in spec.placements
                ],
                "updated_at": row.updated_at if row else None,
                "updated_by": (row.updated_by.name or row.updated_by.username) if row and row.updated_by else "",
            }
        )
    return out


def hints_shown() -> list[dict[str, Any]]:
    return [h for h in hints_all() if h["enabled"]]


def import_reminders(*, actor: Actor, import_id: int) -> list[dict[str, Any]]:
    order_import = customs.order_import_get(actor=actor, import_id=import_id)
    rows = customs.import_rows(order_import=order_import, include_deleted=False)
    return reminders(
        Line(f"第 {row_no} 行", str(data.get("gcode") or ""), str(data.get("gmodel") or ""))
        for row_no, data in rows.values_list("row_no", "data")
    )


def batch_reminders(*, actor: Actor, batch_id: int) -> list[dict[str, Any]]:
    batch = customs.batch_get(actor=actor, batch_id=batch_id)
    lines = [
        Line(f"订单 {order_no} 第 {gnum} 项", gcode, gmodel)
        for order_no, gnum, gcode, gmodel in customs.batch_goods_lines(batch=batch)
    ]
    return reminders(lines)
