"""出口退税 claims in the global search: by 退税申报编号 (「TS20261200012」) or by a 报关单号 the claim covers.

Merchants find only their own merchant's claims (``refunds.selectors.claims``: nothing while the module
is closed to them); back-office users only claims of merchants within their data scope for 退税管理,
with the merchant's name on the hit. Substrings of at least three characters.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from jmt.core.auth import Actor
from jmt.core.catalog import Surface
from jmt.core.errors import ApiError
from jmt.rbac.scope import merchants_visible
from jmt.refunds import selectors
from jmt.refunds.flow import CLAIM, MANAGE_VIEW, VIEW
from jmt.refunds.models import Claim, ClaimDeclaration
from jmt.search.registry import Hit, Provider, Query, register, spans_of
from jmt.search.text import SUBSTRING

MIN_LENGTH = 3


def _hits(rows: QuerySet[Claim], query: Query, *, admin: bool) -> list[Hit]:
    text = query.text
    declarations = ClaimDeclaration.objects.filter(entry_id__icontains=text)
    matching = rows.filter(Q(claim_no__icontains=text) | Q(pk__in=declarations.values("claim_id")))
    if admin:
        matching = matching.select_related("merchant")
    found = list(matching.order_by("-pk")[: query.limit])
    entries: dict[int, str] = {}  # the first matching 报关单号 of each claim, read for all of them at once
    for claim_id, entry_id in declarations.filter(claim__in=found).order_by("pk").values_list("claim_id", "entry_id"):
        entries.setdefault(claim_id, entry_id)
    hits = []
    for claim in found:
        state = CLAIM.label_of(claim.state)
        who = f" · {claim.merchant.display_name}" if admin else ""
        route = f"/operations/refunds?id={claim.pk}" if admin else f"/refunds/claims?id={claim.pk}"
        if text in claim.claim_no.lower():
            hits.append(
                Hit(
                    title=claim.claim_no,
                    subtitle=f"退税申报 · {state}{who}",
                    route=route,
                    spans=spans_of(claim.claim_no, query),
                    score=SUBSTRING,
                )
            )
            continue
        entry = entries.get(claim.pk, "")
        hits.append(
            Hit(
                title=entry,
                subtitle=f"报关单号 · 退税申报 {claim.claim_no} · {state}{who}",
                route=route,
                spans=spans_of(entry, query),
                score=SUBSTRING,
            )
        )
    return hits


def merchant_claims(*, actor: Actor, query: Query) -> list[Hit]:
    if len(query.text) < MIN_LENGTH or not actor.can(VIEW):
        return []
    try:
        rows = selectors.claims(actor=actor)
    except ApiError:  # no merchant, or 出口退税 not open to it yet
        return []
    return _hits(rows, query, admin=False)


def admin_claims(*, actor: Actor, query: Query) -> list[Hit]:
    if len(query.text) < MIN_LENGTH or not actor.can(MANAGE_VIEW):
        return []
    return _hits(Claim.objects.filter(merchants_visible(actor, MANAGE_VIEW)), query, admin=True)


register(Provider("refunds.claims", "出口退税申报", Surface.MERCHANT, merchant_claims, order=40))
register(Provider("refunds.claims.admin", "出口退税申报", Surface.ADMIN, admin_claims, order=40))
