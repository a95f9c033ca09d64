"""工商注册 applications: the wizard's drafts, submitting, the path to approval and who may do what."""

from typing import Any

import pytest

from conftest import Api
from jmt.accounts.selectors import build_actor, catalog_for
from jmt.core import catalog
from jmt.merchants.models import Merchant, RegistrationStatus
from jmt.notifications.models import Message
from jmt.notifications.tests.helpers import queued
from jmt.registration.models import Application
from jmt.registration.tests.conftest import LICENCE_OCR, make_document, put

pytestmark = pytest.mark.django_db

GATED = {m.key for m in catalog.MODULES if m.gate is catalog.Gate.REGISTRATION_APPROVED}


def individual_steps(merchant: Merchant) -> dict[str, dict[str, Any]]:
    front = make_document(merchant, "id_card_front")
    back = make_document(merchant, "id_card_back")
    premises = make_document(merchant, "other")
    return {
        "name": {"region": "东海县", "trade_name": "晶莹", "industry": "水晶饰品", "org_form": "店", "alt_names": []},
        "operator": {
            "operator_name": "赵新晶",
            "operator_id_number": "32072219900101123x",
            "operator_phone": "13700000001",
            "id_card_front": front.pk,
            "id_card_back": back.pk,
        },
        "business": {"address": "江苏省连云港市东海县水晶路1号", "scope": "水晶饰品零售", "funding": "10"},
        "materials": {"premises_proof": premises.pk},
    }


def start(me: Api, kind: str = "new_individual") -> dict[str, Any]:
    response = me.post("/registration/applications", {"kind": kind})
    assert response.status_code == 201, response.json()
    return response.json()


def fill(me: Api, app_id: int, steps: dict[str, dict[str, Any]]) -> dict[str, Any]:
    body: dict[str, Any] = {}
    for key, values in steps.items():
        response = put(me, f"/registration/applications/{app_id}/steps/{key}", {"values": values})
        assert response.status_code == 200, response.json()
        body = response.json()
    return body


def submitted_application(api: Api, user: Any) -> dict[str, Any]:
    me = api.as_user(user)
    app = start(me)
    fill(me, app["id"], individual_steps(user.current_merchant))
    response = me.post(f"/registration/applications/{app['id']}/submit")
    assert response.status_code == 200, response.json()
    return response.json()


def move(api: Api, user: Any, app_id: int, to: str, comment: str = "") -> Any:
    return api.as_user(user).post(f"/workflow/registration/{app_id}/transitions", {"to": to, "comment": comment})


def test_a_draft_is_saved_step_by_step_and_resumed_where_it_was_left(api, fresh_admin):
    me = api.as_user(fresh_admin)
    app = start(me)
    steps = individual_steps(fresh_admin.current_merchant)
    fill(me, app["id"], {"name": steps["name"], "operator": steps["operator"]})

    current = me.get("/registration/current").json()["application"]
    assert current["id"] == app["id"]
    assert current["step"] == 2  # the next step to open is 经营信息
    assert current["data"]["name"]["trade_name"] == "晶莹"
    assert current["data"]["operator"]["operator_id_number"] == "32072219900101123X"
    assert current["title"] == "东海县晶莹水晶饰品店"
    assert current["progress"]["nodes"][0] == {
        "key": "draft",
        "label": "材料填报",
        "status": "current",
        "state_label": "材料填报",
        "expected_seconds": None,
    }


def test_a_draft_step_checks_only_the_format_of_what_was_filled(api, fresh_admin):
    me = api.as_user(fresh_admin)
    app = start(me)
    ok = put(me, f"/registration/applications/{app['id']}/steps/operator", {"values": {"operator_name": "赵新晶"}})
    assert ok.status_code == 200
    bad = put(
        me,
        f"/registration/applications/{app['id']}/steps/operator",
        {"values": {"operator_id_number": "123", "operator_phone": "abc"}},
    )
    assert bad.status_code == 422
    assert bad.json()["code"] == "REGISTRATION_INVALID"
    assert bad.json()["details"]["fields"] == {
        "operator.operator_id_number": "身份证号应为 18 位，最后一位可为 X",
        "operator.operator_phone": "请填写正确的手机号或座机号",
    }


def test_submitting_an_incomplete_application_lists_every_missing_field_in_chinese(api, fresh_admin):
    me = api.as_user(fresh_admin)
    app = start(me)
    fill(me, app["id"], {"name": individual_steps(fresh_admin.current_merchant)["name"]})
    response = me.post(f"/registration/applications/{app['id']}/submit")
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "REGISTRATION_INCOMPLETE"
    assert body["details"]["step"] == 1
    assert body["details"]["fields"]["operator.operator_name"] == "请填写经营者姓名"
    assert body["details"]["fields"]["operator.id_card_front"] == "请上传或选择文件"
    assert body["details"]["fields"]["business.scope"] == "请填写经营范围"
    assert Application.objects.get(pk=app["id"]).state == "draft"


def test_only_one_open_application_per_merchant(api, fresh_admin):
    me = api.as_user(fresh_admin)
    app = start(me)
    again = me.post("/registration/applications", {"kind": "existing"})
    assert again.status_code == 409
    assert again.json()["code"] == "REGISTRATION_OPEN_EXISTS"
    assert again.json()["details"]["application_id"] == app["id"]


def test_the_full_path_to_approval_opens_the_six_gated_modules(api, fresh_admin, reviewer):
    merchant = fresh_admin.current_merchant
    assert {"logistics", "filings", "customs", "refunds", "fx", "showroom"} == GATED
    assert not any(m["enabled"] for m in catalog_for(build_actor(fresh_admin)) if m["key"] in GATED)

    app = submitted_application(api, fresh_admin)
    assert app["state"] == "review"
    assert app["submitted_at"] is not None
    merchant.refresh_from_db()
    assert merchant.registration_status == RegistrationStatus.IN_PROGRESS

    assert move(api, reviewer, app["id"], "onsite").status_code == 200
    response = move(api, reviewer, app["id"], "approved")
    assert response.status_code == 200, response.json()
    assert [n["status"] for n in response.json()["nodes"]] == ["done", "done", "done", "done"]

    merchant.refresh_from_db()
    assert merchant.registration_status == RegistrationStatus.APPROVED
    assert merchant.name == "东海县晶莹水晶饰品店"
    assert merchant.merchant_type == "individual"
    assert merchant.legal_person == "赵新晶"
    assert merchant.legal_person_id_number == "32072219900101123X"
    assert merchant.id_card_front_document_id is not None
    modules = {m["key"]: m for m in catalog_for(build_actor(fresh_admin))}
    assert all(modules[key]["enabled"] for key in GATED if modules[key]["available"])
    assert all(
        not modules[key]["enabled"] and modules[key]["disabled_reason"] == "即将上线"
        for key in GATED
        if not modules[key]["available"]
    )


def test_each_move_notifies_the_merchant_and_a_submission_raises_a_staff_todo(api, fresh_admin, reviewer):
    app = submitted_application(api, fresh_admin)
    todo = Message.objects.get(recipient=reviewer)
    assert todo.kind == "todo"
    assert "待初审" in todo.title

    move(api, reviewer, app["id"], "onsite")
    move(api, reviewer, app["id"], "approved")
    titles = list(Message.objects.filter(recipient=fresh_admin).order_by("id").values_list("title", flat=True))
    assert titles == [
        "工商注册申请「东海县晶莹水晶饰品店」现场核验",
        "工商注册申请「东海县晶莹水晶饰品店」核准通过",
    ]


def test_an_illegal_move_is_refused_with_409(api, fresh_admin, reviewer):
    app = submitted_application(api, fresh_admin)
    response = move(api, reviewer, app["id"], "approved")  # 现场核验 cannot be skipped
    assert response.status_code == 409
    assert response.json()["code"] == "WORKFLOW_ILLEGAL_TRANSITION"
    assert sorted(response.json()["details"]["allowed"]) == ["onsite", "rejected"]


def test_rejecting_needs_a_reason(api, fresh_admin, reviewer):
    app = submitted_application(api, fresh_admin)
    response = move(api, reviewer, app["id"], "rejected", comment="  ")
    assert response.status_code == 422
    assert response.json()["code"] == "WORKFLOW_COMMENT_REQUIRED"
    assert Application.objects.get(pk=app["id"]).state == "review"


def test_a_rejected_application_is_fixed_and_resubmitted(api, fresh_admin, reviewer):
    app = submitted_application(api, fresh_admin)
    assert move(api, reviewer, app["id"], "rejected", comment="经营场所证明不清晰").status_code == 200
    me = api.as_user(fresh_admin)

    current = me.get("/registration/current").json()["application"]
    assert current["state"] == "rejected"
    assert current["rejection_reason"] == "经营场所证明不清晰"
    assert current["editable"] is True
    assert current["progress"]["nodes"][0]["state_label"] == "已驳回"
    message = Message.objects.filter(recipient=fresh_admin).latest("id")
    assert "经营场所证明不清晰" in message.body

    new_proof = make_document(fresh_admin.current_merchant, "other")
    put(me, f"/registration/applications/{app['id']}/steps/materials", {"values": {"premises_proof": new_proof.pk}})
    response = me.post(f"/registration/applications/{app['id']}/submit")
    assert response.status_code == 200
    assert response.json()["state"] == "review"
    assert response.json()["data"]["materials"]["premises_proof"] == new_proof.pk


def test_a_submitted_application_cannot_be_edited(api, fresh_admin):
    app = submitted_application(api, fresh_admin)
    me = api.as_user(fresh_admin)
    response = put(me, f"/registration/applications/{app['id']}/steps/name", {"values": {"trade_name": "新名"}})
    assert response.status_code == 409
    assert response.json()["code"] == "REGISTRATION_NOT_EDITABLE"


def test_another_merchants_user_cannot_see_or_touch_the_application(api, fresh_admin, other_merchant_user):
    app = start(api.as_user(fresh_admin))
    outsider = api.as_user(other_merchant_user)
    assert outsider.get(f"/registration/applications/{app['id']}").status_code == 404
    assert put(outsider, f"/registration/applications/{app['id']}/steps/name", {"values": {}}).status_code == 404
    assert outsider.post(f"/registration/applications/{app['id']}/submit").status_code == 404
    assert outsider.get(f"/workflow/registration/{app['id']}/progress").status_code == 404
    assert outsider.get("/registration/current").json()["application"] is None


def test_a_read_only_member_sees_the_application_but_cannot_write(api, fresh_admin, fresh_member):
    app = start(api.as_user(fresh_admin))
    member = api.as_user(fresh_member)
    current = member.get("/registration/current").json()["application"]
    assert current["id"] == app["id"]
    assert current["editable"] is False
    for response in (
        member.post("/registration/applications", {"kind": "existing"}),
        put(member, f"/registration/applications/{app['id']}/steps/name", {"values": {"trade_name": "晶"}}),
        member.post(f"/registration/applications/{app['id']}/submit"),
    ):
        assert (response.status_code, response.json()["code"]) == (403, "PERMISSION_DENIED")


def test_staff_without_the_onboarding_code_cannot_move_or_read(api, fresh_admin, onlooker, customer_service):
    app = submitted_application(api, fresh_admin)
    refused = move(api, onlooker, app["id"], "onsite")
    assert (refused.status_code, refused.json()["code"]) == (403, "PERMISSION_DENIED")
    assert api.as_user(customer_service).get("/admin/registration/applications").status_code == 403
    assert Application.objects.get(pk=app["id"]).state == "review"


def test_a_merchant_cannot_move_its_own_application_through_review(api, fresh_admin):
    app = submitted_application(api, fresh_admin)
    response = move(api, fresh_admin, app["id"], "onsite")
    assert response.status_code == 403


def test_an_approved_merchant_cannot_start_again(api, merchant_admin):
    response = api.as_user(merchant_admin).post("/registration/applications", {"kind": "existing"})
    assert (response.status_code, response.json()["code"]) == (409, "REGISTRATION_ALREADY_APPROVED")


def test_prefill_offers_profile_values_and_the_licence_ocr_values(api, fresh_admin):
    merchant = fresh_admin.current_merchant
    merchant.contact_name = "赵新晶"
    merchant.save()
    licence = make_document(merchant, "business_licence", LICENCE_OCR)
    body = api.as_user(fresh_admin).get("/registration/prefill").json()
    assert body["locked"] is False
    assert body["suggestions"][0]["document_id"] == licence.pk
    assert body["suggestions"][0]["values"]["credit_code"] == "91320722MA1XYK1234"
    existing = body["defaults"]["existing"]
    assert existing["licence"]["licence_document"] == licence.pk
    assert existing["licence"]["name"] == "连云港新晶"  # the confirmed profile value wins over OCR
    assert existing["licence"]["credit_code"] == "91320722MA1XYK1234"
    assert existing["supplement"]["contact_name"] == "赵新晶"
    assert body["defaults"]["new_individual"]["business"]["address"] == "江苏省连云港市东海县水晶路1号"


def test_each_merchant_notice_also_queues_a_wechat_push_for_a_wechat_user(api, fresh_admin, reviewer):
    fresh_admin.wechat_unionid = "o-unionid-fresh"
    fresh_admin.save(update_fields=["wechat_unionid"])
    app = submitted_application(api, fresh_admin)
    move(api, reviewer, app["id"], "rejected", comment="开户许可证不清晰")
    message = Message.objects.get(recipient=fresh_admin)
    pushes = [row.args_kwargs["args"][0] for row in queued("push_messages")]
    assert [message.pk] in pushes
    assert message.mp_pagepath  # the template message opens the mini-program's progress page


def test_a_round_amount_is_kept_as_written_not_in_scientific_notation(api, fresh_admin):
    me = api.as_user(fresh_admin)
    app = start(me, "new_company")
    values = {"address": "东海县水晶路1号", "scope": "水晶制品销售", "registered_capital": "100"}
    body = fill(me, app["id"], {"business": values})
    assert body["data"]["business"]["registered_capital"] == "100"  # not "1E+2"
    body = fill(me, app["id"], {"business": {**values, "registered_capital": "12.50"}})
    assert body["data"]["business"]["registered_capital"] == "12.5"


def test_a_merchant_approved_without_an_application_gets_the_board_nodes_to_show_approval(api, merchant_admin):
    body = api.as_user(merchant_admin).get("/registration/current").json()
    assert body["application"] is None
    assert body["registration_status"] == "approved"
    assert [n["label"] for n in body["board"]] == ["材料填报", "材料初审", "现场核验", "核准通过"]
