"""商品管理 in the back office (``/admin/showroom``): the category tree and its attributes, tags, products
(search, create, edit, pictures, review, batch 上架 / 下架)."""

from typing import Any

from django.http import HttpRequest
from ninja import File, Query, Router, Status
from ninja.files import UploadedFile

from jmt.core.pagination import paginate
from jmt.core.permissions import actor_of, require
from jmt.core.schemas import error_responses
from jmt.showroom import schemas as s
from jmt.showroom import selectors, services
from jmt.showroom.api import image_out, product_data
from jmt.showroom.flow import ADMIN_EDIT, ADMIN_VIEW
from jmt.showroom.models import ProductState

router = Router(tags=["admin-showroom"])


def _category_out(category: Any) -> dict[str, Any]:
    return {
        "id": category.pk,
        "name": category.name,
        "parent_id": category.parent_id,
        "position": category.position,
        "enabled": category.enabled,
    }


@router.get(
    "/categories",
    response={200: list[s.ShowroomCategoryNodeOut], **error_responses(401, 403)},
    operation_id="admin_showroom_categories",
    summary="分类树（含停用的分类、属性与商品数）",
)
@require(ADMIN_VIEW)
def categories(request: HttpRequest) -> list[dict[str, Any]]:
    return selectors.category_tree(actor=actor_of(request), include_disabled=True)


@router.post(
    "/categories",
    response={201: s.ShowroomCategoryOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="admin_showroom_category_create",
    summary="新建分类（放在同级最后）",
)
@require(ADMIN_EDIT)
def category_create(request: HttpRequest, payload: s.ShowroomCategoryIn) -> Status[dict[str, Any]]:
    created = services.category_create(
        actor=actor_of(request), name=payload.name, parent_id=payload.parent_id, enabled=payload.enabled
    )
    return Status(201, _category_out(created))


@router.patch(
    "/categories/{category_id}",
    response={200: s.ShowroomCategoryOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="admin_showroom_category_update",
    summary="重命名 / 启用 / 停用分类（停用后不能添加新商品，已有商品保留并照常展示）",
)
@require(ADMIN_EDIT)
def category_update(request: HttpRequest, category_id: int, payload: s.ShowroomCategoryPatchIn) -> dict[str, Any]:
    updated = services.category_update(
        actor=actor_of(request), category_id=category_id, name=payload.name, enabled=payload.enabled
    )
    return _category_out(updated)


@router.post(
    "/categories/{category_id}/move",
    response={200: s.ShowroomCategoryOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="admin_showroom_category_move",
    summary="移动分类（拖动排序、移到其他上级之下）",
    description="不能移到自己或自己的下级分类之下（409 `SHOWROOM_CATEGORY_CYCLE`）。",
)
@require(ADMIN_EDIT)
def category_move(request: HttpRequest, category_id: int, payload: s.CategoryMoveIn) -> dict[str, Any]:
    moved = services.category_move(
        actor=actor_of(request), category_id=category_id, parent_id=payload.parent_id, position=payload.position
    )
    return _category_out(moved)


@router.post(
    "/categories/{category_id}/attributes",
    response={201: s.ShowroomAttributeOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="admin_showroom_attribute_create",
    summary="为分类新增属性（文本 / 数值带单位 / 选项），子分类继承",
)
@require(ADMIN_EDIT)
def attribute_create(request: HttpRequest, category_id: int, payload: s.ShowroomAttributeIn) -> Status[dict[str, Any]]:
    created = services.attribute_create(
        actor=actor_of(request),
        category_id=category_id,
        name=payload.name,
        kind=payload.kind,
        unit=payload.unit,
        choices=payload.choices,
    )
    return Status(201, selectors.attribute_out(created))


@router.patch(
    "/attributes/{attribute_id}",
    response={200: s.ShowroomAttributeOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="admin_showroom_attribute_update",
    summary="修改属性（名称、单位、可选值；商品已填的值保留）",
)
@require(ADMIN_EDIT)
def attribute_update(request: HttpRequest, attribute_id: int, payload: s.ShowroomAttributePatchIn) -> dict[str, Any]:
    updated = services.attribute_update(
        actor=actor_of(request),
        attribute_id=attribute_id,
        name=payload.name,
        unit=payload.unit,
        choices=payload.choices,
    )
    return selectors.attribute_out(updated)


@router.delete(
    "/attributes/{attribute_id}",
    response={204: None, **error_responses(401, 403, 404)},
    operation_id="admin_showroom_attribute_delete",
    summary="删除属性（商品已填的值保留并照常显示）",
)
@require(ADMIN_EDIT)
def attribute_delete(request: HttpRequest, attribute_id: int) -> Status[None]:
    services.attribute_delete(actor=actor_of(request), attribute_id=attribute_id)
    return Status(204, None)


@router.get(
    "/tags",
    response={200: list[s.ShowroomTagOut], **error_responses(401, 403)},
    operation_id="admin_showroom_tags",
    summary="商品标签",
)
@require(ADMIN_VIEW)
def tags(request: HttpRequest) -> list[dict[str, Any]]:
    actor_of(request)
    return selectors.tags()


@router.post(
    "/tags",
    response={201: s.ShowroomTagOut, **error_responses(401, 403, 409, 422)},
    operation_id="admin_showroom_tag_create",
    summary="新建标签",
)
@require(ADMIN_EDIT)
def tag_create(request: HttpRequest, payload: s.ShowroomTagIn) -> Status[dict[str, Any]]:
    return Status(
        201, selectors.tag_out(services.tag_create(actor=actor_of(request), name=payload.name, color=payload.color))
    )


@router.patch(
    "/tags/{tag_id}",
    response={200: s.ShowroomTagOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="admin_showroom_tag_update",
    summary="修改标签",
)
@require(ADMIN_EDIT)
def tag_update(request: HttpRequest, tag_id: int, payload: s.ShowroomTagIn) -> dict[str, Any]:
    return selectors.tag_out(
        services.tag_update(actor=actor_of(request), tag_id=tag_id, name=payload.name, color=payload.color)
    )


@router.delete(
    "/tags/{tag_id}",
    response={204: None, **error_responses(401, 403, 404)},
    operation_id="admin_showroom_tag_delete",
    summary="删除标签（从商品上移除）",
)
@require(ADMIN_EDIT)
def tag_delete(request: HttpRequest, tag_id: int) -> Status[None]:
    services.tag_delete(actor=actor_of(request), tag_id=tag_id)
    return Status(204, None)


@router.get(
    "/products",
    response={200: s.ProductCardPageOut, **error_responses(401, 403, 422)},
    operation_id="admin_showroom_products",
    summary="商品列表（按编号、名称、商户、分类、状态、标签搜索）",
)
@require(ADMIN_VIEW)
def products(request: HttpRequest, filters: Query[s.ShowroomAdminFilters]) -> dict[str, Any]:
    rows = selectors.admin_products(
        actor=actor_of(request),
        product_id=filters.id,
        q=filters.q,
        merchant=filters.merchant,
        category_id=filters.category_id,
        state=filters.state,
        tag_id=filters.tag_id,
    )
    return paginate(rows, page=filters.page, page_size=filters.page_size).map(selectors.card).out()


@router.get(
    "/counts",
    response={200: list[s.ProductStateCountOut], **error_responses(401, 403)},
    operation_id="admin_showroom_counts",
    summary="各状态的商品数",
)
@require(ADMIN_VIEW)
def counts(request: HttpRequest) -> list[dict[str, Any]]:
    found = selectors.admin_state_counts(actor=actor_of(request))
    return [{"state": st.value, "label": st.label, "count": found[st.value]} for st in ProductState]


@router.post(
    "/products",
    response={201: s.ShowroomProductOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="admin_showroom_product_create",
    summary="新建商品（为某商户，状态上架 / 下架 / 审核中）",
)
@require(ADMIN_EDIT)
def product_create(request: HttpRequest, payload: s.AdminShowroomProductIn) -> Status[dict[str, Any]]:
    actor = actor_of(request)
    created = services.product_create(
        actor=actor, data=product_data(payload), merchant_id=payload.merchant_id, state=payload.state
    )
    return Status(201, selectors.product_detail(selectors.product_get(actor=actor, product_id=created.pk), actor=actor))


@router.post(
    "/products/batch",
    response={200: s.ProductBatchOut, **error_responses(401, 403, 422)},
    operation_id="admin_showroom_products_batch",
    summary="批量上架 / 下架",
)
@require(ADMIN_EDIT)
def products_batch(request: HttpRequest, payload: s.ProductBatchIn) -> dict[str, list[int]]:
    return services.products_set_listed(actor=actor_of(request), product_ids=payload.product_ids, listed=payload.listed)


@router.get(
    "/products/{product_id}",
    response={200: s.ShowroomProductOut, **error_responses(401, 403, 404)},
    operation_id="admin_showroom_product",
    summary="商品详情",
)
@require(ADMIN_VIEW)
def product(request: HttpRequest, product_id: int) -> dict[str, Any]:
    actor = actor_of(request)
    return selectors.product_detail(selectors.product_get(actor=actor, product_id=product_id), actor=actor)


@router.put(
    "/products/{product_id}",
    response={200: s.ShowroomProductOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="admin_showroom_product_update",
    summary="修改商品",
)
@require(ADMIN_EDIT)
def product_update(request: HttpRequest, product_id: int, payload: s.ShowroomProductIn) -> dict[str, Any]:
    actor = actor_of(request)
    services.product_update(actor=actor, product_id=product_id, data=product_data(payload))
    return selectors.product_detail(selectors.product_get(actor=actor, product_id=product_id), actor=actor)


@router.post(
    "/products/{product_id}/review",
    response={200: s.ShowroomProductOut, **error_responses(401, 403, 404, 409, 422)},
    operation_id="admin_showroom_product_review",
    summary="审核商户提交的商品：通过并上架，或退回（须填原因）",
)
@require(ADMIN_EDIT)
def product_review(request: HttpRequest, product_id: int, payload: s.ProductReviewIn) -> dict[str, Any]:
    actor = actor_of(request)
    services.product_review(actor=actor, product_id=product_id, approve=payload.approve, reason=payload.reason)
    return selectors.product_detail(selectors.product_get(actor=actor, product_id=product_id), actor=actor)


@router.post(
    "/products/{product_id}/images",
    response={201: s.ProductImageOut, **error_responses(401, 403, 404, 409, 413, 422)},
    operation_id="admin_showroom_image_add",
    summary="上传商品图片",
)
@require(ADMIN_EDIT)
def image_add(request: HttpRequest, product_id: int, file: File[UploadedFile]) -> Status[dict[str, Any]]:
    added = services.image_add(actor=actor_of(request), product_id=product_id, upload=file)
    return Status(201, image_out(added))


@router.delete(
    "/products/{product_id}/images/{image_id}",
    response={204: None, **error_responses(401, 403, 404)},
    operation_id="admin_showroom_image_delete",
    summary="删除商品图片",
)
@require(ADMIN_EDIT)
def image_delete(request: HttpRequest, product_id: int, image_id: int) -> Status[None]:
    services.image_delete(actor=actor_of(request), product_id=product_id, image_id=image_id)
    return Status(204, None)


@router.put(
    "/products/{product_id}/image-order",
    response={204: None, **error_responses(401, 403, 404, 422)},
    operation_id="admin_showroom_images_reorder",
    summary="调整商品图片顺序（拖动排序，第一张为主图）",
)
@require(ADMIN_EDIT)
def images_reorder(request: HttpRequest, product_id: int, payload: s.ProductImageOrderIn) -> Status[None]:
    services.images_reorder(actor=actor_of(request), product_id=product_id, image_ids=payload.image_ids)
    return Status(204, None)
