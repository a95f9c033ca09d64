import pytest

from jmt.accounts.models import User
from jmt.integrations.sms import memory
from jmt.merchants.models import Membership

pytestmark = pytest.mark.django_db


def test_miniprogram_login_registers_a_new_phone_and_binds_the_unionid(api):
    response = api.post("/auth/wechat/miniprogram", {"login_code": "alice", "phone_code": "13700000001"})
    assert response.status_code == 200
    assert response.json()["is_new_user"] is True
    user = User.objects.get(phone="13700000001")
    assert user.wechat_unionid == "fake-unionid-alice"
    assert user.wechat_mp_openid == "fake-mp-openid-alice"
    assert Membership.objects.get(user=user).role == "admin"


def test_miniprogram_login_finds_a_returning_person_by_unionid(api):
    api.post("/auth/wechat/miniprogram", {"login_code": "alice", "phone_code": "13700000001"})
    again = api.post("/auth/wechat/miniprogram", {"login_code": "alice", "phone_code": "13700000001"})
    assert again.json()["is_new_user"] is False
    assert User.objects.count() == 1


def test_miniprogram_login_binds_an_existing_phone_account(api, merchant_admin):
    response = api.post("/auth/wechat/miniprogram", {"login_code": "lin", "phone_code": merchant_admin.phone})
    assert response.json()["is_new_user"] is False
    merchant_admin.refresh_from_db()
    assert merchant_admin.wechat_unionid == "fake-unionid-lin"


def test_miniprogram_login_reports_a_refused_code(api):
    response = api.post("/auth/wechat/miniprogram", {"login_code": "invalid-code", "phone_code": "13700000001"})
    assert response.status_code == 400
    assert response.json()["code"] == "WECHAT_AUTH_FAILED"
    assert response.json()["details"]["errcode"] == 40029
    assert User.objects.count() == 0


def test_qr_login_url_carries_a_signed_state(api):
    body = api.get("/auth/wechat/qr").json()
    assert body["state"]
    assert "state=" in body["url"]


def test_qr_callback_refuses_a_forged_state(api):
    response = api.post("/auth/wechat/qr/callback", {"code": "bob", "state": "forged"})
    assert response.status_code == 400
    assert response.json()["code"] == "WECHAT_STATE_INVALID"


def test_qr_login_of_an_unbound_wechat_binds_it_at_the_next_sms_login(api, merchant_admin):
    state = api.get("/auth/wechat/qr").json()["state"]
    refused = api.post("/auth/wechat/qr/callback", {"code": "lin", "state": state})
    assert refused.status_code == 409
    assert refused.json()["code"] == "WECHAT_NOT_BOUND"
    ticket = refused.json()["details"]["bind_ticket"]

    api.post("/auth/sms/send", {"phone": merchant_admin.phone, "scene": "login"})
    login = api.post(
        "/auth/sms/login", {"phone": merchant_admin.phone, "code": memory.outbox[-1].code, "wechat_bind_ticket": ticket}
    )
    assert login.status_code == 200
    assert login.json()["user"]["wechat_bound"] is True

    state = api.get("/auth/wechat/qr").json()["state"]
    scanned = api.post("/auth/wechat/qr/callback", {"code": "lin", "state": state})
    assert scanned.status_code == 200
    assert scanned.json()["user"]["id"] == merchant_admin.pk


def test_a_forged_bind_ticket_is_refused(api, merchant_admin):
    api.post("/auth/sms/send", {"phone": merchant_admin.phone, "scene": "login"})
    response = api.post(
        "/auth/sms/login",
        {"phone": merchant_admin.phone, "code": memory.outbox[-1].code, "wechat_bind_ticket": "forged"},
    )
    assert response.status_code == 400
    assert response.json()["code"] == "WECHAT_BIND_TICKET_INVALID"
