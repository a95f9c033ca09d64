"""跨境申报 journey in Chromium: a newly approved merchant follows the guided path through 海关企业注册登记
(D2) and DXP ID 申请 (D4) on the PC — every field pre-filled from the profile and the vault, one change
request from the back office answered on its field — 申报受理 approves with the numbers, which reach the
点点通 configuration; then the merchant checks the progress on the phone (390 px) and downloads a
pre-filled template there too."""

from __future__ import annotations

import io
import re
from typing import Any

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from playwright.sync_api import Page, expect

from conftest import make_merchant_user
from e2e.conftest import MOBILE, PC, shoot
from e2e.test_message_journeys import asgi_url, sign_in
from jmt.accounts.models import User
from jmt.accounts.selectors import build_actor
from jmt.customs.models import GatewayConfig
from jmt.documents.services import document_upload
from jmt.merchants.models import MemberRole, Merchant, RegistrationStatus

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
__all__ = ["asgi_url"]


def png(color: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 220), color).save(out, format="PNG")
    return out.getvalue()


def approved_merchant() -> tuple[User, Merchant]:
    """连云港新晶: 工商注册 just approved, its licence, ID card and bank permit in 我的资料."""
    merchant = Merchant.objects.create(
        name="连云港新晶水晶有限公司",
        registration_status=RegistrationStatus.APPROVED,
        credit_code="91320722MA1XYK5678",
        address="江苏省连云港市东海县水晶大道 8 号",
        name_en="Lianyungang Xinjing Crystal Co., Ltd.",
        address_en="No. 8 Crystal Avenue, Donghai, Lianyungang, Jiangsu",
        legal_person="赵新晶",
        legal_person_id_number="320722199001011234",
        legal_person_phone="13700000021",
        contact_name="赵新晶",
        contact_phone="13700000021",
    )
    user = make_merchant_user("13700000021", merchant, MemberRole.ADMIN, "赵新晶")
    actor = build_actor(user)
    for kind, color in (("business_licence", "#fdf6e3"), ("id_card_front", "#e6f4ff"), ("id_card_back", "#f6ffed")):
        document_upload(
            actor=actor, kind=kind, file=SimpleUploadedFile(f"{kind}.png", png(color), content_type="image/png")
        )
    return user, merchant


def upload_signed(page: Page, label: str) -> None:
    item = page.locator(".ant-form-item", has_text=label)
    item.locator("input[type=file]").first.set_input_files(
        {"name": f"{label}.png", "mimeType": "image/png", "buffer": png("white")}
    )
    expect(item.get_by_text(f"{label}.png")).to_be_visible()


def review(admin: Page, base: str, type_label: str) -> None:
    admin.goto(f"{base}/admin/operations/filings")
    row = admin.locator("tr", has_text=type_label).filter(has_text="连云港新晶")
    row.get_by_role("button", name=re.compile("审\\s*核")).click()
    expect(admin.get_by_test_id("filing-review")).to_be_visible()


def accept_and_approve(admin: Page, results: dict[str, str]) -> None:
    admin.get_by_role("button", name=re.compile("受理并递交")).click()
    expect(admin.get_by_role("button", name=re.compile("办结并记录结果"))).to_be_visible()
    admin.get_by_role("button", name=re.compile("办结并记录结果")).click()
    dialog = admin.get_by_role("dialog", name=re.compile("办结"))
    for label, value in results.items():
        dialog.get_by_label(label).fill(value)
    shoot(admin, "filings-admin-approve")
    dialog.get_by_role("button", name=re.compile("办\\s*结")).click()
    expect(dialog).to_be_hidden()
    expect(admin.get_by_test_id("filing-review").locator(".ant-tag", has_text="已办结")).to_be_visible()


def test_a_new_merchant_walks_d2_and_d4_with_review_and_sees_progress_on_the_phone(
    asgi_url: str, new_context: Any, superadmin: User
):
    user, merchant = approved_merchant()
    page = new_context(viewport=PC).new_page()
    sign_in(page, asgi_url, user)

    # D1: the guided path recommends the customs registration first.
    page.goto(f"{asgi_url}/filings")
    expect(page.get_by_test_id("filings-summary")).to_contain_text("下一步：海关企业注册登记")
    shoot(page, "filings-guide-start")
    page.get_by_test_id("guide-next").click()
    expect(page).to_have_url(re.compile(r"/filings/customs-registration$"))

    # D2: start; everything known is already there.
    page.get_by_role("button", name="开始办理").click()
    form = page.get_by_test_id("filing-form")
    expect(form.get_by_label("企业名称")).to_have_value("连云港新晶水晶有限公司")
    expect(form.get_by_label("统一社会信用代码")).to_have_value("91320722MA1XYK5678")
    expect(form.get_by_label("企业英文名称")).to_have_value("Lianyungang Xinjing Crystal Co., Ltd.")
    expect(form.locator(".ant-form-item", has_text="营业执照").get_by_text("business_licence.png")).to_be_visible()
    form.get_by_label("行政区划").fill("江苏省连云港市东海县")
    form.get_by_label("邮政编码").fill("222399")
    form.get_by_label("海关业务联系人邮箱").fill("zhao@xinjing.cn")
    upload_signed(page, "报关单位备案信息表（签章）")
    shoot(page, "filings-d2-form")
    page.get_by_role("button", name=re.compile("提交审核")).click()
    expect(page.get_by_test_id("filing-progress")).to_contain_text("捷晶审核")

    # 申报受理: one change request, on the postcode.
    admin = new_context(viewport=PC).new_page()
    sign_in(admin, asgi_url, superadmin, prefix="admin.")
    review(admin, asgi_url, "海关企业注册登记")
    admin.get_by_role("button", name=re.compile("逐项提修改意见")).click()
    admin.get_by_test_id("note-postcode").fill("东海县邮政编码为 222300")
    shoot(admin, "filings-admin-change-request")
    admin.get_by_role("button", name=re.compile("发送修改意见")).click()
    expect(admin.get_by_test_id("filing-review").locator(".ant-tag", has_text="待修改")).to_be_visible()

    # The merchant sees the comment on the field, fixes it, submits again.
    page.reload()
    form = page.get_by_test_id("filing-form")
    expect(form.get_by_text("修改意见：东海县邮政编码为 222300")).to_be_visible()
    shoot(page, "filings-d2-change-request")
    form.get_by_label("邮政编码").fill("222300")
    page.get_by_role("button", name=re.compile("重新提交")).click()
    expect(page.get_by_test_id("filing-progress")).to_contain_text("捷晶审核")

    review(admin, asgi_url, "海关企业注册登记")
    accept_and_approve(admin, {"海关注册编码": "3207960XJ1"})
    assert GatewayConfig.objects.get(merchant=merchant).ebc_code == "3207960XJ1"

    # D4: the customs code now comes along by itself.
    page.goto(f"{asgi_url}/filings/dxp-id")
    page.get_by_role("button", name="开始办理").click()
    form = page.get_by_test_id("filing-form")
    expect(form.get_by_label("海关注册编码")).to_have_value("3207960XJ1")
    form.get_by_label("电子口岸卡号").fill("8930000077001")
    form.get_by_label("联系人邮箱").fill("zhao@xinjing.cn")
    upload_signed(page, "DXP 接入申请表（签章）")
    upload_signed(page, "安全承诺书（签章）")
    page.get_by_role("button", name=re.compile("提交审核")).click()
    expect(page.get_by_test_id("filing-progress")).to_contain_text("捷晶审核")

    review(admin, asgi_url, "DXP ID 申请")
    accept_and_approve(admin, {"DXP ID": "DXPENT0000077001"})
    assert GatewayConfig.objects.get(merchant=merchant).dxp_id == "DXPENT0000077001"

    page.goto(f"{asgi_url}/filings")
    expect(page.get_by_test_id("path-customs-registration")).to_contain_text("3207960XJ1")
    expect(page.get_by_test_id("path-dxp-id")).to_contain_text("DXPENT0000077001")
    shoot(page, "filings-guide-after")

    # The phone: the path and the DXP ID's progress.
    phone = new_context(viewport=MOBILE).new_page()
    sign_in(phone, asgi_url, user)
    phone.goto(f"{asgi_url}/m/filings")
    expect(phone.get_by_test_id("m-filings-summary")).to_contain_text("2/5")
    shoot(phone, "filings-mobile-guide")
    phone.get_by_test_id("m-path-dxp-id").click()
    expect(phone.get_by_test_id("m-filing-progress")).to_contain_text("DXPENT0000077001")
    expect(phone.get_by_test_id("m-filing-timeline")).to_contain_text("办结")
    shoot(phone, "filings-mobile-dxp")

    # The templates download on the phone too, through the signed-in client: the commitment as Word.
    phone.get_by_text("办理说明", exact=True).click()
    with phone.expect_download() as download:
        phone.get_by_role("button", name="下载《安全承诺书》· Word").click()
    assert download.value.suggested_filename == "安全承诺书.docx"
    lines = [p.text for p in docx.Document(str(download.value.path())).paragraphs]
    assert "海关注册编码：3207960XJ1" in lines
    phone.get_by_role("button", name="下载《DXP 接入申请表》· Excel").scroll_into_view_if_needed()
    shoot(phone, "filings-mobile-templates")
