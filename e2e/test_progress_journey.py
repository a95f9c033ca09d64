"""我的进度 (G10) on the phone (390 px): from the H5 home and from 我的 to each module's steps, next step,
the recent orders and the WeChat push row; a next step opens its page. H5 search finds the later
modules' records (a 退税申报编号) and opens them."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import expect

from e2e.conftest import MOBILE, shoot
from e2e.test_message_journeys import asgi_url, sign_in
from jmt.accounts.models import User
from jmt.customs.tests.factories import make_batch, make_shipment
from jmt.filings.models import Filing
from jmt.merchants.models import Merchant
from jmt.refunds.models import Claim, ClaimDeclaration
from jmt.training.seed import seed_training_content

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
__all__ = ["asgi_url"]


@pytest.fixture
def busy_merchant(crystal_merchant: Merchant) -> Merchant:
    """Three declared orders, the first filing done, a refund claim under review, the courses."""
    batch = make_batch(crystal_merchant)
    for n in range(1, 4):
        make_shipment(batch, order_no=f"DH2026120590{n}")
    Filing.objects.create(merchant=crystal_merchant, filing_type="customs-registration", state="completed")
    claim = Claim.objects.create(merchant=crystal_merchant, claim_no="TS20261200042", state="reviewing")
    ClaimDeclaration.objects.create(
        claim=claim,
        merchant=crystal_merchant,
        source="manual",
        entry_id="230520261000099887",
        export_month=date(2026, 11, 1),
        amount=Decimal("1200"),
        currency="USD",
    )
    seed_training_content()
    return crystal_merchant


def test_a_merchant_follows_its_progress_on_the_phone_and_opens_the_next_step(
    asgi_url: str, new_context: Any, merchant_admin: User, busy_merchant: Merchant
) -> None:
    page = new_context(viewport=MOBILE, is_mobile=True, has_touch=True).new_page()
    sign_in(page, asgi_url, merchant_admin)
    page.goto(f"{asgi_url}/m/")
    page.get_by_test_id("home-progress").click()
    expect(page).to_have_url(f"{asgi_url}/m/me/progress")

    expect(page.get_by_test_id("progress-overview")).to_contain_text("已完成")
    filings = page.get_by_test_id("progress-filings")
    expect(filings).to_contain_text("已办结 1/")
    expect(filings.locator(".mprog__step--done")).to_have_text(["海关企业注册登记"])
    expect(page.get_by_test_id("progress-refunds")).to_contain_text("税务机关正在审核")
    expect(page.get_by_test_id("progress-registration")).to_contain_text("已完成")
    orders = page.get_by_test_id("progress-orders")
    expect(orders.locator(".mprog__count").first).to_contain_text("3")
    expect(page.get_by_test_id("progress-order")).to_have_count(3)
    expect(page.get_by_test_id("progress-order").first).to_contain_text("DH20261205903")
    expect(page.get_by_test_id("push-status")).to_be_visible()
    shoot(page, "m-progress")

    page.get_by_test_id("progress-next-filings").click()
    expect(page).to_have_url(f"{asgi_url}/m/filings/eport-card")

    page.goto(f"{asgi_url}/m/me")
    page.get_by_test_id("me-progress").click()
    expect(page).to_have_url(f"{asgi_url}/m/me/progress")
    page.get_by_test_id("progress-order").first.click()
    expect(page).to_have_url(re.compile(r"/m/customs/orders/\d+$"))


def test_a_merchant_not_yet_registered_sees_what_registration_opens(
    asgi_url: str, new_context: Any, merchant_admin: User, crystal_merchant: Merchant
) -> None:
    crystal_merchant.registration_status = "not_started"
    crystal_merchant.save()
    page = new_context(viewport=MOBILE, is_mobile=True, has_touch=True).new_page()
    sign_in(page, asgi_url, merchant_admin)
    page.goto(f"{asgi_url}/m/me/progress")
    expect(page.get_by_test_id("progress-customs")).to_contain_text("完成工商注册并核准通过后开放")
    expect(page.get_by_test_id("progress-registration")).to_contain_text("提交工商注册申请")
    expect(page.get_by_text("出口报关未开通")).to_be_visible()
    shoot(page, "m-progress-not-registered")
    page.get_by_test_id("progress-customs").locator(".mprog__card-head").click()
    expect(page).to_have_url(f"{asgi_url}/m/registration/progress")
    page.go_back()
    page.get_by_test_id("progress-next-registration").click()
    expect(page).to_have_url(f"{asgi_url}/m/registration/apply")


def test_h5_search_finds_a_refund_claim_by_its_number_and_opens_it(
    asgi_url: str, new_context: Any, merchant_admin: User, busy_merchant: Merchant
) -> None:
    claim = Claim.objects.get(claim_no="TS20261200042")
    page = new_context(viewport=MOBILE, is_mobile=True, has_touch=True).new_page()
    sign_in(page, asgi_url, merchant_admin)
    page.goto(f"{asgi_url}/m/search")
    page.get_by_placeholder("服务、订单号、清单号、运单号").fill("1000099887")
    hit = page.locator(".m-search__hit", has_text="230520261000099887")
    expect(hit.locator("mark")).to_have_text("1000099887")
    expect(page.get_by_text("出口退税申报")).to_be_visible()
    shoot(page, "m-search-refund-claim")
    hit.click()
    expect(page).to_have_url(f"{asgi_url}/m/refunds/claims?id={claim.pk}")
    page.goto(f"{asgi_url}/m/search")
    page.get_by_placeholder("服务、订单号、清单号、运单号").fill("tuishui")
    expect(page.locator(".m-search__hit", has_text="出口退税").first).to_be_visible()
    shoot(page, "m-search-tuishui")


def test_the_assistant_tells_a_merchant_without_a_dxp_id_filing_and_links_to_it_on_the_phone(
    asgi_url: str, new_context: Any, merchant_admin: User, crystal_merchant: Merchant
) -> None:
    seed_training_content()
    page = new_context(viewport=MOBILE, is_mobile=True, has_touch=True).new_page()
    sign_in(page, asgi_url, merchant_admin)
    page.goto(f"{asgi_url}/m/training/assistant")
    page.locator("textarea:not([readonly])").last.fill("DXP ID 要不要自己申请")
    page.get_by_role("button", name="发送").click()
    hints = page.get_by_test_id("answer-hints")
    expect(hints).to_contain_text("您还没有申请 DXP ID", timeout=20_000)  # the first answer builds the index
    shoot(page, "m-assistant-dxp-hint")
    hints.get_by_text("去申请 ›").click()
    expect(page).to_have_url(f"{asgi_url}/m/filings/dxp-id")
