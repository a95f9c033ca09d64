"""Issue 11 item 1 in Chromium (PC 1440): the merchant chooses the batch on the upload page, uploads a
workbook whose 电商平台代码 / 名称 cells are blank, and every row passes — the batch's platform fills them —
then declares into that batch without typing its number again."""

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
    """The template's columns, platform cells left empty."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "电子订单"
    sheet.append([header_text(column) for column in COLUMNS])
    for n in range(1, count + 1):
        row = good_row(n, ebpCode=None, ebpName=None)
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
    blank_platform_workbook(book, 3)
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
    expect(page.get_by_text("全部行校验通过，可以申报")).to_be_visible()
    shoot(page, "customs-upload-02-all-rows-pass")

    page.get_by_role("button", name="下一步：申报").click()
    expect(page.get_by_test_id("batch-id")).to_have_value(str(chosen.pk))
    page.get_by_test_id("declare-all").click()
    page.get_by_role("button", name=re.compile("确.*定|确认|申报")).last.click()
    expect(page.get_by_text("已申报 3 个订单").first).to_be_visible()
    shoot(page, "customs-upload-03-declared")

    assert set(Order.objects.values_list("batch_id", "ebp_code", "ebp_name")) == {
        (chosen.pk, "3207960P02", "晶莹自营站")
    }
