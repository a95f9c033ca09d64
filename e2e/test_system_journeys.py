"""G7 / A7 / A8 journeys in Chromium: the operation log, system parameters (opening hours) and the monitor."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import MOBILE, shoot
from e2e.test_login_journeys import sms_login
from jmt.accounts.models import User
from jmt.accounts.selectors import build_actor
from jmt.audit.services import record, snapshot
from jmt.merchants.models import Merchant
from jmt.notifications.tests.helpers import run_ready_tasks
from jmt.system.services import parameters_update

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps rows made by data migrations

WEEKDAYS = {1: "周一", 2: "周二", 3: "周三", 4: "周四", 5: "周五", 6: "周六", 7: "周日"}


def admin_login(page: Page, base: str, path: str) -> None:
    page.goto(f"{base}/admin/login?redirect={path}")
    page.get_by_label("用户名").fill("root")
    page.get_by_label("密码").fill("Crystal-2026!")
    page.get_by_role("button", name=re.compile(r"登\s*录")).click()
    expect(page).to_have_url(re.compile(re.escape(path) + r"$"))


def watch_csp(page: Page) -> list[str]:
    violations: list[str] = []
    page.on(
        "console",
        lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    return violations


@pytest.fixture
def history(superadmin: User, merchant_admin: User, crystal_merchant: Merchant) -> None:
    """A few real audit entries: a merchant renamed by its admin, then by an admin acting as that user."""
    for new_name, impersonator in (("东海晶莹水晶旗舰店", None), ("东海晶莹水晶（连云港）", superadmin)):
        actor = build_actor(merchant_admin, impersonator=impersonator)
        actor.ip, actor.user_agent = "61.155.8.20", "Mozilla/5.0 (Windows NT 10.0) Chrome/120"
        before = snapshot(crystal_merchant, ["name"])
        crystal_merchant.name = new_name
        crystal_merchant.save()
        record(
            actor=actor,
            module="merchants",
            action="update",
            obj=crystal_merchant,
            before=before,
            after=snapshot(crystal_merchant, ["name"]),
        )


def test_an_admin_filters_the_log_opens_a_diff_and_exports_csv(live_server: Any, page: Page, history: None):
    violations = watch_csp(page)
    admin_login(page, live_server.url, "/system/logs")
    table = page.locator(".ant-table-tbody")
    expect(table.get_by_text("东海晶莹水晶（连云港）").first).to_be_visible()
    shoot(page, "admin-system-logs")

    page.get_by_placeholder("登录名、手机号或姓名").fill("林晶莹")
    page.get_by_role("button", name=re.compile(r"查\s*询")).click()
    expect(table.locator("tr.ant-table-row")).to_have_count(2)
    expect(table.get_by_text("代操作：超级管理员（root）")).to_be_visible()

    table.locator("tr.ant-table-row").first.get_by_text("查看").click()
    drawer = page.get_by_test_id("log-drawer")
    expect(drawer.get_by_test_id("log-impersonator")).to_contain_text("超级管理员（root）")
    diff = drawer.get_by_test_id("log-diff")
    expect(diff.get_by_role("columnheader", name="字段")).to_be_visible()
    expect(diff.get_by_role("columnheader", name="改动前")).to_be_visible()
    expect(diff.get_by_role("columnheader", name="改动后")).to_be_visible()
    expect(
        diff.get_by_role("row", name=re.compile("商户名称.*东海晶莹水晶旗舰店.*东海晶莹水晶（连云港）"))
    ).to_be_visible()
    expect(drawer.get_by_text("61.155.8.20")).to_be_visible()
    page.wait_for_timeout(400)  # let the drawer finish sliding in
    shoot(page, "admin-system-log-diff")
    page.keyboard.press("Escape")

    # The export is a task: the toast leads to the download center, the worker writes the file, the list
    # (polled while it runs) turns it into 完成 and the file downloads from there.
    page.get_by_role("button", name="导出 CSV").click()
    queued = page.get_by_test_id("export-queued")
    expect(queued).to_contain_text("已加入下载中心")
    queued.get_by_text("查看下载中心").click()
    expect(page).to_have_url(re.compile(r"/admin/downloads$"))
    row = page.get_by_test_id("download-center").locator("tr.ant-table-row").first
    expect(row).to_contain_text("操作日志")
    run_ready_tasks()
    expect(row).to_contain_text("完成", timeout=15_000)
    shoot(page, "admin-download-center")
    with page.expect_download() as download:
        row.get_by_role("button", name=re.compile("下\\s?载")).click()
    file = download.value
    assert file.suggested_filename.startswith("操作日志-")
    assert file.suggested_filename.endswith(".csv")
    text = Path(file.path()).read_text(encoding="utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0].startswith("编号,时间,账号,代操作人,模块,操作")
    assert len(lines) == 3  # the header and the two filtered rows
    assert "商户名称：东海晶莹水晶旗舰店 → 东海晶莹水晶（连云港）" in text
    assert violations == []


def test_closing_hours_show_a_notice_on_the_merchant_pc_and_h5(
    live_server: Any, new_context: Any, superadmin: User, merchant_admin: User
):
    admin = new_context().new_page()
    violations = watch_csp(admin)
    admin_login(admin, live_server.url, "/system/parameters")
    expect(admin.get_by_test_id("parameters-platform")).to_be_visible()
    shoot(admin, "admin-system-parameters")

    admin.get_by_role("tab", name="营业时间").click()
    form = admin.get_by_test_id("parameters-opening_hours")
    today = WEEKDAYS[datetime.now(ZoneInfo("Asia/Shanghai")).isoweekday()]
    for label in WEEKDAYS.values():
        box = form.get_by_role("checkbox", name=label)
        if box.is_checked() != (label != today):
            box.click()
    form.get_by_label("非营业时间提示").fill("今日休息，您提交的业务将在下一个营业日处理。")
    shoot(admin, "admin-system-parameters-hours")
    form.get_by_role("button", name=re.compile(r"保\s*存")).click()
    expect(admin.get_by_text("「营业时间」已保存")).to_be_visible()

    now = datetime.now(ZoneInfo("Asia/Shanghai"))
    upgrade = {
        "title": "系统升级维护通知",
        "content": "今晚 22:00–24:00 系统升级，期间报关申报暂停受理，请提前安排。",
        "level": "warning",
        "starts_at": (now - timedelta(hours=1)).isoformat(),
        "ends_at": (now + timedelta(hours=2)).isoformat(),
    }
    parameters_update(actor=build_actor(superadmin), group="announcements", value={"items": [upgrade]})
    admin.reload()
    expect(admin.get_by_test_id("maintenance-banner")).to_contain_text("系统升级维护通知")
    for tab, name in (("维护公告", "announcements"), ("通知参数", "notifications")):
        admin.get_by_role("tab", name=tab).click()
        expect(admin.get_by_test_id(f"parameters-{name}")).to_be_visible()
        admin.wait_for_timeout(300)
        shoot(admin, f"admin-system-parameters-{name}")
    assert violations == []

    pc = new_context().new_page()
    pc.goto(f"{live_server.url}/login")
    sms_login(pc, merchant_admin.phone or "", remember=True)
    notice = pc.get_by_test_id("opening-hours-notice")
    expect(notice).to_contain_text("今日休息，您提交的业务将在下一个营业日处理")
    expect(notice).to_contain_text("下次营业：明天 08:30")
    expect(pc.get_by_test_id("maintenance-banner")).to_contain_text("今晚 22:00–24:00 系统升级")
    shoot(pc, "pc-home-closed-notice")

    h5_context = new_context(viewport=MOBILE, is_mobile=True, has_touch=True, storage_state=pc.context.storage_state())
    h5 = h5_context.new_page()
    h5.goto(f"{live_server.url}/m/")
    expect(h5.get_by_test_id("opening-hours-notice")).to_contain_text("今日休息")
    expect(h5.get_by_test_id("maintenance-banner")).to_contain_text("系统升级维护通知")
    shoot(h5, "mobile-home-closed-notice")

    # One compact line, closed for the rest of the day on each surface.
    box = notice.bounding_box()
    assert box is not None
    assert box["height"] <= 48
    notice.locator(".ant-alert-close-icon").click()
    expect(notice).to_have_count(0)
    pc.reload()
    expect(pc.get_by_test_id("maintenance-banner")).to_be_visible()
    expect(pc.get_by_test_id("opening-hours-notice")).to_have_count(0)
    h5.get_by_test_id("opening-hours-notice").locator(".adm-notice-bar-close").click()
    h5.reload()
    expect(h5.get_by_test_id("maintenance-banner")).to_be_visible()
    expect(h5.get_by_test_id("opening-hours-notice")).to_have_count(0)


def test_the_monitor_shows_the_system_and_refreshes_itself(live_server: Any, page: Page, superadmin: User):
    violations = watch_csp(page)
    admin_login(page, live_server.url, "/system/monitor")
    expect(page.get_by_test_id("monitor-database")).to_contain_text("连接正常")
    expect(page.get_by_test_id("monitor-server")).to_contain_text("CPU")
    expect(page.get_by_test_id("monitor-tasks")).to_contain_text("待执行")
    updated = page.get_by_test_id("monitor-updated")
    expect(updated).to_contain_text("更新于")
    first = updated.inner_text()
    page.wait_for_timeout(1100)  # the clock moves on, then the page asks again by itself
    expect(updated).not_to_have_text(first, timeout=8_000)
    shoot(page, "admin-system-monitor")
    assert violations == []
