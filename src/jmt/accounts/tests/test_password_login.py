from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from jmt.accounts.models import LoginLog

pytestmark = pytest.mark.django_db


def login(api, username="root", password="Crystal-2026!"):
    return api.post("/auth/password/login", {"username": username, "password": password})


def test_a_back_office_account_logs_in_with_its_password(api, superadmin):
    response = login(api)
    assert response.status_code == 200
    assert response.json()["user"]["is_staff"] is True


def test_a_wrong_password_says_how_many_tries_are_left(api, superadmin):
    response = login(api, password="wrong")
    assert response.status_code == 401
    assert response.json()["code"] == "LOGIN_FAILED"
    assert response.json()["details"]["remaining_attempts"] == 4


def test_an_unknown_account_fails_like_a_wrong_password(api, superadmin):
    response = login(api, username="nobody")
    assert response.status_code == 401
    assert response.json()["code"] == "LOGIN_FAILED"


def test_five_failures_in_fifteen_minutes_lock_the_account_for_fifteen_minutes(api, superadmin):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        codes = []
        for _ in range(5):
            codes.append(login(api, password="wrong").json()["code"])
            clock.shift(timedelta(minutes=2))
        assert codes == ["LOGIN_FAILED"] * 4 + ["ACCOUNT_LOCKED"]
        locked = login(api)  # even the right password, 2 minutes after the fifth failure
        assert locked.status_code == 423
        assert locked.json()["code"] == "ACCOUNT_LOCKED"
        assert locked.json()["details"]["retry_after"] == 13 * 60
        clock.shift(timedelta(minutes=13, seconds=1))
        assert login(api).status_code == 200


def test_failures_spread_over_more_than_fifteen_minutes_do_not_lock(api, superadmin):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        for _ in range(5):
            login(api, password="wrong")
            clock.shift(timedelta(minutes=4))
        assert login(api).status_code == 200


def test_a_success_resets_the_failure_count(api, superadmin):
    for _ in range(4):
        login(api, password="wrong")
    assert login(api).status_code == 200
    assert login(api, password="wrong").json()["details"]["remaining_attempts"] == 4


def test_a_merchant_user_cannot_use_the_back_office_login(api, merchant_admin):
    merchant_admin.set_password("Merchant-2026!")
    merchant_admin.save()
    response = login(api, username=merchant_admin.username, password="Merchant-2026!")
    assert response.status_code == 403
    assert response.json()["code"] == "NOT_STAFF_ACCOUNT"


def test_attempts_are_logged_with_reason_ip_and_user_agent(api, superadmin):
    api.post("/auth/password/login", {"username": "root", "password": "x"}, headers={"User-Agent": "UA-1"})
    log = LoginLog.objects.get()
    assert (log.success, log.reason, log.ip, log.user_agent, log.user) == (
        False,
        "LOGIN_FAILED",
        "127.0.0.1",
        "UA-1",
        superadmin,
    )
