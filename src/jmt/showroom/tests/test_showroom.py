"""The showroom: 上架 only, search by Chinese / pinyin / initials, filters, details, the 购买 contact."""

from __future__ import annotations

import pytest

from jmt.showroom.keys import search_key
from jmt.showroom.models import Product, ProductValue
from jmt.showroom.tests.conftest import listed_product
from jmt.system.models import SystemParameter

pytestmark = pytest.mark.django_db


def test_the_search_key_holds_chinese_full_pinyin_and_initials():
    key = search_key("白水晶手串", ["手串"])
    assert key.split() == ["白水晶手串", "baishuijingshouchuan", "bsjsc", "手串", "shouchuan", "sc"]


@pytest.mark.parametrize("q", ["白水晶", "baishuijing", "bsj", "BSJ", "bai shui"])
def test_a_product_is_found_by_chinese_pinyin_or_initials(merchant_api, tree, crystal_merchant, q):
    wanted = listed_product(crystal_merchant, tree["white"], "白水晶手串")
    listed_product(crystal_merchant, tree["ornaments"], "紫水晶洞")
    items = merchant_api.get("/showroom/products", q=q).json()["items"]
    assert [i["id"] for i in items] == [wanted.pk]


def test_the_showroom_shows_only_listed_products(merchant_api, tree, crystal_merchant):
    listed_product(crystal_merchant, tree["white"], "甲")
    Product.objects.create(merchant=crystal_merchant, name="乙", category=tree["white"], price_cny=1, state="pending")
    Product.objects.create(merchant=crystal_merchant, name="丙", category=tree["white"], price_cny=1, state="unlisted")
    assert [i["name"] for i in merchant_api.get("/showroom/products").json()["items"]] == ["甲"]


def test_a_category_filter_includes_its_subcategories(merchant_api, tree, crystal_merchant):
    listed_product(crystal_merchant, tree["white"], "白水晶手串")
    listed_product(crystal_merchant, tree["ornaments"], "紫水晶洞")
    assert merchant_api.get("/showroom/products", category_id=tree["bracelets"].pk).json()["total"] == 1
    assert merchant_api.get("/showroom/products", category_id=tree["crystal"].pk).json()["total"] == 2


def test_price_tag_and_attribute_filters(merchant_api, tree, crystal_merchant, attributes, hot):
    cheap = listed_product(crystal_merchant, tree["white"], "甲", price="50")
    dear = listed_product(crystal_merchant, tree["white"], "乙", price="500")
    dear.tags.add(hot)
    ProductValue.objects.create(
        product=cheap, attribute=attributes["bead"], name="珠径", unit="mm", value="6", number=6
    )
    ProductValue.objects.create(
        product=dear, attribute=attributes["bead"], name="珠径", unit="mm", value="10", number=10
    )
    ProductValue.objects.create(product=dear, attribute=attributes["colour"], name="颜色", value="紫")
    ids = lambda **p: [i["id"] for i in merchant_api.get("/showroom/products", **p).json()["items"]]  # noqa: E731
    assert ids(price_min="100") == [dear.pk]
    assert ids(price_max="100") == [cheap.pk]
    assert ids(tag_ids=[hot.pk]) == [dear.pk]
    assert ids(attrs=[f"{attributes['bead'].pk}:8~12"]) == [dear.pk]
    assert ids(attrs=[f"{attributes['colour'].pk}:紫|粉"]) == [dear.pk]


def test_a_malformed_attribute_filter_is_a_chinese_422(merchant_api, tree):
    response = merchant_api.get("/showroom/products", attrs=["颜色"])
    assert response.status_code == 422
    assert response.json()["details"]["fields"]["attrs"] == "属性筛选格式应为「属性编号:取值」"


def test_the_hall_groups_products_by_top_level_category(merchant_api, tree, crystal_merchant):
    listed_product(crystal_merchant, tree["white"], "白水晶手串")
    sections = merchant_api.get("/showroom/hall").json()
    assert [(s["category"]["name"], s["total"]) for s in sections] == [("水晶", 1)]


def test_another_merchant_sees_a_listed_product(api, tree, crystal_merchant):
    from conftest import make_merchant_user
    from jmt.merchants.models import MemberRole, Merchant

    product = listed_product(crystal_merchant, tree["white"], "白水晶手串")
    other = Merchant.objects.create(name="连云港晶品", registration_status="approved")
    viewer = api.as_user(make_merchant_user("13900000077", other, MemberRole.ADMIN))
    body = viewer.get(f"/showroom/products/{product.pk}").json()
    assert (body["name"], body["mine"], body["merchant"]) == ("白水晶手串", False, "东海晶莹水晶")


def test_another_merchants_product_under_review_is_hidden(api, tree, crystal_merchant):
    from conftest import make_merchant_user
    from jmt.merchants.models import MemberRole, Merchant

    product = Product.objects.create(
        merchant=crystal_merchant, name="乙", category=tree["white"], price_cny=1, state="pending"
    )
    other = Merchant.objects.create(name="连云港晶品", registration_status="approved")
    viewer = api.as_user(make_merchant_user("13900000077", other, MemberRole.ADMIN))
    assert viewer.get(f"/showroom/products/{product.pk}").status_code == 404
    assert viewer.get("/showroom/mine").json()["total"] == 0


def test_the_category_page_offers_inherited_and_own_attributes(merchant_api, tree, attributes):
    body = merchant_api.get("/showroom/category-info", category_id=tree["bracelets"].pk).json()
    assert [p["name"] for p in body["path"]] == ["水晶", "手串"]
    assert [a["name"] for a in body["attributes"]] == ["材质", "珠径", "颜色"]


def test_the_buy_contact_comes_from_the_system_parameters(merchant_api, db):
    SystemParameter.objects.create(
        group="showroom", value={"buyer_wechat_id": "jiejing-buy", "buyer_wechat_qr": "/qr.png"}
    )
    body = merchant_api.get("/showroom/contact").json()
    assert (body["wechat_id"], body["wechat_qr"]) == ("jiejing-buy", "/qr.png")
