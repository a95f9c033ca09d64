"""Global search in the browser: on the phone (390 px) from the home page's search bar to an order, with
pinyin initials lighting up the module; on PC by keyboard alone; in the back office a merchant found by
the initials of its name. Recent searches come back on an empty box."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from e2e.conftest import MOBILE, shoot
from e2e.test_message_journeys import asgi_url, sign_in
from jmt.accounts.models import User
from jmt.customs.tests.factories import make_batch, make_shipment
from jmt.merchants.models import Merchant

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
__all__ = ["asgi_url"]


def test_a_merchant_finds_a_service_by_initials_and_an_order_by_its_number_on_the_phone(
    asgi_url: str, new_context: Any, merchant_admin: User, crystal_merchant: Merchant
) -> None:
    order, _logistics, _inventory = make_shipment(make_batch(crystal_merchant), order_no="DH20261205888")
    page = new_context(viewport=MOBILE, is_mobile=True, has_touch=True).new_page()
    sign_in(page, asgi_url, merchant_admin)
    page.goto(f"{asgi_url}/m/")
    expect(page.get_by_role("button", name="搜索")).to_be_visible()
    shoot(page, "m-home-search-entry")
    page.get_by_role("button", name="搜索").click()
    expect(page).to_have_url(f"{asgi_url}/m/search")
    box = page.get_by_placeholder("服务、订单号、清单号、运单号")

    box.fill("gszc")
    module = page.locator(".m-search__hit", has_text="工商注册")
    expect(module).to_be_visible()
    expect(module.locator("mark")).to_have_text("工商注册")
    expect(page.locator(".m-search__child", has_text="注册进度看板")).to_be_visible()
    shoot(page, "m-search-gszc")

    box.fill("1205888")
    hit = page.locator(".m-search__hit", has_text="DH20261205888")
    expect(hit.locator("mark")).to_have_text("1205888")
    shoot(page, "m-search-order")
    hit.click()
    expect(page).to_have_url(f"{asgi_url}/m/customs/orders/{order.pk}")

    page.goto(f"{asgi_url}/m/search")
    expect(page.locator(".m-search__chip", has_text="1205888")).to_be_visible()
    shoot(page, "m-search-recent")


def test_a_merchant_opens_a_service_from_the_pc_search_box_by_keyboard(
    asgi_url: str, new_context: Any, merchant_admin: User
) -> None:
    page = new_context().new_page()
    sign_in(page, asgi_url, merchant_admin)
    page.goto(f"{asgi_url}/")
    box = page.get_by_role("combobox", name="全局搜索")
    box.fill("zhuce")
    expect(page.locator(".ant-select-item-option", has_text="注册进度看板")).to_be_visible()
    shoot(page, "pc-search-zhuce")
    box.press("ArrowDown")  # the module is active first; one down is its first item, 工商注册办理
    box.press("Enter")
    expect(page).to_have_url(f"{asgi_url}/registration/apply")


def test_staff_find_a_merchant_by_the_initials_of_its_name_and_open_it(
    asgi_url: str, new_context: Any, superadmin: User, merchant_admin: User
) -> None:
    page = new_context().new_page()
    sign_in(page, asgi_url, superadmin, prefix="admin.")
    page.goto(f"{asgi_url}/admin/")
    box = page.get_by_role("combobox", name="全局搜索")
    box.fill("dhsj")
    option = page.locator(".ant-select-item-option", has_text="东海晶莹水晶")
    expect(option).to_be_visible()
    expect(option.locator("mark").first).to_have_text("东海")
    shoot(page, "admin-search-dhsj")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/admin/merchants\?id=\d+$"))
    expect(page.locator(".ant-drawer")).to_contain_text("东海晶莹水晶")
    shoot(page, "admin-search-merchant-opened")
