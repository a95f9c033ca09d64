"""Issue 5 journey in Chromium: template → upload with errors → fix in the grid → declare → 放行 →
总分单 → 撤销 one inventory → 结关 → 汇总 with its 报关单号 → the messages that came with it.

Customs is the simulator, driven synchronously from the test (dispatch, deliver, move its clock):
the browser only ever sees what a merchant would see.
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from e2e.conftest import MOBILE, shoot
from jmt.accounts.models import User
from jmt.accounts.tokens import issue_tokens
from jmt.customs.models import DocStatus, Inventory, InvtCancel, SummaryApply
from jmt.customs.tests import pipeline
from jmt.customs.tests.conftest import Clock
from jmt.customs.tests.factories import make_batch
from jmt.customs.tests.workbooks import good_row, workbook
from jmt.integrations.customs_gateway.simulator import Simulator

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def sign_in(page: Page, base: str, user: User) -> None:
    tokens = issue_tokens(user, remember=True)
    page.goto(f"{base}/login")
    page.evaluate(
        "([access, refresh]) => { localStorage.setItem('access', access); localStorage.setItem('refresh', refresh); }",
        [tokens.access, tokens.refresh],
    )


def drive(simulator: Simulator, clock: Clock, done: Any, *, limit: int = 200) -> None:
    """Run customs 30 simulated seconds at a time until ``done()``."""
    for _ in range(limit):
        pipeline.run(simulator, clock, seconds=0, tick=30)
        if done():
            return
    raise AssertionError("customs did not get there")


def statuses() -> set[str]:
    return set(Inventory.objects.values_list("status", flat=True))


def test_a_merchant_declares_fixes_files_and_cancels_through_to_the_tax_refund_number(
    live_server: Any, page: Page, new_context: Any, merchant_admin: User, tmp_path: Path
):
    base = live_server.url
    merchant = merchant_admin.current_merchant
    assert merchant is not None
    batch = make_batch(merchant, name="2026年3月 东海水晶第1批")
    clock = Clock()
    # The demo's pace (``make run``): a released inventory is held before 结关 longer than the 撤销
    # grace period, so the cancel below reaches customs in time.
    simulator = Simulator(
        seed=7,
        step_seconds=60,
        clock=clock,
        review_rate=0,
        duplicate_rate=0.2,
        late_rate=0,
        jitter=0,
        close_after_seconds=1800,
    )
    sign_in(page, base, merchant_admin)

    # ① the template
    page.goto(f"{base}/customs/orders")
    with page.expect_download() as download:
        page.get_by_test_id("download-template").click()
    assert download.value.suggested_filename.endswith(".xlsx")

    # ② a workbook with two mistakes
    book = tmp_path / "三月订单.xlsx"
    book.write_bytes(workbook([good_row(1), good_row(2, gcode="7116"), good_row(3, totalPrice=99)]))
    if page.get_by_role("button", name="已有填好的文件，去上传").count():
        page.get_by_role("button", name="已有填好的文件，去上传").click()
    page.locator("input[type=file]").set_input_files(str(book))
    expect(page.get_by_test_id("bad-cell-3-gcode")).to_be_visible()
    expect(page.get_by_test_id("bad-cell-4-totalPrice")).to_be_visible()
    shoot(page, "customs-01-preview-with-errors")

    # ③ fixed in the grid
    page.get_by_test_id("bad-cell-3-gcode").click()
    page.get_by_test_id("edit-cell-3-gcode").fill("7116200000")
    shoot(page, "customs-01b-editing-a-cell")
    page.get_by_test_id("edit-cell-3-gcode").press("Enter")
    expect(page.get_by_text("第 3 行已通过校验")).to_be_visible()
    page.get_by_test_id("bad-cell-4-totalPrice").click()
    page.get_by_test_id("edit-cell-4-totalPrice").fill("51")
    page.get_by_test_id("edit-cell-4-totalPrice").press("Enter")
    expect(page.get_by_text("全部行校验通过，可以申报")).to_be_visible()
    shoot(page, "customs-02-fixed-in-grid")

    # ④ declared
    page.get_by_role("button", name="下一步：申报").click()
    page.get_by_test_id("batch-id").fill(str(batch.pk))
    page.get_by_test_id("declare-all").click()
    page.get_by_role("button", name=re.compile("确.*定|确认|申报")).last.click()
    expect(page.get_by_text("已申报 3 个订单").first).to_be_visible()

    # ⑤ customs answers: every inventory 放行
    drive(simulator, clock, lambda: statuses() == {DocStatus.RELEASED})
    page.goto(f"{base}/customs/orders?tab=status")
    expect(page.get_by_test_id("status-DH202603180001")).to_have_text("放行")
    page.get_by_test_id("order-DH202603180002").click()
    expect(page.get_by_test_id("order-timeline")).to_contain_text("出口申报清单：放行")
    expect(page.get_by_test_id("order-timeline")).to_contain_text("上传电子订单 Excel")
    page.get_by_test_id("order-timeline").get_by_text("出口申报清单：放行").scroll_into_view_if_needed()
    shoot(page, "customs-03-order-timeline")
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("order-timeline")).to_have_count(0)
    shoot(page, "customs-04-order-statuses")

    # ⑥ the 总分单: waybills linked by the system, three fields to fill
    page.goto(f"{base}/customs/manifests?batch={batch.pk}")
    expect(page.get_by_test_id("manifest-ready")).to_be_visible()
    page.get_by_label("运输工具名称").fill("CA1234")
    page.get_by_label("航班航次号").fill("20260320")
    page.get_by_label("提运单号").fill("999-12345678")
    shoot(page, "customs-05-manifest-ready")
    page.get_by_test_id("manifest-submit").click()
    expect(page.get_by_text(re.compile("已提交 1 份清单总分单"))).to_be_visible()

    # ⑦ cancel one inventory while it is released, not yet 结关
    target = Inventory.objects.get(order_no="DH202603180003")
    page.goto(f"{base}/customs/cancels")
    page.get_by_test_id("cancel-invt-no").fill(target.invt_no)
    page.get_by_role("button", name="带出信息").click()
    expect(page.get_by_test_id("cancel-prefill")).to_contain_text(target.guid)
    page.get_by_test_id("cancel-reason").fill("买家取消订单，货物未出境")
    page.get_by_test_id("cancel-submit").click()
    expect(page.get_by_test_id(f"withdraw-{target.invt_no}")).to_be_visible()
    # Held for its grace period: the status says when it leaves, not "几秒内会发出".
    expect(page.get_by_test_id(f"cancel-status-{target.invt_no}")).to_have_text("等待发出")
    shoot(page, "customs-06-cancel-queued")
    # 「不再撤销」 on a second one, taken back before it leaves
    kept = Inventory.objects.get(order_no="DH202603180002")
    page.get_by_test_id("cancel-invt-no").fill(kept.invt_no)
    page.get_by_role("button", name="带出信息").click()
    expect(page.get_by_test_id("cancel-prefill")).to_contain_text(kept.guid)
    page.get_by_test_id("cancel-reason").fill("误操作")
    page.get_by_test_id("cancel-submit").click()
    page.get_by_test_id(f"withdraw-{kept.invt_no}").click()
    page.get_by_role("button", name="不再撤销").last.click()
    expect(page.get_by_test_id(f"cancel-status-{kept.invt_no}")).to_have_text("已不再撤销")
    shoot(page, "customs-06b-cancel-withdrawn")
    # The grace period passes for customs too (the test clock runs ahead of the real one).
    clock.now = max(clock.now, timezone.now()) + timedelta(seconds=301)
    drive(simulator, clock, lambda: InvtCancel.objects.get(inventory=target).status == DocStatus.CLEARED)
    drive(simulator, clock, lambda: statuses() == {DocStatus.CLOSED, DocStatus.CANCELLED})
    page.goto(f"{base}/customs/cancels?invt_no={target.invt_no}")
    expect(page.get_by_test_id(f"cancel-status-{target.invt_no}")).to_have_text("撤销成功")
    shoot(page, "customs-07-cancel-done")
    # The batch followed its documents: every live inventory 结关 (the cancelled one left the count)
    page.goto(f"{base}/customs/batches")
    expect(page.get_by_test_id("batches-overview")).to_be_visible()
    expect(page.get_by_text("已结关").first).to_be_visible()

    # ⑧ the 汇总 of the 结关 inventories, to the 报关单号
    page.goto(f"{base}/customs/manifests")
    expect(page.get_by_test_id("manifests-table")).to_contain_text("海关入库")
    expect(page.locator(".ant-spin-blur")).to_have_count(0)
    shoot(page, "customs-07b-manifest-stored")
    page.goto(f"{base}/customs/summaries")
    expect(page.get_by_test_id("summary-submit")).to_contain_text("2 票")
    expect(page.get_by_test_id("summary-reminder")).to_contain_text("前提交汇总申请")
    shoot(page, "customs-08-summary-candidates")
    page.get_by_test_id("summary-submit").click()
    expect(page.get_by_text(re.compile("已提交 .* 汇总申请"))).to_be_visible()
    drive(simulator, clock, lambda: bool(SummaryApply.objects.get().entry_id))
    entry_id = SummaryApply.objects.get().entry_id
    page.goto(f"{base}/customs/summaries?id={SummaryApply.objects.get().pk}")
    expect(page.get_by_test_id("entry-id")).to_contain_text(entry_id)
    shoot(page, "customs-09-summary-entry-id")

    # ⑨ what came to the message center along the way, aggregated per batch
    page.goto(f"{base}/messages")
    expect(page.get_by_text(f"批次「{batch.name}」3 票清单已全部放行")).to_be_visible()
    expect(page.get_by_text(f"汇总申请已生成报关单，报关单号 {entry_id}")).to_be_visible()
    expect(page.get_by_text(f"批次「{batch.name}」2 票清单已全部结关")).to_be_visible()
    shoot(page, "customs-10-messages")

    # ⑩ the same statuses on the phone
    phone = new_context(viewport=MOBILE).new_page()
    sign_in(phone, base, merchant_admin)
    phone.goto(f"{base}/m/customs/batches")
    expect(phone.get_by_test_id(f"m-batch-status-{batch.pk}")).to_have_text("已结关")
    phone.goto(f"{base}/m/customs/orders")
    expect(phone.get_by_text("DH202603180001")).to_be_visible()
    shoot(phone, "customs-11-mobile-orders")
    phone.get_by_text("DH202603180001").click()
    expect(phone.get_by_text("出口申报清单：结关")).to_be_visible()
    shoot(phone, "customs-12-mobile-timeline")
