"""服务评价 journey in Chromium: a delivered shipment is rated on the phone (390 px), the rating shows in
我的评价, 捷晶 answers it in the back office, and the answer reaches the merchant's phone."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from playwright.sync_api import expect

from e2e.conftest import MOBILE, PC, shoot
from e2e.test_message_journeys import asgi_url, sign_in
from jmt.accounts.models import User
from jmt.logistics.models import Shipment
from jmt.logistics.seed import seed_logistics
from jmt.merchants.models import Merchant
from jmt.notifications.models import Message
from jmt.ratings.models import Rating

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
__all__ = ["asgi_url"]


def test_rate_a_delivered_shipment_on_the_phone_and_staff_answer_it(
    asgi_url: str, new_context: Any, merchant_admin: User, superadmin: User
):
    merchant = Merchant.objects.get(name="东海晶莹水晶")
    merchant.contact_name, merchant.contact_phone, merchant.address = "林晶莹", "13800000001", "江苏省东海县水晶路88号"
    merchant.save()
    # The server's first request imports every app's routes: take it before the browser's 15 s clock runs.
    httpx.get(f"{asgi_url}/m/", timeout=120)
    seed_logistics(merchant, applicant=merchant_admin)
    delivered = Shipment.objects.filter(merchant=merchant, state="delivered").first()
    assert delivered is not None

    # 1. H5: the home to-do says one item waits for a rating; the delivered shipment shows the Rate card.
    phone = new_context(viewport=MOBILE).new_page()
    sign_in(phone, asgi_url, merchant_admin)
    phone.goto(f"{asgi_url}/m/")
    expect(phone.get_by_text("待评价")).to_be_visible(timeout=15_000)
    phone.goto(f"{asgi_url}/m/logistics/shipments/{delivered.pk}")
    card = phone.get_by_test_id("m-rate-card")
    expect(card.get_by_text("评价本次服务")).to_be_visible(timeout=15_000)
    card.get_by_test_id("m-rate-submit").click()
    expect(card.get_by_text("请选择星级")).to_be_visible()  # no stars, nothing sent
    assert not Rating.objects.exists()
    card.locator(".adm-rate-star").nth(3).click()
    expect(card.get_by_text("满意", exact=True)).to_be_visible()
    card.get_by_test_id("m-rate-comment").locator("textarea").fill("揽收及时，清关比预期慢了一天，包装很用心。")
    card.scroll_into_view_if_needed()
    shoot(phone, "ratings-rate-card-h5")
    card.get_by_test_id("m-rate-submit").click()
    expect(card.get_by_test_id("m-rate-view")).to_be_visible(timeout=10_000)
    expect(card.get_by_text("我的评价")).to_be_visible()
    expect(card.get_by_test_id("m-rate-edit")).to_contain_text("修改")
    rating = Rating.objects.get()
    assert (rating.kind, rating.object_id, rating.stars) == ("shipment", delivered.pk, 4)
    assert rating.comment == "揽收及时，清关比预期慢了一天，包装很用心。"
    shoot(phone, "ratings-rated-h5")

    # 2. 我的 → 我的评价 lists it.
    phone.goto(f"{asgi_url}/m/me")
    phone.get_by_test_id("me-ratings").click()
    mine = phone.get_by_test_id("m-my-ratings")
    expect(mine.get_by_text(f"物流运单「{delivered.number}」")).to_be_visible(timeout=10_000)
    shoot(phone, "ratings-mine-h5")

    # 3. The back office: the unanswered rating, answered in the drawer.
    admin = new_context(viewport=PC).new_page()
    sign_in(admin, asgi_url, superadmin, prefix="admin.")
    admin.goto(f"{asgi_url}/admin/operations/ratings")
    # Filed under 业务受理 like its sibling pages (it said 首页 / 服务评价).
    expect(admin.get_by_test_id("page-heading").locator(".ant-breadcrumb")).to_have_text("工作台/业务受理/服务评价")
    table = admin.get_by_test_id("admin-ratings")
    admin.get_by_test_id("admin-ratings-answered").get_by_text("未回复").click()
    expect(table.get_by_text("揽收及时，清关比预期慢了一天，包装很用心。")).to_be_visible(timeout=15_000)
    expect(table.get_by_text("东海晶莹水晶")).to_be_visible()
    shoot(admin, "ratings-admin-list")
    admin.get_by_test_id(f"admin-rating-open-{rating.pk}").click()
    admin.get_by_test_id("admin-rating-reply-submit").click()
    expect(admin.get_by_text("请填写回复内容")).to_be_visible()
    admin.get_by_test_id("admin-rating-reply").fill("感谢反馈！已与承运商核对清关时效，旺季会提前提醒您。")
    shoot(admin, "ratings-admin-reply")
    admin.get_by_test_id("admin-rating-reply-submit").click()
    expect(admin.get_by_text("已回复，商户会收到站内信和微信通知")).to_be_visible(timeout=10_000)
    admin.get_by_test_id("admin-ratings-answered").get_by_text("已回复").click()
    expect(table.get_by_text("揽收及时，清关比预期慢了一天，包装很用心。")).to_be_visible(timeout=10_000)
    rating.refresh_from_db()
    assert rating.replied_by == superadmin
    assert Message.objects.filter(recipient=merchant_admin, link=f"/me/ratings?id={rating.pk}").exists()

    # 4. The phone shows 捷晶's answer where the message's link leads, the rating highlighted; it can no
    #    longer be changed.
    phone.goto(f"{asgi_url}/m/me/ratings?id={rating.pk}")
    reply = phone.get_by_test_id("m-my-ratings").get_by_test_id("m-rate-reply")
    expect(reply).to_contain_text("感谢反馈！已与承运商核对清关时效", timeout=10_000)
    expect(phone.get_by_test_id(f"m-my-rating-{rating.pk}")).to_have_class(re.compile("m-rate__focus"))
    shoot(phone, "ratings-answered-h5")
    phone.goto(f"{asgi_url}/m/logistics/shipments/{delivered.pk}")
    expect(phone.get_by_test_id("m-rate-reply")).to_be_visible(timeout=10_000)
    expect(phone.get_by_test_id("m-rate-edit")).to_have_count(0)

    # 5. PC: the same rating with its answer on the shipment's page and under 我的 · 我的评价.
    pc = new_context(viewport=PC).new_page()
    sign_in(pc, asgi_url, merchant_admin)
    pc.goto(f"{asgi_url}/logistics/shipments/{delivered.pk}")
    expect(pc.get_by_test_id("rate-card").get_by_test_id("rate-reply")).to_contain_text("捷晶回复", timeout=15_000)
    shoot(pc, "ratings-rate-card-pc")
    pc.goto(f"{asgi_url}/me/ratings?id={rating.pk}")
    expect(pc.get_by_test_id("my-ratings").get_by_test_id("my-rating-reply")).to_be_visible(timeout=10_000)
    expect(pc.locator(f'tr[data-row-key="{rating.pk}"]')).to_have_class(re.compile("jmt-rate__focus"))
    pc.get_by_test_id("ratings-tabs").get_by_text("待评价").click()
    expect(pc.get_by_text("近 30 天办结的业务都已评价，谢谢！")).to_be_visible(timeout=10_000)
    pc.get_by_test_id("ratings-tabs").get_by_text("已评价").click()
    expect(pc.get_by_test_id("my-rating-reply")).to_be_visible(timeout=10_000)
    shoot(pc, "ratings-mine-pc")
