"""Pick the tracking provider named by ``settings.TRACKING_BACKEND`` (``standin`` | ``17track``)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from jmt.integrations.tracking.port import TrackingProvider
from jmt.integrations.tracking.seventeen import SeventeenTrack
from jmt.integrations.tracking.standin import StandInTracking


def get_tracking() -> TrackingProvider:
    backend = settings.TRACKING_BACKEND
    if backend == "standin":
        return StandInTracking(step=timedelta(seconds=settings.TRACKING_STANDIN_STEP_SECONDS))
    if backend == "17track":
        if not settings.TRACKING_API_KEY:
            raise ImproperlyConfigured("TRACKING_BACKEND='17track' needs TRACKING_API_KEY")
        return SeventeenTrack(base_url=settings.TRACKING_API_BASE, api_key=settings.TRACKING_API_KEY)
    raise ImproperlyConfigured(f"TRACKING_BACKEND must be standin or 17track, not {backend!r}")
