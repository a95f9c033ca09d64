"""G9 and the back-office workbench in Chromium: the home tells the truth.

After a customs batch is released, the PC home (1440) and the H5 home (390) show the 清单总分单报送
to-do with its count (the header's count equals the list) and the customs messages in 业务动态, each
opening its page; every module is built, so none says 即将上线. The back office's 工作台 lists the registration queue
with its count and opens it.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import MOBILE, shoot
from e2e.test_customs_journey import sign_in
from e2e.test_system_journeys import admin_login
from jmt.accounts.models import User
from jmt.core.auth import Actor
from jmt.customs.models import DocStatus
from jmt.customs.services.submission import batch_submit
from jmt.customs.tests.conftest import Clock
from jmt.customs.tests.factories import make_batch, make_shipment
from jmt.customs.tests.flows import quiet_simulator, run_until
from jmt.registration.seed import seed_registration

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BATCH = "2026年12月 东海水晶第1批"


def released_batch(user: User) -> None:
    merchant = user.current_merchant
    assert merchant is not None
    batch = make_batch(merchant, name=BATCH)
    for _ in range(2):
        make_shipment(batch)
    batch_submit(actor=Actor(user=None, merchant=merchant, role="admin", permissions=frozenset()), batch=batch)
    clock = Clock()
    run_until(quiet_simulator(clock), clock, batch, DocStatus.RELEASED)


def test_after_a_released_batch_the_pc_and_h5_homes_show_the_manifest_todo_and_the_customs_feed(
    live_server: Any, new_context: Any, merchant_admin: User
):
    released_batch(merchant_admin)
    base = live_server.url

    pc = new_context().new_page()
    sign_in(pc, base, merchant_admin)
    pc.goto(f"{base}/")
    todos = pc.locator(".ant-card").filter(has_text="待办事项").last
    expect(todos).to_contain_text("清单总分单报送")
    expect(pc.locator(".jmt-hero__stats")).to_contain_text("1待办事项")  # the header's count is the list's
    feed = pc.locator(".ant-card").filter(has_text="业务动态").last
    expect(feed).to_contain_text(f"批次「{BATCH}」2 票清单已全部放行")
    expect(feed).to_contain_text(f"请提交批次「{BATCH}」的清单总分单")
    # Every module is built now: none says 即将上线 (the coming-soon tile itself is covered by catalogMenu.test.tsx).
    expect(pc.get_by_test_id("module-tile-refunds")).to_have_attribute("data-coming-soon", "false")
    expect(pc.get_by_text("即将上线")).to_have_count(0)
    expect(pc.get_by_test_id("module-tile-customs")).to_have_attribute("data-disabled", "false")
    shoot(pc, "truth-pc-home-after-batch")
    todos.get_by_text("清单总分单报送").click()
    expect(pc).to_have_url(re.compile(r"/customs/manifests$"))
    pc.goto(f"{base}/")
    feed.get_by_text(f"请提交批次「{BATCH}」的清单总分单").click()
    expect(pc).to_have_url(re.compile(r"/customs/manifests\?batch=\d+$"))
    pc.goto(f"{base}/refunds")
    expect(pc.get_by_text("出口退税申报").first).to_be_visible()
    expect(pc.get_by_text("「出口退税」即将上线")).to_have_count(0)
    shoot(pc, "truth-pc-refunds-open")

    h5 = new_context(viewport=MOBILE, is_mobile=True, has_touch=True).new_page()
    sign_in(h5, base, merchant_admin)
    h5.goto(f"{base}/m/")
    expect(h5.get_by_test_id("todo-total")).to_have_text("共 1 项")
    expect(h5.get_by_text("清单总分单报送")).to_be_visible()
    expect(h5.get_by_text(f"批次「{BATCH}」2 票清单已全部放行")).to_be_visible()
    expect(h5.get_by_test_id("module-tile-refunds")).not_to_contain_text("即将上线")
    expect(h5.locator(".m-row__count").filter(has_text=re.compile(r"^0$"))).to_have_count(0)  # no stray 「0」
    shoot(h5, "truth-h5-home-after-batch")
    h5.get_by_text("清单总分单报送").click()
    expect(h5).to_have_url(re.compile(r"/m/customs/manifests$"))


def test_the_back_office_workbench_lists_the_registration_queue_with_its_count(
    live_server: Any, page: Page, superadmin: User, settings: Any, tmp_path: Any
):
    settings.MEDIA_ROOT = tmp_path / "media"
    seed_registration()  # one application waiting in 材料初审

    admin_login(page, live_server.url, "/")
    queue = page.get_by_test_id("work-queue-registration:review")
    expect(queue).to_contain_text("工商注册申请 · 待材料初审")
    expect(queue).to_contain_text("1")
    expect(page.get_by_test_id("work-queue-registration:onsite")).to_contain_text("0")
    expect(page.get_by_test_id("workbench-total")).to_contain_text("共 1 项待处理")
    shoot(page, "truth-admin-workbench")
    queue.click()
    expect(page).to_have_url(re.compile(r"/admin/merchants/onboarding$"))


def test_a_merchant_approved_without_an_application_sees_approval_on_the_progress_board(
    live_server: Any, new_context: Any, merchant_admin: User
):
    base = live_server.url
    pc = new_context().new_page()
    sign_in(pc, base, merchant_admin)
    pc.goto(f"{base}/registration/progress")
    board = pc.get_by_test_id("approved-without-application")
    expect(board).to_contain_text("核准通过")
    expect(pc.get_by_text("尚未办理工商注册")).to_have_count(0)
    expect(pc.get_by_role("button", name="新办个体户 / 企业")).to_have_count(0)
    shoot(pc, "truth-pc-registration-approved-board")

    h5 = new_context(viewport=MOBILE, is_mobile=True, has_touch=True).new_page()
    sign_in(h5, base, merchant_admin)
    h5.goto(f"{base}/m/registration/progress")
    expect(h5.get_by_test_id("approved-without-application")).to_contain_text("核准通过")
    expect(h5.get_by_text("尚未办理工商注册")).to_have_count(0)
    shoot(h5, "truth-h5-registration-approved-board")


def test_my_page_says_whether_pushes_reach_wechat_and_shows_the_service_account_qr(
    live_server: Any, new_context: Any, merchant_admin: User
):
    from django.conf import settings

    from jmt.system.models import SystemParameter

    qr = next((settings.WEB_DIST / "assets").glob("logo-*.svg")).name  # any image the site serves
    SystemParameter.objects.create(
        group="notifications",
        value={
            "service_account_name": "晶贸通服务",
            "service_account_qr": f"/assets/{qr}",
            "wechat_templates": {"registration_result": "TPL-REG"},
        },
    )
    merchant_admin.wechat_unionid = "union-lin"
    merchant_admin.save()
    base = live_server.url

    pc = new_context().new_page()
    sign_in(pc, base, merchant_admin)
    pc.goto(f"{base}/me")
    card = pc.get_by_test_id("push-status")
    expect(card).to_have_attribute("data-will-receive", "false")
    expect(card).to_contain_text("关注服务号「晶贸通服务」")
    pc.get_by_test_id("push-follow").click()
    expect(pc.get_by_test_id("push-qr")).to_be_visible()
    shoot(pc, "truth-pc-me-push-status")

    h5 = new_context(viewport=MOBILE, is_mobile=True, has_touch=True).new_page()
    sign_in(h5, base, merchant_admin)
    h5.goto(f"{base}/m/me")
    h5.get_by_test_id("push-status").click()
    expect(h5.get_by_test_id("push-hint")).to_contain_text("关注服务号「晶贸通服务」")
    shoot(h5, "truth-h5-me-push-status")
