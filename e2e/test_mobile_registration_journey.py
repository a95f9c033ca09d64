"""工商注册 on the phone (390×844, the H5 inside the mini-program): R2 with a real licence photo read
by OCR, confirmed and submitted, the board showing 材料初审; an R1 个体户 draft saved step by step and
resumed after a reload; a read-only member who sees the values but no write buttons."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import Page, expect

from conftest import make_merchant_user
from e2e.conftest import MOBILE, SCREENSHOTS, shoot
from e2e.test_message_journeys import asgi_url, sign_in
from e2e.test_registration_journey import OCR_WITHIN_MS, fresh_merchant_admin, plain_png, png_file
from jmt.accounts.models import User
from jmt.accounts.selectors import build_actor
from jmt.documents.services import document_upload
from jmt.documents.tests.test_ocr_end_to_end import licence_png
from jmt.merchants.models import MemberRole
from jmt.registration import services
from jmt.registration.models import Application
from jmt.workflow.services import transition

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
__all__ = ["asgi_url"]


def shoot_screen(page: Page, name: str) -> None:
    """What the phone's screen shows (a bottom sheet or a dialog sits on the viewport, not the page)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def field(page: Page, label: str) -> Any:
    """The input of an antd-mobile Form.Item with this label."""
    name = page.locator(".adm-form-item-label", has_text=re.compile(f"^{re.escape(label)}"))
    return page.locator(".adm-form-item", has=name).locator("input, textarea").first


def test_a_new_merchant_completes_r2_on_the_phone_with_ocr_and_sees_the_review_started(
    asgi_url: str, new_context: Any, superadmin: User
):
    user, merchant = fresh_merchant_admin("13700000021", "林晶莹")
    # A bank permit photographed earlier is already in 我的资料: it is picked, not uploaded again.
    earlier = document_upload(
        actor=build_actor(user),
        kind="bank_permit",
        file=SimpleUploadedFile("开户许可证.png", plain_png("#fff0f6"), content_type="image/png"),
    )
    page = new_context(viewport=MOBILE, is_mobile=True, has_touch=True).new_page()
    sign_in(page, asgi_url, user)

    page.goto(f"{asgi_url}/m/registration/supplement")
    expect(page.get_by_text("上传资质文件，完成企业认证")).to_be_visible()
    shoot(page, "m-registration-r2-start")
    page.get_by_role("button", name="开始填写").click()

    licence = page.get_by_test_id("guide-licence")
    expect(licence.get_by_text("拍照或上传营业执照")).to_be_visible()
    shoot(page, "m-registration-r2-cards")
    licence.get_by_test_id("doc-licence_document").locator("input[type=file]").first.set_input_files(
        png_file("营业执照.png", licence_png())
    )
    expect(licence.get_by_test_id("ocr-done")).to_be_visible(timeout=OCR_WITHIN_MS)
    expect(field(page, "企业名称")).to_have_value("东海晶莹水晶有限公司")
    expect(field(page, "统一社会信用代码")).to_have_value("91320722MA1XYK1234")
    expect(field(page, "法定代表人 / 经营者")).to_have_value("林晶莹")
    expect(field(page, "成立日期")).to_have_value("2019-03-15")
    shoot(page, "m-registration-r2-licence-ocr")
    field(page, "企业名称").scroll_into_view_if_needed()
    shoot_screen(page, "m-registration-r2-licence-confirm-form")
    licence.get_by_role("button", name="确认并保存").click()
    expect(licence.get_by_text("已确认")).to_be_visible()
    merchant.refresh_from_db()
    assert merchant.credit_code == "91320722MA1XYK1234"  # the confirmed values went into the profile
    assert merchant.licence_document_id is not None

    # The ID card: plain photos, nothing to read → 「未能识别，请手动填写」, the number typed in.
    id_card = page.get_by_test_id("guide-id_card")
    id_card.get_by_test_id("doc-id_card_front_document").locator("input[type=file]").first.set_input_files(
        png_file("身份证人像面.png", plain_png("#e6f4ff"))
    )
    expect(id_card.get_by_text("身份证人像面.png", exact=True)).to_be_visible()
    expect(id_card.get_by_test_id("ocr-failed")).to_have_text("未能识别，请手动填写", timeout=OCR_WITHIN_MS)
    id_card.get_by_test_id("doc-id_card_back_document").locator("input[type=file]").first.set_input_files(
        png_file("身份证国徽面.png", plain_png("#f6ffed"))
    )
    expect(id_card.get_by_text("身份证国徽面.png", exact=True)).to_be_visible()
    expect(id_card.get_by_test_id("ocr-reading")).to_have_count(0, timeout=OCR_WITHIN_MS)
    field(page, "法人身份证号").fill("320722199001011234")
    id_card.get_by_role("button", name="确认并保存").click()
    expect(id_card.get_by_text("已确认")).to_be_visible()

    # The bank permit: 「从已上传文件中选择」 in the bottom sheet.
    bank = page.get_by_test_id("guide-bank")
    bank.get_by_role("button", name="从已上传文件中选择").click()
    sheet = page.locator(".adm-popup-body")
    expect(sheet.get_by_text("选择已上传的开户许可证")).to_be_visible()
    shoot_screen(page, "m-registration-r2-vault-picker")
    sheet.get_by_test_id("vault-item").filter(has_text="开户许可证.png").click()
    expect(bank.get_by_text("开户许可证.png", exact=True)).to_be_visible()
    field(page, "开户银行").fill("中国建设银行东海支行")
    field(page, "银行账号").fill("32050166123456789")
    bank.get_by_role("button", name="确认并保存").click()
    expect(bank.get_by_text("已确认")).to_be_visible()
    assert Application.objects.get(merchant=merchant).data["bank"]["bank_permit_document"] == earlier.pk

    extra = page.get_by_test_id("guide-supplement")
    field(page, "英文名称").fill("Donghai Jingying Crystal Co., Ltd.")
    field(page, "联系人姓名").fill("林晶莹")
    field(page, "联系人电话").fill("13700000021")
    extra.get_by_role("button", name="保存").click()
    expect(extra.get_by_text("已确认")).to_be_visible()
    shoot(page, "m-registration-r2-filled")

    page.get_by_role("button", name="提交审核").click()
    dialog = page.locator(".adm-dialog")
    expect(dialog).to_contain_text("提交后捷晶将在 1 个工作日内完成材料初审")
    shoot_screen(page, "m-registration-r2-submit-dialog")
    dialog.get_by_role("button", name="确认提交").click()
    expect(page).to_have_url(re.compile(r"/m/registration/progress$"))
    expect(page.locator(".adm-step-status-process")).to_contain_text("材料初审")
    shoot(page, "m-registration-r3-submitted")
    assert Application.objects.get(merchant=merchant).state == "review"

    # Under review the page is read-only: the values, no write buttons.
    page.goto(f"{asgi_url}/m/registration/supplement")
    expect(page.get_by_text("91320722MA1XYK1234")).to_be_visible()
    expect(page.get_by_role("button", name="确认并保存")).to_have_count(0)
    expect(page.get_by_role("button", name="提交审核")).to_have_count(0)

    # Approved by the back office: all locked, 「如需修改请联系捷晶管理员」.
    application = Application.objects.get(merchant=merchant)
    for state in ("onsite", "approved"):
        transition(actor=build_actor(superadmin), obj=application, to=state)
        application.refresh_from_db()
    page.goto(f"{asgi_url}/m/registration/supplement")
    expect(page.get_by_text("如需修改请联系捷晶管理员")).to_be_visible()
    expect(page.get_by_text("Donghai Jingying Crystal Co., Ltd.")).to_be_visible()
    expect(page.get_by_role("button", name="确认并保存")).to_have_count(0)
    shoot(page, "m-registration-r2-approved-readonly")


def test_an_individual_draft_is_saved_on_the_phone_and_resumed_after_a_reload(asgi_url: str, new_context: Any):
    user, merchant = fresh_merchant_admin("13700000022", "赵新晶")
    page = new_context(viewport=MOBILE, is_mobile=True, has_touch=True).new_page()
    sign_in(page, asgi_url, user)
    page.goto(f"{asgi_url}/m/registration/progress")
    expect(page.get_by_text("尚未办理工商注册")).to_be_visible()
    expect(page.get_by_role("button", name="办理个体户 / 企业注册")).to_be_visible()
    shoot(page, "m-registration-r3-not-started")

    # From the module's page in the catalog, the item opens the wizard (not a placeholder).
    page.goto(f"{asgi_url}/m/registration")
    page.locator(".adm-list-item", has_text="工商注册办理").click()
    expect(page).to_have_url(re.compile(r"/m/registration/apply$"))
    expect(page.get_by_text("选择注册类型")).to_be_visible()
    shoot(page, "m-registration-r1-choose")
    page.get_by_test_id("kind-new_individual").click()

    expect(page.get_by_test_id("step-title")).to_contain_text("名称")
    field(page, "行政区划").fill("东海县")
    field(page, "字号").fill("晶莹")
    field(page, "行业表述").fill("水晶饰品")
    page.locator(".adm-selector-item", has_text=re.compile("^店$")).click()
    expect(page.get_by_test_id("composed-name")).to_contain_text("东海县晶莹水晶饰品店")
    shoot(page, "m-registration-r1-step1")
    page.get_by_role("button", name="保存并下一步").click()

    expect(page.get_by_test_id("step-title")).to_contain_text("经营者")
    assert Application.objects.get(merchant=merchant).step == 1
    field(page, "经营者姓名").fill("赵新晶")
    field(page, "经营者手机号").fill("13700000022")
    field(page, "经营者身份证号").fill("32072219900101123X")
    page.get_by_test_id("doc-id_card_front").locator("input[type=file]").first.set_input_files(
        png_file("人像面.png", plain_png("#e6f4ff"))
    )
    expect(page.get_by_text("人像面.png", exact=True)).to_be_visible()
    page.get_by_test_id("doc-id_card_back").locator("input[type=file]").first.set_input_files(
        png_file("国徽面.png", plain_png("#f6ffed"))
    )
    expect(page.get_by_text("国徽面.png", exact=True)).to_be_visible()
    shoot(page, "m-registration-r1-step2")
    page.get_by_role("button", name="保存并下一步").click()
    expect(page.get_by_test_id("step-title")).to_contain_text("经营信息")
    assert Application.objects.get(merchant=merchant).step == 2

    # Reload: the wizard opens at 经营信息, the earlier steps keep their values.
    page.reload()
    expect(page.get_by_test_id("step-title")).to_contain_text("经营信息")
    shoot(page, "m-registration-r1-resumed")
    page.get_by_role("button", name="上一步").click()
    expect(field(page, "经营者姓名")).to_have_value("赵新晶")
    expect(field(page, "经营者身份证号")).to_have_value("32072219900101123X")
    expect(page.get_by_text("人像面.png", exact=True)).to_be_visible()
    page.get_by_role("button", name="上一步").click()
    expect(field(page, "字号")).to_have_value("晶莹")
    expect(page.locator(".adm-selector-item-active")).to_have_text("店")


def test_a_read_only_member_sees_the_values_on_the_phone_but_no_write_buttons(asgi_url: str, new_context: Any):
    owner, merchant = fresh_merchant_admin("13700000023", "钱老板")
    member = make_merchant_user("13700000024", merchant, MemberRole.MEMBER, "钱小二")
    app = services.application_create(actor=build_actor(owner), kind="existing")
    services.application_save_step(
        actor=build_actor(owner),
        application_id=app.pk,
        step="supplement",
        values={"contact_name": "钱老板", "contact_phone": "13700000023", "name_en": "Qian Crystal"},
    )
    page = new_context(viewport=MOBILE, is_mobile=True, has_touch=True).new_page()
    sign_in(page, asgi_url, member)

    page.goto(f"{asgi_url}/m/registration/supplement")
    expect(page.get_by_text("您是商户成员，只能查看填报内容")).to_be_visible()
    expect(page.get_by_text("Qian Crystal")).to_be_visible()
    expect(page.get_by_role("button", name="确认并保存")).to_have_count(0)
    expect(page.get_by_role("button", name="提交审核")).to_have_count(0)
    expect(page.get_by_role("button", name="从已上传文件中选择")).to_have_count(0)
    shoot(page, "m-registration-member-readonly")

    page.goto(f"{asgi_url}/m/registration/apply")
    expect(page.get_by_text("您正在办理「已注册企业信息补充」")).to_be_visible()


def test_a_company_wizard_adds_shareholders_and_submit_errors_land_on_the_fields_of_their_step(
    asgi_url: str, new_context: Any
):
    user, _ = fresh_merchant_admin("13700000025", "孙晶")
    actor = build_actor(user)
    app = services.application_create(actor=actor, kind="new_company")
    drafts = {
        "name": {"region": "东海县", "trade_name": "晶诚", "industry": "水晶贸易", "org_form": "有限公司"},
        # The ID card photos were never added: a draft is checked leniently, submitting is not.
        "legal": {
            "legal_person": "孙晶",
            "legal_person_id_number": "320722199001011234",
            "legal_person_phone": "13700000025",
        },
        "business": {
            "address": "东海县牛山街道水晶路 1 号",
            "scope": "水晶制品销售；货物进出口",
            "registered_capital": "100",
        },
    }
    for step, values in drafts.items():
        services.application_save_step(actor=actor, application_id=app.pk, step=step, values=values)
    page = new_context(viewport=MOBILE, is_mobile=True, has_touch=True).new_page()
    sign_in(page, asgi_url, user)

    page.goto(f"{asgi_url}/m/registration/apply")
    expect(page.get_by_test_id("step-title")).to_contain_text("股东与监事")
    field(page, "姓名").fill("孙晶")
    field(page, "身份证号").fill("320722199001011234")
    field(page, "认缴出资（万元）").fill("60")
    page.get_by_text("+ 添加股东").click()
    second = page.locator(".adm-form-item", has=page.locator(".adm-form-item-label", has_text=re.compile("^姓名")))
    expect(second).to_have_count(2)
    second.nth(1).locator("input").fill("周晶")
    page.locator(".adm-form-item", has=page.locator(".adm-form-item-label", has_text=re.compile("^身份证号"))).nth(
        1
    ).locator("input").fill("32072219920202123X")
    page.locator(".adm-form-item", has=page.locator(".adm-form-item-label", has_text=re.compile("^认缴出资"))).nth(
        1
    ).locator("input").fill("40")
    field(page, "监事姓名").fill("吴晶")
    field(page, "监事身份证号").fill("320722199303031234")
    shoot(page, "m-registration-r1-company-members")
    page.get_by_role("button", name="保存并下一步").click()

    expect(page.get_by_test_id("step-title")).to_contain_text("材料上传")
    shareholders = Application.objects.get(pk=app.pk).data["members"]["shareholders"]
    assert [p["name"] for p in shareholders] == ["孙晶", "周晶"]
    page.get_by_test_id("doc-premises_proof").locator("input[type=file]").first.set_input_files(
        png_file("租赁合同.png", plain_png("#fafafa"))
    )
    expect(page.get_by_text("租赁合同.png", exact=True)).to_be_visible()
    page.get_by_role("button", name="保存并下一步").click()

    expect(page.get_by_test_id("step-title")).to_contain_text("确认提交")
    expect(page.get_by_text("东海县晶诚水晶贸易有限公司").first).to_be_visible()
    shoot(page, "m-registration-r1-company-summary")
    page.locator(".mreg-bar").get_by_role("button", name="确认提交").click()
    page.locator(".adm-dialog").get_by_role("button", name="确认提交").click()

    # The server names the missing ID card photos: the wizard opens 法定代表人 with them marked.
    expect(page.get_by_test_id("step-title")).to_contain_text("法定代表人")
    person = page.get_by_test_id("step-legal")
    expect(person.locator(".adm-form-item-feedback-error").first).to_be_visible()
    expect(person).to_contain_text("请上传或选择文件")
    page.wait_for_timeout(2500)  # the dialog and the toast are gone
    shoot(page, "m-registration-r1-company-submit-errors")
    assert Application.objects.get(pk=app.pk).state == "draft"
