"""Completed (and not yet completed) items of every rateable kind, built straight in their final state."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.utils import timezone
from model_bakery import baker

from jmt.merchants.models import Merchant
from jmt.ratings.models import Rating

# kind → (model, completed state, a state before completion, extra fields)
KINDS: dict[str, tuple[str, str, str, dict[str, Any]]] = {
    "registration": ("registration.Application", "approved", "review", {}),
    "filing": ("filings.Filing", "completed", "handling", {"filing_type": "dxp-id"}),
    "refund": ("refunds.Claim", "received", "refunding", {}),
    "settlement": ("fx.Settlement", "completed", "pending", {}),
    "shipment": ("logistics.Shipment", "delivered", "in_transit", {}),
}
FILING_TYPES = ("dxp-id", "eport-card", "cloud-signing", "enterprise-record", "customs-registration")


def item(kind: str, merchant: Merchant, *, completed: bool = True, at: datetime | None = None) -> Any:
    model, done, before, extra = KINDS[kind]
    fields = {**extra}
    if kind == "filing":
        # one filing per merchant and type: take another type when this one is used
        from jmt.filings.models import Filing

        used = set(Filing.objects.filter(merchant=merchant).values_list("filing_type", flat=True))
        fields["filing_type"] = next(t for t in FILING_TYPES if t not in used)
    return baker.make(
        model,
        merchant=merchant,
        state=done if completed else before,
        state_changed_at=at or timezone.now(),
        **fields,
    )


def rating(merchant: Merchant, *, stars: int = 5, kind: str = "shipment", **fields: Any) -> Rating:
    obj = item(kind, merchant)
    return Rating.objects.create(
        merchant=merchant,
        kind=kind,
        object_id=obj.pk,
        subject_title=f"测试业务 #{obj.pk}",
        subject_route=f"/logistics/shipments/{obj.pk}",
        stars=stars,
        **fields,
    )
