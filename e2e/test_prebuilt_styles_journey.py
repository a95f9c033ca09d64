"""The desktop surfaces draw from the antd stylesheet made at build time, not from styles made in the browser.

Issue 9 item 9: the PC home's first render spent ~150 ms injecting ~90 `<style>` tags (antd's CSS-in-JS). The build
renders those styles into `assets/antd-<surface>-<hash>.css` (web/scripts/antdStyle.tsx); cssinjs finds them listed
there and injects nothing. With 「减弱动态效果」 the theme differs, the file does not apply and cssinjs injects every
style itself, as before — the page looks the same either way.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from e2e.test_customs_journey import sign_in
from e2e.test_system_journeys import admin_login
from jmt.accounts.models import User

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Styles cssinjs made in the page (each `<style>` it injects carries `data-css-hash`), first characters of each.
INJECTED = "() => [...document.querySelectorAll('style[data-css-hash]')].map((s) => s.textContent.slice(0, 80))"
SELECTED_MENU_ITEM = "(e) => getComputedStyle(e).backgroundColor"


def open_pc_home(page: Page, base: str, user: User) -> None:
    sign_in(page, base, user)
    page.goto(f"{base}/")
    expect(page.get_by_test_id("greeting")).to_be_visible()
    expect(page.locator(".ant-skeleton")).to_have_count(0)  # 业务动态, 待办事项 and 账户余额 have drawn
    page.wait_for_load_state("networkidle")


def hero_background(page: Page) -> str:
    """The greeting band's gradient (pc.css) over antd's white card: the app's stylesheet comes after antd's."""
    return str(page.locator(".jmt-hero").evaluate("(e) => getComputedStyle(e).backgroundImage"))


def test_the_pc_home_and_the_workbench_inject_no_antd_styles_of_their_own(
    live_server: Any, new_context: Any, merchant_admin: User, superadmin: User
):
    pc = new_context(reduced_motion="no-preference").new_page()
    open_pc_home(pc, live_server.url, merchant_admin)
    expect(pc.locator('link[rel="stylesheet"][href^="/assets/antd-merchant-"]')).to_have_count(1)
    assert pc.evaluate(INJECTED) == []
    # The sider's selected item has the layout's own colour (#eef2ff), drawn from the file.
    selected = pc.locator(".ant-pro-sider .ant-menu-item-selected").first
    assert selected.evaluate(SELECTED_MENU_ITEM) == "rgb(238, 242, 255)"
    assert hero_background(pc).startswith("linear-gradient")

    admin = new_context(reduced_motion="no-preference").new_page()
    admin_login(admin, live_server.url, "/")
    expect(admin.get_by_text("待处理事项")).to_be_visible()
    admin.wait_for_load_state("networkidle")
    expect(admin.locator('link[rel="stylesheet"][href^="/assets/antd-admin-"]')).to_have_count(1)
    assert admin.evaluate(INJECTED) == []


def test_with_reduced_motion_the_page_makes_its_styles_itself_and_looks_the_same(
    live_server: Any, new_context: Any, merchant_admin: User
):
    page = new_context(reduced_motion="reduce").new_page()
    open_pc_home(page, live_server.url, merchant_admin)

    assert len(page.evaluate(INJECTED)) > 20  # the file does not apply: cssinjs injected the page's styles
    selected = page.locator(".ant-pro-sider .ant-menu-item-selected").first
    assert selected.evaluate(SELECTED_MENU_ITEM) == "rgb(238, 242, 255)"
    assert hero_background(page).startswith("linear-gradient")
