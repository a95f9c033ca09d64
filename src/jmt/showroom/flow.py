"""The product graph: a merchant's 草稿 → 审核中 → 上架 (or 已退回 with a reason); 上架 ⇄ 下架 in the
back office. Products the back office creates start 上架, 下架 or 审核中 as it chooses."""

from __future__ import annotations

from typing import cast

from django.utils import timezone

from jmt.showroom.models import Product
from jmt.workflow.graph import Graph, Move, Notice, State, TransitionContext

VIEW = "showroom:products:view"
EDIT = "showroom:products:edit"
HALL = "showroom:hall:view"
ADMIN_VIEW = "content:showroom:view"
ADMIN_EDIT = "content:showroom:edit"


def listed(ctx: TransitionContext) -> None:
    product = cast(Product, ctx.obj)
    product.listed_at = timezone.now()
    product.return_reason = ""
    product.save(update_fields=["listed_at", "return_reason"])


def returned(ctx: TransitionContext) -> None:
    product = cast(Product, ctx.obj)
    product.return_reason = ctx.event.comment[:200]
    product.save(update_fields=["return_reason"])


TO_REVIEW = Notice.staff_todo("{label}「{name}」待审核", "商户提交了商品，请审核后上架或退回。")
STATUS = Notice.merchant_status()
RETURNED = Notice.merchant_status(
    title="{label}「{name}」已退回", body="您的{label}「{name}」未通过审核。{comment}。请修改后重新提交。"
)

PRODUCT = Graph(
    type="showroom_product",
    label="商品",
    model="showroom.Product",
    module="showroom",
    todo_item="showroom:products",
    detail_route="/showroom/products?id={id}",
    admin_route="/content/showroom?id={id}",
    queue_permission=ADMIN_EDIT,
    name_field="name",
    states=(
        State("draft", "草稿", order=10, hint="完善商品信息后提交审核"),
        State("returned", "已退回", order=15, on_board=False, board_node="draft", hint="请按退回原因修改后重新提交"),
        State("pending", "审核中", order=20, hint="捷晶正在审核您的商品，通过后自动上架"),
        State("listed", "上架", order=30, hint="商品已在展厅展示"),
        State("unlisted", "下架", order=40, hint="商品已下架，不在展厅展示"),
    ),
    # A 下架 product is the back office's to put back (上架); the merchant's to-dos are 草稿 and 已退回.
    moves=(
        Move("draft", "pending", EDIT, "提交审核", notify=(TO_REVIEW,)),
        Move("returned", "pending", EDIT, "重新提交", notify=(TO_REVIEW,)),
        Move("pending", "listed", ADMIN_EDIT, "审核通过并上架", notify=(STATUS,), effect=listed),
        Move("pending", "returned", ADMIN_EDIT, "退回", needs_comment=True, notify=(RETURNED,), effect=returned),
        Move("listed", "unlisted", ADMIN_EDIT, "下架", notify=(STATUS,)),
        Move("unlisted", "listed", ADMIN_EDIT, "上架", notify=(STATUS,), effect=listed),
    ),
)
