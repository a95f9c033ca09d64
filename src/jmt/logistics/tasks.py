"""Background jobs of 跨境物流: register new tracking numbers, poll open shipments.

``logistics_tracking_poll`` runs from the periodic scheduler (``jmt.system.scheduler``). With the
stand-in it polls every open shipment (its events appear as time passes); with the real adapter it
polls only the numbers no push has updated for ``TRACKING_POLL_STALE_SECONDS`` (the fallback).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from jmt.integrations.tracking.factory import get_tracking
from jmt.integrations.tracking.standin import StandInTracking
from jmt.logistics import services


@task()
def logistics_tracking_register(shipment_id: int) -> int:
    provider = get_tracking()
    rejected = services.tracking_register(provider=provider, shipment_ids=[shipment_id])
    return len(rejected)


@task()
def logistics_tracking_poll() -> int:
    provider = get_tracking()
    pending = list(
        services.Shipment.objects.filter(state__in=services.OPEN_STATES, tracking_registered=False)
        .exclude(tracking_no="")
        .values_list("pk", flat=True)[:500]
    )
    if pending:
        services.tracking_register(provider=provider, shipment_ids=pending)
    stale = None
    if not isinstance(provider, StandInTracking):
        stale = timezone.now() - timedelta(seconds=settings.TRACKING_POLL_STALE_SECONDS)
    return services.tracking_poll(provider=provider, stale_before=stale)
