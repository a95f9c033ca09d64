"""工商注册 applications in the global search, by 申请名称 or by 申请编号 (「GS000123」: ``GS`` and the
application's id, shown on the hit; the registration pages show no number of their own yet): a
merchant's own, and in the back office those within the actor's data scope."""

from __future__ import annotations

import re

from django.db.models import Q, QuerySet

from jmt.core.auth import Actor
from jmt.core.catalog import Surface
from jmt.registration import selectors
from jmt.registration.flow import QUEUE_VIEW, REGISTRATION
from jmt.registration.models import Application
from jmt.search.registry import Hit, Provider, Query, register
from jmt.search.text import match

NUMBER = re.compile(r"^(?:gs)?0*(\d{1,12})$")


def number_of(application: Application) -> str:
    """The 申请编号 shown for an application: 「GS000123」."""
    return f"GS{application.pk:06d}"


def _matching(rows: QuerySet[Application], query: Query) -> QuerySet[Application]:
    condition = Q(title__icontains=query.text)
    number = NUMBER.match(query.text)
    if number:
        condition |= Q(pk=int(number.group(1)))
    return rows.filter(condition).order_by("-pk")[: query.limit]


def _hits(rows: QuerySet[Application], query: Query, *, admin: bool) -> list[Hit]:
    hits = []
    for app in rows:
        title = app.title or app.get_kind_display()
        found = match(title, query.text)
        number = number_of(app)
        subtitle = f"{number} · {REGISTRATION.label_of(app.state)}"
        if admin:
            subtitle += f" · {app.merchant.display_name}"
        by_number = (wanted := NUMBER.match(query.text)) is not None and int(wanted.group(1)) == app.pk
        hits.append(
            Hit(
                title=title,
                subtitle=subtitle,
                route=f"/merchants/onboarding?id={app.pk}" if admin else "/registration/progress",
                spans=found.spans if found else (),
                subtitle_spans=((0, len(number)),) if by_number else (),
                score=found.score if found else 85,
            )
        )
    return hits


def merchant_applications(*, actor: Actor, query: Query) -> list[Hit]:
    if actor.merchant is None or not actor.can("registration:progress:view"):
        return []
    rows = selectors.applications(actor=actor).filter(merchant_id=actor.merchant.pk)
    return _hits(_matching(rows, query), query, admin=False)


def admin_applications(*, actor: Actor, query: Query) -> list[Hit]:
    if not actor.can(QUEUE_VIEW):
        return []
    return _hits(_matching(selectors.queue(actor=actor), query), query, admin=True)


register(Provider("registration.applications", "工商注册申请", Surface.MERCHANT, merchant_applications, order=30))
register(Provider("registration.applications.admin", "注册与入驻申请", Surface.ADMIN, admin_applications, order=30))
