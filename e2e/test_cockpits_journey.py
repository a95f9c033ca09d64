"""数据驾驶舱 in the browser at 1920 px: 综合数据 with its world map and report, 综合服务 with a definition on
hover and the 「暂无数据来源」 cards, and the dark 1920×1080 大屏 without scrollbars."""

from __future__ import annotations

import io

import openpyxl  # type: ignore[import-untyped]
import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import shoot
from e2e.test_message_journeys import asgi_url, sign_in
from jmt.cockpits.seed import seed_cockpits
from jmt.downloads.models import Download
from jmt.logistics.seed import seed_carriers
from jmt.merchants.models import Merchant
from jmt.notifications.tests.helpers import run_ready_tasks

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
__all__ = ["asgi_url"]
WIDE = {"width": 1920, "height": 1080}


@pytest.fixture
def history(crystal_merchant: Merchant) -> None:
    seed_carriers()
    seed_cockpits(crystal_merchant)


def test_overview_map_report_and_the_big_screen(asgi_url, new_context, superadmin, history):
    page: Page = new_context(viewport=WIDE).new_page()
    sign_in(page, asgi_url, superadmin, prefix="admin.")
    page.goto(f"{asgi_url}/admin/dashboards/overview")
    expect(page.get_by_test_id("overview-cockpit")).to_be_visible(timeout=45_000)  # first load of the chart chunks
    expect(page.get_by_test_id("fig-merchants")).to_contain_text("核准通过")
    expect(page.get_by_test_id("cockpit-map").locator("canvas")).to_be_visible()
    expect(page.get_by_text("目的国排行")).to_be_visible()
    expect(page.get_by_role("cell", name="美国", exact=True)).to_be_visible()
    expect(page.get_by_test_id("cockpit-carriers")).to_contain_text("准时率")
    shoot(page, "cockpits-overview-1920")

    page.get_by_test_id("cockpit-report").click()
    page.get_by_role("button", name="加入下载中心").click()
    expect(page.get_by_test_id("export-queued")).to_contain_text("已加入下载中心")
    report = Download.objects.get(owner=superadmin, kind="cockpits.report")
    run_ready_tasks()  # the worker writes the workbook
    page.goto(f"{asgi_url}/admin/downloads")
    expect(page.get_by_test_id(f"download-status-{report.pk}")).to_contain_text("完成")
    with page.expect_download() as download:
        page.get_by_test_id(f"download-{report.pk}").click()
    book = openpyxl.load_workbook(io.BytesIO(download.value.path().read_bytes()))
    assert book.sheetnames == ["说明", "按日期", "按目的国", "按商品", "按商户"]
    assert book["按目的国"].max_row > 5

    page.goto(f"{asgi_url}/admin/dashboards/overview/screen")
    expect(page.get_by_text("晶贸通 · 综合数据大屏")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("每 30 秒自动刷新 · 更新于")).to_be_visible()
    overflow = page.evaluate(
        "() => [document.documentElement.scrollWidth > innerWidth, document.documentElement.scrollHeight > innerHeight]"
    )
    assert overflow == [False, False]  # no scrollbars
    page.screenshot(path=str(shot_path("cockpits-screen-1920x1080")))


def shot_path(name: str):  # the 大屏 is exactly the viewport: no full-page capture
    from e2e.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{name}.png"


def test_service_indicators_show_definitions_and_say_when_a_source_is_missing(
    asgi_url, new_context, superadmin, history
):
    page: Page = new_context(viewport=WIDE).new_page()
    sign_in(page, asgi_url, superadmin, prefix="admin.")
    page.goto(f"{asgi_url}/admin/dashboards/service")
    expect(page.get_by_test_id("service-cockpit")).to_be_visible(timeout=45_000)
    expect(page.get_by_test_id("value-registration_pass_rate")).to_contain_text("%")
    page.get_by_test_id("indicator-registration_pass_rate").get_by_text("注册通过率").hover()
    expect(page.get_by_role("tooltip")).to_contain_text("期间内工商注册核准次数 ÷ 期间内审核决定次数")
    expect(page.get_by_test_id("nosource-ticket_hours")).to_contain_text("暂无数据来源")
    expect(page.get_by_test_id("nosource-ticket_hours")).to_contain_text("工单")
    page.mouse.move(0, 0)
    page.wait_for_timeout(600)
    shoot(page, "cockpits-service-1920")
