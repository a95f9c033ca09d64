from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from jmt.accounts.models import SmsCode
from jmt.integrations.sms import memory

pytestmark = pytest.mark.django_db


def send(api, phone="13812345678", ip="10.0.0.1"):
    return api.post("/auth/sms/send", {"phone": phone, "scene": "login"}, REMOTE_ADDR=ip)


def test_send_delivers_a_six_digit_code_to_the_phone(api):
    response = send(api)
    assert response.status_code == 200
    assert response.json() == {"cooldown_seconds": 60, "expires_in": 300}
    assert [m.phone for m in memory.outbox] == ["13812345678"]
    assert memory.outbox[0].code.isdigit()
    assert len(memory.outbox[0].code) == 6


def test_send_stores_only_a_hash_of_the_code(api):
    send(api)
    record = SmsCode.objects.get()
    assert memory.outbox[0].code not in record.code_hash


@pytest.mark.parametrize("phone", ["12345", "23812345678", "1381234567a", "", "+1 4155550100"])
def test_send_refuses_numbers_that_are_not_mainland_mobiles(api, phone):
    response = send(api, phone=phone)
    assert response.status_code == 422
    assert response.json()["code"] == "PHONE_INVALID"
    assert "手机号" in response.json()["message"]
    assert memory.outbox == []


@pytest.mark.parametrize("typed", ["１３８１２３４５６７８", "138 1234 5678", "+86 138-1234-5678"])
def test_send_accepts_full_width_digits_spaces_and_country_code(api, typed):
    assert send(api, phone=typed).status_code == 200
    assert memory.outbox[0].phone == "13812345678"


def test_send_refuses_an_unknown_scene(api):
    response = api.post("/auth/sms/send", {"phone": "13812345678", "scene": "transfer"})
    assert response.status_code == 422
    assert response.json()["code"] == "VALIDATION_ERROR"
    assert "scene" in response.json()["details"]["fields"]


def test_second_send_within_60_seconds_is_refused_with_the_seconds_to_wait(api):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        send(api)
        clock.shift(timedelta(seconds=18))
        response = send(api)
    assert response.status_code == 429
    body = response.json()
    assert body["code"] == "SMS_RATE_LIMITED"
    assert body["details"]["retry_after"] == 42
    assert "42 秒" in body["message"]
    assert len(memory.outbox) == 1


def test_send_is_allowed_again_after_the_cooldown(api):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        send(api)
        clock.shift(timedelta(seconds=61))
        assert send(api).status_code == 200


def test_sixth_send_within_an_hour_is_refused_until_the_first_leaves_the_window(api):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        for _ in range(5):
            assert send(api).status_code == 200
            clock.shift(timedelta(minutes=2))
        response = send(api)  # 10 minutes after the first
    assert response.status_code == 429
    assert response.json()["details"]["retry_after"] == 50 * 60


def test_eleventh_send_within_a_day_is_refused(api):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        for _ in range(10):
            assert send(api).status_code == 200
            clock.shift(timedelta(minutes=13))  # stays under 5 an hour
        response = send(api)
    assert response.status_code == 429
    assert "今日" in response.json()["message"]
    assert len(memory.outbox) == 10


def test_one_ip_is_capped_across_many_phones(api, settings):
    settings.SMS_MAX_PER_IP_HOUR = 3
    for n in range(3):
        assert send(api, phone=f"1381234560{n}").status_code == 200
    response = send(api, phone="13812345609")
    assert response.status_code == 429
    assert response.json()["code"] == "SMS_RATE_LIMITED"
    assert send(api, phone="13812345609", ip="10.0.0.2").status_code == 200


def test_a_failed_delivery_does_not_count_against_the_limits(api, monkeypatch):
    from jmt.integrations.sms.port import SmsError

    def refuse(self, message):
        raise SmsError("provider down", permanent=False)

    monkeypatch.setattr(memory.MemorySmsSender, "send_code", refuse)
    response = send(api)
    assert response.status_code == 502
    assert response.json()["code"] == "SMS_SEND_FAILED"
    assert SmsCode.objects.count() == 0
