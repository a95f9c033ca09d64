"""How the isolation and member walks build a product and its picture (see ``jmt.rbac.tests.walk``):
a product 审核中 (not in the showroom), so only its own merchant (and the back office) may see it."""

from typing import Any

from jmt.showroom.models import Category, Product, ProductImage


def _product(owner: Any) -> Product:
    category = Category.objects.create(name="隔离测试分类")
    return Product.objects.create(
        merchant=owner.merchant, name="隔离测试商品", category=category, price_cny=1, state="pending"
    )


def _product_params(owner: Any) -> dict[str, Any]:
    return {"product_id": _product(owner).pk}


def _image_params(owner: Any) -> dict[str, Any]:
    product = _product(owner)
    image = ProductImage.objects.create(product=product, key=f"{product.pk:032x}")
    return {"product_id": product.pk, "image_id": image.pk}


def _category(owner: Any) -> dict[str, Any]:
    return {"category_id": Category.objects.create(name="隔离测试分类").pk}


def _attribute(owner: Any) -> dict[str, Any]:
    from jmt.showroom.models import Attribute

    return {
        "attribute_id": Attribute.objects.create(category=Category.objects.create(name="隔离测试分类"), name="颜色").pk
    }


def _tag(owner: Any) -> dict[str, Any]:
    from jmt.showroom.models import Tag

    return {"tag_id": Tag.objects.get_or_create(name="隔离测试")[0].pk}


FACTORIES = {"product_id": _product_params, "category_id": _category, "attribute_id": _attribute, "tag_id": _tag}
PATH_FACTORIES = {
    "/api/v1/showroom/mine/{product_id}/images/{image_id}": _image_params,
    "/api/v1/admin/showroom/products/{product_id}/images/{image_id}": _image_params,
}
