"""Issue 11 in Chromium (PC 1440): the merchant chooses the batch on the upload page and uploads a
workbook (a title row above the header) whose 电商平台代码 / 名称 cells are blank: no row is refused for
them — the batch's platform fills them. One row carries an emoji; it is deleted in the preview grid (and
restored, and deleted again), then the rest is declared into the chosen batch without typing its number."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import shoot
from e2e.test_customs_journey import sign_in
from jmt.accounts.models import User
from jmt.customs.excel.columns import COLUMNS, header_text
from jmt.customs.models import Order
from jmt.customs.tests.factories import make_batch
from jmt.customs.tests.workbooks import good_row

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def blank_platform_workbook(path: Path, count: int) -> None:
    """A title row, the template's header, platform cells left empty; the last row has an emoji."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "电子订单"
    sheet.append(["东海晶莹水晶 三月电子订单"])
    sheet.append([header_text(column) for column in COLUMNS])
    for n in range(1, count + 1):
        row = good_row(n, ebpCode=None, ebpName=None, itemName="紫水晶手链💎" if n == count else "8mm 紫水晶手链")
        sheet.append([row.get(column.key) for column in COLUMNS])
    book.save(path)


def test_the_upload_page_sends_the_chosen_batch_and_blank_platform_cells_pass(
    live_server: Any, page: Page, merchant_admin: User, tmp_path: Path
):
    base = live_server.url
    merchant = merchant_admin.current_merchant
    assert merchant is not None
    make_batch(merchant, name="三月第1批", ebp_code="3207960P01", ebp_name="东海水晶跨境商城")
    chosen = make_batch(merchant, name="三月第2批", ebp_code="3207960P02", ebp_name="晶莹自营站")
    book = tmp_path / "平台留空.xlsx"
    blank_platform_workbook(book, 4)
    sign_in(page, base, merchant_admin)

    page.goto(f"{base}/customs/orders")
    page.get_by_role("button", name="已有填好的文件，去上传").click()
    expect(page.get_by_text("申报批次", exact=True)).to_be_visible()
    page.get_by_test_id("upload-batch").click()
    page.locator(".ant-select-item-option", has_text="三月第2批").click()
    expect(page.get_by_test_id("upload-batch")).to_contain_text("三月第2批")
    expect(page.locator(".ant-select-dropdown:visible")).to_have_count(0)
    shoot(page, "customs-upload-01-batch-chosen")

    page.locator("input[type=file]").set_input_files(str(book))
    expect(page.get_by_text("1 行有误", exact=False).first).to_be_visible()
    expect(page.get_by_test_id("bad-cell-6-itemName")).to_be_visible()  # row 6: title, header, 4 rows
    shoot(page, "customs-upload-02-emoji-refused")

    page.get_by_test_id("delete-row-6").click()
    expect(page.get_by_text("第 6 行已删除，不会申报")).to_be_visible()
    expect(page.get_by_text("全部行校验通过，可以申报")).to_be_visible()
    expect(page.get_by_test_id("deleted-6")).to_be_visible()
    page.get_by_test_id("restore-row-6").click()
    expect(page.get_by_text("第 6 行已恢复")).to_be_visible()
    expect(page.get_by_test_id("bad-cell-6-itemName")).to_be_visible()
    page.get_by_test_id("delete-row-6").click()
    expect(page.get_by_test_id("deleted-6")).to_be_visible()
    expect(page.get_by_text("全部行校验通过，可以申报")).to_be_visible()
    shoot(page, "customs-upload-03-row-deleted")

    page.get_by_role("button", name="下一步：申报").click()
    expect(page.get_by_test_id("batch-id")).to_have_value(str(chosen.pk))
    page.get_by_test_id("declare-all").click()
    page.get_by_role("button", name=re.compile("确.*定|确认|申报")).last.click()
    expect(page.get_by_text("已申报 3 个订单").first).to_be_visible()
    shoot(page, "customs-upload-04-declared")

    assert set(Order.objects.values_list("batch_id", "ebp_code", "ebp_name")) == {
        (chosen.pk, "3207960P02", "晶莹自营站")
    }
