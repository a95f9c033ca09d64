"""What a back-office viewer may see on the cockpits: the period and the merchants in their data scope."""

from __future__ import annotations

import datetime as dt
from typing import Any

from jmt.cockpits import facts, indicators, overview
from jmt.cockpits.errors import CockpitsError
from jmt.cockpits.facts import MerchantIds, Window
from jmt.core.auth import Actor
from jmt.rbac.scope import merchant_scope

OVERVIEW_VIEW = "dashboards:overview:view"
OVERVIEW_EXPORT = "dashboards:overview:export"
SERVICE_VIEW = "dashboards:service:view"
DEFAULT_DAYS = 30
MAX_DAYS = 366


def window_of(start: dt.date | None, end: dt.date | None) -> Window:
    """The period asked for; by default the last 30 days up to today."""
    end = end or overview.today()
    start = start or end - dt.timedelta(days=DEFAULT_DAYS - 1)
    if start > end or (end - start).days + 1 > MAX_DAYS:
        raise CockpitsError.period_invalid()
    return Window(start, end)


def merchant_ids_of(actor: Actor, code: str, merchant_id: int | None) -> MerchantIds:
    """``None`` when the viewer sees every merchant and filters none; else the merchant ids to count.

    A merchant filter outside the viewer's scope is refused as not found (404)."""
    scope = merchant_scope(actor, code)
    if merchant_id is not None:
        from jmt.merchants.models import Merchant

        if (
            not (scope.everything or merchant_id in scope.merchant_ids)
            or not Merchant.objects.filter(pk=merchant_id).exists()
        ):
            raise CockpitsError.merchant_not_found()
        return frozenset({merchant_id})
    return None if scope.everything else scope.merchant_ids


def _meta(window: Window, merchant_ids: MerchantIds) -> dict[str, Any]:
    refresh = facts.last_refresh()
    return {
        "start": window.start,
        "end": window.end,
        "previous_start": window.previous().start,
        "previous_end": window.previous().end,
        "live": merchant_ids is not None,
        "refreshed_at": refresh.refreshed_at if refresh else None,
    }


def overview_for(
    actor: Actor, *, start: dt.date | None, end: dt.date | None, merchant_id: int | None
) -> dict[str, Any]:
    window = window_of(start, end)
    merchant_ids = merchant_ids_of(actor, OVERVIEW_VIEW, merchant_id)
    day = overview.today()
    with facts.reading(Window(min(window.start, day.replace(day=1)), max(window.end, day))):
        return {**_meta(window, merchant_ids), **overview.overview(merchant_ids, window)}


def service_for(actor: Actor, *, start: dt.date | None, end: dt.date | None, merchant_id: int | None) -> dict[str, Any]:
    window = window_of(start, end)
    merchant_ids = merchant_ids_of(actor, SERVICE_VIEW, merchant_id)
    with facts.reading(Window(window.previous().start, window.end)):
        return {
            **_meta(window, merchant_ids),
            "indicators": [indicator.evaluate(window, merchant_ids) for indicator in indicators.INDICATORS],
        }


def merchant_options(actor: Actor, code: str, q: str) -> list[dict[str, Any]]:
    """Up to 20 merchants of the viewer's scope whose name contains ``q`` (the merchant filter's choices)."""
    from jmt.merchants.models import Merchant

    scope = merchant_scope(actor, code)
    qs = Merchant.objects.exclude(name="").order_by("name", "pk")
    if not scope.everything:
        qs = qs.filter(pk__in=sorted(scope.merchant_ids))
    if q.strip():
        qs = qs.filter(name__icontains=q.strip())
    return [{"id": m.pk, "name": m.display_name} for m in qs[:20]]
