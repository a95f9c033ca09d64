"""Every read of 交易平台, scoped by the actor: the showroom sees 上架 products of every merchant; a
merchant also sees its own products in any state; the back office sees what its data scope reaches."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any, cast

from django.db.models import Prefetch, Q, QuerySet

from jmt.core.auth import Actor
from jmt.core.errors import NotFound
from jmt.rbac.scope import merchants_visible
from jmt.showroom import images
from jmt.showroom.errors import ShowroomError
from jmt.showroom.flow import ADMIN_EDIT, ADMIN_VIEW, EDIT, PRODUCT, VIEW
from jmt.showroom.keys import normalise_query
from jmt.showroom.models import Attribute, AttributeKind, Product, ProductImage, ProductState, Tag
from jmt.showroom.tree import Tree, inherited_attributes
from jmt.system.parameters import ShowroomParams
from jmt.system.selectors import parameter
from jmt.workflow.scope import read_filter

HALL_SECTION_SIZE = 8


def _with_cards(rows: QuerySet[Product]) -> QuerySet[Product]:
    return rows.select_related("merchant", "category").prefetch_related(
        "tags", Prefetch("images", queryset=ProductImage.objects.order_by("position", "id"))
    )


def money(amount: Decimal | None, currency: str) -> dict[str, str] | None:
    return None if amount is None else {"amount": f"{amount:.2f}", "currency": currency}


def card(product: Product) -> dict[str, Any]:
    pictures = list(product.images.all())
    return {
        "id": product.pk,
        "name": product.name,
        "price": money(product.price_cny, "CNY"),
        "price_usd": money(product.price_usd, "USD"),
        "thumb": images.url(pictures[0].key, "thumb") if pictures else None,
        "tags": [tag_out(t) for t in product.tags.all()],
        "category": {"id": product.category_id, "name": product.category.name},
        "merchant": product.merchant.name,
        "state": product.state,
        "state_label": ProductState(product.state).label,
    }


def tag_out(tag: Tag) -> dict[str, Any]:
    return {"id": tag.pk, "name": tag.name, "color": tag.color}


def attribute_out(attribute: Attribute) -> dict[str, Any]:
    return {
        "id": attribute.pk,
        "category_id": attribute.category_id,
        "name": attribute.name,
        "kind": attribute.kind,
        "unit": attribute.unit,
        "choices": list(attribute.choices),
    }


# --- the category tree --------------------------------------------------------------------------


def category_tree(*, actor: Actor, include_disabled: bool = False) -> list[dict[str, Any]]:
    """Nested categories with their own attributes and the number of 上架 products in each subtree.
    The showroom hides disabled categories (and their subtrees) from navigation; the back office
    sees them all."""
    tree = Tree.load()
    attributes: dict[int, list[dict[str, Any]]] = {}
    for attribute in Attribute.objects.order_by("position", "id"):
        attributes.setdefault(attribute.category_id, []).append(attribute_out(attribute))
    direct = Counter(Product.objects.filter(state=ProductState.LISTED).values_list("category_id", flat=True).order_by())
    everything = (
        Counter(Product.objects.values_list("category_id", flat=True).order_by()) if include_disabled else Counter()
    )

    def build(parent: int | None, depth: int) -> list[dict[str, Any]]:
        out = []
        for pk in tree.children.get(parent, []):
            node = tree.nodes[pk]
            if not node.enabled and not include_disabled:
                continue
            subtree = tree.subtree(pk)
            out.append(
                {
                    "id": pk,
                    "name": node.name,
                    "parent_id": node.parent_id,
                    "position": node.position,
                    "enabled": node.enabled,
                    "depth": depth,
                    "attributes": attributes.get(pk, []),
                    "listed_count": sum(direct[c] for c in subtree),
                    "product_count": sum(everything[c] for c in subtree) if include_disabled else None,
                    "children": build(pk, depth + 1),
                }
            )
        return out

    return build(None, 1)


def category_info(*, category_id: int) -> dict[str, Any]:
    """One category for the showroom's category page: its path, its children, the attributes to filter by."""
    tree = Tree.load()
    node = tree.nodes.get(category_id)
    if node is None or not tree.enabled_path(category_id):
        raise NotFound("分类不存在或已停用")
    subtree = set(tree.subtree(category_id))
    own_and_inherited = inherited_attributes(tree, category_id)
    below = Attribute.objects.filter(category_id__in=subtree - {category_id}).order_by("position", "id")
    return {
        "id": node.pk,
        "name": node.name,
        "path": [{"id": c.pk, "name": c.name} for c in tree.ancestors(category_id)],
        "children": [
            {"id": pk, "name": tree.nodes[pk].name}
            for pk in tree.children.get(category_id, [])
            if tree.nodes[pk].enabled
        ],
        "attributes": [attribute_out(a) for a in [*own_and_inherited, *below] if a.filterable],
    }


# --- the showroom -------------------------------------------------------------------------------


def _parse_attribute_filters(raw: list[str]) -> list[tuple[int, str]]:
    """``["12:黄色", "15:8~10"]`` → pairs; a number range is ``min~max`` (either side may be empty)."""
    pairs = []
    for item in raw:
        key, sep, value = item.partition(":")
        if not sep or not key.strip().isdigit() or not value.strip():
            raise ShowroomError.invalid({"attrs": "属性筛选格式应为「属性编号:取值」"})
        pairs.append((int(key), value.strip()))
    return pairs


def _filter_attributes(rows: QuerySet[Product], pairs: list[tuple[int, str]]) -> QuerySet[Product]:
    kinds = dict(Attribute.objects.filter(pk__in=[p[0] for p in pairs]).values_list("pk", "kind"))
    for attribute_id, value in pairs:
        if kinds.get(attribute_id) == AttributeKind.NUMBER and "~" in value:
            low, _, high = value.partition("~")
            condition = Q(values__attribute_id=attribute_id)
            try:
                if low.strip():
                    condition &= Q(values__number__gte=Decimal(low))
                if high.strip():
                    condition &= Q(values__number__lte=Decimal(high))
            except ArithmeticError as exc:
                raise ShowroomError.invalid({"attrs": "数值范围应为「最小~最大」"}) from exc
            rows = rows.filter(pk__in=Product.objects.filter(condition).values("pk"))
        else:
            choices = [v for v in value.split("|") if v]
            rows = rows.filter(
                pk__in=Product.objects.filter(values__attribute_id=attribute_id, values__value__in=choices).values("pk")
            )
    return rows


def search(rows: QuerySet[Product], q: str) -> QuerySet[Product]:
    """``q`` (spaces dropped, lower case) in the search key: Chinese, full pinyin or initials (``bsj`` finds 白水晶)."""
    return rows.filter(search_key__contains=normalise_query(q))


def showroom_products(
    *,
    actor: Actor,
    q: str = "",
    category_id: int | None = None,
    tag_ids: list[int] | None = None,
    price_min: Decimal | None = None,
    price_max: Decimal | None = None,
    attrs: list[str] | None = None,
    ordering: str = "-listed_at",
) -> QuerySet[Product]:
    """上架 products of every merchant (the showroom is where merchants and their buyers browse)."""
    del actor  # every merchant who may open the showroom sees the same products
    rows = Product.objects.filter(state=ProductState.LISTED)
    if category_id is not None:
        rows = rows.filter(category_id__in=Tree.load().subtree(category_id))
    if q.strip():
        rows = search(rows, q)
    for tag_id in tag_ids or []:
        rows = rows.filter(tags__id=tag_id)
    if price_min is not None:
        rows = rows.filter(price_cny__gte=price_min)
    if price_max is not None:
        rows = rows.filter(price_cny__lte=price_max)
    if attrs:
        rows = _filter_attributes(rows, _parse_attribute_filters(attrs))
    order = {"-listed_at": ("-listed_at", "-id"), "price": ("price_cny", "id"), "-price": ("-price_cny", "-id")}
    return _with_cards(rows.order_by(*order.get(ordering, order["-listed_at"])))


def hall(*, actor: Actor) -> list[dict[str, Any]]:
    """The showroom's front page: each top-level category with its 上架 count and newest products."""
    tree = Tree.load()
    sections = []
    for pk in tree.children.get(None, []):
        node = tree.nodes[pk]
        if not node.enabled:
            continue
        rows = showroom_products(actor=actor, category_id=pk)
        items = list(rows[:HALL_SECTION_SIZE])
        if not items:
            continue
        sections.append(
            {
                "category": {"id": pk, "name": node.name},
                "total": rows.count(),
                "items": [card(p) for p in items],
            }
        )
    return sections


def _visible_products(actor: Actor) -> QuerySet[Product]:
    """上架 products, plus every product within the actor's read scope (its own, or the back office's)."""
    scope = read_filter(actor, PRODUCT)
    if not scope:  # an empty Q reaches every merchant (and ``Q(...) | Q()`` would drop it)
        return Product.objects.all()
    return Product.objects.filter(Q(state=ProductState.LISTED) | scope)


def product_get(*, actor: Actor, product_id: int) -> Product:
    product = _with_cards(_visible_products(actor)).filter(pk=product_id).prefetch_related("values").first()
    if product is None:
        raise NotFound("商品不存在或已下架")
    return product


def product_detail(product: Product, *, actor: Actor) -> dict[str, Any]:
    tree = Tree.load()
    pictures = list(product.images.all())
    own = actor.merchant is not None and actor.merchant.pk == product.merchant_id
    return {
        **card(product),
        "description": product.description,
        "category_path": [{"id": c.pk, "name": c.name} for c in tree.ancestors(product.category_id)],
        "images": [
            {
                "id": p.pk,
                "thumb": images.url(p.key, "thumb"),
                "display": images.url(p.key, "display"),
                "width": p.width,
                "height": p.height,
            }
            for p in pictures
        ],
        "values": [
            {"attribute_id": v.attribute_id, "name": v.name, "value": v.value, "unit": v.unit}
            for v in product.values.all()
        ],
        "return_reason": product.return_reason if own or actor.can(ADMIN_VIEW) else "",
        "editable": own and actor.can(EDIT) and product.state in {"draft", "returned"},
        "mine": own,
        "created_at": product.created_at,
        "listed_at": product.listed_at,
        "merchant_id": product.merchant_id,
    }


def buy_contact() -> dict[str, str]:
    params = cast(ShowroomParams, parameter("showroom"))
    return {"wechat_id": params.buyer_wechat_id, "wechat_qr": params.buyer_wechat_qr, "note": params.buyer_note}


# --- a merchant's own products ------------------------------------------------------------------


def my_products(*, actor: Actor, q: str = "", state: str | None = None) -> QuerySet[Product]:
    rows = Product.objects.filter(merchants_visible(actor, VIEW)).filter(merchant=actor.merchant)
    if state:
        rows = rows.filter(state=state)
    if q.strip():
        rows = search(rows, q)
    return _with_cards(rows.order_by("-created_at", "-id"))


# --- the back office ----------------------------------------------------------------------------


def admin_products(
    *,
    actor: Actor,
    product_id: int | None = None,
    q: str = "",
    merchant: str = "",
    category_id: int | None = None,
    state: str | None = None,
    tag_id: int | None = None,
) -> QuerySet[Product]:
    rows = Product.objects.filter(merchants_visible(actor, ADMIN_VIEW))
    if product_id is not None:
        rows = rows.filter(pk=product_id)
    if q.strip():
        rows = search(rows, q)
    if merchant.strip():
        rows = rows.filter(merchant__name__icontains=merchant.strip())
    if category_id is not None:
        rows = rows.filter(category_id__in=Tree.load().subtree(category_id))
    if state:
        rows = rows.filter(state=state)
    if tag_id is not None:
        rows = rows.filter(tags__id=tag_id)
    return _with_cards(rows.order_by("-created_at", "-id"))


def admin_state_counts(*, actor: Actor) -> dict[str, int]:
    rows = Product.objects.filter(merchants_visible(actor, ADMIN_VIEW)).values_list("state", flat=True).order_by()
    counts = Counter(rows)
    return {state.value: counts.get(state.value, 0) for state in ProductState}


def tags() -> list[dict[str, Any]]:
    return [tag_out(t) for t in Tag.objects.order_by("position", "id")]


def admin_can_edit(actor: Actor) -> bool:
    return actor.can(ADMIN_EDIT)
