"""A5 / A6 journeys in Chromium: create a role, give it to a new back-office account, sign in as that
account (temporary password → change it) and see the menu the role allows."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from jmt.accounts.models import User
from jmt.rbac.models import Role

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def shoot(page: Page, name: str) -> None:
    """Screenshots of these journeys go to this run's own var directory (JMT_VAR_DIR)."""
    folder = Path(settings.VAR_DIR) / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def admin_login(page: Page, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/admin/login")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name=re.compile(r"登\s*录")).click()


def tree_node(page: Page, title: str) -> Any:
    return page.locator(".ant-tree-treenode").filter(has=page.get_by_text(title, exact=True)).first


def test_a_new_role_given_to_a_new_account_draws_that_accounts_menu(live_server: Any, page: Page, superadmin: Any):
    admin_login(page, live_server.url, "root", "Crystal-2026!")
    expect(page.get_by_text("系统管理").first).to_be_visible()

    # 1. A role: 商户管理 (the whole menu) and 用户切换 (page), read-only over every merchant.
    page.goto(f"{live_server.url}/admin/system/roles")
    expect(page.get_by_text("超级管理员").first).to_be_visible()
    shoot(page, "admin-roles")
    page.get_by_role("button", name=re.compile("新建角色")).click()
    page.get_by_label("角色名称").fill("客服专员")
    page.get_by_label("描述").fill("处理商户咨询，可查看全部商户并切换为商户用户")
    page.get_by_text("全部商户只读", exact=True).click()
    expect(page.get_by_test_id("permission-tree")).to_be_visible()
    tree_node(page, "商户管理").locator(".ant-tree-checkbox").click()
    tree_node(page, "用户切换").locator(".ant-tree-checkbox").click()
    expect(page.get_by_text(re.compile(r"已选 6 / \d+"))).to_be_visible()
    page.locator(".ant-drawer-body").evaluate("el => el.scrollTo(0, 0)")
    shoot(page, "admin-role-drawer")
    page.get_by_test_id("role-save").click()
    expect(page.get_by_text("已创建角色「客服专员」")).to_be_visible()
    role = Role.objects.get(name="客服专员")
    assert sorted(role.permissions) == [
        "merchants:list:edit",
        "merchants:list:view",
        "merchants:onboarding:edit",
        "merchants:onboarding:view",
        "system:impersonation:edit",
        "system:impersonation:view",
    ]

    # 2. A new account holding it, with an initial password it must change.
    page.goto(f"{live_server.url}/admin/system/accounts")
    expect(page.get_by_text("超级管理员").first).to_be_visible()
    page.get_by_role("button", name=re.compile("新建账户")).click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("登录名").fill("kefu01")
    dialog.get_by_label("姓名").fill("张客服")
    dialog.get_by_label("初始密码").fill("Donghai-Start-1")
    dialog.get_by_label("确认密码").fill("Donghai-Start-1")
    dialog.get_by_label("部门").fill("客户服务部")
    dialog.get_by_label("联系电话").fill("0518-87654321")
    dialog.get_by_label("角色").click()
    page.get_by_title("客服专员").click()
    page.keyboard.press("Escape")
    shoot(page, "admin-account-form")
    dialog.get_by_role("button", name="创建账户").click()
    expect(page.get_by_text("已创建账户「kefu01」")).to_be_visible()
    expect(page.locator("tr", has_text="kefu01").get_by_text("客服专员")).to_be_visible()
    shoot(page, "admin-accounts")
    assert User.objects.get(username="kefu01").must_change_password

    # 3. The new account signs in: first the password change, then its own menu.
    context = page.context.browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN")  # type: ignore[union-attr]
    other = context.new_page()
    admin_login(other, live_server.url, "kefu01", "Donghai-Start-1")
    expect(other).to_have_url(re.compile(r"/admin/change-password$"))
    expect(other.get_by_text("请先修改密码")).to_be_visible()
    shoot(other, "admin-change-password")
    other.get_by_label("当前密码").fill("Donghai-Start-1")
    other.get_by_label("新密码", exact=True).fill("Donghai-Crystal-9")
    other.get_by_label("确认新密码").fill("Donghai-Crystal-9")
    other.get_by_role("button", name="修改密码并继续").click()
    expect(other.get_by_text("商户管理").first).to_be_visible()
    expect(other.get_by_text("系统管理").first).to_be_visible()
    other.locator(".ant-menu").get_by_text("系统管理").click()
    expect(other.get_by_role("link", name="用户切换")).to_be_visible()
    expect(other.get_by_role("link", name="角色权限")).to_have_count(0)
    expect(other.get_by_role("link", name="管理员账户")).to_have_count(0)
    expect(other.get_by_text("业务受理")).to_have_count(0)
    shoot(other, "admin-menu-of-new-role")
    other.goto(f"{live_server.url}/admin/system/roles")
    expect(other.get_by_text("无权访问")).to_be_visible()
    context.close()


def test_the_login_log_shows_failures_and_successes(live_server: Any, page: Page, superadmin: Any):
    admin_login(page, live_server.url, "root", "wrong-password")
    expect(page.get_by_test_id("login-error")).to_be_visible()
    page.get_by_label("密码").fill("Crystal-2026!")
    page.get_by_role("button", name=re.compile(r"登\s*录")).click()
    expect(page.get_by_text("系统管理").first).to_be_visible()
    page.goto(f"{live_server.url}/admin/system/accounts")
    page.get_by_role("tab", name="登录日志").click()
    expect(page.get_by_text("失败 · 密码错误")).to_be_visible()
    expect(page.get_by_text("成功", exact=True).first).to_be_visible()
    shoot(page, "admin-login-logs")
