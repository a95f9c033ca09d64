"""跨境物流 journey in Chromium: a 2 kg, 30×20×15 cm parcel of crystal to Japan is compared, shipped with
the cheapest carrier, the back office fills the carrier's tracking number, tracking events move the
shipment and the merchant gets the message — on PC (1440), the back office, and H5 (390)."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import expect

from e2e.conftest import MOBILE, PC, shoot
from e2e.test_message_journeys import asgi_url, sign_in
from jmt.accounts.models import User
from jmt.logistics.models import Shipment
from jmt.logistics.seed import seed_carriers
from jmt.logistics.tasks import logistics_tracking_poll
from jmt.merchants.models import Merchant
from jmt.notifications.models import Message

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
__all__ = ["asgi_url"]

SAVE = re.compile(r"^保\s?存$")  # antd spaces two-character button labels
EDIT = re.compile(r"^编\s?辑$")


def test_compare_ship_with_the_cheapest_track_and_get_the_message(
    asgi_url: str, new_context: Any, merchant_admin: User, superadmin: User
):
    seed_carriers()
    merchant = Merchant.objects.get(name="东海晶莹水晶")
    merchant.contact_name, merchant.contact_phone, merchant.address = "林晶莹", "13800000001", "江苏省东海县水晶路88号"
    merchant.save()

    # 1. Compare (PC): 2 kg, 30×20×15 cm, crystal, to Japan — the cheapest is 日本专线 at ¥94.
    pc = new_context(viewport=PC).new_page()
    sign_in(pc, asgi_url, merchant_admin)
    pc.goto(
        f"{asgi_url}/logistics/carriers?country=JP&weight_kg=2&length_cm=30&width_cm=20&height_cm=15&pieces=1&fragile=true"
    )
    quotes = pc.get_by_test_id("quotes")
    expect(quotes.get_by_text("日本专线")).to_be_visible(timeout=15_000)
    expect(quotes.get_by_text("最便宜")).to_be_visible()
    expect(pc.get_by_text("该渠道不接收易碎品（水晶制品）")).to_be_visible()
    shoot(pc, "logistics-compare-pc")

    # 2. Ship with the cheapest: sender filled from the profile, Japanese address fields, crystal goods.
    pc.get_by_test_id("ship-jp-line").click()
    expect(pc.get_by_label("寄件单位")).to_have_value("东海晶莹水晶", timeout=10_000)
    pc.get_by_label("收件人姓名").fill("佐藤 美咲")
    pc.get_by_label("收件人电话").fill("+81 90 1234 5678")
    pc.get_by_label("邮编").fill("150-0001")
    pc.get_by_label("都道府县").fill("東京都")
    pc.get_by_label("市区町村").fill("渋谷区")
    pc.get_by_label("详细地址（英文/当地文字）").fill("神宮前 1-2-3")
    pc.get_by_label("品名", exact=True).fill("白水晶手串")
    pc.get_by_label("英文品名").fill("Clear quartz bracelet")
    expect(pc.get_by_text("水晶制品按易碎品处理")).to_be_visible()
    expect(pc.get_by_text("¥94.00").first).to_be_visible(timeout=10_000)
    shoot(pc, "logistics-ship-form-pc")
    pc.get_by_role("button", name="确认下单").click()
    expect(pc.get_by_text("承运商运单号待录入")).to_be_visible(timeout=15_000)
    shipment = Shipment.objects.get(merchant=merchant)
    assert shipment.carrier.code == "jp-line"
    assert str(shipment.amount) == "94.00"

    # 3. The back office fills the carrier's tracking number.
    admin = new_context(viewport=PC).new_page()
    sign_in(admin, asgi_url, superadmin, prefix="admin.")
    admin.goto(f"{asgi_url}/admin/operations/logistics")
    admin.get_by_test_id(f"tracking-{shipment.number}").click()
    admin.get_by_role("textbox", name="承运商运单号").fill("JPL2612050001")
    admin.get_by_role("button", name="保存运单号").click()
    expect(admin.get_by_text("JPL2612050001")).to_be_visible(timeout=10_000)
    shoot(admin, "logistics-admin-orders")

    # 3b. The back office edits the carrier's zone price table in the drawer.
    admin.goto(f"{asgi_url}/admin/operations/logistics?tab=carriers")
    admin.get_by_role("row").filter(has_text="日本专线").get_by_role("button", name=EDIT).click()
    editor = admin.get_by_test_id("zone-editor")
    expect(editor.locator("tr.ant-table-row").first.locator("input").first).to_have_value("日本", timeout=10_000)
    first_price = editor.locator("tr.ant-table-row").first.locator("input.ant-input-number-input").nth(1)
    first_price.fill("60")
    admin.get_by_role("button", name=SAVE).click()
    expect(admin.get_by_text("「日本专线」已保存")).to_be_visible(timeout=10_000)
    shipment.carrier.refresh_from_db()
    assert Decimal(shipment.carrier.zones[0]["first_price"]) == Decimal("60")
    admin.get_by_role("row").filter(has_text="日本专线").get_by_role("button", name=EDIT).click()
    editor.get_by_role("button", name="添加分区").click()
    admin.get_by_role("button", name=SAVE).click()
    expect(admin.get_by_test_id("zone-problems").get_by_text("第 2 个分区：请填写分区名称")).to_be_visible()
    editor.scroll_into_view_if_needed()
    shoot(admin, "logistics-admin-zone-editor")
    admin.keyboard.press("Escape")

    # 4. Events move (the stand-in's scheduled poll, four steps later) and the merchant is told.
    logistics_tracking_poll.call()
    Shipment.objects.filter(pk=shipment.pk).update(tracking_registered_at=shipment.created_at - timedelta(seconds=250))
    logistics_tracking_poll.call()
    shipment.refresh_from_db()
    assert shipment.state == "customs"
    assert Message.objects.filter(recipient=merchant_admin, title=f"物流运单「{shipment.number}」清关中").exists()
    pc.reload()
    events = pc.get_by_test_id("tracking-events")
    expect(events.get_by_text("快件到达目的国，正在进口清关")).to_be_visible(timeout=10_000)
    shoot(pc, "logistics-detail-pc")
    pc.goto(f"{asgi_url}/messages")
    expect(pc.get_by_text(f"物流运单「{shipment.number}」清关中").first).to_be_visible(timeout=10_000)

    # 5. H5: the same timeline on the phone.
    phone = new_context(viewport=MOBILE).new_page()
    sign_in(phone, asgi_url, merchant_admin)
    phone.goto(f"{asgi_url}/m/logistics/shipments/{shipment.pk}")
    expect(phone.get_by_test_id("tracking-events").get_by_text("快件到达目的国，正在进口清关")).to_be_visible(
        timeout=15_000
    )
    shoot(phone, "logistics-detail-h5")
    phone.goto(
        f"{asgi_url}/m/logistics/carriers?country=JP&weight_kg=2&length_cm=30&width_cm=20&height_cm=15&fragile=true"
    )
    expect(phone.get_by_test_id("quote-jp-line")).to_be_visible(timeout=15_000)
    shoot(phone, "logistics-compare-h5")
