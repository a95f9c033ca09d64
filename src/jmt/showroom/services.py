"""Every write of 交易平台: the category tree (create, rename, enable, move without cycles), attributes,
tags, products (create, edit, images), and their states through the workflow (submit, review, batch
上架 / 下架)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Max, QuerySet
from django.utils import timezone

from jmt.audit.services import record, snapshot
from jmt.core.auth import Actor
from jmt.core.errors import NotFound, PermissionDenied
from jmt.merchants.models import Merchant
from jmt.rbac.scope import merchant_in_scope
from jmt.showroom import images
from jmt.showroom.errors import ShowroomError
from jmt.showroom.flow import ADMIN_EDIT, EDIT, PRODUCT
from jmt.showroom.keys import search_key
from jmt.showroom.models import (
    Attribute,
    AttributeKind,
    Category,
    Product,
    ProductImage,
    ProductState,
    ProductValue,
    Tag,
)
from jmt.showroom.tree import Tree, inherited_attributes
from jmt.workflow import services as workflow
from jmt.workflow.scope import can_read

MODULE = "showroom"
MAX_IMAGES = 9
MERCHANT_EDITABLE = frozenset({ProductState.DRAFT, ProductState.RETURNED})
CATEGORY_FIELDS = ("name", "parent", "position", "enabled")
ATTRIBUTE_FIELDS = ("name", "kind", "unit", "choices")
PRODUCT_FIELDS = ("name", "category", "description", "price_cny", "price_usd")


def _staff(actor: Actor) -> None:
    if not actor.can(ADMIN_EDIT):
        raise PermissionDenied(details={"permission": ADMIN_EDIT})


# --- categories ---------------------------------------------------------------------------------


def _clean_name(name: str, limit: int) -> str:
    name = name.strip()
    if not name:
        raise ShowroomError.invalid({"name": "请填写名称"})
    if len(name) > limit:
        raise ShowroomError.invalid({"name": f"不能超过 {limit} 个字"})
    return name


def _sibling_name_free(parent_id: int | None, name: str, exclude: int | None = None) -> None:
    siblings = Category.objects.filter(parent_id=parent_id, name=name)
    if exclude is not None:
        siblings = siblings.exclude(pk=exclude)
    if siblings.exists():
        raise ShowroomError.name_taken(name)


def _category(category_id: int, *, lock: bool = False) -> Category:
    rows = Category.objects.select_for_update() if lock else Category.objects.all()
    found = rows.filter(pk=category_id).first()
    if found is None:
        raise NotFound("分类不存在")
    return found


@transaction.atomic
def category_create(*, actor: Actor, name: str, parent_id: int | None = None, enabled: bool = True) -> Category:
    _staff(actor)
    name = _clean_name(name, 40)
    if parent_id is not None:
        _category(parent_id)
    _sibling_name_free(parent_id, name)
    last = Category.objects.filter(parent_id=parent_id).aggregate(m=Max("position"))["m"]
    category = Category.objects.create(
        name=name, parent_id=parent_id, enabled=enabled, position=0 if last is None else last + 1
    )
    record(
        actor=actor,
        module=MODULE,
        action="category_create",
        obj=category,
        before={},
        after=snapshot(category, CATEGORY_FIELDS),
    )
    return category


@transaction.atomic
def category_update(
    *, actor: Actor, category_id: int, name: str | None = None, enabled: bool | None = None
) -> Category:
    """Rename or enable / disable. A disabled category takes no new products; its products stay."""
    _staff(actor)
    category = _category(category_id, lock=True)
    before = snapshot(category, CATEGORY_FIELDS)
    renamed = False
    if name is not None:
        name = _clean_name(name, 40)
        _sibling_name_free(category.parent_id, name, exclude=category.pk)
        renamed = name != category.name
        category.name = name
    if enabled is not None:
        category.enabled = enabled
    category.save(update_fields=["name", "enabled"])
    if renamed:
        refresh_search_keys(Product.objects.filter(category_id__in=Tree.load().subtree(category.pk)))
    record(
        actor=actor,
        module=MODULE,
        action="category_update",
        obj=category,
        before=before,
        after=snapshot(category, CATEGORY_FIELDS),
    )
    return category


@transaction.atomic
def category_move(*, actor: Actor, category_id: int, parent_id: int | None, position: int) -> Category:
    """Put the category under ``parent_id`` (``None``: top level) at ``position`` among its new
    siblings (0 = first); refuses a parent that is the category itself or one of its descendants."""
    _staff(actor)
    list(Category.objects.select_for_update().order_by("pk").values_list("pk", flat=True))  # one mover at a time
    category = _category(category_id)
    tree = Tree.load()
    if parent_id is not None:
        if parent_id not in tree.nodes:
            raise NotFound("上级分类不存在")
        if parent_id in tree.subtree(category.pk):
            raise ShowroomError.cycle()
    if parent_id != category.parent_id:
        _sibling_name_free(parent_id, category.name, exclude=category.pk)
    before = snapshot(category, CATEGORY_FIELDS)
    siblings = [pk for pk in tree.children.get(parent_id, []) if pk != category.pk]
    position = max(0, min(position, len(siblings)))
    siblings.insert(position, category.pk)
    old_parent = category.parent_id
    category.parent_id = parent_id
    category.save(update_fields=["parent"])
    for index, pk in enumerate(siblings):
        Category.objects.filter(pk=pk).update(position=index)
    if old_parent != parent_id:
        for index, pk in enumerate(pk for pk in tree.children.get(old_parent, []) if pk != category.pk):
            Category.objects.filter(pk=pk).update(position=index)
        refresh_search_keys(Product.objects.filter(category_id__in=tree.subtree(category.pk)))
    category.refresh_from_db()
    record(
        actor=actor,
        module=MODULE,
        action="category_move",
        obj=category,
        before=before,
        after=snapshot(category, CATEGORY_FIELDS),
    )
    return category


# --- attributes ---------------------------------------------------------------------------------


def _clean_attribute(kind: str, unit: str, choices: list[str]) -> tuple[str, list[str]]:
    unit = unit.strip()
    cleaned = list(dict.fromkeys(c.strip() for c in choices if c.strip()))
    if kind == AttributeKind.CHOICE and not cleaned:
        raise ShowroomError.invalid({"choices": "选项类属性至少需要一个可选值"})
    if kind != AttributeKind.CHOICE:
        cleaned = []
    if kind != AttributeKind.NUMBER:
        unit = ""
    return unit[:10], cleaned


@transaction.atomic
def attribute_create(
    *, actor: Actor, category_id: int, name: str, kind: str, unit: str = "", choices: list[str] | None = None
) -> Attribute:
    _staff(actor)
    category = _category(category_id, lock=True)
    name = _clean_name(name, 20)
    unit, cleaned = _clean_attribute(kind, unit, choices or [])
    if Attribute.objects.filter(category=category, name=name).exists():
        raise ShowroomError.name_taken(name)
    last = Attribute.objects.filter(category=category).aggregate(m=Max("position"))["m"]
    attribute = Attribute.objects.create(
        category=category, name=name, kind=kind, unit=unit, choices=cleaned, position=0 if last is None else last + 1
    )
    record(
        actor=actor,
        module=MODULE,
        action="attribute_create",
        obj=attribute,
        before={},
        after=snapshot(attribute, ATTRIBUTE_FIELDS),
    )
    return attribute


@transaction.atomic
def attribute_update(
    *, actor: Actor, attribute_id: int, name: str, unit: str = "", choices: list[str] | None = None
) -> Attribute:
    """Rename, change the unit or the options (the kind stays). Products' values keep what they hold;
    a renamed attribute renames the values' copies of its name."""
    _staff(actor)
    attribute = Attribute.objects.select_for_update().filter(pk=attribute_id).first()
    if attribute is None:
        raise NotFound("属性不存在")
    before = snapshot(attribute, ATTRIBUTE_FIELDS)
    name = _clean_name(name, 20)
    if Attribute.objects.filter(category_id=attribute.category_id, name=name).exclude(pk=attribute.pk).exists():
        raise ShowroomError.name_taken(name)
    attribute.unit, attribute.choices = _clean_attribute(attribute.kind, unit, choices or [])
    attribute.name = name
    attribute.save(update_fields=["name", "unit", "choices"])
    ProductValue.objects.filter(attribute=attribute).update(name=attribute.name, unit=attribute.unit)
    record(
        actor=actor,
        module=MODULE,
        action="attribute_update",
        obj=attribute,
        before=before,
        after=snapshot(attribute, ATTRIBUTE_FIELDS),
    )
    return attribute


@transaction.atomic
def attribute_delete(*, actor: Actor, attribute_id: int) -> None:
    """Remove the attribute from its category; products keep their values (name and unit copied)."""
    _staff(actor)
    attribute = Attribute.objects.select_for_update().filter(pk=attribute_id).first()
    if attribute is None:
        raise NotFound("属性不存在")
    record(
        actor=actor,
        module=MODULE,
        action="attribute_delete",
        obj=attribute,
        before=snapshot(attribute, ATTRIBUTE_FIELDS),
        after={},
    )
    attribute.delete()


# --- tags ---------------------------------------------------------------------------------------


@transaction.atomic
def tag_create(*, actor: Actor, name: str, color: str = "purple") -> Tag:
    _staff(actor)
    name = _clean_name(name, 12)
    if Tag.objects.filter(name=name).exists():
        raise ShowroomError.name_taken(name)
    last = Tag.objects.aggregate(m=Max("position"))["m"]
    tag = Tag.objects.create(name=name, color=color[:16] or "purple", position=0 if last is None else last + 1)
    record(actor=actor, module=MODULE, action="tag_create", obj=tag, before={}, after=snapshot(tag, ("name", "color")))
    return tag


@transaction.atomic
def tag_update(*, actor: Actor, tag_id: int, name: str, color: str) -> Tag:
    _staff(actor)
    tag = Tag.objects.select_for_update().filter(pk=tag_id).first()
    if tag is None:
        raise NotFound("标签不存在")
    before = snapshot(tag, ("name", "color"))
    name = _clean_name(name, 12)
    if Tag.objects.filter(name=name).exclude(pk=tag.pk).exists():
        raise ShowroomError.name_taken(name)
    renamed = name != tag.name
    tag.name, tag.color = name, color[:16] or tag.color
    tag.save(update_fields=["name", "color"])
    if renamed:
        refresh_search_keys(Product.objects.filter(tags=tag))
    record(
        actor=actor, module=MODULE, action="tag_update", obj=tag, before=before, after=snapshot(tag, ("name", "color"))
    )
    return tag


@transaction.atomic
def tag_delete(*, actor: Actor, tag_id: int) -> None:
    _staff(actor)
    tag = Tag.objects.select_for_update().filter(pk=tag_id).first()
    if tag is None:
        raise NotFound("标签不存在")
    products = list(Product.objects.filter(tags=tag).values_list("pk", flat=True))
    record(actor=actor, module=MODULE, action="tag_delete", obj=tag, before=snapshot(tag, ("name", "color")), after={})
    tag.delete()
    refresh_search_keys(Product.objects.filter(pk__in=products))


# --- products -----------------------------------------------------------------------------------


@dataclass
class ProductData:
    name: str
    category_id: int
    price_cny: Decimal
    description: str = ""
    price_usd: Decimal | None = None
    tag_ids: list[int] = field(default_factory=list)
    values: dict[int, str] = field(default_factory=dict)  # attribute id → value as typed


def product_search_key(product: Product, tree: Tree | None = None) -> str:
    tree = tree or Tree.load()
    extras = [*tree.path_names(product.category_id), *(t.name for t in product.tags.all())]
    return search_key(product.name, extras)


def refresh_search_keys(products: QuerySet[Product]) -> int:
    tree = Tree.load()
    rows = list(products.prefetch_related("tags"))
    for product in rows:
        product.search_key = product_search_key(product, tree)
    Product.objects.bulk_update(rows, ["search_key"], batch_size=500)
    return len(rows)


def _clean_values(tree: Tree, category_id: int, values: dict[int, str]) -> list[ProductValue]:
    attributes = {a.pk: a for a in inherited_attributes(tree, category_id)}
    errors: dict[str, str] = {}
    rows: list[ProductValue] = []
    for attribute_id, raw in values.items():
        text = str(raw).strip()
        attribute = attributes.get(int(attribute_id))
        if attribute is None:
            errors[f"values.{attribute_id}"] = "该分类没有此属性"
            continue
        if not text:
            continue
        number: Decimal | None = None
        if attribute.kind == AttributeKind.NUMBER:
            try:
                number = Decimal(text)
            except InvalidOperation:
                errors[f"values.{attribute_id}"] = f"「{attribute.name}」请输入数字"
                continue
            if not number.is_finite() or abs(number) >= Decimal("1e10"):
                errors[f"values.{attribute_id}"] = f"「{attribute.name}」数值超出范围"
                continue
            text = format(number.normalize(), "f")
        elif attribute.kind == AttributeKind.CHOICE and text not in attribute.choices:
            errors[f"values.{attribute_id}"] = f"「{attribute.name}」请从可选值中选择"
            continue
        if len(text) > 100:
            errors[f"values.{attribute_id}"] = "不能超过 100 个字"
            continue
        rows.append(
            ProductValue(attribute=attribute, name=attribute.name, unit=attribute.unit, value=text, number=number)
        )
    if errors:
        raise ShowroomError.invalid(errors)
    return rows


def _clean_product(data: ProductData, *, current_category_id: int | None) -> tuple[Tree, list[Tag], list[ProductValue]]:
    errors: dict[str, str] = {}
    data.name = data.name.strip()
    if not data.name:
        errors["name"] = "请填写商品名称"
    elif len(data.name) > 60:
        errors["name"] = "不能超过 60 个字"
    if data.price_cny < 0:
        errors["price_cny"] = "价格不能为负数"
    if data.price_usd is not None and data.price_usd < 0:
        errors["price_usd"] = "价格不能为负数"
    tree = Tree.load()
    category = tree.nodes.get(data.category_id)
    if category is None:
        errors["category_id"] = "分类不存在"
    tags = list(Tag.objects.filter(pk__in=data.tag_ids))
    if len(tags) != len(set(data.tag_ids)):
        errors["tag_ids"] = "标签不存在"
    if errors or category is None:
        raise ShowroomError.invalid(errors)
    if data.category_id != current_category_id and not tree.enabled_path(category.pk):
        raise ShowroomError.category_disabled(category.name)
    return tree, tags, _clean_values(tree, category.pk, data.values)


def _write_product(
    product: Product, data: ProductData, tree: Tree, tags: list[Tag], values: list[ProductValue]
) -> None:
    product.name = data.name
    product.category_id = data.category_id
    product.description = data.description.strip()
    product.price_cny = data.price_cny
    product.price_usd = data.price_usd
    product.updated_at = timezone.now()
    product.save()
    product.tags.set(tags)
    product.values.exclude(attribute__isnull=True).delete()  # values of removed attributes stay
    for row in values:
        row.product = product
    ProductValue.objects.bulk_create(values)
    product.search_key = product_search_key(product, tree)
    product.save(update_fields=["search_key"])


def _product_snapshot(product: Product) -> dict[str, Any]:
    out = snapshot(product, PRODUCT_FIELDS)
    out["tags"] = sorted(t.name for t in product.tags.all())
    out["values"] = {v.name: v.value for v in product.values.all()}
    return out


@transaction.atomic
def product_create(
    *, actor: Actor, data: ProductData, merchant_id: int | None = None, state: str = ProductState.DRAFT
) -> Product:
    """A merchant creates a 草稿 of its own; the back office creates one for any merchant, starting
    上架, 下架 or 审核中."""
    if merchant_id is None:  # the merchant's own product
        merchant = actor.merchant
        if merchant is None or not merchant_in_scope(actor, EDIT, merchant.pk):
            raise PermissionDenied(details={"permission": EDIT})
        state = ProductState.DRAFT
    else:
        _staff(actor)
        merchant = Merchant.objects.filter(pk=merchant_id).first()
        if merchant is None or not merchant_in_scope(actor, ADMIN_EDIT, merchant.pk):
            raise ShowroomError.invalid({"merchant_id": "商户不存在"})
        if state not in {ProductState.LISTED, ProductState.UNLISTED, ProductState.PENDING}:
            raise ShowroomError.invalid({"state": "只能为上架、下架或审核中"})
    tree, tags, values = _clean_product(data, current_category_id=None)
    product = Product(merchant=merchant, state=state, created_by=actor.user)
    if state == ProductState.LISTED:
        product.listed_at = timezone.now()
    _write_product(product, data, tree, tags, values)
    workflow.start(actor=actor, obj=product)
    record(
        actor=actor, module=MODULE, action="product_create", obj=product, before={}, after=_product_snapshot(product)
    )
    return product


def product_for_write(actor: Actor, product_id: int) -> tuple[Product, bool]:
    """The product, locked, and whether the actor writes it as 捷晶 staff: 404 outside the actor's
    read scope, 403 without a write code reaching it."""
    product = Product.objects.select_for_update().filter(pk=product_id).first()
    if product is None or not can_read(actor, PRODUCT, product.merchant_id):
        raise NotFound()
    if merchant_in_scope(actor, ADMIN_EDIT, product.merchant_id):
        return product, True
    if merchant_in_scope(actor, EDIT, product.merchant_id):
        return product, False
    raise PermissionDenied(details={"permission": EDIT})


def _merchant_editable(product: Product, staff: bool) -> None:
    if not staff and product.state not in MERCHANT_EDITABLE:
        raise ShowroomError.not_editable(PRODUCT.label_of(product.state))


@transaction.atomic
def product_update(*, actor: Actor, product_id: int, data: ProductData) -> Product:
    product, staff = product_for_write(actor, product_id)
    _merchant_editable(product, staff)
    before = _product_snapshot(product)
    tree, tags, values = _clean_product(data, current_category_id=product.category_id)
    _write_product(product, data, tree, tags, values)
    record(
        actor=actor,
        module=MODULE,
        action="product_update",
        obj=product,
        before=before,
        after=_product_snapshot(product),
    )
    return product


@transaction.atomic
def product_submit(*, actor: Actor, product_id: int) -> Product:
    """The merchant sends its product for review: 草稿 / 已退回 → 审核中."""
    product, _ = product_for_write(actor, product_id)
    workflow.transition(actor=actor, obj=product, to=ProductState.PENDING)
    return product


@transaction.atomic
def product_review(*, actor: Actor, product_id: int, approve: bool, reason: str = "") -> Product:
    """审核中 → 上架, or → 已退回 with the reason the merchant reads."""
    product, _ = product_for_write(actor, product_id)
    _staff(actor)
    target = ProductState.LISTED if approve else ProductState.RETURNED
    workflow.transition(actor=actor, obj=product, to=target, comment=reason)
    product.refresh_from_db()
    return product


@transaction.atomic
def products_set_listed(*, actor: Actor, product_ids: list[int], listed: bool) -> dict[str, list[int]]:
    """Batch 上架 / 下架: each product that may make the move makes it; the others are reported."""
    _staff(actor)
    target = ProductState.LISTED if listed else ProductState.UNLISTED
    source = ProductState.UNLISTED if listed else ProductState.LISTED
    done: list[int] = []
    skipped: list[int] = []
    for product in Product.objects.filter(pk__in=product_ids).order_by("pk"):
        if product.state != source or not can_read(actor, PRODUCT, product.merchant_id):
            skipped.append(product.pk)
            continue
        workflow.transition(actor=actor, obj=product, to=target)
        done.append(product.pk)
    missing = sorted(set(product_ids) - set(done) - set(skipped))
    return {"done": done, "skipped": sorted(skipped + missing)}


# --- images -------------------------------------------------------------------------------------


@transaction.atomic
def image_add(*, actor: Actor, product_id: int, upload: UploadedFile) -> ProductImage:
    product, staff = product_for_write(actor, product_id)
    _merchant_editable(product, staff)
    if product.images.count() >= MAX_IMAGES:
        raise ShowroomError.too_many_images()
    key, width, height = images.store(upload, size=upload.size or 0)
    last = product.images.aggregate(m=Max("position"))["m"]
    try:
        image = ProductImage.objects.create(
            product=product, key=key, width=width, height=height, position=0 if last is None else last + 1
        )
    except IntegrityError:
        images.delete(key)
        raise
    record(actor=actor, module=MODULE, action="product_image_add", obj=product, before={}, after={"images": key})
    return image


@transaction.atomic
def image_delete(*, actor: Actor, product_id: int, image_id: int) -> None:
    product, staff = product_for_write(actor, product_id)
    _merchant_editable(product, staff)
    image = product.images.filter(pk=image_id).first()
    if image is None:
        raise NotFound("图片不存在")
    key = image.key
    image.delete()
    transaction.on_commit(lambda: images.delete(key))
    record(actor=actor, module=MODULE, action="product_image_delete", obj=product, before={"images": key}, after={})


@transaction.atomic
def images_reorder(*, actor: Actor, product_id: int, image_ids: list[int]) -> None:
    product, staff = product_for_write(actor, product_id)
    _merchant_editable(product, staff)
    current = list(product.images.values_list("pk", flat=True))
    if sorted(current) != sorted(image_ids):
        raise ShowroomError.invalid({"image_ids": "请提交该商品的全部图片"})
    for index, pk in enumerate(image_ids):
        ProductImage.objects.filter(pk=pk).update(position=index)
    record(
        actor=actor,
        module=MODULE,
        action="product_image_reorder",
        obj=product,
        before={"images": current},
        after={"images": image_ids},
    )
