from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from jmt.accounts.models import LoginLog, RefreshToken, User
from jmt.integrations.sms import memory
from jmt.merchants.models import Membership, Merchant

pytestmark = pytest.mark.django_db
PHONE = "13812345678"


def request_code(api, phone=PHONE):
    assert api.post("/auth/sms/send", {"phone": phone, "scene": "login"}).status_code == 200
    return memory.outbox[-1].code


def login(api, code, phone=PHONE, remember=False):
    return api.post("/auth/sms/login", {"phone": phone, "code": code, "remember": remember})


def test_a_new_phone_registers_a_user_a_merchant_and_makes_them_its_admin(api):
    response = login(api, request_code(api))
    assert response.status_code == 200
    body = response.json()
    assert body["is_new_user"] is True
    assert body["access"]
    assert body["refresh"]
    assert body["expires_in"] == 900
    user = User.objects.get(phone=PHONE)
    membership = Membership.objects.get(user=user)
    assert membership.role == "admin"
    assert membership.merchant.name == ""  # to be completed
    assert user.current_merchant == membership.merchant


def test_a_known_phone_logs_in_without_creating_anything(api, merchant_admin):
    response = login(api, request_code(api, merchant_admin.phone), phone=merchant_admin.phone)
    assert response.status_code == 200
    assert response.json()["is_new_user"] is False
    assert Merchant.objects.count() == 1


def test_registration_is_all_or_nothing(api, monkeypatch):
    import jmt.accounts.services as services

    def broken(*, actor):
        raise RuntimeError("merchant table unavailable")

    monkeypatch.setattr(services, "merchant_create_for_new_user", broken)
    response = login(api, request_code(api))
    assert response.status_code == 500
    assert response.json()["code"] == "INTERNAL_ERROR"
    assert "Traceback" not in response.content.decode()
    assert not User.objects.filter(phone=PHONE).exists()
    assert Merchant.objects.count() == 0


def test_a_code_works_only_once(api):
    code = request_code(api)
    assert login(api, code).status_code == 200
    again = login(api, code)
    assert again.status_code == 400
    assert again.json()["code"] == "SMS_CODE_EXPIRED"


def test_a_code_expires_after_five_minutes(api):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        code = request_code(api)
        clock.shift(timedelta(minutes=5, seconds=1))
        response = login(api, code)
    assert response.status_code == 400
    assert response.json()["code"] == "SMS_CODE_EXPIRED"


def test_a_wrong_code_says_how_many_tries_are_left(api):
    code = request_code(api)
    wrong = "000000" if code != "000000" else "111111"
    response = login(api, wrong)
    assert response.status_code == 400
    assert response.json()["code"] == "SMS_CODE_INVALID"
    assert response.json()["details"]["remaining_attempts"] == 4


def test_five_wrong_tries_burn_the_code(api):
    code = request_code(api)
    wrong = "000000" if code != "000000" else "111111"
    codes = [login(api, wrong).json()["code"] for _ in range(5)]
    assert codes == ["SMS_CODE_INVALID"] * 4 + ["SMS_CODE_ATTEMPTS_EXCEEDED"]
    response = login(api, code)  # even the right code no longer works
    assert response.status_code == 400
    assert response.json()["code"] == "SMS_CODE_EXPIRED"
    assert not User.objects.filter(phone=PHONE).exists()


def test_only_the_latest_code_counts(api):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        first = request_code(api)
        clock.shift(timedelta(seconds=61))
        second = request_code(api)
        if first != second:
            assert login(api, first).json()["code"] == "SMS_CODE_INVALID"
        assert login(api, second).status_code == 200


def test_remember_me_keeps_the_refresh_token_for_seven_days(api):
    login(api, request_code(api), remember=True)
    token = RefreshToken.objects.get()
    assert token.expires_at - token.created_at == timedelta(days=7)


def test_without_remember_me_the_refresh_token_lasts_twelve_hours(api):
    login(api, request_code(api), remember=False)
    token = RefreshToken.objects.get()
    assert token.expires_at - token.created_at == timedelta(hours=12)


def test_every_attempt_is_in_the_login_log_with_ip_and_user_agent(api):
    code = request_code(api)
    api.post("/auth/sms/login", {"phone": PHONE, "code": "x"}, headers={"User-Agent": "UA-test"})
    login(api, code)
    logs = list(LoginLog.objects.order_by("created_at", "pk").values_list("success", "reason", "ip", "user_agent"))
    assert logs[0] == (False, "SMS_CODE_INVALID", "127.0.0.1", "UA-test")
    assert logs[1][0] is True


def test_a_disabled_account_cannot_log_in(api, merchant_admin):
    merchant_admin.is_active = False
    merchant_admin.save()
    response = login(api, request_code(api, merchant_admin.phone), phone=merchant_admin.phone)
    assert response.status_code == 403
    assert response.json()["code"] == "ACCOUNT_DISABLED"
