"""G1 / G9 journeys in Chromium: log in on each surface and land on the right home."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import MOBILE, shoot
from jmt.accounts.models import RefreshToken, User
from jmt.core import catalog
from jmt.integrations.sms import memory
from jmt.merchants.models import MemberRole, Membership, Merchant

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

GATED = {"logistics", "filings", "customs", "refunds", "fx", "showroom"}
ALL_MODULES = GATED | {"registration", "training"}
BUILT = {m.key for m in catalog.MODULES if m.built}  # the rest say 即将上线 and never open
COMING_SOON = ALL_MODULES - BUILT


def sms_login(page: Page, phone: str, *, remember: bool = False) -> None:
    page.get_by_role("textbox", name="手机号", exact=True).fill(phone)
    page.get_by_test_id("send-code").click()
    expect(page.get_by_test_id("send-code")).to_contain_text(re.compile(r"\d+ 秒"))  # the countdown started
    code = memory.last_code(phone)
    assert code is not None
    page.get_by_role("textbox", name="验证码", exact=True).fill(code)
    if remember:
        page.get_by_text("记住我 7 天").click()
    page.get_by_role("button", name=re.compile(r"登\s*录")).click()


def tile_states(page: Page) -> dict[str, bool]:
    tiles = page.locator("[data-testid^='module-tile-']")
    expect(tiles).to_have_count(8)
    states = {}
    for index in range(8):
        tile = tiles.nth(index)
        key = (tile.get_attribute("data-testid") or "").removeprefix("module-tile-")
        states[key] = tile.get_attribute("data-disabled") == "true"
        if key in COMING_SOON:
            expect(tile).to_have_attribute("data-coming-soon", "true")
            expect(tile).to_contain_text("即将上线")
    return states


def test_a_new_phone_logs_in_on_pc_and_lands_on_home_with_gated_and_unbuilt_tiles_closed(live_server: Any, page: Page):
    page.goto(f"{live_server.url}/login")
    expect(page.get_by_role("textbox", name="手机号", exact=True)).to_be_visible()
    shoot(page, "pc-login")
    sms_login(page, "13712345678")
    expect(page).to_have_url(re.compile(r"/$"))
    # A phone alone has no name: asked once, 「稍后再说」 lets the new user straight in, and not again.
    expect(page.get_by_test_id("name-prompt-name")).to_be_visible()
    page.get_by_test_id("name-prompt-later").click()
    expect(page.get_by_test_id("name-prompt-name")).to_have_count(0)
    states = tile_states(page)
    assert set(states) == ALL_MODULES
    assert {key for key, disabled in states.items() if disabled} == GATED | COMING_SOON
    expect(page.get_by_test_id("registration-banner")).to_be_visible()
    shoot(page, "pc-home-new-merchant")


def test_a_new_phone_logs_in_on_mobile_and_lands_on_home_with_gated_and_unbuilt_tiles_closed(
    live_server: Any, new_context: Any
):
    page = new_context(viewport=MOBILE, is_mobile=True, has_touch=True).new_page()
    page.goto(f"{live_server.url}/m/")
    expect(page).to_have_url(re.compile(r"/m/login"))
    expect(page.get_by_role("textbox", name="手机号", exact=True)).to_be_visible()
    shoot(page, "mobile-login")
    sms_login(page, "13712345679")
    expect(page).to_have_url(re.compile(r"/m/?$"))
    # Asked once for the person's and the company's name; given here, they replace the masked phone.
    page.get_by_test_id("name-prompt-name").locator("input").fill("周晶晶")
    page.get_by_test_id("name-prompt-merchant").locator("input").fill("东海晶晶水晶店")
    page.get_by_test_id("name-prompt-save").click()
    expect(page.get_by_test_id("name-prompt-name")).to_have_count(0)
    user = User.objects.get(phone="13712345679")
    assert user.name == "周晶晶"
    assert user.current_merchant is not None
    assert user.current_merchant.name == "东海晶晶水晶店"
    states = tile_states(page)
    assert {key for key, disabled in states.items() if disabled} == GATED | COMING_SOON
    expect(page.get_by_text("首页").last).to_be_visible()
    expect(page.get_by_text("消息").last).to_be_visible()
    expect(page.get_by_text("我的").last).to_be_visible()
    shoot(page, "mobile-home-new-merchant")


def test_the_back_office_logs_in_and_draws_its_menu_from_the_catalog(live_server: Any, page: Page, superadmin: Any):
    page.goto(f"{live_server.url}/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login"))
    page.get_by_label("用户名").fill("root")
    page.get_by_label("密码").fill("Crystal-2026!")
    page.get_by_role("button", name=re.compile(r"登\s*录")).click()
    expect(page.get_by_text("系统管理").first).to_be_visible()
    expect(page.get_by_text("商户管理").first).to_be_visible()
    shoot(page, "admin-home")


def test_the_back_office_refuses_a_wrong_password_with_the_tries_left(live_server: Any, page: Page, superadmin: Any):
    page.goto(f"{live_server.url}/admin/login")
    page.get_by_label("用户名").fill("root")
    page.get_by_label("密码").fill("wrong-password")
    page.get_by_role("button", name=re.compile(r"登\s*录")).click()
    expect(page.get_by_test_id("login-error")).to_contain_text("4")


def test_remember_me_survives_a_new_browser_context(live_server: Any, new_context: Any, merchant_admin: Any):
    first = new_context().new_page()
    first.goto(f"{live_server.url}/login")
    sms_login(first, merchant_admin.phone, remember=True)
    expect(first.get_by_test_id("greeting")).to_be_visible()
    state = first.context.storage_state()

    second = new_context(storage_state=state).new_page()
    second.goto(f"{live_server.url}/")
    expect(second.get_by_test_id("greeting")).to_be_visible()
    assert tile_states(second) == {key: key in COMING_SOON for key in ALL_MODULES}
    shoot(second, "pc-home-approved-merchant")


def test_without_remember_me_a_new_browser_context_must_log_in_again(
    live_server: Any, new_context: Any, merchant_admin: Any
):
    first = new_context().new_page()
    first.goto(f"{live_server.url}/login")
    sms_login(first, merchant_admin.phone, remember=False)
    expect(first.get_by_test_id("greeting")).to_be_visible()

    second = new_context(storage_state=first.context.storage_state()).new_page()
    second.goto(f"{live_server.url}/")
    expect(second).to_have_url(re.compile(r"/login"))


def test_an_expired_access_token_is_refreshed_and_the_refresh_token_rotated(
    live_server: Any, page: Page, merchant_admin: Any
):
    page.goto(f"{live_server.url}/login")
    sms_login(page, merchant_admin.phone, remember=True)
    expect(page.get_by_test_id("greeting")).to_be_visible()
    before = page.evaluate("localStorage.getItem('refresh')")
    assert before

    # Make the stored access token unusable: the next API call gets 401 and the client refreshes once.
    page.evaluate("localStorage.setItem('access', 'expired.token.value')")
    page.reload()
    expect(page.get_by_test_id("greeting")).to_be_visible()
    after = page.evaluate("localStorage.getItem('refresh')")
    assert after
    assert after != before
    assert RefreshToken.objects.filter(user=merchant_admin, rotated_at__isnull=False).count() == 1


def test_switching_merchant_is_one_click_in_the_account_menu(live_server: Any, page: Page, merchant_admin: Any):
    other = Merchant.objects.create(name="东海二号店")
    Membership.objects.create(user=merchant_admin, merchant=other, role=MemberRole.MEMBER)
    page.goto(f"{live_server.url}/login")
    sms_login(page, merchant_admin.phone)
    expect(page.get_by_test_id("greeting")).to_be_visible()
    assert {key for key, disabled in tile_states(page).items() if disabled} == COMING_SOON

    page.get_by_text("东海晶莹水晶").first.click()
    page.get_by_role("menuitem", name=re.compile("东海二号店")).click()
    expect(page.get_by_text("已切换到「东海二号店」")).to_be_visible()
    expect(page.locator("[data-testid^='module-tile-'][data-disabled='true']")).to_have_count(len(GATED | COMING_SOON))
