"""Pick the customs gateway named by ``settings.CUSTOMS_GATEWAY_BACKEND``."""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from jmt.integrations.customs_gateway.dianduantong import DianDuanTongGateway
from jmt.integrations.customs_gateway.port import CustomsGateway, GatewayCredentials
from jmt.integrations.customs_gateway.simulator import Simulator

BACKENDS = ("simulator", "dianduantong")
CLOSE_AFTER_ENV = "JMT_CUSTOMS_SIMULATOR_CLOSE_AFTER_SECONDS"


def simulator_options() -> dict[str, Any]:
    """How the running simulator paces 放行 → 结关: ``CUSTOMS_SIMULATOR_CLOSE_AFTER_SECONDS`` (setting, else
    the environment variable of that name with the ``JMT_`` prefix); unset, one simulator step. ``make run``
    sets it longer than the 撤销 grace period, so the demo can show a cancel that succeeds."""
    value = getattr(settings, "CUSTOMS_SIMULATOR_CLOSE_AFTER_SECONDS", None) or os.environ.get(CLOSE_AFTER_ENV, "")
    try:
        seconds = float(value) if value not in (None, "") else None
    except ValueError as exc:
        raise ImproperlyConfigured(f"{CLOSE_AFTER_ENV} must be a number of seconds, not {value!r}") from exc
    return {"close_after_seconds": seconds}


def get_gateway() -> CustomsGateway:
    backend = settings.CUSTOMS_GATEWAY_BACKEND
    if backend == "simulator":
        return Simulator(**simulator_options())
    if backend == "dianduantong":
        missing = [
            name
            for name in ("CUSTOMS_GATEWAY_BASE_URL", "CUSTOMS_GATEWAY_APP_KEY", "CUSTOMS_GATEWAY_APP_SECRET")
            if not getattr(settings, name, "")
        ]
        if missing:
            raise ImproperlyConfigured(f"CUSTOMS_GATEWAY_BACKEND='dianduantong' needs: {', '.join(missing)}")
        return DianDuanTongGateway(
            base_url=settings.CUSTOMS_GATEWAY_BASE_URL,
            app_key=settings.CUSTOMS_GATEWAY_APP_KEY,
            app_secret=settings.CUSTOMS_GATEWAY_APP_SECRET,
            callback_url=settings.CUSTOMS_GATEWAY_CALLBACK_URL,
        )
    raise ImproperlyConfigured(f"CUSTOMS_GATEWAY_BACKEND must be one of {', '.join(BACKENDS)}, not {backend!r}")


def gateway_for(credentials: GatewayCredentials) -> CustomsGateway:
    """The gateway of one merchant's account: the real adapter with its base URL, key and secret when the
    backend is ``dianduantong``; otherwise the simulator, which refuses bad credentials as documented."""
    backend = settings.CUSTOMS_GATEWAY_BACKEND
    if backend == "dianduantong":
        return DianDuanTongGateway(
            base_url=credentials.base_url,
            app_key=credentials.app_key,
            app_secret=credentials.app_secret,
            callback_url=credentials.callback_url or settings.CUSTOMS_GATEWAY_CALLBACK_URL,
        )
    if backend == "simulator":
        return Simulator(credentials=credentials, **simulator_options())
    raise ImproperlyConfigured(f"CUSTOMS_GATEWAY_BACKEND must be one of {', '.join(BACKENDS)}, not {backend!r}")
