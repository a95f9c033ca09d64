"""Writes of the system app: saving a group of system parameters (validated, audited)."""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.utils import timezone
from pydantic import ValidationError

from jmt.audit.services import record
from jmt.core.auth import Actor
from jmt.notifications.services import announcement_publish
from jmt.system.errors import SystemError_
from jmt.system.models import SystemParameter
from jmt.system.parameters import GROUPS_BY_KEY, AnnouncementParams, Group, MaintenanceAnnouncement, chinese_errors

logger = logging.getLogger("jmt.system")


def _flat(value: dict[str, Any]) -> dict[str, Any]:
    """Top-level fields, with nested mappings (the WeChat templates) spread one level: ``a.b``."""
    flat: dict[str, Any] = {}
    for key, item in value.items():
        if isinstance(item, dict):
            for sub, sub_item in item.items():
                flat[f"{key}.{sub}"] = sub_item
        else:
            flat[key] = item
    return flat


def announcement_messages_send(*, actor: Actor, announcement: MaintenanceAnnouncement) -> None:
    """Send a new merchant-facing announcement to every merchant user as a 系统公告 message.

    Called inside the parameters' transaction: the fan-out task commits with the change, or not at all.
    """
    announcement_publish(actor=actor, title=announcement.title, body=announcement.content)


def parameters_update(*, actor: Actor, group: str, value: dict[str, Any]) -> Group:
    """Validate and save one group; the audit entry lists the fields that changed, before and after."""
    spec = GROUPS_BY_KEY.get(group)
    if spec is None:
        raise SystemError_.unknown_group(group)
    try:
        new = spec.model.model_validate(value)
    except ValidationError as exc:
        raise SystemError_.invalid_fields(chinese_errors(spec.model, exc)) from exc
    after = new.model_dump(mode="json")
    with transaction.atomic():
        row = SystemParameter.objects.select_for_update().filter(pk=group).first()
        if row is None:
            before = spec.model().model_dump(mode="json")
            row = SystemParameter(group=group)
        else:
            before = row.value
        if _flat(before) == _flat(after):
            return new
        row.value = after
        row.updated_at = timezone.now()
        row.updated_by = actor.user
        row.save()
        record(
            actor=actor,
            module="system",
            action="update_parameters",
            obj=row,
            before=_flat(before),
            after=_flat(after),
        )
        if isinstance(new, AnnouncementParams):
            known = {item.get("id") for item in before.get("items", [])} if isinstance(before, dict) else set()
            for item in new.items:
                if item.id not in known and "merchant" in item.audience:
                    announcement_messages_send(actor=actor, announcement=item)
    return new
