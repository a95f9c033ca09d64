"""交易平台 for merchants (``/showroom``): the showroom (S1), category pages (S2), product details (S3) with
the 购买 contact, a merchant's own products submitted for review, and the product pictures."""

import re
from typing import Any, Literal

from django.core.files.storage import default_storage
from django.http import FileResponse, HttpRequest
from ninja import File, Query, Router, Status
from ninja.files import UploadedFile

from jmt.core.errors import NotFound
from jmt.core.pagination import paginate
from jmt.core.permissions import PUBLIC, actor_of, require
from jmt.core.schemas import error_responses
from jmt.showroom import images, selectors, services
from jmt.showroom import schemas as s
from jmt.showroom.flow import EDIT, HALL, VIEW

router = Router(tags=["showroom"])
IMAGE_KEY = r"^[0-9a-f]{32}$"


def product_data(payload: s.ShowroomProductIn) -> services.ProductData:
    return services.ProductData(
        name=payload.name,
        category_id=payload.category_id,
        price_cny=payload.price_cny,
        price_usd=payload.price_usd,
        description=payload.description,
        tag_ids=payload.tag_ids,
        values=payload.values,
    )


@router.get(
    "/hall",
    response={200: list[s.HallSectionOut], **error_responses(401, 403)},
    operation_id="showroom_hall",
    summary="商品展厅首页：按顶层分类分组的最新上架商品",
)
@require(HALL)
def hall(request: HttpRequest) -> list[dict[str, Any]]:
    return selectors.hall(actor=actor_of(request))


@router.get(
    "/categories",
    response={200: list[s.ShowroomCategoryNodeOut], **error_responses(401, 403)},
    operation_id="showroom_categories",
    summary="分类树（已启用的分类，含属性与上架商品数）",
)
@require(HALL)
def categories(request: HttpRequest) -> list[dict[str, Any]]:
    return selectors.category_tree(actor=actor_of(request))


@router.get(
    "/category-info",
    response={200: s.ShowroomCategoryInfoOut, **error_responses(401, 403, 404)},
    operation_id="showroom_category_info",
    summary="分类页：分类路径、下级分类与可筛选的属性",
)
@require(HALL)
def category_info(request: HttpRequest, category_id: int) -> dict[str, Any]:
    actor_of(request)
    return selectors.category_info(category_id=category_id)


@router.get(
    "/products",
    response={200: s.ProductCardPageOut, **error_responses(401, 403, 422)},
    operation_id="showroom_products",
    summary="展厅商品（上架）：搜索（中文 / 全拼 / 首字母）与分类、属性、标签、价格筛选",
)
@require(HALL)
def products(request: HttpRequest, filters: Query[s.ShowroomFilters]) -> dict[str, Any]:
    rows = selectors.showroom_products(
        actor=actor_of(request),
        q=filters.q,
        category_id=filters.category_id,
        tag_ids=filters.tag_ids,
        price_min=filters.price_min,
        price_max=filters.price_max,
        attrs=filters.attrs,
        ordering=filters.ordering,
    )
    return paginate(rows, page=filters.page, page_size=filters.page_size).map(selectors.card).out()


@router.get(
    "/tags",
    response={200: list[s.ShowroomTagOut], **error_responses(401, 403)},
    operation_id="showroom_tags",
    summary="商品标签（筛选用）",
)
@require(HALL)
def tags(request: HttpRequest) -> list[dict[str, Any]]:
    actor_of(request)
    return selectors.tags()


@router.get(
    "/products/{product_id}",
    response={200: s.ShowroomProductOut, **error_responses(401, 403, 404)},
    operation_id="showroom_product",
    summary="商品详情（上架商品，或本商户自己的商品）",
)
@require(VIEW)
def product(request: HttpRequest, product_id: int) -> dict[str, Any]:
    actor = actor_of(request)
    return selectors.product_detail(selectors.product_get(actor=actor, product_id=product_id), actor=actor)


@router.get(
    "/contact",
    response={200: s.ShowroomContactOut, **error_responses(401, 403)},
    operation_id="showroom_contact",
    summary="购买：捷晶采购顾问的微信号与二维码（系统参数）",
)
@require(VIEW)
def contact(request: HttpRequest) -> dict[str, str]:
    actor_of(request)
    return selectors.buy_contact()


@router.get(
    "/images/{key}/{size}.jpg",
    response={200: None, **error_responses(404)},
    operation_id="showroom_image",
    summary="商品图片（缩略图 thumb 400 px / 展示图 display 1200 px），长期缓存",
    auth=None,
    openapi_extra={"responses": {200: {"description": "JPEG 图片", "content": {"image/jpeg": {}}}}},
)
@require(PUBLIC)
def image(request: HttpRequest, key: str, size: Literal["thumb", "display"]) -> FileResponse:
    """Keys are random (not derived from product ids), so a picture is reachable only from a page that
    shows it; the bytes never change under a key, hence the year-long immutable cache."""
    path = images.path_of(key, size)
    if not re.match(IMAGE_KEY, key) or not default_storage.exists(path):
        raise NotFound("图片不存在")
    response = FileResponse(default_storage.open(path, "rb"), content_type="image/jpeg")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["ETag"] = f'"{key}-{size}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- a merchant's own products ---


@router.get(
    "/mine",
    response={200: s.ProductCardPageOut, **error_responses(401, 403, 422)},
    operation_id="showroom_mine",
    summary="我的商品（各状态）",
)
@require(VIEW)
def mine(request: HttpRequest, filters: Query[s.ShowroomMyFilters]) -> dict[str, Any]:
    rows = selectors.my_products(actor=actor_of(request), q=filters.q, state=filters.state)
    return paginate(rows, page=filters.page, page_size=filters.page_size).map(selectors.card).out()


@router.post(
    "/mine",
    response={201: s.ShowroomProductOut, **error_responses(401, 403, 409, 422)},
    operation_id="showroom_mine_create",
    summary="新建我的商品（草稿）",
    description="已停用的分类不能添加新商品（409 `SHOWROOM_CATEGORY_DISABLED`）。",
)
@require(EDIT)
def mine_create(request: HttpRequest, payload: s.ShowroomProductIn) -> Status[dict[str, Any]]:
    actor = actor_of(request)
    created = services.product_create(actor=actor, data=product_data(payload))
    return Status(201, selectors.product_detail(selectors.product_get(actor=actor, product_id=created.pk), actor=actor))


@router.put(
    "/mine/{product_id}",
    response={200: s.ShowroomProductOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="showroom_mine_update",
    summary="修改我的商品（草稿或已退回时）",
)
@require(EDIT)
def mine_update(request: HttpRequest, product_id: int, payload: s.ShowroomProductIn) -> dict[str, Any]:
    actor = actor_of(request)
    services.product_update(actor=actor, product_id=product_id, data=product_data(payload))
    return selectors.product_detail(selectors.product_get(actor=actor, product_id=product_id), actor=actor)


@router.post(
    "/mine/{product_id}/submit",
    response={200: s.ShowroomProductOut, **error_responses(401, 403, 404, 409)},
    operation_id="showroom_mine_submit",
    summary="提交审核（审核通过后上架）",
)
@require(EDIT)
def mine_submit(request: HttpRequest, product_id: int) -> dict[str, Any]:
    actor = actor_of(request)
    services.product_submit(actor=actor, product_id=product_id)
    return selectors.product_detail(selectors.product_get(actor=actor, product_id=product_id), actor=actor)


@router.post(
    "/mine/{product_id}/images",
    response={201: s.ProductImageOut, **error_responses(401, 403, 404, 409, 413, 422)},
    operation_id="showroom_mine_image_add",
    summary="上传商品图片（JPEG / PNG，按内容校验，生成缩略图与展示图）",
)
@require(EDIT)
def mine_image_add(request: HttpRequest, product_id: int, file: File[UploadedFile]) -> Status[dict[str, Any]]:
    added = services.image_add(actor=actor_of(request), product_id=product_id, upload=file)
    return Status(201, image_out(added))


@router.delete(
    "/mine/{product_id}/images/{image_id}",
    response={204: None, **error_responses(401, 403, 404, 409)},
    operation_id="showroom_mine_image_delete",
    summary="删除商品图片",
)
@require(EDIT)
def mine_image_delete(request: HttpRequest, product_id: int, image_id: int) -> Status[None]:
    services.image_delete(actor=actor_of(request), product_id=product_id, image_id=image_id)
    return Status(204, None)


@router.put(
    "/mine/{product_id}/image-order",
    response={204: None, **error_responses(401, 403, 404, 409, 422)},
    operation_id="showroom_mine_images_reorder",
    summary="调整商品图片顺序（第一张为主图）",
)
@require(EDIT)
def mine_images_reorder(request: HttpRequest, product_id: int, payload: s.ProductImageOrderIn) -> Status[None]:
    services.images_reorder(actor=actor_of(request), product_id=product_id, image_ids=payload.image_ids)
    return Status(204, None)


def image_out(picture: Any) -> dict[str, Any]:
    return {
        "id": picture.pk,
        "thumb": images.url(picture.key, "thumb"),
        "display": images.url(picture.key, "display"),
        "width": picture.width,
        "height": picture.height,
    }
