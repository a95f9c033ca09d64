"""Writes of 水晶行业专项: editing a hint's copy (validated, audited before/after)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from jmt.audit.services import record
from jmt.core.auth import Actor
from jmt.crystal.errors import CrystalError
from jmt.crystal.hints import BODY_MAX, BY_KEY, TITLE_MAX
from jmt.crystal.models import CrystalHint


def hint_update(*, actor: Actor, key: str, title: str, body: str, enabled: bool) -> CrystalHint:
    """Save one hint; nothing is written when a field is wrong, or when nothing changed."""
    spec = BY_KEY.get(key)
    if spec is None:
        raise CrystalError.hint_unknown()
    title, body = title.strip(), body.strip()
    fields: dict[str, str] = {}
    if not title:
        fields["title"] = "请填写标题"
    elif len(title) > TITLE_MAX:
        fields["title"] = f"标题不能超过 {TITLE_MAX} 个字"
    if not body:
        fields["body"] = "请填写提示文案"
    elif len(body) > BODY_MAX:
        fields["body"] = f"提示文案不能超过 {BODY_MAX} 个字"
    if fields:
        raise CrystalError.hint_invalid(fields)
    with transaction.atomic():
        row = CrystalHint.objects.select_for_update().filter(pk=key).first()
        if row is None:
            row = CrystalHint(key=key, title=spec.title, body=spec.body, enabled=True)
        before = {"title": row.title, "body": row.body, "enabled": row.enabled}
        after = {"title": title, "body": body, "enabled": enabled}
        if before == after:
            return row
        row.title, row.body, row.enabled = title, body, enabled
        row.updated_at = timezone.now()
        row.updated_by = actor.user
        row.full_clean()
        row.save()
        record(actor=actor, module="crystal", action="crystal_hint_update", obj=row, before=before, after=after)
    return row
