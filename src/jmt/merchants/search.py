"""商户 in the back-office search: company names (substring and pinyin, 「dhsj」 → 东海晶莹水晶), credit
codes and the phone number of the merchant's creator (its 管理员), within the actor's data scope."""

from __future__ import annotations

from django.db.models import OuterRef, Q, Subquery

from jmt.core.auth import Actor
from jmt.core.catalog import Surface
from jmt.merchants.models import MemberRole, Membership, Merchant
from jmt.rbac.scope import merchants_visible
from jmt.search import index
from jmt.search.registry import Hit, Provider, Query, register
from jmt.search.text import match

VIEW = "merchants:list:view"
KIND = "merchant"
PHONE_MIN = 4


KEYS_CAP = 200  # pinyin keys considered per query: a name query that spells more than this is too vague


def merchants(*, actor: Actor, query: Query) -> list[Hit]:
    text = query.text
    if not actor.can(VIEW) or not text:
        return []
    condition = Q(name__icontains=text) | Q(credit_code__icontains=text)
    if query.pinyin:
        index.refresh(KIND, Merchant.objects.all())
        # Ids first (served by the trigram indexes of the keys), then one indexed lookup; a key left by a
        # rename is dropped below, where the current name must still match.
        ids = list(index.matching(KIND, text).values_list("object_id", flat=True)[:KEYS_CAP])
        condition |= Q(pk__in=ids)
    phone_query = text.isdigit() and len(text) >= PHONE_MIN
    if phone_query:
        creators = Membership.objects.filter(role=MemberRole.ADMIN, user__phone__contains=text)
        condition |= Q(pk__in=list(creators.values_list("merchant_id", flat=True)[:KEYS_CAP]))
    creator_phone = (
        Membership.objects.filter(merchant=OuterRef("pk"), role=MemberRole.ADMIN)
        .order_by("joined_at", "pk")
        .values("user__phone")[:1]
    )
    rows = (
        Merchant.objects.filter(merchants_visible(actor, VIEW, field="pk"))
        .filter(condition)
        .annotate(creator_phone=Subquery(creator_phone))
    )
    hits = []
    for merchant in rows.order_by("-pk")[: query.limit * 4]:
        name = merchant.display_name
        found = match(name, text)
        phone = merchant.creator_phone or ""
        if found is None and text not in merchant.credit_code.lower() and not (phone_query and text in phone):
            continue  # found through a pinyin key of a former name
        subtitle = f"创建人 {phone}" if phone else "创建人未登记手机号"
        if merchant.credit_code:
            subtitle += f" · 信用代码 {merchant.credit_code}"
        at = subtitle.find(text) if found is None else -1
        hits.append(
            Hit(
                title=name,
                subtitle=subtitle,
                route=f"/merchants?id={merchant.pk}",
                spans=found.spans if found else (),
                subtitle_spans=((at, at + len(text)),) if at >= 0 else (),
                score=found.score if found else 75,
            )
        )
    return hits


register(Provider("merchants.merchants", "商户", Surface.ADMIN, merchants, order=10))
