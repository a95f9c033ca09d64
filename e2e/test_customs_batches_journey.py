"""C1 / C6 / CA journeys in Chromium: the back office configures a merchant's 点点通 interface (a failing
check shown, then fixed), the merchant creates a pre-filled batch (red warning on 简化申报 A) and sees the
overview; a merchant without configuration is told what to fix and cannot submit; the back office reads
the CA board and opens a message's XML."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from e2e.conftest import shoot
from e2e.test_login_journeys import sms_login
from e2e.test_system_journeys import admin_login
from jmt.accounts.models import User
from jmt.core.auth import Actor
from jmt.customs.models import GatewayConfig
from jmt.customs.services.outbox import outbox_dispatch
from jmt.customs.services.receipts import receipt_ingest
from jmt.customs.services.submission import batch_submit
from jmt.customs.tests.factories import make_batch, make_shipment
from jmt.integrations.customs_gateway.simulator import Simulator
from jmt.merchants.models import Merchant

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def merchant_login(page: Page, base: str, path: str) -> None:
    page.goto(f"{base}/login?redirect={path}")
    sms_login(page, "13800000001")
    expect(page).to_have_url(re.compile(re.escape(path) + r"$"))


def fill_config(page: Page, secret: str) -> None:
    form = page.get_by_test_id("gateway-form")
    for label, value in (
        ("接口地址", "https://ddt.example.cn/api"),
        ("App Key", "jmt-donghai"),
        ("电商企业代码", "3207960A01"),
        ("申报企业代码", "3207960B01"),
        ("申报企业名称", "连云港捷晶报关有限公司"),
        ("申报地海关代码", "2305"),
        ("出口口岸代码", "2305"),
        ("DXP ID", "DXPENT0000012345"),
    ):
        form.get_by_label(label, exact=True).fill(value)
    form.get_by_label("App Secret", exact=True).fill(secret)


def test_admin_configures_the_gateway_and_the_merchant_creates_a_pre_filled_batch(
    live_server: Any, new_context: Any, superadmin: User, merchant_admin: User, crystal_merchant: Merchant
):
    admin = new_context().new_page()
    admin_login(admin, live_server.url, "/operations/gateway")
    admin.get_by_test_id(f"gateway-edit-{crystal_merchant.pk}").click()
    expect(admin.get_by_test_id("gateway-form").get_by_label("电商企业名称", exact=True)).to_have_value("东海晶莹水晶")
    fill_config(admin, "wrong-secret")
    admin.get_by_test_id("gateway-save").click()
    result = admin.get_by_test_id("gateway-check-result")
    expect(result).to_contain_text("检测未通过")
    expect(result).to_contain_text("凭证无效")
    shoot(admin, "customs-gateway-admin-failed")
    admin.get_by_test_id("gateway-form").get_by_label("App Secret", exact=True).fill("right-secret-2026")
    admin.get_by_test_id("gateway-save").click()
    expect(result).to_contain_text("检测通过")
    expect(result).to_contain_text("连接正常")
    shoot(admin, "customs-gateway-admin-ok")
    config = GatewayConfig.objects.get(merchant=crystal_merchant)
    assert config.check_status == "ok"
    assert "right-secret-2026" not in config.app_secret_encrypted

    page = new_context().new_page()
    merchant_login(page, live_server.url, "/customs/gateway")
    expect(page.get_by_test_id("gateway-config")).to_contain_text("检测通过")
    expect(page.get_by_test_id("gateway-config")).to_contain_text("****2026")
    shoot(page, "customs-gateway-merchant")

    page.goto(f"{live_server.url}/customs/batches")
    page.get_by_test_id("batch-new").click()
    form = page.get_by_test_id("batch-form")
    expect(form.get_by_label("电商企业代码", exact=True)).to_have_value("3207960A01")
    expect(form.get_by_label("DXP ID", exact=True)).to_have_value("DXPENT0000012345")
    expect(form.get_by_label("申报地海关代码", exact=True)).to_have_value("2305")
    page.get_by_test_id("batch-name").fill("2026年3月 第1批")
    page.get_by_test_id("batch-flag").click()
    page.get_by_title("A 简化申报（不能办理出口退税）").click()
    warning = page.get_by_test_id("flag-a-warning")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("简化申报（A）的出口货物不能办理出口退税")
    shoot(page, "customs-batch-form-flag-a")
    page.get_by_test_id("batch-flag").click()
    page.get_by_title("B 汇总申报（可办理出口退税）").click()
    expect(warning).to_have_count(0)
    page.get_by_test_id("batch-save").click()
    expect(page.get_by_role("dialog").get_by_text("申报信息")).to_be_visible()
    expect(page.get_by_test_id("batch-submit")).to_be_disabled()  # no orders yet
    expect(page.get_by_role("dialog", name="新建批次")).to_have_count(0)  # the form drawer has finished closing
    page.get_by_role("dialog").get_by_label("关闭").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(page.get_by_test_id("batches-overview")).to_contain_text("批次")
    expect(page.locator("[data-testid^='batch-row-']")).to_have_text(["2026年3月 第1批"])
    shoot(page, "customs-batches-overview")


def test_a_merchant_without_configuration_sees_what_to_fix_and_cannot_submit(
    live_server: Any, page: Page, merchant_admin: User, crystal_merchant: Merchant
):
    batch = make_batch(crystal_merchant, gateway=False, name="待配置接口的批次")
    make_shipment(batch)
    merchant_login(page, live_server.url, "/customs/batches")
    alert = page.get_by_test_id("gateway-alert")
    expect(alert).to_contain_text("请联系捷晶管理员配置点点通接口")
    page.get_by_test_id(f"batch-row-{batch.pk}").click()
    expect(page.get_by_role("dialog").get_by_test_id("gateway-alert")).to_be_visible()
    expect(page.get_by_test_id("batch-submit")).to_be_disabled()
    shoot(page, "customs-batch-gateway-missing")


def test_the_batch_workflow_message_link_opens_the_batch_it_names(
    live_server: Any, page: Page, merchant_admin: User, crystal_merchant: Merchant
):
    make_batch(crystal_merchant, name="不是这一批")
    named = make_batch(crystal_merchant, name="2026年3月 消息里的批次")
    merchant_login(page, live_server.url, f"/customs/batches?id={named.pk}")
    expect(page.get_by_role("dialog")).to_contain_text("2026年3月 消息里的批次")
    expect(page.get_by_test_id("batch-orders-link")).to_be_visible()


def _declare(merchant: Merchant) -> None:
    batch = make_batch(merchant, name="2026年2月 第3批")
    for _ in range(3):
        make_shipment(batch)
    batch_submit(actor=Actor(user=None, merchant=merchant, role="admin", permissions=frozenset()), batch=batch)
    moment = {"now": timezone.now()}
    simulator = Simulator(seed=5, step_seconds=1, clock=lambda: moment["now"], duplicate_rate=0, late_rate=0)
    for _ in range(30):
        outbox_dispatch(gateway=simulator, now=moment["now"])
        simulator.deliver_due(deliver=lambda xml: receipt_ingest(xml, source="simulator"), now=moment["now"])
        moment["now"] += timedelta(seconds=1)


def test_the_back_office_reads_the_ca_board_and_a_messages_xml(
    live_server: Any, page: Page, superadmin: User, crystal_merchant: Merchant
):
    _declare(crystal_merchant)
    admin_login(page, live_server.url, "/operations/customs")
    board = page.get_by_test_id("ca-board")
    expect(board).to_contain_text("东海晶莹水晶")
    expect(board).to_contain_text("检测通过")
    shoot(page, "customs-ca-board")
    page.get_by_test_id(f"ca-merchant-{crystal_merchant.pk}").click()
    drawer = page.get_by_role("dialog")
    expect(drawer).to_contain_text("2026年2月 第3批")
    drawer.get_by_text("报文", exact=True).click()
    expect(page.get_by_text("该批次的报文")).to_be_visible()
    page.locator("[data-testid^='message-open-']").first.click()
    xml = page.get_by_test_id("message-xml")
    expect(xml).to_contain_text("ceb:")
    expect(xml).to_contain_text("guid=")
    shoot(page, "customs-message-xml")
