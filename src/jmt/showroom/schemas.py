"""Schemas of 交易平台 (the showroom, a merchant's own products, the back office's 商品管理)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Literal

from ninja import Schema
from pydantic import Field

State = Literal["draft", "pending", "returned", "listed", "unlisted"]
STATE_HELP = "draft 草稿 / pending 审核中 / returned 已退回 / listed 上架 / unlisted 下架"
Kind = Literal["text", "number", "choice"]


class ShowroomMoneyOut(Schema):
    amount: str = Field(examples=["268.00"])
    currency: str = Field(examples=["CNY"])


class ShowroomTagOut(Schema):
    id: int
    name: str = Field(examples=["热销"])
    color: str = Field(examples=["red"])


class ShowroomAttributeOut(Schema):
    id: int
    category_id: int
    name: str = Field(examples=["材质"])
    kind: Kind = Field(description="text 文本 / number 数值（带单位）/ choice 选项")
    unit: str = Field(examples=["mm"])
    choices: list[str]


class ShowroomRefOut(Schema):
    id: int
    name: str


class ShowroomCategoryNodeOut(Schema):
    id: int
    name: str
    parent_id: int | None
    position: int
    enabled: bool
    depth: int = Field(description="层级，顶层为 1")
    attributes: list[ShowroomAttributeOut] = Field(description="本分类自己的属性（子分类继承）")
    listed_count: int = Field(description="本分类及下级分类的上架商品数")
    product_count: int | None = Field(description="本分类及下级分类的全部商品数（仅后台）")
    children: list[ShowroomCategoryNodeOut]


class ShowroomCategoryInfoOut(Schema):
    id: int
    name: str
    path: list[ShowroomRefOut] = Field(description="从顶层到本分类")
    children: list[ShowroomRefOut]
    attributes: list[ShowroomAttributeOut] = Field(description="可用于筛选的属性：继承的、自己的、下级分类的")


class ProductCardOut(Schema):
    id: int
    name: str
    price: ShowroomMoneyOut
    price_usd: ShowroomMoneyOut | None
    thumb: str | None = Field(description="首图缩略图地址（400 px）")
    tags: list[ShowroomTagOut]
    category: ShowroomRefOut
    merchant: str
    state: State = Field(description=STATE_HELP)
    state_label: str


class ProductCardPageOut(Schema):
    items: list[ProductCardOut]
    total: int
    page: int
    page_size: int


class HallSectionOut(Schema):
    category: ShowroomRefOut
    total: int
    items: list[ProductCardOut]


class ProductImageOut(Schema):
    id: int
    thumb: str
    display: str
    width: int
    height: int


class ProductValueOut(Schema):
    attribute_id: int | None = Field(description="属性已从分类删除时为 null（值仍保留）")
    name: str
    value: str
    unit: str


class ShowroomProductOut(ProductCardOut):
    description: str
    category_path: list[ShowroomRefOut]
    images: list[ProductImageOut]
    values: list[ProductValueOut]
    return_reason: str
    editable: bool = Field(description="当前商户可修改并提交（自己的草稿或已退回商品）")
    mine: bool
    created_at: datetime
    listed_at: datetime | None
    merchant_id: int


class ShowroomContactOut(Schema):
    wechat_id: str = Field(description="采购咨询微信号（系统参数「交易平台」）")
    wechat_qr: str = Field(description="微信二维码图片地址")
    note: str


class ShowroomFilters(Schema):
    q: str = Field(default="", max_length=50, description="中文、全拼或拼音首字母，如 白水晶 / baishuijing / bsj")
    category_id: int | None = Field(default=None, description="分类（含下级分类）")
    tag_ids: list[int] = Field(default_factory=list)
    price_min: Decimal | None = Field(default=None, ge=0, max_digits=12, decimal_places=2)
    price_max: Decimal | None = Field(default=None, ge=0, max_digits=12, decimal_places=2)
    attrs: list[str] = Field(
        default_factory=list, description="属性筛选「属性编号:取值」，多个取值用 | 分隔，数值范围写「最小~最大」"
    )
    ordering: Literal["-listed_at", "price", "-price"] = "-listed_at"
    page: int = Field(default=1, ge=1)
    page_size: int = Field(default=24, ge=1, le=100)


class ShowroomMyFilters(Schema):
    q: str = Field(default="", max_length=50)
    state: State | None = None
    page: int = Field(default=1, ge=1)
    page_size: int = Field(default=20, ge=1, le=100)


class ShowroomProductIn(Schema):
    name: str = Field(min_length=1, max_length=60, examples=["天然白水晶手串 8mm"])
    category_id: int
    price_cny: Decimal = Field(ge=0, max_digits=12, decimal_places=2, examples=["168.00"])
    price_usd: Decimal | None = Field(default=None, ge=0, max_digits=12, decimal_places=2)
    description: str = Field(default="", max_length=2000)
    tag_ids: list[int] = Field(default_factory=list)
    values: dict[int, str] = Field(default_factory=dict, description="{属性编号: 取值}，空值表示不填")


class AdminShowroomProductIn(ShowroomProductIn):
    merchant_id: int
    state: Literal["listed", "unlisted", "pending"] = Field(default="listed", description="新建时的状态")


class ProductImageOrderIn(Schema):
    image_ids: list[int] = Field(description="该商品全部图片的编号，按新顺序")


# --- back office ---


class ShowroomAdminFilters(Schema):
    id: int | None = Field(default=None, description="商品编号")
    q: str = Field(default="", max_length=50, description="商品名称（中文、全拼或首字母）")
    merchant: str = Field(default="", max_length=50, description="商户名称")
    category_id: int | None = None
    state: State | None = None
    tag_id: int | None = None
    page: int = Field(default=1, ge=1)
    page_size: int = Field(default=20, ge=1, le=100)


class ProductStateCountOut(Schema):
    state: State
    label: str
    count: int


class ShowroomCategoryIn(Schema):
    name: str = Field(min_length=1, max_length=40, examples=["手串"])
    parent_id: int | None = None
    enabled: bool = True


class ShowroomCategoryPatchIn(Schema):
    name: str | None = Field(default=None, min_length=1, max_length=40)
    enabled: bool | None = None


class ShowroomCategoryOut(Schema):
    id: int
    name: str
    parent_id: int | None
    position: int
    enabled: bool


class CategoryMoveIn(Schema):
    parent_id: int | None = Field(description="新的上级分类；null 为顶层")
    position: int = Field(ge=0, description="在新的同级分类中的位置（0 为第一个）")


class ShowroomAttributeIn(Schema):
    name: str = Field(min_length=1, max_length=20, examples=["颜色"])
    kind: Kind = "text"
    unit: str = Field(default="", max_length=10)
    choices: list[str] = Field(default_factory=list, max_length=50)


class ShowroomAttributePatchIn(Schema):
    name: str = Field(min_length=1, max_length=20)
    unit: str = Field(default="", max_length=10)
    choices: list[str] = Field(default_factory=list, max_length=50)


class ShowroomTagIn(Schema):
    name: str = Field(min_length=1, max_length=12, examples=["热销"])
    color: str = Field(default="purple", max_length=16)


class ProductReviewIn(Schema):
    approve: bool
    reason: str = Field(default="", max_length=200, description="退回时必填")


class ProductBatchIn(Schema):
    product_ids: list[int] = Field(min_length=1, max_length=200)
    listed: bool = Field(description="true 上架 / false 下架")


class ProductBatchOut(Schema):
    done: list[int]
    skipped: list[int] = Field(description="状态不符或不存在而未处理的商品")
