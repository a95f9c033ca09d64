"""港口代码表 in Chromium (issue 11 item 6): the back office sees the sample banner, a file with a bad row is
refused with the row named and nothing changes, the official table replaces the sample, a port is disabled."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import FilePayload, Page, expect

from e2e.conftest import shoot
from e2e.test_system_journeys import admin_login
from jmt.accounts.models import User
from jmt.customs.codes import main_port, ports_changed
from jmt.customs.models import PortCode

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps the migration's sample rows

OFFICIAL = "代码,名称,国家(地区)代码,默认主港\nUSLA,洛杉矶,502,是\nUSNY,纽约,502,否\nJPTY,东京,116,是\n"


def csv_file(text: str) -> FilePayload:
    return {"name": "港口代码表.csv", "mimeType": "text/csv", "buffer": text.encode("utf-8")}


def test_the_back_office_replaces_the_sample_port_table_with_the_official_one(
    live_server: Any, page: Page, superadmin: User
):
    admin_login(page, live_server.url, "/operations/ports")
    expect(page.get_by_test_id("ports-sample-banner")).to_contain_text("示例数据，请导入海关港口代码表")
    table = page.locator(".ant-table-tbody")
    expect(table.get_by_text("ULAX")).to_be_visible()
    shoot(page, "admin-ports-sample")

    page.locator("input[type=file]").set_input_files(csv_file(OFFICIAL + "FRPA,巴黎,888,否\n"))
    problems = page.get_by_test_id("ports-import-problems")
    expect(problems).to_contain_text("第 5 行")
    expect(problems).to_contain_text("不在海关国别代码表中")
    assert PortCode.objects.filter(source="sample").count() == 16  # the sample, untouched

    page.locator("input[type=file]").set_input_files(csv_file(OFFICIAL))
    expect(page.get_by_text("共 3 个港口")).to_be_visible()
    expect(page.get_by_test_id("ports-sample-banner")).to_have_count(0)
    expect(table.locator("tr.ant-table-row")).to_have_count(3)

    page.get_by_placeholder("如 ULAX 或 洛杉矶").fill("纽约")
    page.get_by_role("button", name=re.compile(r"查\s*询")).click()
    expect(table.locator("tr.ant-table-row")).to_have_count(1)
    table.get_by_text("停用").click()
    page.get_by_role("button", name=re.compile(r"停\s*用")).click()
    expect(page.get_by_text("USNY 已停用")).to_be_visible()
    expect(table.locator(".ant-tag", has_text="停用")).to_be_visible()
    assert PortCode.objects.get(code="USNY").enabled is False

    page.get_by_placeholder("如 ULAX 或 洛杉矶").fill("")
    page.get_by_role("button", name=re.compile(r"查\s*询")).click()
    expect(table.locator("tr.ant-table-row")).to_have_count(3)
    shoot(page, "admin-ports")
    ports_changed()
    assert main_port("502") == "USLA"
