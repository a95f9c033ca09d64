"""我的 · 个人账户 (U1): personal details, phone change with codes to both numbers, WeChat binding,
and 我的操作记录."""

import json
from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import pytest
import time_machine
from django.utils import timezone

from jmt.accounts.models import SmsCode, User
from jmt.audit.models import OperationLog
from jmt.integrations.sms import memory

pytestmark = pytest.mark.django_db

VALID_ID = "11010519491231002X"  # the GB 11643 textbook example
NEW_PHONE = "13700000088"


def patch(api, path, body):
    return api.client.patch(
        f"/api/v1{path}", json.dumps(body), content_type="application/json", headers=api._headers(None)
    )


@pytest.fixture
def me(api, merchant_admin):
    return api.as_user(merchant_admin)


# --- personal details ---


def test_the_person_reads_their_own_details_with_the_full_phone(me, merchant_admin):
    body = me.get("/me/profile").json()
    assert body["name"] == "林晶莹"
    assert body["phone"] == "13800000001"
    assert body["phone_masked"] == "138****0001"
    assert body["wechat_bound"] is False


def test_name_gender_id_number_and_email_are_saved_and_audited(me, merchant_admin):
    changes = {"name": "林晶莹", "gender": "female", "id_number": "11010519491231002x", "email": "lin@jmt.cn"}
    response = patch(me, "/me/profile", changes)
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["gender"], body["gender_label"], body["id_number"], body["email"]) == (
        "female",
        "女",
        VALID_ID,
        "lin@jmt.cn",
    )
    merchant_admin.refresh_from_db()
    assert merchant_admin.id_number == VALID_ID
    entry = OperationLog.objects.get(action="update_profile")
    assert entry.actor_id == merchant_admin.pk
    assert entry.changes["id_number"] == ["", VALID_ID]
    assert "name" not in entry.changes  # unchanged fields are not logged


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("id_number", "110105194912310021", "请输入正确的 18 位身份证号（最后一位可为 X）"),  # wrong check digit
        ("id_number", "1101051949123", "请输入正确的 18 位身份证号（最后一位可为 X）"),
        ("id_number", "110105194913310023", "请输入正确的 18 位身份证号（最后一位可为 X）"),  # month 13
        ("email", "lin@", "邮箱格式不正确，例如 name@example.com"),
        ("name", "  ", "请输入姓名"),
    ],
)
def test_invalid_details_are_refused_field_by_field_in_chinese(me, merchant_admin, field, value, message):
    response = patch(me, "/me/profile", {field: value})
    assert response.status_code == 422
    assert response.json()["code"] == "PROFILE_INVALID"
    assert response.json()["details"]["fields"] == {field: message}
    assert not OperationLog.objects.filter(action="update_profile").exists()


def test_a_read_only_member_may_still_edit_their_own_details(api, merchant_member):
    response = patch(api.as_user(merchant_member), "/me/profile", {"email": "wang@jmt.cn"})
    assert response.status_code == 200
    assert response.json()["email"] == "wang@jmt.cn"


# --- phone change ---


def send_both(me, new_phone=NEW_PHONE):
    assert me.post("/me/phone/old-code").status_code == 200
    old = memory.last_code("13800000001", "change_phone")
    assert me.post("/me/phone/new-code", {"phone": new_phone}).status_code == 200
    new = memory.last_code(new_phone, "change_phone")
    return old, new


def test_the_phone_changes_with_the_codes_of_both_numbers(me, merchant_admin, api):
    old, new = send_both(me)
    response = me.post("/me/phone/change", {"phone": NEW_PHONE, "old_code": old, "new_code": new})
    assert response.status_code == 200, response.json()
    assert response.json()["phone"] == NEW_PHONE
    merchant_admin.refresh_from_db()
    assert merchant_admin.phone == NEW_PHONE
    assert merchant_admin.username == NEW_PHONE
    entry = OperationLog.objects.get(action="change_phone")
    assert entry.changes["phone"] == ["13800000001", NEW_PHONE]
    # Both codes are spent.
    assert SmsCode.objects.filter(scene="change_phone", consumed_at__isnull=True).count() == 0
    # The person now signs in with the new number; the old one would register somebody new.
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        assert api.post("/auth/sms/send", {"phone": NEW_PHONE}).status_code == 200
        login = api.post("/auth/sms/login", {"phone": NEW_PHONE, "code": memory.last_code(NEW_PHONE, "login")})
    assert login.json()["is_new_user"] is False
    assert login.json()["user"]["id"] == merchant_admin.pk


def test_a_wrong_old_code_changes_nothing_and_names_the_field(me, merchant_admin):
    old, new = send_both(me)
    wrong = "000000" if old != "000000" else "111111"
    response = me.post("/me/phone/change", {"phone": NEW_PHONE, "old_code": wrong, "new_code": new})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "SMS_CODE_INVALID"
    assert body["message"].startswith("原手机号验证码：")
    assert "old_code" in body["details"]["fields"]
    merchant_admin.refresh_from_db()
    assert merchant_admin.phone == "13800000001"
    # The right codes still work: nothing was spent by the failed try.
    assert me.post("/me/phone/change", {"phone": NEW_PHONE, "old_code": old, "new_code": new}).status_code == 200


def test_a_wrong_new_code_changes_nothing_and_names_the_field(me, merchant_admin):
    old, new = send_both(me)
    wrong = "000000" if new != "000000" else "111111"
    response = me.post("/me/phone/change", {"phone": NEW_PHONE, "old_code": old, "new_code": wrong})
    assert response.status_code == 400
    assert response.json()["message"].startswith("新手机号验证码：")
    assert "new_code" in response.json()["details"]["fields"]
    merchant_admin.refresh_from_db()
    assert merchant_admin.phone == "13800000001"
    assert not OperationLog.objects.filter(action="change_phone").exists()


def test_a_number_of_another_account_is_refused_before_any_code_is_sent(me, merchant_member):
    response = me.post("/me/phone/new-code", {"phone": merchant_member.phone})
    assert response.status_code == 409
    assert response.json()["code"] == "PHONE_TAKEN"
    assert memory.last_code(merchant_member.phone) is None


def test_a_number_taken_between_the_codes_and_the_change_is_refused(me, merchant_admin):
    old, new = send_both(me)
    User.objects.create_user(username="late", phone=NEW_PHONE)
    response = me.post("/me/phone/change", {"phone": NEW_PHONE, "old_code": old, "new_code": new})
    assert response.status_code == 409
    assert response.json()["code"] == "PHONE_TAKEN"
    merchant_admin.refresh_from_db()
    assert merchant_admin.phone == "13800000001"


def test_the_same_number_is_refused(me):
    response = me.post("/me/phone/new-code", {"phone": "13800000001"})
    assert response.status_code == 422
    assert response.json()["code"] == "PHONE_SAME"


def test_the_usual_send_limits_apply_to_the_old_number(me):
    assert me.post("/me/phone/old-code").status_code == 200
    again = me.post("/me/phone/old-code")
    assert again.status_code == 429
    assert again.json()["code"] == "SMS_RATE_LIMITED"


# --- WeChat ---


def bind_state(me):
    url = me.get("/me/wechat/bind-url").json()["url"]
    return parse_qs(urlparse(url).query)["state"][0]


def test_wechat_binds_through_the_qr_flow_with_a_bind_intent(me, merchant_admin):
    response = me.post("/me/wechat/bind", {"code": "lin", "state": bind_state(me)})
    assert response.status_code == 200, response.json()
    assert response.json()["wechat_bound"] is True
    merchant_admin.refresh_from_db()
    assert merchant_admin.wechat_unionid == "fake-unionid-lin"
    assert OperationLog.objects.filter(action="bind_wechat", actor=merchant_admin).exists()


def test_a_wechat_bound_to_another_account_is_refused(me, merchant_admin, merchant_member):
    merchant_member.wechat_unionid = "fake-unionid-wang"
    merchant_member.save()
    response = me.post("/me/wechat/bind", {"code": "wang", "state": bind_state(me)})
    assert response.status_code == 409
    assert response.json()["code"] == "WECHAT_ALREADY_BOUND"
    merchant_admin.refresh_from_db()
    assert merchant_admin.wechat_unionid is None


def test_a_bind_state_of_someone_else_or_a_login_state_does_not_bind(api, me, merchant_member):
    other = api.as_user(merchant_member)
    response = other.post("/me/wechat/bind", {"code": "x", "state": bind_state(me)})
    assert response.json()["code"] == "WECHAT_STATE_INVALID"
    login_state = api.get("/auth/wechat/qr").json()["state"]
    assert me.post("/me/wechat/bind", {"code": "x", "state": login_state}).json()["code"] == "WECHAT_STATE_INVALID"
    # …and a bind state never signs anybody in.
    callback = api.post("/auth/wechat/qr/callback", {"code": "x", "state": bind_state(me)})
    assert callback.json()["code"] == "WECHAT_STATE_INVALID"


def test_unbind_clears_every_wechat_identity_and_the_phone_still_signs_in(me, merchant_admin):
    merchant_admin.wechat_unionid = "fake-unionid-lin"
    merchant_admin.wechat_web_openid = "fake-web-openid-lin"
    merchant_admin.wechat_mp_openid = "fake-mp-openid-lin"
    merchant_admin.save()
    response = me.post("/me/wechat/unbind")
    assert response.status_code == 200
    assert response.json()["wechat_bound"] is False
    merchant_admin.refresh_from_db()
    assert (merchant_admin.wechat_unionid, merchant_admin.wechat_web_openid, merchant_admin.wechat_mp_openid) == (
        None,
        "",
        "",
    )
    assert OperationLog.objects.get(action="unbind_wechat").changes["wechat_unionid"] == ["fake-unionid-lin", None]
    assert me.post("/me/wechat/unbind").json()["code"] == "WECHAT_NOT_LINKED"


# --- 我的操作记录 ---


def test_my_operation_log_lists_only_my_own_entries_newest_first(me, api, merchant_member):
    patch(me, "/me/profile", {"email": "a@jmt.cn"})
    patch(me, "/me/profile", {"email": "b@jmt.cn"})
    patch(api.as_user(merchant_member), "/me/profile", {"email": "c@jmt.cn"})
    body = me.get("/me/operation-logs", page_size=1).json()
    assert body["total"] == 2
    assert body["page_size"] == 1
    [entry] = body["items"]
    assert entry["action_label"] == "修改个人信息"
    assert "b@jmt.cn" in entry["summary"]
