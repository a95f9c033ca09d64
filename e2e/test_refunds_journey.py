"""出口退税 journey in Chromium: from a summarised declaration of the customs simulator (a batch declared,
run to 结关, 汇总 by the customs service, the 报关单号 from the simulator's CEB792) the merchant declares a
claim on the PC (three PDFs, 收汇, checklist, submit), the back office moves it to 到账 with the daily
status file, and the merchant sees 到账 on the H5 board."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import FilePayload, Page, expect

from e2e.conftest import MOBILE, PC, shoot
from e2e.test_message_journeys import asgi_url, sign_in
from jmt.accounts.models import User
from jmt.core.auth import Actor
from jmt.customs.models import DocStatus, Inventory, SummaryApply
from jmt.customs.services.filings import summary_create
from jmt.customs.services.submission import batch_submit
from jmt.customs.tests import pipeline
from jmt.customs.tests.conftest import Clock
from jmt.customs.tests.factories import make_batch, make_shipment
from jmt.customs.tests.flows import quiet_simulator, run_until
from jmt.merchants.models import Merchant
from jmt.refunds.models import Claim
from jmt.refunds.seed import demo_pdf
from jmt.refunds.tests.factories import status_xlsx

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
__all__ = ["asgi_url"]


def pdf_file(name: str) -> FilePayload:
    return {"name": name, "mimeType": "application/pdf", "buffer": demo_pdf(name, ["演示"])}


def summarised_by_the_simulator(merchant: Merchant, *, orders: int = 2) -> str:
    """Declare a batch, run the simulator to 结关, 汇总 the month through customs, wait for the 报关单号."""
    actor = Actor(user=None, merchant=merchant, role="admin", permissions=frozenset())
    batch = make_batch(merchant, name="退税演示批次")
    for _ in range(orders):
        make_shipment(batch)
    batch_submit(actor=actor, batch=batch)
    clock = Clock()
    simulator = quiet_simulator(clock)
    run_until(simulator, clock, batch, DocStatus.CLOSED)
    closed = Inventory.objects.filter(batch=batch).values_list("return_time", flat=True).first() or ""
    summary = summary_create(actor=actor, merchant=merchant, month=f"{closed[:4]}-{closed[4:6]}")
    for _ in range(30):
        pipeline.run(simulator, clock, seconds=0)
        summary = SummaryApply.objects.get(pk=summary.pk)
        if summary.entry_id:
            return summary.entry_id
    raise AssertionError(f"汇总 stuck at {summary.status}")


def test_a_claim_goes_from_a_summarised_declaration_to_received_via_the_daily_file(
    asgi_url: str, new_context: Any, merchant_admin: User, superadmin: User
):
    assert merchant_admin.current_merchant is not None
    entry = summarised_by_the_simulator(merchant_admin.current_merchant, orders=2)

    # PC 1440: tick the 报关单, upload the three PDFs, confirm 收汇, see the checklist, submit.
    page: Page = new_context(PC).new_page()
    sign_in(page, asgi_url, merchant_admin)
    page.goto(f"{asgi_url}/refunds/claims")
    page.get_by_role("button", name=re.compile("新建退税申报")).click()
    page.get_by_role("row", name=re.compile(entry)).get_by_role("checkbox").check()
    for index, name in enumerate(["报关单.pdf", "进项发票.pdf", "销售发票.pdf"]):
        page.locator("#files input[type=file]").nth(index).set_input_files(pdf_file(name))
        expect(page.get_by_text(name, exact=True)).to_be_visible()
    page.get_by_placeholder(re.compile("收汇说明")).fill("2026-07-02 PayPal 提现 USD 102")
    page.get_by_role("button", name=re.compile("确认已收汇")).click()
    expect(page.get_by_text("已确认收汇").first).to_be_visible()
    readiness = page.get_by_test_id("readiness")
    expect(readiness.get_by_text("销售发票已上传")).to_be_visible()
    expect(readiness.get_by_text(re.compile("2027-04-30 前申报"))).to_be_visible()
    shoot(page, "refunds-pc-declaration")
    page.get_by_role("button", name=re.compile("提交申报")).click()
    expect(page).to_have_url(re.compile(r"/refunds/progress\?id=\d+"))
    claim = Claim.objects.get(declarations__entry_id=entry)
    expect(page.get_by_text("已提交，捷晶正在核对材料并向税务机关申报")).to_be_visible()
    shoot(page, "refunds-pc-progress-declared")

    # The back office: the daily status file, preview then confirm.
    admin: Page = new_context(PC).new_page()
    sign_in(admin, asgi_url, superadmin, prefix="admin.")
    admin.goto(f"{asgi_url}/admin/operations/refunds")
    expect(admin.get_by_text(claim.claim_no)).to_be_visible()
    admin.get_by_role("tab", name=re.compile("状态文件导入")).click()
    content = status_xlsx([(entry, "", "已到账", "2026-08-18", "96.50", "国库已退库")], title=True)
    admin.locator("input[type=file]").set_input_files(
        {"name": "退税状态-0818.xlsx", "mimeType": "application/octet-stream", "buffer": content}
    )
    expect(admin.get_by_text("申报 → 审核 → 退库 → 到账")).to_be_visible()
    shoot(admin, "refunds-admin-status-preview")
    admin.get_by_role("button", name=re.compile("确认导入 1 项变更")).click()
    expect(admin.get_by_text(re.compile("更新 1 份"))).to_be_visible()
    shoot(admin, "refunds-admin-status-confirmed")
    claim.refresh_from_db()
    assert claim.state == "received"

    # H5 390: the four-node board shows 到账 with the amount.
    phone: Page = new_context(MOBILE).new_page()
    sign_in(phone, asgi_url, merchant_admin)
    phone.goto(f"{asgi_url}/m/refunds/progress?id={claim.pk}")
    expect(phone.get_by_text("CNY 96.50")).to_be_visible()
    shoot(phone, "refunds-h5-received")


def test_on_the_phone_a_claim_takes_a_typed_in_declaration_and_a_changed_amount_with_its_reason(
    asgi_url: str, new_context: Any, merchant_admin: User
):
    phone: Page = new_context(MOBILE).new_page()
    sign_in(phone, asgi_url, merchant_admin)
    phone.goto(f"{asgi_url}/m/refunds/claims?new=")
    phone.get_by_role("button", name="手工录入报关单号").click()
    manual = phone.get_by_test_id("m-refund-manual")
    manual.get_by_placeholder("18 位报关单号").fill("230520260000012345")
    manual.get_by_placeholder("如 2026-03").fill("2026-05")
    manual.get_by_placeholder("如 1200.00").fill("1200.00")
    manual.get_by_placeholder("如 水晶摆件").fill("水晶摆件")
    expect(phone.get_by_text("1200.00").first).to_be_visible()
    phone.get_by_test_id("m-refund-amount").locator("input").fill("1100")
    phone.get_by_placeholder(re.compile("一票货物退运")).fill("一票货物退运，扣除 100")
    shoot(phone, "refunds-h5-claim-form")
    phone.get_by_role("button", name=re.compile("保存")).click()
    expect(phone.get_by_test_id("m-refund-detail")).to_be_visible()
    claim = Claim.objects.get(declarations__entry_id="230520260000012345")
    assert (str(claim.amount), claim.amount_reason) == ("1100.00", "一票货物退运，扣除 100")
    expect(phone.get_by_text("230520260000012345")).to_be_visible()
    shoot(phone, "refunds-h5-claim-saved")
