"""工商注册 journeys in Chromium: R2 with a real licence image read by OCR, the back office moving it
through every node while the merchant watches live, the six modules opening; an R1 个体户 draft left
and resumed; a read-only member.

The message stream needs ASGI, so these run the app under uvicorn (``asgi_url`` of the message journeys).
"""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from conftest import make_merchant_user
from e2e.conftest import PC, shoot
from e2e.test_message_journeys import asgi_url, sign_in
from jmt.accounts.models import User
from jmt.accounts.selectors import build_actor
from jmt.core import catalog
from jmt.documents.tests.test_ocr_end_to_end import licence_png
from jmt.merchants.models import MemberRole, Merchant, RegistrationStatus
from jmt.registration import services
from jmt.registration.models import Application

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
__all__ = ["asgi_url"]

OCR_WITHIN_MS = 90_000
LIVE_WITHIN_MS = 8_000
GATED = [m.key for m in catalog.MODULES if m.gate is catalog.Gate.REGISTRATION_APPROVED]
BUILT = {m.key for m in catalog.MODULES if m.built}


def plain_png(color: str = "white") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 200), color).save(out, format="PNG")
    return out.getvalue()


def png_file(name: str, data: bytes) -> dict[str, Any]:
    return {"name": name, "mimeType": "image/png", "buffer": data}


def fresh_merchant_admin(phone: str, name: str) -> tuple[User, Merchant]:
    merchant = Merchant.objects.create(name="")
    return make_merchant_user(phone, merchant, MemberRole.ADMIN, name), merchant


def bell_count(page: Page) -> Any:
    return page.get_by_test_id("bell-badge")


def test_a_new_merchant_completes_r2_with_ocr_and_the_back_office_approves_it_live(
    asgi_url: str, new_context: Any, superadmin: User
):
    merchant_user, merchant = fresh_merchant_admin("13700000011", "林晶莹")
    page = new_context(viewport=PC).new_page()
    sign_in(page, asgi_url, merchant_user)

    # R2: start, upload the licence image, the OCR values fill the confirmation form.
    page.goto(f"{asgi_url}/registration/supplement")
    page.get_by_role("button", name="开始填写").click()
    licence = page.get_by_test_id("guide-licence")
    licence.locator("input[type=file]").first.set_input_files(png_file("营业执照.png", licence_png()))
    expect(licence.get_by_text("识别完成")).to_be_visible(timeout=OCR_WITHIN_MS)
    expect(licence.get_by_label("企业名称")).to_have_value("东海晶莹水晶有限公司")
    expect(licence.get_by_label("统一社会信用代码")).to_have_value("91320722MA1XYK1234")
    expect(licence.get_by_label("法定代表人 / 经营者")).to_have_value("林晶莹")
    expect(licence.get_by_label("成立日期")).to_have_value("2019-03-15")
    shoot(page, "registration-r2-licence-ocr")
    licence.get_by_role("button", name=re.compile("确认并保存")).click()
    expect(licence.get_by_text("已确认")).to_be_visible()
    merchant.refresh_from_db()
    assert merchant.credit_code == "91320722MA1XYK1234"  # the confirmed values went into the profile
    assert merchant.licence_document_id is not None

    # The other documents: plain images (nothing to read), values typed in.
    id_card = page.get_by_test_id("guide-id_card")
    files = id_card.locator("input[type=file]")
    files.nth(0).set_input_files(png_file("身份证人像面.png", plain_png("#e6f4ff")))
    expect(id_card.get_by_text("身份证人像面.png", exact=True)).to_be_visible()
    id_card.locator("input[type=file]").nth(1).set_input_files(png_file("身份证国徽面.png", plain_png("#f6ffed")))
    expect(id_card.get_by_text("身份证国徽面.png", exact=True)).to_be_visible()
    id_card.get_by_label("法人身份证号").fill("320722199001011234")
    id_card.get_by_role("button", name=re.compile("确认并保存")).click()
    expect(id_card.get_by_text("已确认")).to_be_visible()

    bank = page.get_by_test_id("guide-bank")
    bank.locator("input[type=file]").first.set_input_files(png_file("开户许可证.png", plain_png("#fff0f6")))
    expect(bank.get_by_text("开户许可证.png", exact=True)).to_be_visible()
    bank.get_by_label("开户银行").fill("中国建设银行东海支行")
    bank.get_by_label("银行账号").fill("32050166123456789")
    bank.get_by_role("button", name=re.compile("确认并保存")).click()
    expect(bank.get_by_text("已确认")).to_be_visible()

    extra = page.get_by_test_id("guide-supplement")
    extra.get_by_label("英文名称").fill("Donghai Jingying Crystal Co., Ltd.")
    extra.get_by_label("联系人姓名").fill("林晶莹")
    extra.get_by_label("联系人电话").fill("13700000011")
    extra.get_by_role("button", name=re.compile("保\\s*存")).click()
    expect(extra.get_by_text("已确认")).to_be_visible()
    shoot(page, "registration-r2-filled")

    page.get_by_role("button", name=re.compile("提交审核")).click()
    expect(page).to_have_url(re.compile(r"/registration/progress$"))
    expect(page.locator(".ant-steps-item-process")).to_contain_text("材料初审")
    shoot(page, "registration-r3-submitted")
    page.wait_for_timeout(1500)  # the message stream is open

    # The back office, in its own browser context.
    admin = new_context(viewport=PC).new_page()
    sign_in(admin, asgi_url, superadmin, prefix="admin.")
    admin.goto(f"{asgi_url}/admin/merchants/onboarding")
    row = admin.locator("tr", has_text="东海晶莹水晶有限公司")
    expect(row).to_be_visible()
    row.get_by_role("button", name=re.compile("审\\s*核")).click()
    drawer = admin.locator(".ant-drawer-content")
    expect(drawer.get_by_text("91320722MA1XYK1234").first).to_be_visible()
    expect(drawer.get_by_text("一致").first).to_be_visible()
    shoot(admin, "registration-ra-review")

    for button, node in (("通过初审", "现场核验"), ("核准通过", "核准通过")):
        before = Application.objects.get(merchant=merchant).state
        drawer.get_by_role("button", name=button).click()
        admin.locator(".ant-popconfirm").get_by_role("button", name=re.compile("确\\s*认")).click()
        expect(admin.get_by_text("已处理，商户将收到站内消息和微信通知").last).to_be_visible()
        expect(admin.locator(".ant-drawer-title")).to_contain_text(node)
        assert Application.objects.get(merchant=merchant).state != before
        # The merchant's open page follows without a reload: the board and the bell.
        expect(page.locator(".ant-steps")).to_contain_text(node, timeout=LIVE_WITHIN_MS)
        expect(page.locator(".ant-timeline")).to_contain_text(f"工商注册申请「东海晶莹水晶有限公司」{button}")
        shoot(page, f"registration-r3-live-{node}")
    expect(bell_count(page)).to_contain_text("2")
    shoot(admin, "registration-ra-approved")

    merchant.refresh_from_db()
    assert merchant.registration_status == RegistrationStatus.APPROVED
    page.get_by_test_id("bell-badge").click()
    expect(page.get_by_text("工商注册申请「东海晶莹水晶有限公司」核准通过").first).to_be_visible()

    page.goto(f"{asgi_url}/")
    for key in GATED:
        tile = page.get_by_test_id(f"module-tile-{key}")
        if key in BUILT:
            expect(tile).to_have_attribute("data-disabled", "false")
        else:
            expect(tile).to_have_attribute("data-coming-soon", "true")
    shoot(page, "registration-home-unlocked")

    page.goto(f"{asgi_url}/registration/supplement")
    expect(page.get_by_text("如需修改请联系捷晶管理员")).to_be_visible()
    expect(page.get_by_text("91320722MA1XYK1234")).to_be_visible()
    shoot(page, "registration-r2-approved-readonly")


def test_an_individual_wizard_is_saved_left_and_resumed_at_the_right_step(asgi_url: str, new_context: Any):
    user, merchant = fresh_merchant_admin("13700000012", "赵新晶")
    page = new_context(viewport=PC).new_page()
    sign_in(page, asgi_url, user)
    page.goto(f"{asgi_url}/registration/apply")
    page.get_by_role("button", name=re.compile("办理个体工商户注册")).click()

    page.get_by_label("行政区划").fill("东海县")
    page.get_by_label("字号").fill("晶莹")
    page.get_by_label("行业表述").fill("水晶饰品")
    page.get_by_label("组织形式").click()
    page.locator(".ant-select-item-option", has_text=re.compile("^店$")).click()
    expect(page.get_by_text("东海县晶莹水晶饰品店")).to_be_visible()
    page.get_by_role("button", name="保存并下一步").click()

    expect(page.locator(".ant-steps-item-process")).to_contain_text("经营者")
    page.get_by_label("经营者姓名").fill("赵新晶")
    page.get_by_label("经营者手机号").fill("13700000012")
    page.get_by_label("经营者身份证号").fill("32072219900101123X")
    uploads = page.locator("input[type=file]")
    uploads.nth(0).set_input_files(png_file("人像面.png", plain_png("#e6f4ff")))
    expect(page.get_by_text("人像面.png", exact=True)).to_be_visible()
    page.locator("input[type=file]").nth(1).set_input_files(png_file("国徽面.png", plain_png("#f6ffed")))
    expect(page.get_by_text("国徽面.png", exact=True)).to_be_visible()
    shoot(page, "registration-r1-step2")
    page.get_by_role("button", name="保存并下一步").click()
    expect(page.locator(".ant-steps-item-process")).to_contain_text("经营信息")
    assert Application.objects.get(merchant=merchant).step == 2

    # Leave, come back: the wizard opens at 经营信息 with the earlier steps' values kept.
    page.goto(f"{asgi_url}/")
    page.goto(f"{asgi_url}/registration/apply")
    expect(page.locator(".ant-steps-item-process")).to_contain_text("经营信息")
    shoot(page, "registration-r1-resumed")
    page.get_by_role("button", name="上一步").click()
    expect(page.get_by_label("经营者姓名")).to_have_value("赵新晶")
    expect(page.get_by_label("经营者身份证号")).to_have_value("32072219900101123X")
    expect(page.locator("#operator").get_by_text("人像面.png", exact=True)).to_be_visible()
    page.get_by_role("button", name="上一步").click()
    expect(page.get_by_label("字号")).to_have_value("晶莹")


def test_a_read_only_member_sees_the_pages_but_cannot_edit_or_submit(asgi_url: str, new_context: Any):
    owner, merchant = fresh_merchant_admin("13700000013", "钱老板")
    member = make_merchant_user("13700000014", merchant, MemberRole.MEMBER, "钱小二")
    app = services.application_create(actor=build_actor(owner), kind="new_individual")
    services.application_save_step(
        actor=build_actor(owner),
        application_id=app.pk,
        step="name",
        values={"region": "东海县", "trade_name": "晶品", "industry": "水晶", "org_form": "店"},
    )
    page = new_context(viewport=PC).new_page()
    sign_in(page, asgi_url, member)

    page.goto(f"{asgi_url}/registration/apply")
    expect(page.get_by_text("您是商户成员，只能查看填报内容")).to_be_visible()
    expect(page.get_by_text("东海县晶品水晶店").first).to_be_visible()
    expect(page.get_by_role("button", name="保存并下一步")).to_have_count(0)
    expect(page.get_by_role("button", name=re.compile("确认提交"))).to_have_count(0)
    shoot(page, "registration-member-apply")

    page.goto(f"{asgi_url}/registration/progress")
    expect(page.locator(".ant-steps-item-process")).to_contain_text("材料填报")
    expect(page.get_by_role("button", name="继续填写")).to_have_count(0)

    page.goto(f"{asgi_url}/registration/supplement")
    expect(page.get_by_text("您正在办理「个体户新办」")).to_be_visible()
    assert Application.objects.get(pk=app.pk).data["name"]["trade_name"] == "晶品"
