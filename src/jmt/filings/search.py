"""跨境申报 filings in the global search: by 申请编号 (「SB000123」: ``SB`` and the filing's id, shown on the
hit as the registration applications show 「GS000123」), by filing type name (「DXP ID 申请」, also by
pinyin: 「dxp」, 「yzkk」 → 电子口岸卡办理) and by the filing's own name.

Merchants find only their own merchant's filings (read through ``filings.selectors.filings``, the
workflow read filter of each type); back-office users only filings of merchants within their data
scope for 申报受理 (``selectors.queue``), with the merchant's name on the hit.
"""

from __future__ import annotations

import re

from django.db.models import Q, QuerySet

from jmt.core.auth import Actor
from jmt.core.catalog import Surface
from jmt.filings import registry, selectors
from jmt.filings.models import Filing
from jmt.filings.spec import QUEUE_VIEW
from jmt.search.registry import Hit, Provider, Query, register
from jmt.search.text import SUBSTRING, match

NUMBER = re.compile(r"^(?:sb)?0*(\d{1,12})$")
BY_NUMBER = 85


def number_of(filing: Filing) -> str:
    """The 申请编号 shown for a filing: 「SB000123」."""
    return f"SB{filing.pk:06d}"


def _wanted_number(query: Query) -> int | None:
    found = NUMBER.match(query.text)
    return int(found.group(1)) if found else None


def _matching(rows: QuerySet[Filing], query: Query) -> QuerySet[Filing]:
    """Rows whose type name (Chinese or pinyin, matched in memory over the few types), own name or
    number matches."""
    types = [ft.key for ft in registry.all_types() if match(ft.label, query.text)]
    condition = Q(filing_type__in=types) | Q(title__icontains=query.text)
    number = _wanted_number(query)
    if number is not None:
        condition |= Q(pk=number)
    return rows.filter(condition).order_by("-pk")[: query.limit]


def _hits(rows: QuerySet[Filing], query: Query, *, admin: bool) -> list[Hit]:
    hits = []
    number_wanted = _wanted_number(query)
    for filing in rows:
        ft = registry.get(filing.filing_type)
        number = number_of(filing)
        by_number = number_wanted == filing.pk
        title_match = match(ft.label, query.text)
        name = f" · {filing.title}" if filing.title else ""
        subtitle = f"{number} · {ft.graph.label_of(filing.state)}{name}"
        if admin:
            subtitle += f" · {filing.merchant.display_name}"
        name_at = subtitle.lower().find(query.text, len(number)) if filing.title else -1
        subtitle_spans = (
            ((0, len(number)),) if by_number else ((name_at, name_at + len(query.text)),) if name_at >= 0 else ()
        )
        hits.append(
            Hit(
                title=ft.label,
                subtitle=subtitle,
                route=f"/operations/filings?id={filing.pk}" if admin else ft.route,
                spans=title_match.spans if title_match else (),
                subtitle_spans=subtitle_spans,
                score=title_match.score if title_match else BY_NUMBER if by_number else SUBSTRING,
            )
        )
    return hits


def merchant_filings(*, actor: Actor, query: Query) -> list[Hit]:
    if actor.merchant is None:
        return []
    rows = selectors.filings(actor=actor).filter(merchant_id=actor.merchant.pk)
    return _hits(_matching(rows, query), query, admin=False)


def admin_filings(*, actor: Actor, query: Query) -> list[Hit]:
    if not actor.can(QUEUE_VIEW):
        return []
    return _hits(_matching(selectors.queue(actor=actor), query), query, admin=True)


register(Provider("filings.filings", "跨境申报", Surface.MERCHANT, merchant_filings, order=35))
register(Provider("filings.filings.admin", "跨境申报", Surface.ADMIN, admin_filings, order=35))
