"""出口报关 and 我的资料 on the phone (390×844): 新建批次 and its page with the reason it cannot be
submitted yet, 清单总分单 filed by thumb, one empty state on 汇总申请, 撤销申请 filled from the 清单编号,
the read-only 点点通 configuration, 业务办理通知 opening the page its message names, and a document
uploaded into 我的资料 — every page reached from the H5, none 「功能建设中」 or 「页面不存在」."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import MOBILE, shoot
from e2e.test_message_journeys import asgi_url, sign_in
from e2e.test_mobile_registration_journey import field
from e2e.test_registration_journey import plain_png
from jmt.accounts.models import User
from jmt.customs.models import Batch, DocStatus, WayBill
from jmt.customs.tests.factories import make_batch, make_shipment
from jmt.notifications.models import Message

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
__all__ = ["asgi_url"]

NOT_BUILT = re.compile("功能建设中|页面不存在")


def phone(new_context: Any) -> Page:
    return new_context(viewport=MOBILE, is_mobile=True, has_touch=True).new_page()


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
    assert WayBill.objects.filter(batch=released, bill_no="999-12345678").exists()
    no_horizontal_scroll(page)
    shoot(page, "m-customs-manifests")

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

    # 点点通 configuration, read-only, without hosts or test words.
    page.goto(f"{asgi_url}/m/customs/gateway")
    expect(page.get_by_text("接口已就绪，可以提交出口申报")).to_be_visible()
    expect(page.get_by_test_id("m-gateway")).not_to_contain_text("模拟")
    expect(page.locator("body")).not_to_contain_text(re.compile(r"127\.0\.0\.1|example\."))
    shoot(page, "m-customs-gateway")

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
        f"/m/customs/batches/{released.pk}",
    ]:
        page.goto(f"{asgi_url}{path}")
        expect(page.locator(".adm-nav-bar")).to_be_visible()
        expect(page.locator("body")).not_to_contain_text(NOT_BUILT)
