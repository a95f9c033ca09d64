"""The showroom list with 5,000 上架 products: server time per page.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/showroom_bench python bench/showroom.py --products 5000
    DATABASE_URL=sqlite:////tmp/showroom-bench.sqlite3 python bench/showroom.py --products 5000

Builds the data set once (the demo category tree; products spread over its leaves with attribute values,
tags, a picture row each and their pinyin search keys), then calls each endpoint in-process through the
whole Django stack (middleware, auth, permission, selector, serialisation) ``--runs`` times as a merchant
user and prints the median and p95 per case, with ``/api/v1/showroom/tags`` (the same stack, a four-row
query) measured in the same run as the floor.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _django

STONES = ["白水晶", "紫水晶", "粉晶", "黄水晶", "茶晶", "绿幽灵", "海蓝宝", "黑曜石", "草莓晶", "月光石"]
ORIGINS = ["巴西", "乌拉圭", "马达加斯加", "东海", "秘鲁"]


def build(count: int) -> None:
    from jmt.accounts.models import User
    from jmt.accounts.selectors import build_actor
    from jmt.merchants.models import Merchant
    from jmt.showroom.keys import search_key
    from jmt.showroom.models import Attribute, Category, Product, ProductImage, ProductValue, Tag
    from jmt.showroom.seed import TAGS, _seed_tree
    from jmt.showroom.services import tag_create

    if Product.objects.filter(state="listed").count() >= count:
        return
    staff, _ = User.objects.get_or_create(username="bench-root", defaults={"is_staff": True, "is_superadmin": True})
    actor = build_actor(staff)
    if not Category.objects.exists():
        for name, color in TAGS:
            tag_create(actor=actor, name=name, color=color)
        _seed_tree(actor)
    merchants = [
        Merchant.objects.get_or_create(name=f"东海水晶商户{i}", defaults={"registration_status": "approved"})[0]
        for i in range(20)
    ]
    leaves = list(Category.objects.filter(children__isnull=True))
    paths = {c.pk: [] for c in leaves}
    for leaf in leaves:
        node, names = leaf, []
        while node is not None:
            names.append(node.name)
            node = node.parent
        paths[leaf.pk] = names[::-1]
    tags = list(Tag.objects.all())
    rng = random.Random(5000)  # noqa: S311 - reproducible bench data, not security
    existing = Product.objects.count()
    products = []
    for i in range(existing, count):
        leaf = leaves[i % len(leaves)]
        stone = rng.choice(STONES)
        name = f"{rng.choice(ORIGINS)}{stone}{leaf.name} {rng.choice([6, 8, 10, 12])}mm 款{i}"
        products.append(
            Product(
                merchant=merchants[i % len(merchants)],
                name=name,
                category=leaf,
                state="listed",
                price_cny=Decimal(rng.randrange(50, 5000)),
                description="bench",
                search_key=search_key(name, paths[leaf.pk]),
                listed_at=None,
            )
        )
    Product.objects.bulk_create(products, batch_size=1000)
    from django.utils import timezone

    Product.objects.filter(listed_at__isnull=True).update(listed_at=timezone.now())
    material = {a.category_id: a for a in Attribute.objects.filter(name="材质")}
    tops = {leaf.pk: Category.objects.get(name=paths[leaf.pk][0]).pk for leaf in leaves}
    values, pictures, links = [], [], []
    through = Product.tags.through
    for product in Product.objects.filter(description="bench", images__isnull=True):
        attribute = material.get(tops[product.category_id])
        if attribute is not None:
            stone = next((s for s in STONES if s in product.name), STONES[0])
            values.append(ProductValue(product=product, attribute=attribute, name="材质", value=stone))
        pictures.append(ProductImage(product=product, key=f"{product.pk:032x}", width=1200, height=1200))
        if product.pk % 3 == 0:
            links.append(through(product_id=product.pk, tag_id=tags[product.pk % len(tags)].pk))
    ProductValue.objects.bulk_create(values, batch_size=1000)
    ProductImage.objects.bulk_create(pictures, batch_size=1000)
    through.objects.bulk_create(links, batch_size=1000)


def measure(runs: int) -> dict[str, object]:
    from django.db import connection
    from django.test import Client

    from jmt.accounts.models import User
    from jmt.accounts.tokens import issue_tokens
    from jmt.merchants.models import MemberRole, Membership, Merchant
    from jmt.showroom.models import Attribute, Category, Product, Tag

    merchant = Merchant.objects.get(name="东海水晶商户0")
    user, created = User.objects.get_or_create(
        username="13899990000", defaults={"phone": "13899990000", "current_merchant": merchant}
    )
    if created:
        Membership.objects.create(user=user, merchant=merchant, role=MemberRole.ADMIN)
    headers = {"Authorization": f"Bearer {issue_tokens(user, remember=False).access}"}
    client = Client(SERVER_NAME="127.0.0.1")
    top = Category.objects.get(name="手串")
    leaf = Category.objects.get(name="紫水晶手串")
    colour = Attribute.objects.get(category=top, name="材质")
    total = Product.objects.filter(state="listed").count()
    cases = {
        "floor: GET /showroom/tags (auth + permission + one tiny query)": ("/api/v1/showroom/tags", {}),
        "展厅首页 /showroom/hall (5 sections × 8)": ("/api/v1/showroom/hall", {}),
        "list, page 1 (24)": ("/api/v1/showroom/products", {"page_size": 24}),
        "list, page 100 (24)": ("/api/v1/showroom/products", {"page_size": 24, "page": 100}),
        "category 手串 (subtree), page 1": ("/api/v1/showroom/products", {"category_id": top.pk}),
        "category leaf 紫水晶手串 + price range": (
            "/api/v1/showroom/products",
            {"category_id": leaf.pk, "price_min": 100, "price_max": 2000},
        ),
        "search 「紫水晶」 (Chinese)": ("/api/v1/showroom/products", {"q": "紫水晶"}),
        "search 「zishuijing」 (full pinyin)": ("/api/v1/showroom/products", {"q": "zishuijing"}),
        "search 「zsj」 (initials)": ("/api/v1/showroom/products", {"q": "zsj"}),
        "tag 热销 + attribute 材质=紫水晶": (
            "/api/v1/showroom/products",
            {"tag_ids": Tag.objects.get(name="热销").pk, "attrs": f"{colour.pk}:紫水晶"},
        ),
        "category tree": ("/api/v1/showroom/categories", {}),
        "product detail": ("/api/v1/showroom/products/" + str(Product.objects.filter(state="listed").first().pk), {}),  # type: ignore[union-attr]
    }
    out: dict[str, object] = {}
    for label, (path, params) in cases.items():
        timings = []
        status = 0
        for _ in range(runs):
            start = time.perf_counter()
            response = client.get(path, params, headers=headers)
            timings.append((time.perf_counter() - start) * 1000)
            status = response.status_code
        found = response.json().get("total") if isinstance(response.json(), dict) else None
        timings.sort()
        out[label] = {
            "status": status,
            "median_ms": round(statistics.median(timings), 1),
            "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1),
            "total": found,
        }
    return {
        "database": connection.vendor,
        "listed_products": total,
        "runs": runs,
        "cases": out,
        "machine": _django.machine(),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    _django.setup()
    started = time.perf_counter()
    build(args.products)
    built = time.perf_counter() - started
    result = measure(args.runs)
    result["build_seconds"] = round(built, 1)
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
