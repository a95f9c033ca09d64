"""跨境物流 on the home page: to-dos (shipments in 异常) and 业务动态 (the shipment messages the person
received, each opening its shipment)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from jmt.core import catalog
from jmt.core.auth import Actor
from jmt.logistics.models import Shipment
from jmt.notifications.models import Message, MessageKind
from jmt.system import home

MODULE = next(m for m in catalog.MODULES if m.key == "logistics")
ITEM = next(i for i in MODULE.items if i.key == "shipments")


def todos(actor: Actor) -> list[dict[str, Any]]:
    merchant = actor.merchant
    if merchant is None or not merchant.registration_approved or not ITEM.built:
        return []
    if not actor.can(ITEM.permission(MODULE)):
        return []
    count = Shipment.objects.filter(merchant_id=merchant.pk, state="exception").count()
    return [
        {
            "module": MODULE.key,
            "key": f"{MODULE.key}:{ITEM.key}",
            "title": "异常运单",
            "count": count,
            "route": "/logistics/shipments?state=exception",
        }
    ]


def feed(actor: Actor, limit: int) -> list[dict[str, Any]]:
    if actor.merchant is None or not actor.can(ITEM.permission(MODULE)):
        return []
    messages = (
        Message.objects.filter(
            recipient_id=actor.user.pk,
            merchant_id=actor.merchant.pk,
            kind__in=(MessageKind.STATUS, MessageKind.TODO),
            link__startswith=f"{MODULE.route}/",
        )
        .order_by("-created_at", "-id")
        .only("pk", "title", "link", "created_at")[: max(0, limit)]
    )
    return [
        {
            "id": f"logistics-{m.pk}",
            "title": m.title,
            "module": MODULE.key,
            "route": m.link,
            "created_at": timezone.localtime(m.created_at).isoformat(),
        }
        for m in messages
    ]


def register() -> None:
    home.register(home.HomeSource(MODULE.key, feed=feed, todos=todos))
