"""跨境物流 journey in Chromium: a 2 kg, 30×20×15 cm parcel of crystal to Japan is compared, shipped with
the cheapest carrier, the back office fills the carrier's tracking number, tracking events move the
shipment and the merchant gets the message — on PC (1440), the back office, and H5 (390)."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from e2e.conftest import MOBILE, PC, shoot
from e2e.test_message_journeys import asgi_url, sign_in
from jmt.accounts.models import User
from jmt.logistics.models import AgreementFile, Carrier, Shipment
from jmt.logistics.seed import seed_carriers
from jmt.logistics.tasks import logistics_tracking_poll
from jmt.merchants.models import Merchant
from jmt.notifications.models import Message

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
__all__ = ["asgi_url"]

SAVE_TEXT = re.compile(r"保\s?存")  # antd spaces two-character button labels
EDIT = re.compile(r"^编\s?辑$")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def h5_field(page: Any, label: str) -> Any:
    """The input of the antd-mobile form item labelled ``label``."""
    return page.locator(".adm-form-item").filter(has_text=label).locator("input").first


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
    drawer_save = admin.locator(".ant-drawer-extra").get_by_role("button", name=SAVE_TEXT)
    expect(editor.locator("tr.ant-table-row").first.locator("input").first).to_have_value("日本", timeout=10_000)
    first_price = editor.locator("tr.ant-table-row").first.locator("input.ant-input-number-input").nth(1)
    first_price.fill("60")
    drawer_save.click()
    expect(admin.get_by_text("「日本专线」已保存")).to_be_visible(timeout=10_000)
    shipment.carrier.refresh_from_db()
    assert Decimal(shipment.carrier.zones[0]["first_price"]) == Decimal("60")
    admin.get_by_text("「日本专线」已保存").wait_for(state="hidden", timeout=10_000)
    admin.get_by_role("row").filter(has_text="日本专线").get_by_role("button", name=EDIT).click()
    drawer_body = admin.locator(".ant-drawer-body")
    # The zone table fits the drawer at 1440: nothing scrolls sideways.
    assert drawer_body.evaluate("el => el.scrollWidth <= el.clientWidth")
    assert editor.locator(".ant-table-content, .ant-table-body").first.evaluate(
        "el => el.scrollWidth <= el.clientWidth"
    )
    editor.get_by_role("button", name="添加分区").click()

    drawer_save.click()
    expect(editor.get_by_test_id("zone-row-problem-1")).to_have_text(
        "请填写分区名称请选择寄达国家请填写首重价格请填写续重价格请填写时效天数"
    )
    korea = editor.locator("tr.ant-table-row").nth(1)
    korea.locator("input").first.fill("韩国")
    korea.locator(".ant-select-selection-search-input").fill("KR")
    korea.locator(".ant-select-selection-search-input").press("Enter")
    numbers = korea.locator("input.ant-input-number-input")
    for index, value in ((1, "60"), (2, "12"), (3, "20"), (5, "4"), (6, "7")):
        numbers.nth(index).fill(value)
    korea.locator("input").first.click()  # closes the country dropdown
    drawer_save.click()
    # The server refuses a heavy threshold without its rate; its message, naming the zone, is on the row.
    expect(editor.get_by_test_id("zone-row-problem-1")).to_have_text(
        "分区「韩国」填写了重货起算重量，请同时填写重货单价（元/kg），或两项都留空", timeout=10_000
    )
    shipment.carrier.refresh_from_db()
    assert len(shipment.carrier.zones) == 1
    assert drawer_body.evaluate("el => el.scrollWidth <= el.clientWidth")
    editor.scroll_into_view_if_needed()
    shoot(admin, "logistics-admin-zone-editor")

    # 3c. The cooperation agreement is uploaded in the drawer, the heavy rate completed, and both saved.
    agreements = admin.get_by_test_id("agreement-files")
    agreements.locator("input[type=file]").set_input_files(
        {"name": "日本专线合作协议.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    expect(agreements.get_by_text("日本专线合作协议.pdf")).to_be_visible(timeout=10_000)
    numbers.nth(4).fill("30")
    drawer_save.click()
    expect(admin.get_by_text("「日本专线」已保存")).to_be_visible(timeout=10_000)
    shipment.carrier.refresh_from_db()
    assert [z["name"] for z in shipment.carrier.zones] == ["日本", "韩国"]
    assert (
        shipment.carrier.zones[1]["heavy_per_kg"] == "30.00" or Decimal(shipment.carrier.zones[1]["heavy_per_kg"]) == 30
    )
    agreement = AgreementFile.objects.get(original_name="日本专线合作协议.pdf")
    assert shipment.carrier.agreement_documents == [agreement.pk]

    # 3d. Another carrier picks the same file 「从已上传文件中选择」, and it downloads.
    admin.get_by_role("row").filter(has_text="DHL").first.get_by_role("button", name=EDIT).click()
    agreements.get_by_role("button", name="从已上传文件中选择").click()
    picker = admin.get_by_role("dialog", name="从已上传文件中选择：合作协议")
    picker.get_by_role("checkbox", name="选择 日本专线合作协议.pdf").check()
    shoot(admin, "logistics-admin-agreement-picker")
    picker.get_by_role("button", name="关联 1 个文件").click()
    with admin.expect_download() as download:
        agreements.get_by_role("button", name="下载 日本专线合作协议.pdf").click()
    assert download.value.suggested_filename == "日本专线合作协议.pdf"
    assert Path(download.value.path()).read_bytes() == PDF
    drawer_save.click()
    expect(admin.get_by_text("「DHL」已保存")).to_be_visible(timeout=10_000)
    assert Carrier.objects.get(code="dhl").agreement_documents == [agreement.pk]

    # 4. Events move (the stand-in's scheduled poll, four steps later) and the merchant is told.
    logistics_tracking_poll.call()
    Shipment.objects.filter(pk=shipment.pk).update(tracking_registered_at=timezone.now() - timedelta(seconds=250))
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

    # 6. H5 (390): a shipment with two parcels and two goods lines, crystal flagged with the packing hint.
    line = Carrier.objects.get(code="jp-line")
    phone.goto(
        f"{asgi_url}/m/logistics/shipments/new?country=JP&weight_kg=2&length_cm=30&width_cm=20&height_cm=15"
        f"&fragile=true&carrier={line.pk}"
    )
    expect(h5_field(phone, "姓名")).to_be_visible(timeout=15_000)
    h5_field(phone, "姓名").fill("佐藤 美咲")
    h5_field(phone, "电话").fill("+81 90 1234 5678")
    h5_field(phone, "邮编").fill("150-0001")
    h5_field(phone, "都道府县").fill("東京都")
    h5_field(phone, "市区町村").fill("渋谷区")
    h5_field(phone, "详细地址").fill("神宮前 1-2-3")
    phone.get_by_test_id("add-parcel").click()
    phone.get_by_test_id("parcel-1").locator("input").nth(0).fill("1.5")
    phone.get_by_test_id("goods-0").locator("input").nth(0).fill("白水晶手串")
    phone.get_by_test_id("goods-0").locator("input").nth(1).fill("Clear quartz bracelet")
    phone.get_by_test_id("add-goods").click()
    phone.get_by_test_id("goods-1").locator("input").nth(0).fill("紫水晶原石")
    phone.get_by_test_id("goods-1").locator("input").nth(1).fill("Amethyst cluster")
    phone.get_by_test_id("goods-1").locator("input").nth(2).fill("3")
    expect(phone.get_by_test_id("packing-hint")).to_contain_text("水晶制品按易碎品处理")
    # 「货品」 heads the goods once: 特殊货物 below them has no header of its own.
    expect(phone.locator(".adm-list-header").filter(has_text=re.compile(r"^货品$"))).to_have_count(1)
    expect(phone.get_by_test_id("ship-price")).to_have_text(re.compile(r"^¥\d"), timeout=10_000)
    phone.get_by_test_id("goods-1").scroll_into_view_if_needed()
    shoot(phone, "logistics-ship-form-h5")
    phone.get_by_role("button", name="确认下单").click()
    expect(phone.get_by_test_id("tracking-events")).to_be_visible(timeout=15_000)
    booked = Shipment.objects.filter(merchant=merchant).exclude(pk=shipment.pk).get()
    assert [p["weight_kg"] for p in booked.parcels] == ["2", "1.5"]
    assert [(g["name"], g["quantity"], g["crystal"]) for g in booked.goods] == [
        ("白水晶手串", 1, True),
        ("紫水晶原石", 3, True),
    ]
    assert booked.fragile
    assert booked.packing_hint == line.fragile_packing_hint
    shoot(phone, "logistics-h5-two-parcels-detail")
