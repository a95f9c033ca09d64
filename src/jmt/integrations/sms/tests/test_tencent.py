from __future__ import annotations

import pytest

from jmt.integrations.sms.port import SmsError, SmsMessage
from jmt.integrations.sms.tencent import TencentSmsSender, tc3_authorization
from jmt.integrations.sms.tests.fake_server import FakeTencentSms
from jmt.integrations.testing import FakeHttpServer

MESSAGE = SmsMessage(phone="13800138000", scene="login", code="654321")


def make_sender(server: FakeHttpServer[FakeTencentSms], *, secret: str | None = None) -> TencentSmsSender:
    return TencentSmsSender(
        endpoint=server.url,
        secret_id=server.app.secret_id,
        secret_key=server.app.secret_key if secret is None else secret,
        sdk_app_id=server.app.sdk_app_id,
        sign_name="晶贸通",
        template_id="1234567",
        region="ap-guangzhou",
    )


def test_tc3_authorization_matches_the_documented_example():
    # Tencent Cloud's "签名方法 v3" worked example (DescribeInstances on cvm, 2019-02-26 00:44:25 +08:00).
    payload = b'{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}'

    authorization = tc3_authorization(
        secret_id="AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******",
        secret_key="Gu5t9xGARNpq86cd98joQYCN3*******",
        service="cvm",
        timestamp=1551113065,
        headers={"Content-Type": "application/json; charset=utf-8", "Host": "cvm.tencentcloudapi.com"},
        payload=payload,
    )

    assert authorization == (
        "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, "
        "SignedHeaders=content-type;host, "
        "Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c"
    )


def test_tencent_sender_sends_a_signed_sendsms_request(tencent_api):
    make_sender(tencent_api).send_code(MESSAGE)

    assert tencent_api.app.delivered == [
        {
            "PhoneNumberSet": ["+8613800138000"],
            "SmsSdkAppId": tencent_api.app.sdk_app_id,
            "SignName": "晶贸通",
            "TemplateId": "1234567",
            "TemplateParamSet": ["654321"],
        }
    ]
    headers = tencent_api.requests[0].headers
    assert headers["x-tc-action"] == "SendSms"
    assert headers["x-tc-version"] == "2021-01-11"
    assert headers["x-tc-region"] == "ap-guangzhou"
    assert "SignedHeaders=content-type;host;x-tc-action" in headers["authorization"]


@pytest.mark.parametrize(
    "code",
    [
        "LimitExceeded.PhoneNumberDailyLimit",
        "LimitExceeded.PhoneNumberThirtySecondLimit",
        "InvalidParameterValue.IncorrectPhoneNumber",
    ],
)
def test_tencent_sender_raises_a_permanent_error_when_the_number_is_refused(tencent_api, code):
    tencent_api.app.status_code = code

    with pytest.raises(SmsError) as caught:
        make_sender(tencent_api).send_code(MESSAGE)

    assert caught.value.permanent is True
    assert caught.value.provider_code == code
    assert len(tencent_api.requests) == 1


@pytest.mark.parametrize(
    ("code", "permanent"),
    [
        ("InternalError.Timeout", False),
        ("RequestLimitExceeded", False),
        ("FailedOperation.InsufficientBalanceInSmsPackage", True),
    ],
)
def test_tencent_sender_classifies_request_level_errors(tencent_api, code, permanent):
    tencent_api.app.error_code = code

    with pytest.raises(SmsError) as caught:
        make_sender(tencent_api).send_code(MESSAGE)

    assert caught.value.permanent is permanent
    assert caught.value.provider_code == code


def test_tencent_sender_retries_once_after_5xx(tencent_api):
    tencent_api.app.fail_next = [502]

    make_sender(tencent_api).send_code(MESSAGE)

    assert len(tencent_api.requests) == 2
    assert len(tencent_api.app.delivered) == 1


def test_tencent_sender_gives_up_with_a_transient_error_when_5xx_persists(tencent_api):
    tencent_api.app.fail_next = [502, 503, 504]

    with pytest.raises(SmsError) as caught:
        make_sender(tencent_api).send_code(MESSAGE)

    assert caught.value.permanent is False
    assert caught.value.provider_code == "HTTP 504"
    assert tencent_api.app.delivered == []


def test_tencent_request_signed_with_the_wrong_key_is_refused_by_the_fake(tencent_api):
    with pytest.raises(SmsError) as caught:
        make_sender(tencent_api, secret="not-the-key").send_code(MESSAGE)

    assert caught.value.provider_code == "AuthFailure.SignatureFailure"
    assert caught.value.permanent is True
    assert tencent_api.app.delivered == []


def test_tencent_sender_reports_an_unreadable_4xx_as_permanent(tencent_api):
    tencent_api.app.fail_next = [404]

    with pytest.raises(SmsError) as caught:
        make_sender(tencent_api).send_code(MESSAGE)

    assert caught.value.permanent is True
    assert caught.value.provider_code == "HTTP 404"
