"""交易平台 products in the global search: by product name, also by full pinyin and initials
(「bsj」, 「baishui」 → 白水晶手串), as the showroom's own search key matches them.

Merchants find only their own products, whatever their state (``showroom.selectors.my_products``);
back-office users only products of merchants within their data scope for 商品管理
(``showroom.selectors.admin_products``), with the merchant's name on the hit.
"""

from __future__ import annotations

from django.db.models import QuerySet

from jmt.core.auth import Actor
from jmt.core.catalog import Surface
from jmt.search.registry import Hit, Provider, Query, register
from jmt.search.text import SUBSTRING, match
from jmt.showroom import selectors
from jmt.showroom.flow import ADMIN_VIEW, PRODUCT, VIEW
from jmt.showroom.models import Product

MIN_LENGTH = 2


def _hits(rows: QuerySet[Product], query: Query, *, admin: bool) -> list[Hit]:
    hits = []
    for product in rows.select_related("category", "merchant")[: query.limit]:
        found = match(product.name, query.text)
        who = f" · {product.merchant.display_name}" if admin else ""
        hits.append(
            Hit(
                title=product.name,
                subtitle=f"商品 · {product.category.name} · {PRODUCT.label_of(product.state)}{who}",
                route=f"/content/showroom?id={product.pk}" if admin else f"/showroom/products?id={product.pk}",
                mobile_route=None if admin else f"/showroom/products/{product.pk}",  # the H5 list opens no row
                spans=found.spans if found else (),
                score=found.score if found else SUBSTRING,
            )
        )
    return hits


def merchant_products(*, actor: Actor, query: Query) -> list[Hit]:
    if len(query.text) < MIN_LENGTH or actor.merchant is None or not actor.can(VIEW):
        return []
    return _hits(selectors.my_products(actor=actor, q=query.text), query, admin=False)


def admin_products(*, actor: Actor, query: Query) -> list[Hit]:
    if len(query.text) < MIN_LENGTH or not actor.can(ADMIN_VIEW):
        return []
    return _hits(selectors.admin_products(actor=actor, q=query.text), query, admin=True)


register(Provider("showroom.products", "我的商品", Surface.MERCHANT, merchant_products, order=55))
register(Provider("showroom.products.admin", "商品", Surface.ADMIN, admin_products, order=55))
