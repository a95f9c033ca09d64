"""Reads of the system app: parameter groups and the notices the merchant surfaces show."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any, Literal, cast

from django.utils import timezone
from pydantic import ValidationError

from jmt.core.errors import NotFound
from jmt.system import opening_hours
from jmt.system.models import SystemParameter
from jmt.system.parameters import GROUPS, GROUPS_BY_KEY, AnnouncementParams, Group, OpeningHoursParams, PlatformParams

logger = logging.getLogger("jmt.system")


def _from_stored(model: type[Group], stored: dict[str, Any]) -> Group:
    try:
        return model.model_validate(stored)
    except ValidationError:
        # A value saved under an older schema: keep what still validates field by field.
        logger.warning("stored parameters of %s no longer validate; using defaults where needed", model.__name__)
        merged = model().model_dump(mode="json")
        for key, value in stored.items():
            try:
                model.model_validate({**merged, key: value})
            except ValidationError:
                continue
            merged[key] = value
        return model.model_validate(merged)


def parameter(key: str) -> Group:
    """The current value of one group (its defaults when never saved)."""
    spec = GROUPS_BY_KEY.get(key)
    if spec is None:
        raise NotFound("没有这个参数组")
    row = SystemParameter.objects.filter(pk=key).first()
    return spec.model() if row is None else _from_stored(spec.model, row.value)


def parameters_all() -> list[dict[str, Any]]:
    rows = {row.group: row for row in SystemParameter.objects.select_related("updated_by")}
    result = []
    for spec in GROUPS:
        row = rows.get(spec.key)
        value = spec.model() if row is None else _from_stored(spec.model, row.value)
        result.append(
            {
                "key": spec.key,
                "title": spec.title,
                "description": spec.description,
                "value": value.model_dump(mode="json"),
                "updated_at": row.updated_at if row else None,
                "updated_by": (row.updated_by.name or row.updated_by.username) if row and row.updated_by else None,
            }
        )
    return result


def notices(*, surface: Literal["merchant", "admin"] = "merchant", now: datetime | None = None) -> dict[str, Any]:
    """What a surface shows on top: open or closed now, when next open, the active announcements."""
    moment = now or timezone.now()
    hours = cast(OpeningHoursParams, parameter("opening_hours"))
    platform = cast(PlatformParams, parameter("platform"))
    announcements = cast(AnnouncementParams, parameter("announcements"))
    is_open = opening_hours.is_open(hours, moment)
    active = [a for a in announcements.items if a.active_at(moment) and surface in a.audience]
    return {
        "now": moment,
        "timezone": "Asia/Shanghai",
        "open": is_open,
        "hours_text": opening_hours.describe(hours),
        "next_open_at": None if is_open else opening_hours.next_opening(hours, moment),
        "closed_notice": hours.notice,
        "announcements": [
            {
                "id": a.id,
                "title": a.title,
                "content": a.content,
                "level": a.level,
                "starts_at": a.starts_at,
                "ends_at": a.ends_at,
            }
            for a in sorted(active, key=lambda a: a.starts_at)
        ],
        "platform": {"name": platform.name, "hotline": platform.hotline, "service_wechat": platform.service_wechat},
    }
