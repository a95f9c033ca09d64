"""我的 (U1–U3) and 商户信息管理 (A1) journeys in Chromium: the merchant admin edits merchant info and
adds a member, the read-only member only reads, the phone changes with a code to each number, and
the back office's CCB sub-account reaches the merchant."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import MOBILE, PC, shoot
from jmt.accounts.models import User
from jmt.accounts.tokens import issue_tokens
from jmt.integrations.sms import memory
from jmt.merchants.models import Membership, Merchant

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def sign_in(page: Page, base: str, user: User, *, prefix: str = "", path: str = "/healthz-not-a-page") -> str:
    tokens = issue_tokens(user, remember=True)
    page.goto(f"{base}{path}")
    page.evaluate(
        "([prefix, access, refresh]) => {"
        " localStorage.setItem(prefix + 'access', access); localStorage.setItem(prefix + 'refresh', refresh); }",
        [prefix, tokens.access, tokens.refresh],
    )
    return tokens.access


def fill_profile(merchant: Merchant) -> None:
    Merchant.objects.filter(pk=merchant.pk).update(
        merchant_type="company",
        credit_code="91320722MA1WXY9K0X",
        address="江苏省连云港市东海县水晶大道 88 号",
        legal_person="林晶莹",
        bank_name="中国建设银行东海支行",
        bank_account="32050163360000001234",
    )


def test_the_merchant_admin_edits_merchant_info_and_adds_a_member_by_phone(
    live_server: Any, new_context: Any, merchant_admin: User, crystal_merchant: Merchant
):
    fill_profile(crystal_merchant)
    page = new_context(viewport=PC).new_page()
    sign_in(page, live_server.url, merchant_admin)
    page.goto(f"{live_server.url}/")
    page.get_by_text("林晶莹").first.click()
    page.get_by_test_id("account-menu-documents").click()  # 我的资料 (the vault) is one click from anywhere
    expect(page).to_have_url(re.compile(r"/documents$"))
    expect(page.get_by_role("heading", name="我的资料")).to_be_visible()
    page.get_by_text("林晶莹").first.click()
    page.get_by_test_id("account-menu-me").click()
    expect(page).to_have_url(re.compile(r"/me$"))
    page.get_by_test_id("me-tab-merchant").click()
    expect(page.get_by_test_id("profile-value-bank_account")).to_have_text("32050163360000001234")
    expect(page.get_by_text("如需修改请联系捷晶管理员").first).to_be_visible()
    shoot(page, "pc-me-merchant-view")

    page.get_by_test_id("merchant-edit").click()
    expect(page.get_by_label("商户名称")).to_be_disabled()  # locked after approval
    expect(page.get_by_label("建设银行外汇子账号")).to_be_disabled()  # kept by 捷晶
    page.get_by_label("英文名称").fill("Donghai Jingying Crystal Co., Ltd.")
    page.get_by_label("联系人姓名").fill("林晶莹")
    shoot(page, "pc-me-merchant-edit")
    page.get_by_test_id("profile-save").click()
    expect(page.get_by_text("商户信息已保存")).to_be_visible()
    expect(page.get_by_test_id("profile-value-name_en")).to_have_text("Donghai Jingying Crystal Co., Ltd.")
    crystal_merchant.refresh_from_db()
    assert crystal_merchant.name_en == "Donghai Jingying Crystal Co., Ltd."

    page.get_by_test_id("me-tab-members").click()
    page.get_by_test_id("member-add").click()
    page.get_by_test_id("member-phone").fill("13700000066")
    page.get_by_test_id("member-name").fill("赵新")
    shoot(page, "pc-me-members-add")
    page.get_by_role("button", name=re.compile(r"添\s*加")).last.click()
    expect(page.get_by_text("已添加「赵新」，对方会收到通知")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("赵新"))).to_contain_text("137****0066")
    shoot(page, "pc-me-members")
    assert Membership.objects.filter(merchant=crystal_merchant, user__phone="13700000066", role="member").exists()


def test_the_read_only_member_sees_merchant_info_without_edit_controls_and_the_api_refuses(
    live_server: Any, new_context: Any, merchant_admin: User, merchant_member: User, crystal_merchant: Merchant
):
    fill_profile(crystal_merchant)
    page = new_context(viewport=PC).new_page()
    access = sign_in(page, live_server.url, merchant_member)
    page.goto(f"{live_server.url}/me/merchant")
    expect(page.get_by_test_id("profile-value-legal_person")).to_have_text("林晶莹")
    expect(page.get_by_text("您是商户成员，可以查看商户信息")).to_be_visible()
    expect(page.get_by_test_id("merchant-edit")).to_have_count(0)
    expect(page.get_by_test_id("me-tab-members")).to_have_count(0)
    shoot(page, "pc-me-merchant-member")
    response = page.request.patch(
        f"{live_server.url}/api/v1/merchant",
        data=json.dumps({"changes": {"name_en": "Nope"}}),
        headers={"Authorization": f"Bearer {access}", "Content-Type": "application/json"},
    )
    assert response.status == 403
    assert response.json()["code"] == "PERMISSION_DENIED"

    mobile = new_context(viewport=MOBILE, is_mobile=True, has_touch=True).new_page()
    sign_in(mobile, live_server.url, merchant_member)
    mobile.goto(f"{live_server.url}/m/me/merchant")
    expect(mobile.get_by_text("32050163360000001234")).to_be_visible()
    expect(mobile.get_by_text("编辑", exact=True)).to_have_count(0)
    shoot(mobile, "m-me-merchant-member")


def test_the_phone_changes_with_a_code_to_the_old_and_to_the_new_number(
    live_server: Any, new_context: Any, merchant_admin: User
):
    page = new_context(viewport=PC).new_page()
    sign_in(page, live_server.url, merchant_admin)
    page.goto(f"{live_server.url}/me/security")
    page.get_by_test_id("phone-change-open").click()
    page.get_by_test_id("old-code-send").click()
    expect(page.get_by_test_id("old-code-send")).to_contain_text("秒后重发")
    page.get_by_test_id("old-code").fill(memory.last_code("13800000001", "change_phone") or "")
    shoot(page, "pc-me-phone-step1")
    page.get_by_test_id("phone-next").click()
    page.get_by_test_id("new-phone").fill("13700000088")
    page.get_by_test_id("new-code-send").click()
    expect(page.get_by_test_id("new-code-send")).to_contain_text("秒后重发")
    page.get_by_test_id("new-code").fill("000000" if memory.last_code("13700000088") != "000000" else "111111")
    page.get_by_test_id("phone-confirm").click()
    expect(page.get_by_test_id("phone-error")).to_contain_text("新手机号验证码")
    shoot(page, "pc-me-phone-wrong-code")
    page.get_by_test_id("new-code").fill(memory.last_code("13700000088", "change_phone") or "")
    page.get_by_test_id("phone-confirm").click()
    expect(page.get_by_test_id("current-phone")).to_have_text("137****0088")
    shoot(page, "pc-me-phone-changed")
    merchant_admin.refresh_from_db()
    assert merchant_admin.phone == "13700000088"


def test_staff_set_the_ccb_sub_account_in_the_back_office_and_the_merchant_sees_it(
    live_server: Any, new_context: Any, superadmin: User, merchant_admin: User, crystal_merchant: Merchant
):
    fill_profile(crystal_merchant)
    page = new_context(viewport=PC).new_page()
    sign_in(page, live_server.url, superadmin, prefix="admin.", path="/admin/healthz-not-a-page")
    page.goto(f"{live_server.url}/admin/merchants")
    expect(page.get_by_role("row", name=re.compile("东海晶莹水晶"))).to_contain_text("未开立")
    shoot(page, "admin-merchants-list")
    page.get_by_test_id(f"merchant-open-{crystal_merchant.pk}").click()
    page.get_by_test_id("admin-merchant-edit").click()
    expect(page.get_by_label("商户名称")).to_be_enabled()  # the back office changes locked fields too
    page.get_by_label("建设银行外汇子账号").fill("6217 0012 3456 7890")
    shoot(page, "admin-merchant-edit")
    page.get_by_test_id("profile-save").click()
    expect(page.get_by_text("商户信息已保存")).to_be_visible()
    expect(page.get_by_test_id("profile-value-ccb_sub_account")).to_have_text("6217 0012 3456 7890")
    page.get_by_role("tab", name=re.compile("成员与微信绑定")).click()
    shoot(page, "admin-merchant-members")

    merchant_page = new_context(viewport=PC).new_page()
    sign_in(merchant_page, live_server.url, merchant_admin)
    merchant_page.goto(f"{live_server.url}/me/merchant")
    expect(merchant_page.get_by_test_id("profile-value-ccb_sub_account")).to_have_text("6217 0012 3456 7890")

    mobile = new_context(viewport=MOBILE, is_mobile=True, has_touch=True).new_page()
    sign_in(mobile, live_server.url, merchant_admin)
    mobile.goto(f"{live_server.url}/m/me")
    expect(mobile.get_by_test_id("me-merchant")).to_be_visible()
    shoot(mobile, "m-me")
    mobile.get_by_test_id("me-merchant").click()
    expect(mobile.get_by_text("6217 0012 3456 7890")).to_be_visible()
    shoot(mobile, "m-me-merchant")
    mobile.get_by_text("编辑", exact=True).click()
    expect(mobile.get_by_text("英文名称")).to_be_visible()
    shoot(mobile, "m-me-merchant-edit")
    mobile.goto(f"{live_server.url}/m/me/members")
    expect(mobile.get_by_text("共 1 位成员")).to_be_visible()
    shoot(mobile, "m-me-members")


def test_wechat_binds_from_account_security_through_the_qr_page_and_unbinds(
    live_server: Any, new_context: Any, merchant_admin: User, settings: Any
):
    settings.WECHAT_WEB_REDIRECT_URI = f"{live_server.url}/login/wechat-callback"
    page = new_context(viewport=PC).new_page()
    sign_in(page, live_server.url, merchant_admin)
    page.goto(f"{live_server.url}/me/security")
    page.get_by_test_id("wechat-bind").click()
    expect(page.get_by_text("模拟微信扫码登录")).to_be_visible()  # the local stand-in of WeChat's QR page
    page.locator("#confirm").click()
    expect(page).to_have_url(re.compile(r"/me/security$"))
    expect(page.get_by_text("微信已绑定，之后可用微信扫码登录")).to_be_visible()
    expect(page.get_by_test_id("wechat-unbind")).to_be_visible()
    shoot(page, "pc-me-wechat-bound")
    merchant_admin.refresh_from_db()
    assert merchant_admin.wechat_unionid == "fake-unionid-demo-wechat-user"

    page.get_by_test_id("wechat-unbind").click()
    page.get_by_role("button", name=re.compile(r"解\s*绑")).last.click()
    expect(page.get_by_test_id("wechat-bind")).to_be_visible()
    merchant_admin.refresh_from_db()
    assert merchant_admin.wechat_unionid is None


def test_on_the_phone_the_number_changes_with_both_codes_and_wechat_unbinds(
    live_server: Any, new_context: Any, merchant_admin: User
):
    User.objects.filter(pk=merchant_admin.pk).update(wechat_unionid="union-mp-1", wechat_mp_openid="mp-openid-1")
    mobile = new_context(viewport=MOBILE, is_mobile=True, has_touch=True).new_page()
    sign_in(mobile, live_server.url, merchant_admin)
    mobile.goto(f"{live_server.url}/m/me")
    mobile.get_by_test_id("me-security").click()
    expect(mobile).to_have_url(re.compile(r"/m/me/security$"))
    expect(mobile.get_by_test_id("current-phone")).to_have_text("138****0001")
    expect(mobile.get_by_test_id("wechat-status")).to_contain_text("已绑定")
    expect(mobile.get_by_text("已通过小程序绑定", exact=False)).to_be_visible()
    shoot(mobile, "m-me-security")

    mobile.get_by_test_id("phone-change-open").click()
    mobile.get_by_test_id("phone-next").click()
    expect(mobile.get_by_text("请输入验证码")).to_be_visible()  # no step without the old number's code
    mobile.get_by_test_id("old-code-send").click()
    expect(mobile.get_by_test_id("old-code-send")).to_contain_text("秒后重发")
    mobile.get_by_test_id("old-code").locator("input").fill(memory.last_code("13800000001", "change_phone") or "")
    shoot(mobile, "m-me-phone-step1")
    mobile.get_by_test_id("phone-next").click()
    mobile.get_by_test_id("new-phone").locator("input").fill("13700000077")
    mobile.get_by_test_id("new-code-send").click()
    expect(mobile.get_by_test_id("new-code-send")).to_contain_text("秒后重发")
    mobile.get_by_test_id("new-code").locator("input").fill(memory.last_code("13700000077", "change_phone") or "")
    shoot(mobile, "m-me-phone-step2")
    mobile.get_by_test_id("phone-confirm").click()
    expect(mobile.get_by_test_id("current-phone")).to_have_text("137****0077")
    shoot(mobile, "m-me-phone-changed")
    merchant_admin.refresh_from_db()
    assert merchant_admin.phone == "13700000077"

    mobile.get_by_test_id("wechat-unbind").click()
    mobile.get_by_text("解绑", exact=True).click()
    expect(mobile.get_by_test_id("wechat-status")).to_have_text("未绑定")
    expect(mobile.get_by_text("在微信小程序中登录即可绑定")).to_be_visible()
    expect(mobile.locator(".adm-dialog")).to_have_count(0)  # the confirm has faded out
    expect(mobile.get_by_test_id("wechat-unbind")).to_have_count(0)
    shoot(mobile, "m-me-wechat-unbound")
    merchant_admin.refresh_from_db()
    assert merchant_admin.wechat_unionid is None
