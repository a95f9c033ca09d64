"""出口报关 and 我的资料 on the phone (390×844): 新建批次 and its page with the reason it cannot be
submitted yet, 清单总分单 filed by thumb, one empty state on 汇总申请, 撤销申请 filled from the 清单编号,
the read-only 点点通 configuration, 业务办理通知 opening the page its message names, and a document
uploaded into 我的资料 — every page reached from the H5, none 「功能建设中」 or 「页面不存在」."""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import MOBILE, shoot
from e2e.test_message_journeys import asgi_url, sign_in
from e2e.test_mobile_registration_journey import field
from e2e.test_registration_journey import plain_png
from jmt.accounts.models import User
from jmt.customs.models import Batch, DocStatus, Receipt, WayBill
from jmt.customs.models import Message as CustomsMessage
from jmt.customs.tests.factories import make_batch, make_cancel, make_shipment, make_summary
from jmt.notifications.models import Message

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
__all__ = ["asgi_url"]

NOT_BUILT = re.compile("功能建设中|页面不存在")


def phone(new_context: Any) -> Page:
    return new_context(viewport=MOBILE, is_mobile=True, has_touch=True).new_page()


def receipt(doc: Any, *, kind: str, return_status: str, return_info: str, at: str) -> None:
    """A customs receipt already applied to ``doc`` (a 总分单, 汇总申请 or 撤销申请)."""
    doc.return_status, doc.return_info = return_status, return_info
    doc.save()
    message_type = {"waybill": "CEB608", "summary": "CEB702", "cancel": "CEB606"}[kind]
    received = CustomsMessage.objects.create(
        direction="in", message_type=message_type, merchant_id=doc.merchant_id, xml="<r/>", sha256=uuid.uuid4().hex
    )
    Receipt.objects.create(
        received_in=received,
        message_type=message_type,
        return_status=return_status,
        return_time=at,
        return_info=return_info,
        raw="<r/>",
        fingerprint=uuid.uuid4().hex,
        applied=True,
        **{kind: doc},
    )


def no_horizontal_scroll(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_a_merchant_runs_customs_and_keeps_documents_on_the_phone(
    asgi_url: str, new_context: Any, merchant_admin: User, tmp_path: Path
):
    merchant = merchant_admin.current_merchant
    assert merchant is not None
    released = make_batch(merchant, name="2026年3月 东海水晶第1批")
    _order, _logistics, inventory = make_shipment(released)
    inventory.status = DocStatus.RELEASED
    inventory.invt_no = "230520260E000000001"
    inventory.return_status = "800"
    inventory.save()
    Message.objects.create(
        recipient=merchant_admin,
        merchant=merchant,
        kind="todo",
        title="请提交清单总分单",
        body="批次「2026年3月 东海水晶第1批」的清单已放行，请填写运输信息后提交总分单。",
        link=f"/customs/manifests?batch={released.pk}",
        related_type="customs.Batch",
        related_id=str(released.pk),
    )
    Message.objects.create(recipient=merchant_admin, merchant=merchant, kind="announcement", title="春节放假通知")
    page = phone(new_context)
    sign_in(page, asgi_url, merchant_admin)

    # 新建批次 on the phone, landing on the batch's page, which says why it cannot be submitted yet.
    page.goto(f"{asgi_url}/m/customs/batches")
    expect(page.get_by_test_id("m-batches-overview")).to_be_visible()
    expect(page.get_by_text("在电脑端")).to_have_count(0)
    page.get_by_test_id("m-batch-new").click()
    field(page, "批次名称").fill("2026年4月 手机新建")
    shoot(page, "m-customs-batch-form")
    page.get_by_test_id("m-batch-save").click()
    expect(page.get_by_test_id("m-batch-detail")).to_contain_text("2026年4月 手机新建")
    expect(page.get_by_test_id("m-batch-submit")).to_be_disabled()
    expect(page.get_by_test_id("m-batch-blocker")).to_contain_text("还没有电子订单")
    assert Batch.objects.filter(merchant=merchant, name="2026年4月 手机新建", statistics_flag="B").exists()
    no_horizontal_scroll(page)
    shoot(page, "m-customs-batch-detail")

    # 修改批次: a batch without documents changes its declaration; one with documents only its name.
    fresh = Batch.objects.get(merchant=merchant, name="2026年4月 手机新建")
    page.get_by_test_id("m-batch-edit").click()
    expect(page.get_by_test_id("m-batch-locked")).to_have_count(0)
    field(page, "批次名称").fill("2026年4月 手机改名")
    field(page, "运输工具名称（可稍后补充）").fill("MU5101")
    shoot(page, "m-customs-batch-edit")
    page.get_by_test_id("m-batch-save").click()
    expect(page.get_by_test_id("m-batch-detail")).to_contain_text("2026年4月 手机改名")
    fresh.refresh_from_db()
    assert (fresh.name, fresh.traf_name) == ("2026年4月 手机改名", "MU5101")
    # The batch workflow's link (/customs/batches?id=) opens that batch's page.
    page.goto(f"{asgi_url}/m/customs/batches?id={released.pk}")
    expect(page).to_have_url(re.compile(rf"/m/customs/batches/{released.pk}$"))
    page.get_by_test_id("m-batch-edit").click()
    expect(page.get_by_test_id("m-batch-locked")).to_be_visible()
    expect(page.get_by_test_id("m-batch-form").locator("input[disabled]").first).to_be_visible()
    shoot(page, "m-customs-batch-edit-locked")
    field(page, "批次名称").fill("2026年3月 东海水晶第1批（改）")
    page.get_by_test_id("m-batch-save").click()
    expect(page.get_by_test_id("m-batch-detail")).to_contain_text("2026年3月 东海水晶第1批（改）")
    released.refresh_from_db()
    assert released.name == "2026年3月 东海水晶第1批（改）"

    # 业务办理通知: only the customs message; its link opens the H5 总分单 page on that batch.
    page.goto(f"{asgi_url}/m/customs/notifications")
    expect(page.get_by_test_id("message-title")).to_have_count(1)
    expect(page.get_by_test_id("message-title")).to_have_text("请提交清单总分单")
    shoot(page, "m-customs-notifications")
    page.get_by_test_id("message-item").click()
    page.get_by_role("button", name="查看详情").click()
    expect(page).to_have_url(re.compile(r"/m/customs/manifests\?batch="))

    # 清单总分单 by thumb: the released waybill is linked, the transport typed in, one tap files it.
    card = page.get_by_test_id(f"m-manifest-batch-{released.pk}")
    expect(card).to_contain_text(inventory.logistics_no)
    field(page, "运输工具名称").fill("CA1234")
    field(page, "航班航次号").fill("20260320")
    field(page, "提运单号").fill("999-12345678")
    page.get_by_test_id("m-manifest-submit").click()
    expect(page.get_by_test_id("m-manifests")).to_contain_text("999-12345678")
    waybill = WayBill.objects.get(batch=released, bill_no="999-12345678")
    no_horizontal_scroll(page)
    shoot(page, "m-customs-manifests")

    # The 总分单's own message link (?id=) marks it and opens its details with customs' receipt.
    waybill.status = DocStatus.STORED
    waybill.save()
    receipt(waybill, kind="waybill", return_status="120", return_info="总分单入库成功", at="20260320101500000")
    page.goto(f"{asgi_url}/m/customs/manifests?id={waybill.pk}")
    sheet = page.get_by_test_id("m-doc-sheet")
    expect(sheet).to_contain_text("总分单 999-12345678")
    expect(sheet).to_contain_text("海关入库")
    expect(sheet.get_by_test_id("m-receipt-info")).to_contain_text("总分单入库成功")
    expect(sheet).to_contain_text("2026-03-20 10:15")
    expect(sheet).to_contain_text(inventory.logistics_no)
    no_horizontal_scroll(page)
    sheet.get_by_test_id("m-receipts").scroll_into_view_if_needed()
    shoot(page, "m-customs-manifest-receipt")
    sheet.get_by_test_id("m-doc-sheet-close").click()
    expect(page.get_by_test_id(f"m-manifest-{waybill.pk}")).to_have_attribute("data-focus", "true")
    # …and the 总分单 to-do's link (?batch=) marks the batch.
    page.goto(f"{asgi_url}/m/customs/manifests?batch={released.pk}")
    expect(page.get_by_test_id(f"m-manifest-batch-{released.pk}")).to_have_attribute("data-focus", "true")

    # 汇总申请 with nothing to summarise: one empty state, not two.
    page.goto(f"{asgi_url}/m/customs/summaries")
    expect(page.locator(".m-empty")).to_have_count(1)
    expect(page.get_by_text("暂无待汇总的结关清单")).to_be_visible()
    shoot(page, "m-customs-summaries")

    # 撤销申请: the 清单编号 brings the order and the waybill.
    page.goto(f"{asgi_url}/m/customs/cancels")
    field(page, "清单编号").fill(inventory.invt_no)
    field(page, "撤销原因").click()
    expect(page.get_by_test_id("m-cancel-prefill")).to_contain_text(inventory.order_no)
    shoot(page, "m-customs-cancels")

    # A 撤销申请's message link marks it and opens its details with customs' answer.
    cancel = make_cancel(inventory, status=DocStatus.REJECTED, reason="买家取消订单，货物未出境")
    receipt(cancel, kind="cancel", return_status="100", return_info="清单已结关，不能撤销", at="20260322093000000")
    page.goto(f"{asgi_url}/m/customs/cancels?id={cancel.pk}")
    sheet = page.get_by_test_id("m-doc-sheet")
    expect(sheet).to_contain_text(f"撤销清单 {inventory.invt_no}")
    expect(sheet).to_contain_text("买家取消订单，货物未出境")
    expect(sheet.get_by_test_id("m-receipts")).to_contain_text("清单已结关，不能撤销")
    expect(sheet).to_contain_text("2026-03-22 09:30")
    sheet.get_by_test_id("m-receipts").scroll_into_view_if_needed()
    shoot(page, "m-customs-cancel-receipt")
    sheet.get_by_test_id("m-doc-sheet-close").click()
    expect(page.get_by_test_id(f"m-cancel-{cancel.pk}")).to_have_attribute("data-focus", "true")

    # The 报关单号 message opens its 汇总申请: the number, the receipts, the inventories it carries.
    summary = make_summary(
        released,
        [inventory.invt_no],
        start_time="20260301000000",
        end_time="20260331235959",
        status=DocStatus.STORED,
        entry_id="230520261000000001",
    )
    receipt(summary, kind="summary", return_status="120", return_info="汇总申请入库成功", at="20260410083000000")
    page.goto(f"{asgi_url}/m/customs/summaries?id={summary.pk}")
    sheet = page.get_by_test_id("m-doc-sheet")
    expect(sheet).to_contain_text("2026年3月 汇总申请")
    expect(sheet.get_by_test_id("m-summary-entry-id")).to_contain_text("230520261000000001")
    expect(sheet.get_by_test_id("m-receipt-info")).to_contain_text("汇总申请入库成功")
    expect(sheet).to_contain_text("2026-04-10 08:30")
    expect(sheet).to_contain_text(inventory.invt_no)
    no_horizontal_scroll(page)
    sheet.get_by_test_id("m-receipts").scroll_into_view_if_needed()
    shoot(page, "m-customs-summary-receipt")
    sheet.get_by_test_id("m-doc-sheet-close").click()
    expect(page.get_by_test_id(f"m-summary-{summary.pk}")).to_have_attribute("data-focus", "true")

    # 点点通 configuration, read-only, without hosts or test words.
    page.goto(f"{asgi_url}/m/customs/gateway")
    expect(page.get_by_text("接口已就绪，可以提交出口申报")).to_be_visible()
    expect(page.get_by_test_id("m-gateway")).not_to_contain_text("模拟")
    expect(page.locator("body")).not_to_contain_text(re.compile(r"127\.0\.0\.1|example\."))
    shoot(page, "m-customs-gateway")

    # 操作记录 from 我的, as on the PC's 个人中心: what this account just did, in Chinese.
    page.goto(f"{asgi_url}/m/me")
    page.get_by_test_id("me-logs").click()
    expect(page).to_have_url(re.compile(r"/m/me/logs$"))
    expect(page.get_by_test_id("m-logs")).to_contain_text("2026年4月 手机改名")
    no_horizontal_scroll(page)
    shoot(page, "m-me-logs")

    # 我的资料 from 我的: pick the kind, upload from the phone, see it listed.
    page.goto(f"{asgi_url}/m/me")
    page.get_by_test_id("me-documents").click()
    expect(page).to_have_url(re.compile(r"/m/documents$"))
    page.get_by_test_id("m-doc-upload").click()
    picture = tmp_path / "营业执照.png"
    picture.write_bytes(plain_png("#e6f4ff"))
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="确定").click()
    chooser.value.set_files(str(picture))
    expect(page.get_by_test_id("m-documents")).to_contain_text("营业执照.png")
    shoot(page, "m-documents")

    for path in [
        "/m/customs/batches",
        "/m/customs/manifests",
        "/m/customs/summaries",
        "/m/customs/cancels",
        "/m/customs/gateway",
        "/m/customs/notifications",
        "/m/documents",
        "/m/me/logs",
        f"/m/customs/batches/{released.pk}",
    ]:
        page.goto(f"{asgi_url}{path}")
        expect(page.locator(".adm-nav-bar")).to_be_visible()
        expect(page.locator("body")).not_to_contain_text(NOT_BUILT)
