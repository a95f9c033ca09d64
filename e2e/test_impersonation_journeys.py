"""G6 journey in Chromium: a back-office user switches to a merchant user, sees the merchant app with
the fixed banner (PC and H5), and switches back to the back office in one click."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import MOBILE, PC
from e2e.test_rbac_journeys import admin_login, shoot
from jmt.rbac.models import Impersonation, ImpersonationRequest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_switch_to_a_merchant_user_see_the_banner_and_switch_back(
    live_server: Any, page: Page, superadmin: Any, merchant_admin: Any, merchant_member: Any
):
    admin_login(page, live_server.url, "root", "Crystal-2026!")
    expect(page.get_by_text("系统管理").first).to_be_visible()
    page.goto(f"{live_server.url}/admin/system/impersonation")
    expect(page.get_by_text("王小明")).to_be_visible()
    page.get_by_placeholder("手机号、姓名或商户名称").fill("林晶")
    page.get_by_role("button", name=re.compile(r"查\s*询")).click()
    expect(page.get_by_text("王小明")).to_have_count(0)
    expect(page.get_by_text("林晶莹")).to_be_visible()
    shoot(page, "admin-impersonation")

    page.get_by_test_id(f"impersonate-{merchant_admin.pk}").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("切换原因").fill("看看")
    page.get_by_test_id("impersonation-confirm").click()
    expect(dialog.get_by_text("至少 5 个字")).to_be_visible()
    dialog.get_by_label("切换原因").fill("协助商户核对报关批次")
    shoot(page, "admin-impersonation-reason")
    page.get_by_test_id("impersonation-confirm").click()

    # The merchant PC opens as 林晶莹, with the fixed banner; no token is left in the address bar.
    banner = page.get_by_test_id("impersonation-banner")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("正在以 林晶莹")
    expect(banner).to_contain_text("切回管理员")
    expect(banner).to_contain_text("只读")
    expect(page.get_by_test_id("greeting")).to_be_visible()
    assert "impersonate" not in page.url
    assert page.evaluate("window.sessionStorage.getItem('admin.access')")  # the admin's own session is kept
    shoot(page, "pc-impersonation-banner")

    # The H5 of the same switched session shows the banner too.
    page.set_viewport_size(MOBILE)
    page.goto(f"{live_server.url}/m/")
    expect(page.get_by_test_id("impersonation-banner")).to_contain_text("林晶莹")
    shoot(page, "mobile-impersonation-banner")
    page.set_viewport_size(PC)
    page.goto(f"{live_server.url}/")
    expect(page.get_by_test_id("impersonation-banner")).to_be_visible()

    row = Impersonation.objects.get()
    assert (row.admin_id, row.user_id, row.ended_at) == (superadmin.pk, merchant_admin.pk, None)
    assert ImpersonationRequest.objects.filter(impersonation=row, path="/api/v1/me").count() >= 2

    # One click back: the switched session ends and the back office opens with the admin's own session.
    page.get_by_test_id("impersonation-switch-back").click()
    expect(page).to_have_url(re.compile(r"/admin/?$"))
    expect(page.get_by_text("系统管理").first).to_be_visible()
    expect(page.get_by_text(re.compile("超级管理员")).first).to_be_visible()
    row.refresh_from_db()
    assert row.ended_at is not None

    page.goto(f"{live_server.url}/admin/system/impersonation")
    page.get_by_role("tab", name="切换记录").click()
    record = page.locator("tr", has_text="协助商户核对报关批次")
    expect(record).to_be_visible()
    expect(record.get_by_text("只读")).to_be_visible()
    shoot(page, "admin-impersonation-history")
