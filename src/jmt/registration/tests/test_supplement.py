"""R2 已注册企业信息补充: OCR values confirmed into the profile, the back office's view, the profile lock."""

import pytest

from jmt.registration.tests.conftest import LICENCE_OCR, make_document, put
from jmt.registration.tests.test_applications import move, start

pytestmark = pytest.mark.django_db


def test_confirming_ocr_values_writes_the_profile_with_the_users_corrections(api, fresh_admin):
    merchant = fresh_admin.current_merchant
    licence = make_document(merchant, "business_licence", LICENCE_OCR)
    response = api.as_user(fresh_admin).post(
        "/registration/confirm-ocr",
        {
            "document_id": licence.pk,
            "values": {
                "credit_code": "91320722ma1xyk1234",
                "name": "连云港新晶水晶有限公司",
                "company_type": "有限责任公司(自然人独资)",
                "legal_person": "赵新晶",
                "address": "江苏省连云港市东海县水晶路2号",  # corrected by the user
                "established_on": "2019-03-15",
            },
        },
    )
    assert response.status_code == 200, response.json()
    merchant.refresh_from_db()
    assert merchant.credit_code == "91320722MA1XYK1234"
    assert merchant.address == "江苏省连云港市东海县水晶路2号"
    assert merchant.merchant_type == "company"
    assert merchant.licence_document_id == licence.pk
    assert str(merchant.established_on) == "2019-03-15"


def test_ocr_values_of_another_merchants_document_are_refused(api, fresh_admin, other_merchant_user):
    licence = make_document(other_merchant_user.current_merchant, "business_licence", LICENCE_OCR)
    response = api.as_user(fresh_admin).post(
        "/registration/confirm-ocr", {"document_id": licence.pk, "values": {"name": "冒名"}}
    )
    assert response.status_code == 404
    other = other_merchant_user.current_merchant
    other.refresh_from_db()
    assert other.name == "连云港某水晶店"


def test_a_value_the_document_does_not_carry_is_refused(api, fresh_admin):
    permit = make_document(fresh_admin.current_merchant, "bank_permit", {"fields": []})
    response = api.as_user(fresh_admin).post(
        "/registration/confirm-ocr", {"document_id": permit.pk, "values": {"credit_code": "91320722MA1XYK1234"}}
    )
    assert response.status_code == 422
    assert response.json()["details"]["fields"] == {"credit_code": "该文件不提供此项信息"}


def test_after_approval_the_licence_profile_is_locked_for_the_merchant(api, merchant_admin):
    licence = make_document(merchant_admin.current_merchant, "business_licence", LICENCE_OCR)
    response = api.as_user(merchant_admin).post(
        "/registration/confirm-ocr", {"document_id": licence.pk, "values": {"name": "改个名字"}}
    )
    assert (response.status_code, response.json()["code"]) == (403, "MERCHANT_PROFILE_LOCKED")
    assert response.json()["message"] == "工商注册已核准，执照相关信息如需修改请联系捷晶管理员"


def existing_steps(merchant):
    return {
        "licence": {
            "licence_document": make_document(merchant, "business_licence", LICENCE_OCR).pk,
            "name": "连云港新晶水晶有限公司",
            "credit_code": "91320722MA1XYK1234",
            "company_type": "有限责任公司(自然人独资)",
            "legal_person": "赵新晶",
            "address": "江苏省连云港市东海县水晶路1号",
            "established_on": "2019-03-15",
        },
        "id_card": {
            "id_card_front_document": make_document(merchant, "id_card_front").pk,
            "id_card_back_document": make_document(merchant, "id_card_back").pk,
            "legal_person_id_number": "320722199001011234",
        },
        "bank": {
            "bank_permit_document": make_document(merchant, "bank_permit").pk,
            "bank_name": "中国建设银行东海支行",
            "bank_account": "32050166123456789",
        },
        "supplement": {
            "name_en": "Lianyungang Xinjing Crystal Co., Ltd.",
            "contact_name": "赵新晶",
            "contact_phone": "13700000001",
        },
    }


def test_the_back_office_sees_documents_and_ocr_values_and_approval_writes_the_profile(api, fresh_admin, reviewer):
    me = api.as_user(fresh_admin)
    app = start(me, "existing")
    for key, values in existing_steps(fresh_admin.current_merchant).items():
        assert put(me, f"/registration/applications/{app['id']}/steps/{key}", {"values": values}).status_code == 200
    assert me.post(f"/registration/applications/{app['id']}/submit").status_code == 200

    staff = api.as_user(reviewer)
    queue = staff.get("/admin/registration/applications", state="review", q="新晶").json()
    assert [row["id"] for row in queue["items"]] == [app["id"]]
    assert queue["items"][0]["kind_label"] == "已注册企业信息补充"
    assert staff.get("/admin/registration/applications", kind="new_company").json()["total"] == 0
    assert [row["id"] for row in staff.get("/admin/registration/applications", pending="true").json()["items"]] == [
        app["id"]
    ]

    detail = staff.get(f"/admin/registration/applications/{app['id']}").json()
    assert [d["kind"] for d in detail["documents"]] == [
        "business_licence",
        "id_card_front",
        "id_card_back",
        "bank_permit",
    ]
    assert detail["documents"][0]["ocr_fields"][0]["value"] == "91320722MA1XYK1234"
    assert detail["documents"][0]["download_url"].startswith("/api/v1/admin/registration/documents/")
    assert [m["to"] for m in detail["progress"]["allowed"]] == ["onsite", "rejected"]
    assert detail["field_labels"]["licence.credit_code"] == "统一社会信用代码"

    move(api, reviewer, app["id"], "onsite")
    move(api, reviewer, app["id"], "approved")
    assert staff.get("/admin/registration/applications", pending="true").json()["total"] == 0
    merchant = fresh_admin.current_merchant
    merchant.refresh_from_db()
    assert merchant.name == "连云港新晶水晶有限公司"
    assert merchant.credit_code == "91320722MA1XYK1234"
    assert merchant.bank_account == "32050166123456789"
    assert merchant.name_en == "Lianyungang Xinjing Crystal Co., Ltd."
    assert merchant.registration_approved

    final = me.get("/registration/current").json()["application"]
    assert final["state"] == "approved"
    assert final["editable"] is False
