from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import pytest
from PIL import Image

from conftest import Api
from jmt.accounts.models import User
from jmt.showroom.models import Attribute, Category, Product, Tag


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def admin_api(api: Api, superadmin: User) -> Api:
    return api.as_user(superadmin)


@pytest.fixture
def merchant_api(api: Api, merchant_admin: User) -> Api:
    return api.as_user(merchant_admin)


@pytest.fixture
def tree(db: None) -> dict[str, Category]:
    """水晶 → 手串 → 白水晶手串, and 摆件 beside 手串."""
    crystal = Category.objects.create(name="水晶", position=0)
    bracelets = Category.objects.create(name="手串", parent=crystal, position=0)
    white = Category.objects.create(name="白水晶手串", parent=bracelets, position=0)
    ornaments = Category.objects.create(name="摆件", parent=crystal, position=1)
    return {"crystal": crystal, "bracelets": bracelets, "white": white, "ornaments": ornaments}


@pytest.fixture
def attributes(tree: dict[str, Category]) -> dict[str, Attribute]:
    return {
        "material": Attribute.objects.create(category=tree["crystal"], name="材质", kind="text"),
        "bead": Attribute.objects.create(category=tree["bracelets"], name="珠径", kind="number", unit="mm"),
        "colour": Attribute.objects.create(
            category=tree["bracelets"], name="颜色", kind="choice", choices=["白", "紫", "粉"]
        ),
    }


@pytest.fixture
def hot(db: None) -> Tag:
    return Tag.objects.create(name="热销", color="red")


def png_bytes(size: tuple[int, int] = (900, 600), colour: tuple[int, int, int] = (180, 140, 220)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


def listed_product(merchant: Any, category: Category, name: str, price: str = "100.00", **fields: Any) -> Product:
    """A 上架 product written through the service's search key (built directly for reads' tests)."""
    from jmt.showroom.keys import search_key

    product = Product.objects.create(
        merchant=merchant, name=name, category=category, price_cny=Decimal(price), state="listed", **fields
    )
    product.search_key = search_key(name, [category.name])
    product.save(update_fields=["search_key"])
    return product
