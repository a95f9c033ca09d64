"""Background jobs of 收结汇."""

from __future__ import annotations

import logging

from django_tasks import task

from jmt.fx import rates
from jmt.integrations.fx.port import RatesUnavailable

logger = logging.getLogger("jmt.fx")


@task()
def fx_rate_snapshots() -> int:
    """Every 10 minutes (the scheduler): store one snapshot per board currency while open, and fire the
    alerts they cross. A source that cannot answer is logged and tried again on the next tick."""
    try:
        return len(rates.fetch_and_store())
    except RatesUnavailable as exc:
        logger.warning("rates not fetched: %s", exc)
        return 0
