"""交易平台 in the browser: the back office builds a three-level category tree and two products (1440 px);
a merchant finds one on the phone (390 px) by its pinyin initials, swipes its gallery and opens the buy
sheet with the staff WeChat; the showroom on the PC at 1440 px with the 购买 dialog."""

from __future__ import annotations

import io
from typing import Any

import pytest
from PIL import Image
from playwright.sync_api import FilePayload, Page, expect

from e2e.conftest import MOBILE, SCREENSHOTS, shoot
from e2e.test_message_journeys import asgi_url, sign_in
from jmt.accounts.models import User
from jmt.showroom.models import Category, Product
from jmt.system.models import SystemParameter

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
__all__ = ["asgi_url"]


def shoot_screen(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def picture(colour: tuple[int, int, int]) -> FilePayload:
    out = io.BytesIO()
    Image.new("RGB", (800, 800), colour).save(out, "PNG")
    return {"name": "商品图.png", "mimeType": "image/png", "buffer": out.getvalue()}


def new_category(page: Page, name: str, *, under: str | None) -> None:
    if under is None:
        page.get_by_test_id("sr-cat-new-top").click()
    else:
        page.get_by_test_id(f"sr-cat-{under}").click()
        page.get_by_test_id("sr-cat-new-child").click()
    page.get_by_test_id("sr-cat-name").fill(name)
    page.get_by_role("button", name="创 建").click()
    expect(page.get_by_test_id(f"sr-cat-{name}")).to_be_visible()
    expect(page.locator(".ant-modal-wrap:visible")).to_have_count(0)


def new_product(page: Page, name: str, price: str, colour: tuple[int, int, int]) -> None:
    page.get_by_test_id("sr-admin-new-product").click()
    editor = page.get_by_test_id("sr-editor")
    editor.locator("#merchant_id").click()
    page.locator(".ant-select-item-option", has_text="东海晶莹水晶").click()
    editor.locator("#name").fill(name)
    editor.locator("#category_id").click()
    page.locator(".ant-select-tree-title", has_text="紫水晶手串").click()
    editor.locator("#price_cny").fill(price)
    page.get_by_test_id("sr-editor-save").click()
    expect(page.get_by_text("已创建，可继续上传商品图片")).to_be_visible()
    page.get_by_test_id("sr-editor-images").locator("input[type=file]").set_input_files(picture(colour))
    expect(page.get_by_test_id("sr-editor-images").locator("img")).to_have_count(1)
    page.get_by_role("button", name="关 闭").click()


def test_admin_builds_a_tree_and_products_and_a_merchant_finds_one_by_initials_and_buys(
    asgi_url: str, new_context: Any, superadmin: User, merchant_admin: User
):
    SystemParameter.objects.create(group="showroom", value={"buyer_wechat_id": "jiejing-caigou", "buyer_wechat_qr": ""})

    admin = new_context().new_page()
    sign_in(admin, asgi_url, superadmin, prefix="admin.")
    admin.goto(f"{asgi_url}/admin/content/showroom")
    admin.get_by_role("tab", name="分类与属性").click()
    new_category(admin, "水晶", under=None)
    new_category(admin, "手串", under="水晶")
    new_category(admin, "紫水晶手串", under="手串")
    shoot(admin, "showroom-admin-tree")
    leaf = Category.objects.select_related("parent__parent").get(name="紫水晶手串")
    assert leaf.parent is not None
    assert leaf.parent.parent is not None
    assert leaf.parent.parent.name == "水晶"

    admin.get_by_role("tab", name="商品").click()
    new_product(admin, "巴西紫水晶手串 8mm", "168", (150, 90, 200))
    new_product(admin, "乌拉圭紫晶 12mm", "268", (110, 60, 170))
    expect(admin.get_by_text("乌拉圭紫晶 12mm")).to_be_visible()
    shoot(admin, "showroom-admin-products")
    assert Product.objects.filter(state="listed").count() == 2

    phone = new_context(
        viewport=MOBILE, is_mobile=True, has_touch=True, permissions=["clipboard-read", "clipboard-write"]
    ).new_page()
    sign_in(phone, asgi_url, merchant_admin)
    phone.goto(f"{asgi_url}/m/showroom")
    expect(phone.get_by_text("共 2 件商品")).to_be_visible()
    search = phone.get_by_test_id("m-sr-search").locator("input")
    search.fill("bxzsj")
    search.press("Enter")
    expect(phone.get_by_text("共 1 件商品")).to_be_visible()
    expect(phone.get_by_text("巴西紫水晶手串 8mm")).to_be_visible()
    shoot(phone, "showroom-m-initials")
    phone.get_by_text("巴西紫水晶手串 8mm").click()
    expect(phone.get_by_test_id("m-sr-detail-name")).to_have_text("巴西紫水晶手串 8mm")
    expect(phone.get_by_test_id("m-sr-swiper").locator("img")).to_have_count(1)
    shoot(phone, "showroom-m-detail")
    phone.get_by_test_id("m-sr-buy-button").click()
    expect(phone.get_by_test_id("m-sr-buy-wechat")).to_have_text("jiejing-caigou")
    phone.get_by_test_id("m-sr-buy-copy").click()
    expect(phone.get_by_text("微信号已复制")).to_be_visible()
    phone.wait_for_timeout(300)
    shoot_screen(phone, "showroom-m-buy")

    pc = new_context().new_page()
    sign_in(pc, asgi_url, merchant_admin)
    pc.goto(f"{asgi_url}/showroom")
    expect(pc.get_by_test_id(f"sr-section-{Category.objects.get(name='水晶').pk}")).to_be_visible()
    shoot(pc, "showroom-pc-hall")
    pc.get_by_text("乌拉圭紫晶 12mm").click()
    pc.get_by_test_id("sr-buy-button").click()
    expect(pc.get_by_test_id("sr-buy-wechat")).to_have_text("jiejing-caigou")
    shoot_screen(pc, "showroom-pc-buy")
