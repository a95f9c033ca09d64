"""Chinese names of the audited acts of 交易平台 and the fields they record, for the log."""

from __future__ import annotations

from jmt.audit import labels

ACTIONS = {
    "category_create": "新建商品分类",
    "category_update": "修改商品分类",
    "category_move": "移动商品分类",
    "attribute_create": "新增分类属性",
    "attribute_update": "修改分类属性",
    "attribute_delete": "删除分类属性",
    "tag_create": "新建商品标签",
    "tag_update": "修改商品标签",
    "tag_delete": "删除商品标签",
    "product_create": "新建商品",
    "product_update": "修改商品",
    "product_image_add": "上传商品图片",
    "product_image_delete": "删除商品图片",
    "product_image_reorder": "调整商品图片顺序",
}

FIELDS = {
    "showroom.Category": {"name": "分类名称", "parent": "上级分类", "position": "排序", "enabled": "启用"},
    "showroom.Attribute": {"name": "属性名称", "kind": "类型", "unit": "单位", "choices": "可选值"},
    "showroom.Tag": {"name": "标签名称", "color": "颜色"},
    "showroom.Product": {
        "name": "商品名称",
        "category": "分类",
        "description": "商品描述",
        "price_cny": "价格（人民币）",
        "price_usd": "价格（美元）",
        "tags": "标签",
        "values": "属性",
        "images": "图片",
        "state": "状态",
    },
}


def register() -> None:
    labels.register(actions=ACTIONS, fields=FIELDS)
