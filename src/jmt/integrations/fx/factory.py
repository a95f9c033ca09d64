"""Pick the rates source named by ``settings.FX_RATES_BACKEND``: ``offline`` (the bundled ECB data,
the default for ``run``) or ``boc`` (the Bank of China board at ``settings.FX_BOC_URL``)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from jmt.integrations.fx.boc import BocBoardSource
from jmt.integrations.fx.ecb import EcbOfflineSource
from jmt.integrations.fx.port import RatesSource

BACKENDS = ("offline", "boc")


def get_rates_source() -> RatesSource:
    backend = settings.FX_RATES_BACKEND
    if backend == "offline":
        return EcbOfflineSource()
    if backend == "boc":
        return BocBoardSource(url=settings.FX_BOC_URL)
    raise ImproperlyConfigured(f"FX_RATES_BACKEND must be one of {', '.join(BACKENDS)}, not {backend!r}")
