from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from jmt.integrations.sms.aliyun import AliyunSmsSender
from jmt.integrations.sms.console import ConsoleSmsSender
from jmt.integrations.sms.factory import get_sms_sender
from jmt.integrations.sms.memory import MemorySmsSender
from jmt.integrations.sms.tencent import TencentSmsSender
from jmt.system.models import SystemParameter

pytestmark = pytest.mark.django_db  # the signature is read from 系统参数


@pytest.mark.parametrize(("backend", "kind"), [("console", ConsoleSmsSender), ("memory", MemorySmsSender)])
def test_factory_returns_the_stand_in_named_by_sms_backend(settings, backend, kind):
    settings.SMS_BACKEND = backend

    assert isinstance(get_sms_sender(), kind)


def test_factory_builds_the_aliyun_sender_from_settings(settings):
    settings.SMS_BACKEND = "aliyun"
    settings.ALIYUN_SMS_ENDPOINT = "https://dysmsapi.aliyuncs.com/"
    settings.ALIYUN_ACCESS_KEY_ID = "LTAI-id"
    settings.ALIYUN_ACCESS_KEY_SECRET = "secret"
    settings.SMS_SIGN_NAME = "晶贸通"
    settings.SMS_TEMPLATE_LOGIN = "SMS_123"

    sender = get_sms_sender()

    assert isinstance(sender, AliyunSmsSender)
    assert sender.template_code == "SMS_123"
    assert sender.sign_name == "晶贸通"


def test_factory_builds_the_tencent_sender_from_settings(settings):
    settings.SMS_BACKEND = "tencent"
    settings.TENCENT_SECRET_ID = "AKID"
    settings.TENCENT_SECRET_KEY = "key"
    settings.TENCENT_SMS_SDK_APP_ID = "1400000001"
    settings.SMS_TEMPLATE_LOGIN = "1234567"

    sender = get_sms_sender()

    assert isinstance(sender, TencentSmsSender)
    assert sender.template_id == "1234567"
    assert sender.region == settings.TENCENT_SMS_REGION


def test_factory_refuses_a_real_backend_without_its_template(settings):
    settings.SMS_BACKEND = "aliyun"
    settings.ALIYUN_ACCESS_KEY_ID = "LTAI-id"
    settings.ALIYUN_ACCESS_KEY_SECRET = "secret"
    settings.SMS_TEMPLATE_LOGIN = ""

    with pytest.raises(ImproperlyConfigured, match="SMS_TEMPLATE_LOGIN"):
        get_sms_sender()


def test_factory_refuses_an_unknown_backend(settings):
    settings.SMS_BACKEND = "carrier-pigeon"

    with pytest.raises(ImproperlyConfigured, match="carrier-pigeon"):
        get_sms_sender()


def test_the_signature_of_the_system_parameters_wins_over_the_environment(settings):
    settings.SMS_BACKEND = "aliyun"
    settings.ALIYUN_SMS_ENDPOINT = "https://dysmsapi.aliyuncs.com/"
    settings.ALIYUN_ACCESS_KEY_ID = "LTAI-id"
    settings.ALIYUN_ACCESS_KEY_SECRET = "secret"
    settings.SMS_SIGN_NAME = "晶贸通"
    settings.SMS_TEMPLATE_LOGIN = "SMS_123"
    SystemParameter.objects.create(group="notifications", value={"sms_sign": "捷晶科技"})

    sender = get_sms_sender()

    assert isinstance(sender, AliyunSmsSender)
    assert sender.sign_name == "捷晶科技"
