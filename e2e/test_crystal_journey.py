"""水晶行业专项 (A2) in Chromium: the back office rewrites a hint; on the phone (390) a merchant walks the
declaration assistant for a crystal ball to 7116200000 and its elements; on the PC (1440) the e-order
preview shows the requirement reminder for the 7116 rows and the edited hint beside 申报品名."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import MOBILE, PC, shoot
from e2e.test_customs_journey import sign_in
from e2e.test_system_journeys import admin_login
from jmt.accounts.models import User
from jmt.customs.excel.columns import COLUMNS, header_text
from jmt.customs.tests.factories import make_batch
from jmt.customs.tests.workbooks import good_row
from jmt.logistics.seed import seed_carriers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def crystal_workbook(path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "电子订单"
    sheet.append([header_text(column) for column in COLUMNS])
    for n in range(1, 4):
        row = good_row(n)
        sheet.append([row.get(column.key) for column in COLUMNS])
    book.save(path)


def no_horizontal_scroll(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_a_hint_edited_in_the_back_office_and_the_assistant_on_the_phone_and_the_preview_reminder(
    live_server: Any, new_context: Any, merchant_admin: User, superadmin: User, tmp_path: Path
):
    base = live_server.url
    merchant = merchant_admin.current_merchant
    assert merchant is not None

    # Back office: 内容管理 › 水晶行业专项 lists the hints; 商业发票特殊要求 gets a new text.
    admin = new_context(PC).new_page()
    admin_login(admin, base, "/content/crystal")
    expect(admin.get_by_text("表单专项提示文案").first).to_be_visible()
    expect(admin.get_by_text("易碎品申报").first).to_be_visible()
    shoot(admin, "crystal-01-admin-hints")
    admin.get_by_test_id("edit-hint-invoice").click()
    body = admin.get_by_label("提示文案")
    body.fill("发票品名与申报品名一致，写明天然、合成或玻璃材质。")
    shoot(admin, "crystal-02-admin-edit")
    admin.get_by_role("button", name=re.compile(r"保\s*存")).click()
    expect(admin.get_by_text("已保存，商户端即时生效")).to_be_visible()
    expect(admin.get_by_text("已修改")).to_be_visible()

    # Phone: the assistant, question by question.
    phone = new_context(MOBILE, is_mobile=True, has_touch=True).new_page()
    sign_in(phone, base, merchant_admin)
    phone.goto(f"{base}/m/training/crystal")
    expect(phone.get_by_text("水晶申报助手").first).to_be_visible()
    phone.get_by_test_id("m-crystal-q-material").get_by_text("天然水晶", exact=True).click()
    phone.get_by_test_id("m-crystal-q-working").get_by_text(re.compile("^制品")).click()
    phone.get_by_test_id("m-crystal-q-kind").get_by_text("水晶球", exact=True).click()
    phone.get_by_test_id("m-crystal-q-setting").get_by_text("未镶嵌贵金属").click()
    phone.get_by_test_id("m-crystal-q-religious").get_by_text("没有", exact=True).click()
    phone.get_by_test_id("m-crystal-q-sensitive").get_by_text("不含", exact=True).click()
    expect(phone.get_by_test_id("m-crystal-declared-name")).to_have_text("天然水晶球")
    candidate = phone.get_by_test_id("m-crystal-candidate")
    expect(candidate).to_contain_text("7116200000")
    expect(candidate).to_contain_text("出口享惠情况")
    expect(candidate).to_contain_text("水晶球")
    no_horizontal_scroll(phone)
    shoot(phone, "crystal-03-h5-assistant")

    # Phone: the shipment form's goods carry the fragile hint; a tap opens its text.
    seed_carriers()
    parcel = "country=JP&weight_kg=2&length_cm=30&width_cm=20&height_cm=15&pieces=1&fragile=true"
    phone.goto(f"{base}/m/logistics/shipments/new?{parcel}")
    phone.get_by_test_id("m-crystal-hint-fragile").click()
    expect(phone.get_by_text("水晶制品按易碎品申报与发货", exact=False)).to_be_visible()
    shoot(phone, "crystal-04-h5-shipment-hint")
    phone.get_by_role("button", name="知道了").click()

    # PC: upload an e-order workbook of 7116 goods; the preview reminds of the elements and shows the hint.
    make_batch(merchant, name="三月第1批")
    book = tmp_path / "水晶订单.xlsx"
    crystal_workbook(book)
    pc = new_context(PC).new_page()
    sign_in(pc, base, merchant_admin)
    pc.goto(f"{base}/customs/orders")
    pc.get_by_role("button", name="已有填好的文件，去上传").click()
    pc.locator("input[type=file]").set_input_files(str(book))
    expect(pc.get_by_text("全部行校验通过，可以申报")).to_be_visible()
    reminders = pc.get_by_test_id("crystal-reminders")
    expect(reminders).to_contain_text("半宝石制品（7116）")
    expect(reminders).to_contain_text("品名 | 品牌类型 | 出口享惠情况")
    expect(reminders).to_contain_text("规格型号要素不全：第 2 行、第 3 行、第 4 行")
    pc.get_by_test_id("crystal-hint-customs_preview-gname").first.hover()
    expect(pc.get_by_text("发票品名与申报品名一致，写明天然、合成或玻璃材质。")).to_be_visible()
    shoot(pc, "crystal-05-pc-preview-hint")

    # The reminder leads to the assistant on the PC too.
    reminders.get_by_role("link", name="不确定编码或要素？打开水晶申报助手").click()
    expect(pc).to_have_url(re.compile(r"/training/crystal$"))
    pc.get_by_test_id("crystal-q-material").get_by_text("天然水晶", exact=True).click()
    pc.get_by_test_id("crystal-q-working").get_by_text(re.compile("^制品")).click()
    pc.get_by_test_id("crystal-q-kind").get_by_text("吊坠", exact=True).click()
    pc.get_by_test_id("crystal-q-setting").get_by_text(re.compile("^银镶")).click()
    pc.get_by_test_id("crystal-q-religious").get_by_text("没有", exact=True).click()
    pc.get_by_test_id("crystal-q-sensitive").get_by_text("不含", exact=True).click()
    expect(pc.get_by_test_id("crystal-declared-name")).to_contain_text("银镶天然水晶吊坠")
    expect(pc.get_by_test_id("crystal-candidate")).to_contain_text("7113")
    expect(pc.get_by_test_id("crystal-candidate")).to_contain_text("请报关行确认")
    shoot(pc, "crystal-06-pc-assistant")

    # PC: the shipment form's 货品 card carries the hints too.
    pc.goto(f"{base}/logistics/shipments/new?{parcel}")
    expect(pc.get_by_test_id("crystal-hint-fragile")).to_be_visible()
    expect(pc.get_by_test_id("crystal-hint-invoice")).to_be_visible()
    shoot(pc, "crystal-07-pc-shipment-hints")
