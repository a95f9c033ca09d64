"""Demo data for 交易平台: a three-level tree of crystal goods with attributes, the four tags, ~60 上架
products (a few 审核中 and one 已退回) with Pillow-drawn pictures, and the 购买 contact in 系统参数.
Idempotent: nothing is added once the tree exists."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from jmt.accounts.selectors import build_actor
from jmt.merchants.models import Merchant
from jmt.showroom import demo_images, images, services
from jmt.showroom.models import Attribute, Category, Product, ProductImage
from jmt.system.models import SystemParameter

TAGS = [("热销", "red"), ("新品", "green"), ("跨境直邮", "blue"), ("保税仓发货", "gold")]
ORIGINS = ["巴西", "乌拉圭", "马达加斯加", "东海", "莫桑比克", "秘鲁"]

# top level → its attributes and (second level → third-level leaves); each leaf: (stones, picture, name pattern)
TREE: dict[str, dict[str, Any]] = {
    "手串": {
        "attributes": [("珠径", "number", "mm", []), ("圈数", "number", "圈", [])],
        "children": {
            "单圈手串": {
                "紫水晶手串": (["紫水晶"], "bracelet", "{origin}{stone}单圈手串 {size}mm"),
                "粉晶手串": (["粉晶", "草莓晶"], "bracelet", "{origin}{stone}手串 {size}mm"),
                "白水晶手串": (["白水晶", "月光石"], "bracelet", "净体{stone}手串 {size}mm"),
            },
            "多圈手串": {
                "黄水晶多圈": (["黄水晶", "茶晶"], "bracelet", "{stone}三圈手串 {size}mm"),
                "绿幽灵多圈": (["绿幽灵", "海蓝宝"], "bracelet", "{stone}多圈缠绕手链 {size}mm"),
            },
        },
    },
    "原石": {
        "attributes": [("重量", "number", "g", [])],
        "children": {
            "水晶簇": {
                "紫晶簇": (["紫水晶"], "cluster", "{origin}紫水晶簇原石"),
                "白晶簇": (["白水晶"], "cluster", "{origin}白水晶簇 消磁净化"),
            },
            "矿标": {"彩色矿标": (["海蓝宝", "红纹石", "绿幽灵"], "cluster", "{stone}原矿矿标")},
        },
    },
    "摆件": {
        "attributes": [("高度", "number", "cm", []), ("重量", "number", "kg", [])],
        "children": {
            "晶洞": {
                "紫晶洞": (["紫水晶"], "geode", "{origin}紫晶洞摆件"),
                "黄晶洞": (["黄水晶"], "geode", "黄水晶聚宝盆"),
            },
            "晶柱": {"单尖柱": (["白水晶", "粉晶", "紫水晶"], "cluster", "{stone}单尖水晶柱")},
        },
    },
    "吊坠": {
        "attributes": [("尺寸", "text", "", [])],
        "children": {
            "六棱柱吊坠": {"能量柱吊坠": (["海蓝宝", "紫水晶", "白水晶"], "pendant", "{stone}六棱柱吊坠")},
            "水滴吊坠": {"水滴坠": (["粉晶", "月光石", "青金石"], "pendant", "{stone}水滴吊坠 S925银扣")},
        },
    },
    "水晶球": {
        "attributes": [("直径", "number", "mm", [])],
        "children": {
            "白水晶球": {"净体白晶球": (["白水晶"], "sphere", "东海净体白水晶球 {size}mm")},
            "彩色水晶球": {"彩晶球": (["紫水晶", "粉晶", "黄水晶", "黑曜石"], "sphere", "{stone}水晶球 {size}mm")},
        },
    },
}
STONE_CHOICES = list(demo_images.STONES)
PRICE = {"手串": (68, 680), "原石": (120, 2600), "摆件": (380, 12800), "吊坠": (58, 560), "水晶球": (198, 3600)}
BUYER_WECHAT = "jiejing-caigou"


def _seed_tree(actor: Any) -> dict[str, list[tuple[Category, str, tuple[list[str], str, str]]]]:
    leaves: dict[str, list[tuple[Category, str, tuple[list[str], str, str]]]] = {}
    for top_name, spec in TREE.items():
        top = services.category_create(actor=actor, name=top_name)
        services.attribute_create(actor=actor, category_id=top.pk, name="材质", kind="choice", choices=STONE_CHOICES)
        services.attribute_create(actor=actor, category_id=top.pk, name="产地", kind="text")
        for name, kind, unit, choices in spec["attributes"]:
            services.attribute_create(actor=actor, category_id=top.pk, name=name, kind=kind, unit=unit, choices=choices)
        for mid_name, children in spec["children"].items():
            mid = services.category_create(actor=actor, name=mid_name, parent_id=top.pk)
            for leaf_name, leaf_spec in children.items():
                leaf = services.category_create(actor=actor, name=leaf_name, parent_id=mid.pk)
                leaves.setdefault(top_name, []).append((leaf, top_name, leaf_spec))
    return leaves


def _values(top: Category, leaf: Category, stone: str, origin: str, size: int, rng: random.Random) -> dict[int, str]:
    out: dict[int, str] = {}
    for attribute in Attribute.objects.filter(category=top):
        if attribute.name == "材质":
            out[attribute.pk] = stone
        elif attribute.name == "产地":
            out[attribute.pk] = origin
        elif attribute.name in {"珠径", "直径"}:
            out[attribute.pk] = str(size)
        elif attribute.name == "圈数":
            out[attribute.pk] = "3" if "多圈" in leaf.name else "1"
        elif attribute.name == "重量":
            out[attribute.pk] = str(
                rng.choice([180, 350, 520, 860, 1200]) if attribute.unit == "g" else rng.choice([1.5, 2.8, 4.6, 8])
            )
        elif attribute.name == "高度":
            out[attribute.pk] = str(rng.choice([12, 18, 25, 36]))
        elif attribute.name == "尺寸":
            out[attribute.pk] = rng.choice(["12×35mm", "15×40mm", "18×45mm"])
    return out


def seed_showroom(merchants: list[Merchant], *, staff: Any) -> None:
    if Category.objects.exists():
        return
    actor = build_actor(staff)
    tags = [services.tag_create(actor=actor, name=name, color=color) for name, color in TAGS]
    leaves = _seed_tree(actor)
    rng = random.Random(16)  # noqa: S311 - reproducible demo data, not security
    tops = {c.name: c for c in Category.objects.filter(parent__isnull=True)}
    count = 0
    for round_ in range(5):
        for top_name, entries in leaves.items():
            for leaf, _, (stones, shape, pattern) in entries:
                if count >= 62 or (round_ >= 2 and rng.random() < 0.4):
                    continue
                stone = stones[(round_ + count) % len(stones)]
                origin = rng.choice(ORIGINS)
                size = rng.choice([6, 8, 10, 12]) if shape == "bracelet" else rng.choice([60, 80, 100, 120])
                name = pattern.format(stone=stone, origin=origin, size=size)
                if Product.objects.filter(name=name).exists():
                    name = f"{name}·{['精选', '臻品', '特惠', '典藏', '限量'][round_]}"
                low, high = PRICE[top_name]
                price = Decimal(rng.randrange(low, high)) + (Decimal("0.90") if round_ % 2 else Decimal(0))
                state = "listed" if count % 13 else "pending"
                product = services.product_create(
                    actor=actor,
                    merchant_id=merchants[count % len(merchants)].pk,
                    state=state,
                    data=services.ProductData(
                        name=name,
                        category_id=leaf.pk,
                        price_cny=price,
                        price_usd=(price / Decimal("7.1")).quantize(Decimal("0.01")) if count % 3 == 0 else None,
                        description=f"{origin}产{stone}，{leaf.name}。天然原料，手工挑选打磨，通透度好。支持跨境直邮与保税仓发货，量大可议价。",
                        tag_ids=[t.pk for t in rng.sample(tags, rng.choice([0, 1, 1, 2]))],
                        values=_values(tops[top_name], leaf, stone, origin, size, rng),
                    ),
                )
                for angle in range(rng.choice([2, 3])):
                    key, width, height = images.store_image(demo_images.draw(stone, shape, seed=count * 7 + angle))
                    ProductImage.objects.create(product=product, key=key, width=width, height=height, position=angle)
                count += 1
    _seed_contact()


def _seed_contact() -> None:
    if SystemParameter.objects.filter(group="showroom").exists():
        return
    key, _, _ = images.store_image(demo_images.demo_qr(BUYER_WECHAT))
    SystemParameter.objects.create(
        group="showroom",
        value={
            "buyer_wechat_id": BUYER_WECHAT,
            "buyer_wechat_qr": images.url(key, "display"),
            "buyer_note": "添加捷晶采购顾问微信，说明商品名称与数量，顾问将为您对接商户、确认价格与发货。",
        },
    )
